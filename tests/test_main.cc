// The one test binary's entry point; test cases live in tests/*_test.cc.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#!/usr/bin/env bash
# Builds corridor and runs the whole test suite: `bash tests/run.sh`.
#
# Integration tests on real public lists read the folder named by CORRIDOR_REFERENCE_DATA; when
# it is unset and ../shared/data exists beside the repository, that folder is used. Without it
# those tests skip and say so.
#
#   CORRIDOR_BUILD_DIR   build folder (default: build)
#   CORRIDOR_SANITIZE=1  build with AddressSanitizer and UndefinedBehaviorSanitizer (Debug)
#   CORRIDOR_BUILD_TYPE  CMake build type otherwise (default Release: -O3, the build CI checks;
#                        RelWithDebInfo adds debug information)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${CORRIDOR_BUILD_DIR:-build}
sanitize=OFF
build_type=${CORRIDOR_BUILD_TYPE:-Release}
if [ "${CORRIDOR_SANITIZE:-0}" = 1 ]; then
  sanitize=ON
  build_type=Debug
fi
if [ -z "${CORRIDOR_REFERENCE_DATA:-}" ] && [ -d "$root/../shared/data" ]; then
  export CORRIDOR_REFERENCE_DATA="$root/../shared/data"
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# Warnings are errors here and in CI (CORRIDOR_WERROR), never in a user's plain build.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DCORRIDOR_SANITIZE="$sanitize" \
  -DCORRIDOR_WERROR=ON "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
cd "$build_dir"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
ctest --output-on-failure -j "$(nproc)" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
skipped=$(grep -c '(Skipped)' "$log" || true)
if [ "$skipped" -gt 0 ]; then
  echo "skipped: $skipped tests need the real public lists (set CORRIDOR_REFERENCE_DATA)"
else
  echo "skipped: 0 tests"
fi
exit "$status"

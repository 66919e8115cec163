// Helpers shared by the fuzz targets (docs/fuzzing.md): a per-process scratch folder, writing
// the fuzz input to files in it, splitting one input into several files, and feeding a file to a
// list importer.
#ifndef CORRIDOR_TESTS_FUZZ_FUZZ_UTIL_H_
#define CORRIDOR_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostics.h"

namespace corridor::fuzz {

// The byte that separates the files of one input ("\x1e", ASCII record separator): targets that
// read several files take the input's first part as the first file, the next as the second.
constexpr char kFileSeparator = '\x1e';

// A folder private to this process, created on first use and removed at normal exit. Targets
// reuse fixed file names in it, so inputs never accumulate.
const std::string& ScratchDir();

// Writes `contents` to `path` (replacing it); aborts when it cannot, since every later result
// would be meaningless.
void WriteFile(const std::string& path, std::string_view contents);

// Copies `from` to `to` (replacing it), retrying when a signal interrupts the copy: libFuzzer's
// timers interrupt system calls, and std::filesystem::copy_file then throws "Interrupted system
// call" (a CI smoke run of acled_fuzz died so, 2026-12-02). Aborts on any other failure.
void CopyFile(const std::string& from, const std::string& to);
// The same for a folder and everything in it (`to` is replaced).
void CopyTree(const std::string& from, const std::string& to);

// The input as text, split at kFileSeparator into at most `max_parts` parts (the last part keeps
// any further separators).
std::vector<std::string_view> SplitInput(const uint8_t* data, size_t size, size_t max_parts);

// Writes `contents` to `file` in a folder of its own (files of an earlier input removed) and
// imports it as `format` into a fresh in-memory input database. For ofac-csv, `companions` are
// written beside it as add.csv, alt.csv and sdn_comments.csv (fewer when shorter).
void ImportListBytes(const std::string& format, const std::string& file, std::string_view contents,
                     const std::vector<std::string_view>& companions = {});

// Formats every diagnostic; prints them to stderr when CORRIDOR_FUZZ_VERBOSE is set (to see
// what a seed or reproducer does: `CORRIDOR_FUZZ_VERBOSE=1 rules_fuzz FILE`).
void PrintDiagnostics(const Diagnostics& diagnostics);

}  // namespace corridor::fuzz

#endif  // CORRIDOR_TESTS_FUZZ_FUZZ_UTIL_H_

// Reading whole input files safely: regular files only, up to a size limit.
#ifndef CORRIDOR_ENGINE_BASE_FILE_H_
#define CORRIDOR_ENGINE_BASE_FILE_H_

#include <cstdint>
#include <string>

#include "engine/base/status.h"

namespace corridor {

// The default limit of ReadRegularFile: 512 MiB, several times the largest published list.
constexpr int64_t kDefaultMaxFileBytes = int64_t{512} << 20;

// Reads the whole of `path` into `contents`. The file is opened without blocking (a FIFO cannot
// hang the caller) and checked with fstat on the open descriptor (no race with a rename):
// anything but a regular file (a FIFO, a device such as /dev/zero, a directory) fails with
// IoError, a file larger than `max_bytes` (or one that grows past it while read) with Limit,
// a missing file with NotFound. Messages start with "PATH: ".
Status ReadRegularFile(const std::string& path, int64_t max_bytes, std::string* contents);

// Writes `text` to `path` whole or not at all: into a new temporary file beside it ("PATH.tmp."
// and six random characters, created exclusively, so no existing file is ever written through),
// flushed to disk, then renamed over `path`. On failure the temporary file is removed and `path`
// is left as it was. IoError names the file.
Status WriteFileAtomically(const std::string& path, const std::string& text);

}  // namespace corridor

#endif  // CORRIDOR_ENGINE_BASE_FILE_H_

#include "engine/base/file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "engine/base/signal_cleanup.h"

namespace corridor {

Status ReadRegularFile(const std::string& path, int64_t max_bytes, std::string* contents) {
  contents->clear();
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int error = errno;
    std::string message = path + ": cannot open (" + std::strerror(error) + ")";
    return error == ENOENT ? Status::NotFound(message) : Status::IoError(message);
  }
  struct stat info;
  if (fstat(fd, &info) != 0) {
    close(fd);
    return Status::IoError(path + ": cannot stat");
  }
  if (!S_ISREG(info.st_mode)) {
    close(fd);
    return Status::IoError(
        path + (S_ISDIR(info.st_mode) ? ": is a directory, not a file" : ": not a regular file"));
  }
  if (info.st_size > max_bytes) {
    close(fd);
    return Status::Limit(path + ": " + std::to_string(info.st_size) + " bytes, over the limit of " +
                         std::to_string(max_bytes));
  }
  // Regular files never block; clear O_NONBLOCK anyway so reads behave as usual.
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  contents->reserve(static_cast<size_t>(info.st_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t got = read(fd, buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      close(fd);
      contents->clear();
      return Status::IoError(path + ": read failed (" + std::strerror(errno) + ")");
    }
    if (got == 0) break;
    // The file may grow while it is read: the limit holds for what is read, not what was stat'd.
    if (static_cast<int64_t>(contents->size()) + got > max_bytes) {
      close(fd);
      contents->clear();
      return Status::Limit(path + ": over the limit of " + std::to_string(max_bytes) + " bytes");
    }
    contents->append(buffer, static_cast<size_t>(got));
  }
  close(fd);
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, const std::string& text) {
  std::string temp = path + ".tmp.XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) return Status::IoError(path + ": cannot create a temporary file beside it");
  RemoveOnSignal temp_on_signal(temp, RemoveOnSignal::Kind::kFile);
  bool ok = true;
  for (size_t done = 0; ok && done < text.size();) {
    const ssize_t written = write(fd, text.data() + done, text.size() - done);
    if (written < 0 && errno == EINTR) continue;
    ok = written > 0;
    if (ok) done += static_cast<size_t>(written);
  }
  ok = ok && fsync(fd) == 0;
  ok = close(fd) == 0 && ok;
  if (ok && std::rename(temp.c_str(), path.c_str()) == 0) return Status::Ok();
  std::remove(temp.c_str());
  return Status::IoError(path + ": cannot write it");
}

}  // namespace corridor

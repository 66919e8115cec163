#include "engine/config/rules_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace corridor {

namespace fs = std::filesystem;

namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Status ErrnoStatus(int error) {
  if (error == ENOENT || error == ENOTDIR) return Status::NotFound("no such file");
  if (error == ELOOP) return Status::Refused("symbolic link loop");
  return Status::IoError(std::strerror(error));
}

// Reads an open regular file to its end, refusing it when it grows past the limit while being
// read (the size fstat gave is only a first check).
Status ReadAll(int fd, std::string* contents) {
  contents->clear();
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof(buffer));
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return ErrnoStatus(errno);
    if (got == 0) return Status::Ok();
    if (contents->size() + static_cast<size_t>(got) > kMaxRulesFileBytes) {
      return Status::Limit("larger than 64 MiB");
    }
    contents->append(buffer, static_cast<size_t>(got));
  }
}

}  // namespace

Status RulesFolder::Open(const std::string& directory, RulesFolder* folder) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) return Status::NotFound("not a rules folder");
  fs::path root = fs::canonical(directory, error);
  if (error) return Status::NotFound("not a rules folder");
  folder->directory_ = directory;
  folder->root_ = root;
  return Status::Ok();
}

Status RulesFolder::ListRuleFiles(std::vector<std::string>* names) const {
  names->clear();
  std::error_code error;
  // Error codes throughout: a directory entry that is a link in a loop must become a diagnostic,
  // never an exception.
  fs::directory_iterator it(root_, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (it->path().extension() == ".textproto") names->push_back(it->path().filename().string());
  }
  if (error) return Status::IoError("cannot list the folder: " + error.message());
  std::sort(names->begin(), names->end());
  return Status::Ok();
}

// Confinement is decided on the resolved path: `../x`, an absolute path and a link leading out
// all resolve outside the canonical root. weakly_canonical resolves every link it can; what is
// left unresolved is a name that does not exist, or a link whose target does not.
Status RulesFolder::Resolve(const std::string& path, fs::path* resolved, std::string* key) const {
  if (path.empty()) return Status::NotFound("no such file");
  std::error_code error;
  *resolved = fs::weakly_canonical(root_ / path, error);  // an absolute `path` replaces root_
  if (error) return ErrnoStatus(error.value());
  fs::path relative = resolved->lexically_relative(root_);
  if (relative.empty() || *relative.begin() == ".." || relative == ".") {
    return Status::Refused(relative == "." ? "not a regular file" : "outside the rules folder");
  }
  if (fs::is_symlink(fs::symlink_status(*resolved, error))) {
    return Status::Refused("dangling symbolic link");
  }
  *key = relative.generic_string();
  return Status::Ok();
}

Status RulesFolder::Read(const std::string& path, std::string* contents, std::string* key) const {
  fs::path resolved;
  Status status = Resolve(path, &resolved, key);
  if (!status.ok()) return status;
  // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the resolved path has no
  // links left, so one appearing now (a race) is refused rather than followed out of the folder.
  FileDescriptor fd(::open(resolved.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) return ErrnoStatus(errno);
  struct stat info;
  if (::fstat(fd.get(), &info) != 0) return ErrnoStatus(errno);
  if (!S_ISREG(info.st_mode)) return Status::Refused("not a regular file");
  if (static_cast<uint64_t>(info.st_size) > kMaxRulesFileBytes) {
    return Status::Limit("larger than 64 MiB");
  }
  return ReadAll(fd.get(), contents);
}

std::string RulesFolder::DisplayName(const std::string& path) const {
  if (!path.empty() && path.front() == '/') return path;
  if (directory_.empty() || directory_.back() == '/') return directory_ + path;
  return directory_ + "/" + path;
}

}  // namespace corridor

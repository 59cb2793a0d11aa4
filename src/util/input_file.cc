#include "util/input_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace plangen {

namespace {

std::string TypeProblem(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "it is a directory";
  if (S_ISFIFO(mode)) return "it is a FIFO, not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a regular file";
  if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

// Opens `path` for reading without blocking on a FIFO or a device, checks it is a regular file
// and switches the descriptor back to blocking reads. Returns -1 with `why` set.
int OpenRegular(const std::string& path, struct stat* st, std::string* why) {
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *why = std::strerror(errno);
    return -1;
  }
  if (fstat(fd, st) != 0) {
    *why = std::strerror(errno);
    close(fd);
    return -1;
  }
  *why = TypeProblem(st->st_mode);
  if (!why->empty()) {
    close(fd);
    return -1;
  }
  int flags = fcntl(fd, F_GETFL);
  if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

}  // namespace

bool ReadInputFile(const std::string& path, uint64_t limit, std::string* bytes, InputFileError* err) {
  *err = InputFileError();
  struct stat st;
  int fd = OpenRegular(path, &st, &err->why);
  if (fd < 0) return false;
  if (static_cast<uint64_t>(st.st_size) > limit) {
    close(fd);
    err->too_large = true;
    err->size = static_cast<uint64_t>(st.st_size);
    err->why = "it is larger than the limit";
    return false;
  }
  bytes->clear();
  bytes->reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  while (true) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      err->why = std::strerror(errno);
      close(fd);
      return false;
    }
    if (n == 0) break;
    bytes->append(buf, static_cast<size_t>(n));
    // A file that grows while it is read is held to the same limit.
    if (bytes->size() > limit) {
      close(fd);
      err->too_large = true;
      err->size = bytes->size();
      err->why = "it is larger than the limit";
      return false;
    }
  }
  close(fd);
  return true;
}

std::string InputFileProblem(const std::string& path) {
  struct stat st;
  std::string why;
  int fd = OpenRegular(path, &st, &why);
  if (fd >= 0) close(fd);
  return why;
}

}  // namespace plangen

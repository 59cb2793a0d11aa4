#include "util/scratch_file.h"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace plangen {

ScratchFile::~ScratchFile() {
  if (fd_ >= 0) close(fd_);
}

bool ScratchFile::Create(std::string* err) {
  if (fd_ >= 0) return true;
#ifdef MFD_CLOEXEC
  fd_ = memfd_create("plangen-scratch", MFD_CLOEXEC);
#endif
  if (fd_ < 0) {
    const char* tmp = std::getenv("TMPDIR");
    std::string dir = tmp && *tmp ? tmp : "/tmp";
    std::string pattern = dir + "/plangen-scratch-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    fd_ = mkostemp(buf.data(), O_CLOEXEC);
    if (fd_ < 0) {
      *err = "cannot create a scratch file in '" + dir + "': " + std::strerror(errno);
      return false;
    }
    unlink(buf.data());  // the open descriptor keeps it; no name is left to leak
  }
  path_ = "/proc/self/fd/" + std::to_string(fd_);
  struct stat st;
  if (stat(path_.c_str(), &st) != 0) {
    *err = "cannot reach the scratch file through /proc/self/fd: " + std::string(std::strerror(errno));
    close(fd_);
    fd_ = -1;
    return false;
  }
  return true;
}

bool ScratchFile::ReadAll(std::string* bytes, std::string* err) const {
  bytes->clear();
  if (fd_ < 0) {
    *err = "no scratch file";
    return false;
  }
  char buf[1 << 16];
  off_t at = 0;
  while (true) {
    ssize_t n = pread(fd_, buf, sizeof buf, at);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      return false;
    }
    if (n == 0) break;
    bytes->append(buf, static_cast<size_t>(n));
    at += n;
  }
  return true;
}

std::string MemoryFileSystemDir(const std::string& candidate, uint64_t min_free_bytes) {
  constexpr long kTmpfsMagic = 0x01021994;  // TMPFS_MAGIC of <linux/magic.h>
  struct statfs fs;
  if (statfs(candidate.c_str(), &fs) != 0 || static_cast<long>(fs.f_type) != kTmpfsMagic) return "";
  if (static_cast<uint64_t>(fs.f_bavail) * static_cast<uint64_t>(fs.f_bsize) < min_free_bytes) return "";
  struct stat st;
  if (stat(candidate.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || access(candidate.c_str(), W_OK | X_OK) != 0) return "";
  return candidate;
}

}  // namespace plangen

#include "audit/output_tree.h"
#include "audit/sha256.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <zlib.h>

namespace plangen::audit {
namespace {

std::string Errno() { return std::strerror(errno); }

void SplitPath(const std::string& path, std::string* parent, std::string* name) {
  std::string p = path;
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) {
    *parent = ".";
    *name = p;
  } else {
    *parent = slash == 0 ? "/" : p.substr(0, slash);
    *name = p.substr(slash + 1);
  }
}

std::string Join(const std::string& dir, const std::string& name) {
  return dir == "/" ? "/" + name : dir + "/" + name;
}

std::string StagingPrefix(const std::string& name) { return "." + name + ".plangen-staging."; }

// Staging directories are named after the pid of the build that made them; one whose
// process is gone was left by a killed build and only wastes space.
void RemoveStale(const std::string& parent, const std::string& name) {
  DIR* d = opendir(parent.c_str());
  if (!d) return;
  const std::string prefix = StagingPrefix(name);
  std::vector<std::string> stale;
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n.compare(0, prefix.size(), prefix) != 0) continue;
    long pid = std::strtol(n.c_str() + prefix.size(), nullptr, 10);
    if (pid <= 0) continue;
    if (kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) stale.push_back(n);
  }
  closedir(d);
  std::string ignored;
  const std::string output = Join(parent, name);
  struct stat st;
  for (const std::string& n : stale) {
    const std::string path = Join(parent, n);
    // A build killed between the two renames of the fallback commit leaves the previous
    // output under the backup name and no output directory: put it back.
    bool backup = n.size() > 4 && n.compare(n.size() - 4, 4, ".old") == 0;
    if (backup && lstat(output.c_str(), &st) != 0 && errno == ENOENT && rename(path.c_str(), output.c_str()) == 0)
      continue;
    RemoveTree(path, &ignored);
  }
}

bool RemoveAt(int dirfd, const char* name, std::string* err, int depth) {
  struct stat st;
  if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT) return true;
    *err = Errno();
    return false;
  }
  if (!S_ISDIR(st.st_mode)) {
    if (unlinkat(dirfd, name, 0) != 0 && errno != ENOENT) {
      *err = Errno();
      return false;
    }
    return true;
  }
  if (depth > 256) {
    *err = "directory tree too deep";
    return false;
  }
  int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    *err = Errno();
    return false;
  }
  DIR* d = fdopendir(fd);
  if (!d) {
    close(fd);
    *err = Errno();
    return false;
  }
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0) names.push_back(e->d_name);
  }
  bool ok = true;
  for (const std::string& n : names) {
    if (!RemoveAt(fd, n.c_str(), err, depth + 1)) {
      ok = false;
      break;
    }
  }
  closedir(d);  // closes fd too
  if (ok && unlinkat(dirfd, name, AT_REMOVEDIR) != 0 && errno != ENOENT) {
    *err = Errno();
    ok = false;
  }
  return ok;
}

bool MakeDirs(const std::string& root, std::string_view rel_dir, std::string* err) {
  std::string path = root;
  size_t start = 0;
  while (start < rel_dir.size()) {
    size_t slash = rel_dir.find('/', start);
    if (slash == std::string_view::npos) slash = rel_dir.size();
    path += "/" + std::string(rel_dir.substr(start, slash - start));
    if (mkdir(path.c_str(), 0777) != 0 && errno != EEXIST) {
      *err = "cannot create '" + path + "': " + Errno();
      return false;
    }
    start = slash + 1;
  }
  return true;
}

// renameat2 with RENAME_EXCHANGE swaps two directory entries atomically. Called through
// syscall() so that an older C library without the wrapper still builds.
int ExchangeNames(const std::string& a, const std::string& b) {
#if defined(__linux__) && defined(SYS_renameat2)
  constexpr unsigned kRenameExchange = 2;  // RENAME_EXCHANGE from <linux/fs.h>
  return static_cast<int>(syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange));
#else
  (void)a;
  (void)b;
  errno = ENOSYS;
  return -1;
#endif
}

}  // namespace

bool RemoveTree(const std::string& path, std::string* err) { return RemoveAt(AT_FDCWD, path.c_str(), err, 0); }

namespace {
// Removes what killed builds left beside `parent/name`, then makes a fresh directory named after
// this build's pid there ("<parent>/.<name>.plangen-staging.<pid>.XXXXXX"), so the next build
// can tell whether it is stale. `what` names it in the error.
bool MakeStagingDir(const std::string& parent, const std::string& name, const char* what, std::string* path,
                    std::string* err) {
  RemoveStale(parent, name);
  std::string templ = Join(parent, StagingPrefix(name) + std::to_string(getpid()) + ".XXXXXX");
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) {
    *err = std::string("cannot create a ") + what + " directory in '" + parent + "': " + Errno();
    return false;
  }
  *path = buf.data();
  return true;
}
}  // namespace

ScratchDir::~ScratchDir() {
  std::string ignored;
  if (!path_.empty()) RemoveTree(path_, &ignored);
}

bool ScratchDir::Create(const std::string& output_dir, std::string* err) {
  std::string parent, name;
  SplitPath(output_dir, &parent, &name);
  struct stat st;
  if (name.empty() || name == "." || name == ".." || name == "/" || stat(parent.c_str(), &st) != 0 ||
      !S_ISDIR(st.st_mode)) {
    *err = "no folder to put it in beside '" + output_dir + "'";
    return false;
  }
  return MakeStagingDir(parent, name, "scratch", &path_, err);
}

StagedOutput::~StagedOutput() { Abandon(); }

bool StagedOutput::Begin(const std::string& output_dir, std::string* err) {
  Abandon();
  committed_ = false;
  std::string parent, name;
  SplitPath(output_dir, &parent, &name);
  if (name.empty() || name == "." || name == ".." || name == "/") {
    *err = "'" + output_dir + "' cannot be an output directory";
    return false;
  }
  struct stat st;
  if (stat(parent.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    *err = "the parent directory '" + parent + "' does not exist";
    return false;
  }
  if (lstat(output_dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
    *err = "'" + output_dir + "' exists and is not a directory";
    return false;
  }
  std::string staging;
  if (!MakeStagingDir(parent, name, "staging", &staging, err)) return false;
  // mkdtemp makes the directory 0700; like every directory and file below it, the output
  // directory follows the umask (0755 under the usual 022, 0700 under 077).
  mode_t mask = umask(0);
  umask(mask);
  chmod(staging.c_str(), 0777 & ~mask);
  output_ = Join(parent, name);
  staging_ = staging;
  return true;
}

int StagedOutput::CreateFile(std::string_view relative_path, std::string* err) {
  if (staging_.empty() || committed_) {
    *err = "no staging directory";
    return -1;
  }
  std::string why = UnsafeRelativePathReason(relative_path);
  if (!why.empty()) {
    *err = "'" + std::string(relative_path) + "' is not a safe output path: " + why;
    return -1;
  }
  size_t slash = relative_path.rfind('/');
  if (slash != std::string_view::npos && !MakeDirs(staging_, relative_path.substr(0, slash), err)) return -1;
  std::string path = staging_ + "/" + std::string(relative_path);
  // O_EXCL|O_NOFOLLOW: the staging directory is ours and fresh, so an existing entry means a
  // name collision in the build, never something to overwrite or follow.
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) *err = "cannot create '" + std::string(relative_path) + "': " + Errno();
  return fd;
}

namespace {

bool WriteAllTo(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool StagedOutput::WriteFile(std::string_view relative_path, std::string_view bytes, std::string* err) {
  int fd = CreateFile(relative_path, err);
  if (fd < 0) return false;
  if (!WriteAllTo(fd, bytes)) {
    *err = "cannot write '" + std::string(relative_path) + "': " + Errno();
    close(fd);
    return false;
  }
  if (close(fd) != 0) {
    *err = "cannot write '" + std::string(relative_path) + "': " + Errno();
    return false;
  }
  return true;
}

bool StagedOutput::WriteStream(std::string_view relative_path, const std::function<bool(const Writer&)>& produce,
                               uint64_t* size, std::string* sha256, uint32_t* crc32, std::string* err) {
  int fd = CreateFile(relative_path, err);
  if (fd < 0) return false;
  Sha256 digest;
  uLong crc = crc32_z(0L, Z_NULL, 0);
  std::string buffer;  // grows as needed: most files are a few kilobytes, written in one piece
  constexpr size_t kBuffer = 1u << 20;
  bool written = true;
  int write_errno = 0;
  *size = 0;
  auto flush = [&] {
    if (written && !WriteAllTo(fd, buffer)) {
      written = false;
      write_errno = errno;
    }
    buffer.clear();
  };
  const bool produced = produce([&](std::string_view piece) {
    digest.Update(piece.data(), piece.size());
    crc = crc32_z(crc, reinterpret_cast<const Bytef*>(piece.data()), piece.size());
    *size += piece.size();
    if (buffer.size() + piece.size() > kBuffer) flush();
    if (piece.size() >= kBuffer) {
      if (written && !WriteAllTo(fd, piece)) {
        written = false;
        write_errno = errno;
      }
    } else {
      buffer.append(piece);
    }
  });
  flush();
  *sha256 = digest.FinalHex();
  *crc32 = static_cast<uint32_t>(crc);
  if (close(fd) != 0 && written) {
    written = false;
    write_errno = errno;
  }
  if (!written) {
    *err = "cannot write '" + std::string(relative_path) + "': " + std::strerror(write_errno);
    return false;
  }
  return produced;
}

bool StagedOutput::Commit(std::string* err) {
  if (staging_.empty() || committed_) {
    *err = "no staging directory to commit";
    return false;
  }
  struct stat st;
  bool have_old = lstat(output_.c_str(), &st) == 0;
  if (have_old && !S_ISDIR(st.st_mode)) {
    *err = "'" + output_ + "' exists and is not a directory";
    return false;
  }
  if (!have_old) {
    if (rename(staging_.c_str(), output_.c_str()) != 0) {
      *err = "cannot rename the staging directory to '" + output_ + "': " + Errno();
      return false;
    }
    staging_.clear();
    committed_ = true;
    return true;
  }
  if (use_exchange_ && ExchangeNames(staging_, output_) == 0) {
    // The old tree now sits under the staging name; removing it is tidying, not correctness.
    std::string ignored;
    RemoveTree(staging_, &ignored);
    staging_.clear();
    committed_ = true;
    return true;
  }
  // Fallback: two renames with a backup. Between them the output path briefly does not
  // exist, but the old tree is intact under the backup name and is put back on failure.
  std::string backup = staging_ + ".old";
  if (rename(output_.c_str(), backup.c_str()) != 0) {
    *err = "cannot move the previous '" + output_ + "' aside: " + Errno();
    return false;
  }
  if (rename(staging_.c_str(), output_.c_str()) != 0) {
    *err = "cannot rename the staging directory to '" + output_ + "': " + Errno();
    rename(backup.c_str(), output_.c_str());
    return false;
  }
  std::string ignored;
  RemoveTree(backup, &ignored);
  staging_.clear();
  committed_ = true;
  return true;
}

void StagedOutput::Abandon() {
  if (staging_.empty()) return;
  std::string ignored;
  RemoveTree(staging_, &ignored);
  staging_.clear();
}

}  // namespace plangen::audit

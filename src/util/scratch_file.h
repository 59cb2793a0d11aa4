// A scratch file for libraries that insist on writing to a path (libxlsxwriter): it has no name
// in any directory, so a build killed at any moment leaves nothing behind, and it needs no
// temporary directory ($TMPDIR may be unset, missing or read-only).
#pragma once

#include <cstdint>
#include <string>

namespace plangen {

class ScratchFile {
 public:
  ScratchFile() = default;
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  /// Creates the file: an anonymous memory file (memfd) where the system has one, otherwise a
  /// file in $TMPDIR or /tmp that is unlinked at once. Returns false with a reason.
  bool Create(std::string* err);
  /// A path that opens this file ("/proc/self/fd/N"), for the library to write to.
  const std::string& path() const { return path_; }
  /// Reads back everything written to the file.
  bool ReadAll(std::string* bytes, std::string* err) const;

 private:
  int fd_ = -1;
  std::string path_;
};

/// `candidate` (by default /dev/shm) when it is a memory file system (tmpfs) this process may
/// create files in with at least `min_free_bytes` free, else "": where a library's short-lived
/// temporary files cost least. A container's /dev/shm may be as small as 64 MiB, less than the
/// parts of one workbook of 100,000 rows: by default a tmpfs with less than 1 GiB free is passed
/// over. On a disk
/// file system, tens of thousands of files created and deleted at once (libxlsxwriter writes each
/// part of a workbook to one) slow every later file creation down.
std::string MemoryFileSystemDir(const std::string& candidate = "/dev/shm", uint64_t min_free_bytes = 1ull << 30);

}  // namespace plangen

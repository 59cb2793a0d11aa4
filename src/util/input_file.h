// Opening an input file safely: only a regular file is read, and never more than a limit.
// A path may name a FIFO (which would block forever), a device such as /dev/zero (endless), a
// directory or a socket; each is refused with a reason before a byte is read.
#pragma once

#include <cstdint>
#include <string>

namespace plangen {

struct InputFileError {
  std::string why;        ///< lower-case reason ("it is a FIFO, not a regular file"), empty when ok
  bool too_large = false; ///< the file is larger than the limit; `size` is its size
  uint64_t size = 0;
};

/// Reads the whole regular file at `path` into `bytes`, refusing more than `limit` bytes. The
/// file is opened non-blocking (opening a FIFO never waits for a writer) and its type is checked
/// on the open descriptor, so a file swapped after a check is caught too. Symbolic links are
/// followed: the file they name must be regular.
bool ReadInputFile(const std::string& path, uint64_t limit, std::string* bytes, InputFileError* err);

/// Why `path` cannot be read as an input file (missing, unreadable, not a regular file), or ""
/// when it can. For inputs a library opens by name itself.
std::string InputFileProblem(const std::string& path);

}  // namespace plangen

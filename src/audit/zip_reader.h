// Safe reading of a zip archive, for audit packages.
//
// Nothing in the archive's headers is trusted: the number of entries, the bytes actually
// inflated per member and in total are capped while reading (a forged size header does not
// stop libzip from inflating more), and names that are absolute, climb out with '..' or are
// otherwise unsafe as file names are refused rather than returned.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plangen::audit {

struct ZipLimits {
  uint64_t max_archive_bytes = 512ull << 20;  ///< bytes of the archive file itself
  uint64_t max_entries = 20000;
  uint64_t max_member_bytes = 256ull << 20;  ///< uncompressed bytes of one member
  uint64_t max_total_bytes = 512ull << 20;   ///< uncompressed bytes of all members together
  /// A member that inflates past ratio_floor_bytes may not exceed max_ratio times its
  /// compressed size (counted while inflating): a zip bomb is refused after 1 MiB, not 512.
  uint64_t max_ratio = 200;
  uint64_t ratio_floor_bytes = 1ull << 20;
};

struct ZipEntry {
  std::string name;
  std::string data;
};

/// One thing wrong with an archive or a member. The archive is still read as far as it can be.
struct ZipProblem {
  enum Kind {
    kNotZip,       ///< the archive cannot be opened; `detail` says why
    kTooMany,      ///< more entries than max_entries; nothing is read
    kUnsafeName,   ///< `member`'s name is refused; `detail` says why
    kDuplicate,    ///< `member` appears more than once; the first copy is kept
    kTooLarge,     ///< `member` or the total would exceed a limit; `detail` says which
    kUnreadable,   ///< `member` cannot be inflated (corrupt, CRC, encrypted, forged size)
  };
  Kind kind;
  std::string member;
  std::string detail;
};

struct ZipContents {
  std::vector<ZipEntry> entries;  ///< readable, safely named files in archive order (no directories)
  std::vector<ZipProblem> problems;
  bool opened = false;            ///< false when the archive itself could not be opened
};

/// Reads every file member of the archive at `path`.
ZipContents ReadZipFile(const std::string& path, const ZipLimits& limits);
/// Reads every file member of an archive held in memory (`bytes` must outlive the call only).
ZipContents ReadZipBytes(std::string_view bytes, const ZipLimits& limits);

/// The names of the members of the zip file `path`, as stored, without reading their data; empty
/// when it cannot be opened.
std::vector<std::string> ZipMemberNames(const std::string& path);

}  // namespace plangen::audit

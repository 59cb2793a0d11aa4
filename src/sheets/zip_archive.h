// Safe, read-only access to a zip archive held in memory (.xlsx workbooks, audit packages).
// Every limit is checked before anything is inflated, and again while inflating: libzip trusts
// the sizes an archive declares, so the bytes actually read are capped here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

typedef struct zip zip_t;
typedef struct zip_source zip_source_t;

namespace plangen::sheets {

/// Limits for a workbook (docs/security.md). The inflated bytes are what a reader holds and
/// parses (the XML tree costs about four times more), so the total stays far below memory.
struct ZipLimits {
  uint64_t max_entries = 10000;            ///< entries in the archive
  uint64_t max_entry_bytes = 128ull << 20;  ///< uncompressed bytes of one entry
  uint64_t max_total_bytes = 256ull << 20;  ///< uncompressed bytes of all entries together
  /// An entry of more than ratio_floor_bytes may declare at most max_ratio times its compressed
  /// size: spreadsheets compress 5 to 50 times, a zip bomb about 1000 times.
  uint64_t max_ratio = 200;
  uint64_t ratio_floor_bytes = 1ull << 20;
};

struct ZipEntry {
  uint64_t index = 0;         ///< libzip's index
  std::string name;           ///< as stored: a relative path with '/'
  uint64_t size = 0;          ///< declared uncompressed size
  uint64_t compressed_size = 0;
  uint32_t crc = 0;
  bool is_directory = false;  ///< name ends with '/'
};

/// An archive opened from memory. Diagnostics are reported at `where` (usually Loc::At(file, 0)).
class ZipArchive {
 public:
  ZipArchive() = default;
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// Opens `bytes`, which must outlive the archive, and checks the directory: entry count,
  /// declared sizes (each and in total), names (no '../', absolute paths, drive letters,
  /// backslashes, NUL bytes or duplicates) and encryption. Reports every problem found and
  /// returns false when there was one; no entry can be read then.
  bool Open(const std::string& bytes, Loc where, const ZipLimits& limits, DiagEngine& diags);

  /// Entries in archive order.
  const std::vector<ZipEntry>& entries() const { return entries_; }
  /// The entry of that exact name, or nullptr.
  const ZipEntry* Find(const std::string& name) const;

  /// Inflates one entry into `out`, refusing it as soon as it yields more bytes than it declares
  /// (a forged size), when it yields fewer, or when its data is damaged.
  bool Read(const ZipEntry& entry, std::string* out, DiagEngine& diags);

 private:
  zip_t* zip_ = nullptr;
  zip_source_t* source_ = nullptr;
  std::vector<ZipEntry> entries_;
  Loc where_;
  bool ok_ = false;
};

/// Why an entry name is unsafe ("climbs out of the archive with '..'"), or "" when it is safe.
std::string UnsafeEntryNameReason(const std::string& name);

}  // namespace plangen::sheets

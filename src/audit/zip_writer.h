// Deterministic zip writing: the same members give the same bytes on every run and machine.
//
// Members are written sorted by name, each with one fixed timestamp, external attributes of
// a regular 0644 file, no extra fields, deflate at a fixed level (stored as they are: members in a
// compressed format, .png .zip .docx .xlsx .pdf) and no archive comment.
// libzip would otherwise stamp the local time of the writing machine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plangen::audit {

/// 1980-01-01 00:00:00 UTC, the earliest time a zip header can hold.
constexpr int64_t kZipEpoch = 315532800;

struct ZipMember {
  std::string name;  ///< relative path with '/' separators; must pass UnsafeRelativePathReason
  std::string data;
  /// When not empty, the member's bytes are this file's, read while the archive is written
  /// (data is not used): a large member is never held in memory.
  std::string file;
  /// When set (and file is empty), the member's bytes are these, owned by the caller until the
  /// archive is written, instead of a copy in data.
  const std::string* borrowed = nullptr;
  /// When set, the same bytes may already lie deflated in member `copy_member` of the zip
  /// `copy_archive` (written by WriteZip at the same level): when that member's size and CRC-32
  /// are these bytes', its compressed data is copied instead of deflating them again, which gives
  /// the same archive bytes at a fraction of the time. Otherwise the bytes are deflated as usual.
  std::string copy_archive, copy_member;
  /// When set, the size and CRC-32 of the member's bytes, worked out when they were written: a
  /// copy from `copy_archive` is checked against these rather than by reading the bytes again.
  uint64_t known_size = 0;
  std::optional<uint32_t> known_crc32;
};

struct ZipWriteOptions {
  /// Timestamp of every member, seconds since 1970 UTC; clamped to 1980..2107 and rounded
  /// down to even seconds (the zip format's resolution).
  int64_t mtime = kZipEpoch;
  /// An Office Open XML package (.docx): a name component ".rels", as in "_rels/.rels", is
  /// allowed; every other rule of safe names holds.
  bool office_package = false;
  int level = 6;  ///< deflate level, 1..9: 6 is zlib's default, 9 costs ~3x the time for ~1% smaller
};

/// MS-DOS date and time fields for `t` (UTC), as the zip headers store them.
void DosDateTime(int64_t t, uint16_t* dos_date, uint16_t* dos_time);

/// Writes `members` to `path` (replacing it). Refuses unsafe or duplicate names.
/// Returns false with a reason in `err` on failure; `path` is then not created.
bool WriteZip(const std::string& path, std::vector<ZipMember> members, const ZipWriteOptions& options,
              std::string* err);

/// The same archive WriteZip would write, held in memory: for a zip that is itself an output
/// (a role's bundle), written later with the others.
bool ZipToBytes(std::vector<ZipMember> members, const ZipWriteOptions& options, std::string* bytes, std::string* err);

}  // namespace plangen::audit

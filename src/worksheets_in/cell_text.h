// What people write in worksheet cells: lengths of time and the Backup set cell.
#pragma once

#include <optional>
#include <string>

#include "util/iso8601.h"

namespace plangen {

/// A length of time as ISO 8601 ("P30D", "PT45M") or as people write it: "30 days", "12 weeks",
/// "1 year", "45 min", "1 h 30 min", "2 hours", "2:15" (hours and minutes). Case-insensitive.
std::optional<Duration> ParseLength(const std::string& text);

/// The two lines of a Backup set cell: "Name: ..." and "Expiration: ..." (labels ignore case and
/// may be followed by spaces; "Expires:" is taken too).
struct BackupSetCell {
  std::string name;
  std::string expiration;
};
BackupSetCell ParseBackupSet(const std::string& text);

/// A date cell: "2026-11-30", or a date and time "2026-11-30T10:00:00" as the readers give a
/// DateTime cell.
std::optional<Date> ParseCellDate(const std::string& text);

}  // namespace plangen

// IANA time zones ("Europe/Dublin"), read through libical from the system's tz database
// (/usr/share/zoneinfo, Debian's tzdata): the same library expands schedules and reads the
// calendars back, and the system database is the one the servers' clocks follow.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/iso8601.h"
#include "util/schedule.h"

struct _icaltimezone;

namespace plangen {

/// A change of a zone's UTC offset: clocks go forward (a gap of wall-clock times that do not
/// exist) or back (an overlap of wall-clock times that happen twice).
struct ZoneShift {
  int64_t utc_minutes = 0;   ///< when it happens, minutes since 1970-01-01T00:00Z
  int offset_before = 0;     ///< UTC offset before, in seconds
  int offset_after = 0;      ///< UTC offset after, in seconds
  bool forward() const { return offset_after > offset_before; }
  /// Wall-clock times that do not exist (forward) or happen twice (back): [first, last).
  LocalTime first() const;
  LocalTime last() const;
};

class TimeZone {
 public:
  /// The zone named `name` ("Europe/Dublin", "UTC"), or nullopt with the reason in `why`.
  static std::optional<TimeZone> Find(const std::string& name, std::string* why);
  const std::string& name() const { return name_; }
  bool is_utc() const { return zone_ == nullptr; }
  /// The UTC offset in seconds at a UTC instant (minutes since 1970-01-01T00:00Z).
  int OffsetAtUtc(int64_t utc_minutes) const;
  /// The offset changes between the starts of the two days (UTC), earliest first.
  std::vector<ZoneShift> Shifts(Date from, Date until) const;
  /// An RFC 5545 VTIMEZONE (TZID is the zone's name) with the zone's offsets and changes
  /// between the two days, as content lines without line ends (the caller folds them).
  std::vector<std::string> VTimezone(Date from, Date until) const;

 private:
  std::string name_;
  _icaltimezone* zone_ = nullptr;  // nullptr: UTC
};

/// "+01:00", "-05:00", "+05:30".
std::string FormatUtcOffset(int seconds);

}  // namespace plangen

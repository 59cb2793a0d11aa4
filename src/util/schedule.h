// Backup and validation schedules: the readable form ("daily 02:00") and RFC 5545 RRULE text.
// Every form is translated to an RRULE and expanded with libical's recurrence iterator, so gaps
// and run times come from the calendar (February, leap years, the last day of a month).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "util/iso8601.h"

namespace plangen {

/// A wall-clock time without a zone ("floating" in RFC 5545): minutes since 1970-01-01T00:00.
struct LocalTime {
  int64_t minutes = 0;
  Date date() const;
  int hour() const;
  int minute() const;
  static LocalTime At(Date d, int hour, int minute);
  bool operator<(const LocalTime& o) const { return minutes < o.minutes; }
  bool operator==(const LocalTime& o) const { return minutes == o.minutes; }
};

/// "2026-12-01 02:00".
std::string FormatLocalTime(LocalTime t);

struct Schedule {
  std::string readable;  ///< the canonical readable form, or empty when only an RRULE says it
  std::string rrule;     ///< the rule as written in calendars, without "RRULE:"
  std::string key;       ///< libical's spelling of the rule: equal keys mean equal schedules

  /// The readable form when there is one ("daily 02:00", "weekly mon,thu 22:00"), else the RRULE.
  std::string Canonical() const { return readable.empty() ? rrule : readable; }
  /// "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=22;BYMINUTE=0" (no "RRULE:" prefix).
  const std::string& ToRRule() const { return rrule; }
  /// The longest time between two runs, in seconds of wall-clock time (what an RPO must cover),
  /// found by expanding the rule over 2001-2028 (every weekday and leap-year combination).
  int64_t MaxGapSeconds() const;
  /// The runs starting in [from, until), at most `limit` of them, earliest first.
  std::vector<LocalTime> Runs(LocalTime from, LocalTime until, size_t limit) const;
  bool operator==(const Schedule& o) const { return key == o.key; }
};

/// Parses the readable form (case-insensitive; also "Daily 2:00 AM", "Weekly on Sunday at 3:30 AM",
/// "every 4 hours") or RRULE text ("FREQ=DAILY;BYHOUR=2;BYMINUTE=0", with or without "RRULE:"),
/// in the subset of RFC 5545 that plans may use (docs/plan-format.md lists it).
/// On failure returns nullopt and says why in `why`.
std::optional<Schedule> ParseSchedule(const std::string& text, std::string* why = nullptr);

}  // namespace plangen

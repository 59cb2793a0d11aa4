// Backup and validation schedules: the readable form ("daily 02:00") and RFC 5545 RRULE text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plangen {

struct Schedule {
  enum class Freq { kHourly, kDaily, kWeekly, kMonthly };
  Freq freq = Freq::kDaily;
  int interval = 1;              ///< every `interval` hours/days/weeks/months
  uint8_t weekdays = 0;          ///< bit 0 = Monday ... bit 6 = Sunday (weekly)
  std::vector<int> month_days;   ///< 1..31 (monthly)
  int hour = 0;                  ///< 0..23 (not used by hourly)
  int minute = 0;                ///< 0..59

  /// The canonical readable form: "hourly :15", "every 6 hours :00", "daily 02:00",
  /// "weekly mon,thu 22:00", "monthly 1 04:00". Two schedules mean the same when these agree.
  std::string Canonical() const;
  /// "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=22;BYMINUTE=0" (no "RRULE:" prefix).
  std::string ToRRule() const;
  /// The longest time between two runs, in seconds (what an RPO must cover).
  int64_t MaxGapSeconds() const;
  bool operator==(const Schedule& o) const { return Canonical() == o.Canonical(); }
};

/// Parses the readable form (case-insensitive; also "Daily 2:00 AM", "Weekly on Sunday at 3:30 AM",
/// "every 4 hours") or RRULE text ("FREQ=DAILY;BYHOUR=2;BYMINUTE=0", with or without "RRULE:").
/// On failure returns nullopt and says why in `why`.
std::optional<Schedule> ParseSchedule(const std::string& text, std::string* why = nullptr);

}  // namespace plangen

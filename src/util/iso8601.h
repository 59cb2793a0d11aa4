// ISO 8601 dates and durations as plans write them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plangen {

/// A calendar date, counted in days since 1970-01-01.
struct Date {
  int32_t days = 0;
  bool operator<(const Date& o) const { return days < o.days; }
  bool operator<=(const Date& o) const { return days <= o.days; }
  bool operator==(const Date& o) const { return days == o.days; }
};

/// A length of time. Months count 30 days and years 365 days when a length in seconds is needed;
/// AddTo() adds calendar months and years exactly.
struct Duration {
  int32_t years = 0, months = 0, weeks = 0, days = 0;
  int64_t hours = 0, minutes = 0, seconds = 0;
  int64_t TotalSeconds() const;
  /// The date this duration after `d` (calendar arithmetic for months and years; the time part
  /// rounds up to whole days).
  Date AddTo(Date d) const;
};

std::optional<Date> ParseDate(const std::string& text);
std::optional<Date> DateFromCivil(int y, int m, int d);
void CivilFromDate(Date date, int* y, int* m, int* d);
std::string FormatDate(Date d);
/// Monday = 0 ... Sunday = 6.
int Weekday(Date d);

/// Parses "P1D", "PT4H30M", "P3M", "P1W", "P1Y2M10DT2H30M". Returns nullopt on error, with a hint.
std::optional<Duration> ParseDuration(const std::string& text, std::string* hint = nullptr);
/// "4 h 30 min", "1 day", "3 months": for people.
std::string DescribeSeconds(int64_t seconds);
std::string DescribeDuration(const Duration& d);

}  // namespace plangen

#include "emit/your_time.h"

#include <cstdlib>
#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace plangen {

namespace {

// The UTC minute of a wall-clock time of `zone` (for a time that happens twice, the first; for
// one that never happens, the time an hour's shift of the clock later reads it as).
int64_t UtcOf(const TimeZone& zone, LocalTime t) {
  int64_t guess = t.minutes - zone.OffsetAtUtc(t.minutes) / 60;
  return t.minutes - zone.OffsetAtUtc(guess) / 60;
}

LocalTime LocalOf(const TimeZone& zone, int64_t utc_minutes) {
  return LocalTime{utc_minutes + zone.OffsetAtUtc(utc_minutes) / 60};
}

std::string Two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// "8 hours", "1 hour", "5 hours 30 minutes", "45 minutes".
std::string Span(int seconds) {
  int minutes = std::abs(seconds) / 60, h = minutes / 60, m = minutes % 60;
  std::string out;
  if (h) out = std::to_string(h) + (h == 1 ? " hour" : " hours");
  if (m) out += (out.empty() ? "" : " ") + std::to_string(m) + (m == 1 ? " minute" : " minutes");
  return out;
}

std::string DayWord(int64_t days) {
  if (days == 0) return "";
  if (days == -1) return " the day before";
  if (days == 1) return " the day after";
  return days < 0 ? " " + std::to_string(-days) + " days before" : " " + std::to_string(days) + " days after";
}

}  // namespace

std::string ScheduleOnYourClock(const Schedule& s, const TimeZone& site, const TimeZone& yours, Date as_of) {
  const LocalTime from = LocalTime::At(as_of, 0, 0);
  const LocalTime until = LocalTime::At(Date{as_of.days + 366}, 0, 0);
  // How far your clock is from the site's (minutes) -> how many runs (or days) it holds for.
  std::map<int64_t, int> shifts;
  std::set<int> walls;  // the minutes of the day the site's runs start at
  std::string unit = "days";
  if (s.MaxGapSeconds() < 86400) {
    // Many runs a day: the clocks' difference each day of the year.
    for (int64_t d = as_of.days; d < until.date().days; ++d) {
      int64_t noon = d * 1440 + 720;
      ++shifts[(yours.OffsetAtUtc(noon) - site.OffsetAtUtc(noon)) / 60];
    }
  } else {
    unit = "runs";
    for (LocalTime r : s.Runs(from, until, 800)) {
      ++shifts[LocalOf(yours, UtcOf(site, r)).minutes - r.minutes];
      walls.insert(r.hour() * 60 + r.minute());
    }
  }
  if (shifts.empty() || (shifts.size() == 1 && shifts.begin()->first == 0)) return "";
  std::vector<std::pair<int64_t, int>> ordered(shifts.begin(), shifts.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](auto& a, auto& b) { return a.second > b.second; });
  std::vector<std::string> said;
  if (walls.size() == 1) {
    // One time of day: say it on your clock ("18:00 the day before").
    for (const auto& [shift, n] : ordered) {
      int64_t at = *walls.begin() + shift;
      int64_t days = at >= 0 ? at / 1440 : -((-at + 1439) / 1440);
      int64_t minute = at - days * 1440;
      said.push_back(Two(static_cast<int>(minute / 60)) + ":" + Two(static_cast<int>(minute % 60)) + DayWord(days));
    }
    said[0] += " in " + yours.name() + ", your time";
  } else {
    for (const auto& [shift, n] : ordered)
      said.push_back(shift == 0 ? std::string("the same time") : Span(static_cast<int>(shift) * 60) + (shift > 0 ? " ahead" : " behind"));
    said[0] = yours.name() + ", your time, is " + said[0];
  }
  std::string out = said[0];
  for (size_t i = 1; i < said.size(); ++i)
    out += "; " + said[i] + " for " + std::to_string(ordered[i].second) + " " + (ordered[i].second == 1 ? unit.substr(0, unit.size() - 1) : unit) + " of the year";
  if (said.size() > 1) out += ", when the two zones change their clocks on different dates";
  return out;
}

std::string ZoneForContacts(const TimeZone& zone, const TimeZone* yours, Date as_of) {
  const int64_t noon = int64_t{as_of.days} * 1440 + 720;
  const int offset = zone.OffsetAtUtc(noon);
  std::string out = zone.name() + ", UTC" + FormatUtcOffset(offset) + " on " + FormatDate(as_of);
  if (yours && yours->name() != zone.name()) {
    int diff = offset - yours->OffsetAtUtc(noon);
    if (diff != 0) out += ", " + Span(diff) + (diff > 0 ? " ahead of" : " behind") + " yours";
  }
  return out;
}

}  // namespace plangen

#include "util/time_zone.h"

#include <libical/ical.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "util/edit_distance.h"

namespace plangen {

namespace {

icaltimetype UtcTime(int64_t utc_minutes) {
  LocalTime t{utc_minutes};
  icaltimetype it = icaltime_null_time();
  int y, m, d;
  CivilFromDate(t.date(), &y, &m, &d);
  it.year = y;
  it.month = m;
  it.day = d;
  it.hour = t.hour();
  it.minute = t.minute();
  it.is_date = 0;
  return it;
}

// Names are looked up as files under the tz database: only its own characters, no "..".
bool PlausibleName(const std::string& n) {
  if (n.empty() || n.size() > 64 || n.front() == '/' || n.find("..") != std::string::npos) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '+' || c == '/';
  });
}

std::vector<std::string> AllZoneNames() {
  std::vector<std::string> names;
  icalarray* zones = icaltimezone_get_builtin_timezones();
  for (size_t i = 0; zones && i < zones->num_elements; ++i) {
    auto* z = static_cast<icaltimezone*>(icalarray_element_at(zones, i));
    if (const char* loc = icaltimezone_get_location(z)) names.push_back(loc);
  }
  return names;
}

std::string IcsLocal(LocalTime t) {
  int y, m, d;
  CivilFromDate(t.date(), &y, &m, &d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", y, m, d, t.hour(), t.minute());
  return buf;
}

std::string IcsOffset(int seconds) {
  std::string s = FormatUtcOffset(seconds);
  s.erase(std::remove(s.begin(), s.end(), ':'), s.end());
  return s;
}

}  // namespace

LocalTime ZoneShift::first() const {
  return LocalTime{utc_minutes + std::min(offset_before, offset_after) / 60};
}
LocalTime ZoneShift::last() const {
  return LocalTime{utc_minutes + std::max(offset_before, offset_after) / 60};
}

std::string FormatUtcOffset(int seconds) {
  char buf[16];
  int a = seconds < 0 ? -seconds : seconds;
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  return buf;
}

std::optional<TimeZone> TimeZone::Find(const std::string& name, std::string* why) {
  TimeZone tz;
  tz.name_ = name;
  if (name == "UTC" || name == "Etc/UTC") return tz;
  icaltimezone* z = PlausibleName(name) ? icaltimezone_get_builtin_timezone(name.c_str()) : nullptr;
  icalerror_clear_errno();
  if (!z || !icaltimezone_get_component(z)) {
    std::string hint = Suggest(name, AllZoneNames());
    *why = "'" + name + "' is not a time zone of the tz database" +
           (hint.empty() ? std::string("; write an IANA name such as Europe/Dublin or America/New_York")
                         : "; did you mean '" + hint + "'?");
    return std::nullopt;
  }
  tz.zone_ = z;
  return tz;
}

int TimeZone::OffsetAtUtc(int64_t utc_minutes) const {
  if (!zone_) return 0;
  icaltimetype t = UtcTime(utc_minutes);
  int daylight = 0;
  return icaltimezone_get_utc_offset_of_utc_time(zone_, &t, &daylight);
}

std::vector<ZoneShift> TimeZone::Shifts(Date from, Date until) const {
  std::vector<ZoneShift> out;
  if (!zone_) return out;
  // Offsets change at most once a day: compare midnights, then find the minute.
  int64_t day = 1440;
  int prev = OffsetAtUtc(int64_t{from.days} * day);
  for (int64_t d = from.days; d < until.days; ++d) {
    int next = OffsetAtUtc((d + 1) * day);
    if (next == prev) continue;
    int64_t lo = d * day, hi = (d + 1) * day;  // offset(lo) == prev, offset(hi) != prev
    while (hi - lo > 1) {
      int64_t mid = lo + (hi - lo) / 2;
      (OffsetAtUtc(mid) == prev ? lo : hi) = mid;
    }
    ZoneShift s;
    s.utc_minutes = hi;
    s.offset_before = prev;
    s.offset_after = OffsetAtUtc(hi);
    out.push_back(s);
    prev = next;
  }
  return out;
}

std::vector<std::string> TimeZone::VTimezone(Date from, Date until) const {
  std::vector<std::string> lines{"BEGIN:VTIMEZONE", "TZID:" + name_};
  std::vector<ZoneShift> shifts = Shifts(from, until);
  if (shifts.empty()) {
    int off = OffsetAtUtc(int64_t{from.days} * 1440);
    lines.insert(lines.end(), {"BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + IcsOffset(off),
                               "TZOFFSETTO:" + IcsOffset(off), "END:STANDARD"});
  } else {
    // One component per kind of change (same offsets), its first change as DTSTART and the
    // others as RDATEs, all in the wall-clock time before the change (RFC 5545 3.6.5).
    std::map<std::pair<int, int>, std::vector<LocalTime>> kinds;
    std::vector<std::pair<int, int>> order;
    for (const ZoneShift& s : shifts) {
      auto key = std::make_pair(s.offset_before, s.offset_after);
      if (!kinds.count(key)) order.push_back(key);
      kinds[key].push_back(LocalTime{s.utc_minutes + s.offset_before / 60});
    }
    for (const auto& key : order) {
      const bool daylight = key.second > key.first;
      const char* kind = daylight ? "DAYLIGHT" : "STANDARD";
      const std::vector<LocalTime>& at = kinds[key];
      lines.push_back(std::string("BEGIN:") + kind);
      lines.push_back("DTSTART:" + IcsLocal(at[0]));
      for (size_t i = 1; i < at.size(); ++i) lines.push_back("RDATE:" + IcsLocal(at[i]));
      lines.push_back("TZOFFSETFROM:" + IcsOffset(key.first));
      lines.push_back("TZOFFSETTO:" + IcsOffset(key.second));
      lines.push_back(std::string("END:") + kind);
    }
  }
  lines.push_back("END:VTIMEZONE");
  return lines;
}

}  // namespace plangen

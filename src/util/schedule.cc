#include "util/schedule.h"
#include "util/strings.h"

#include <libical/ical.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <numeric>
#include <sstream>

namespace plangen {

namespace {

const char* kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
const char* kDayShort[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const char* kDayLong[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};


std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      if (c == ',') out.push_back(",");
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool AllDigits(const std::string& s) {
  return !s.empty() && s.size() <= 6 &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

int DayIndex(const std::string& w) {
  for (int i = 0; i < 7; ++i) {
    if (w == kDayShort[i] || w == kDayLong[i] || w == AsciiLower(kDayCodes[i]) || w == std::string(kDayLong[i]) + "s") return i;
  }
  return -1;
}

// "02:00", "2:00", ":15" (minute only when allow_minute_only), with an optional following "am"/"pm".
bool ParseTime(const std::vector<std::string>& w, size_t* i, int* hour, int* minute, bool minute_only,
               std::string* why) {
  if (*i >= w.size()) { *why = "a time such as 02:00 is missing"; return false; }
  std::string t = w[*i];
  std::string suffix;
  if (t.size() > 2 && (t.substr(t.size() - 2) == "am" || t.substr(t.size() - 2) == "pm")) {
    suffix = t.substr(t.size() - 2);
    t = t.substr(0, t.size() - 2);
  }
  size_t colon = t.find(':');
  if (colon == std::string::npos) { *why = "'" + w[*i] + "' is not a time such as 02:00"; return false; }
  std::string hs = t.substr(0, colon), ms = t.substr(colon + 1);
  if (minute_only && hs.empty()) {
    if (!AllDigits(ms) || ms.size() != 2 || std::stoi(ms) > 59) { *why = "'" + w[*i] + "' is not a minute such as :15"; return false; }
    *minute = std::stoi(ms);
    ++*i;
    return true;
  }
  if (!AllDigits(hs) || !AllDigits(ms) || ms.size() != 2 || hs.size() > 2) {
    *why = "'" + w[*i] + "' is not a time such as 02:00";
    return false;
  }
  int h = std::stoi(hs), m = std::stoi(ms);
  ++*i;
  if (suffix.empty() && *i < w.size() && (w[*i] == "am" || w[*i] == "pm" || w[*i] == "a.m." || w[*i] == "p.m.")) {
    suffix = w[*i].substr(0, 1) + "m";
    ++*i;
  }
  if (!suffix.empty()) {
    if (h < 1 || h > 12) { *why = "'" + hs + "' is not an hour on a 12-hour clock"; return false; }
    h = h % 12 + (suffix == "pm" ? 12 : 0);
  }
  if (h > 23 || m > 59) { *why = "'" + w[*i - 1] + "' is not a time of day"; return false; }
  *hour = h;
  *minute = m;
  return true;
}

// A schedule in one of the readable forms; every one of them is also an RRULE.
struct Readable {
  enum class Freq { kHourly, kDaily, kWeekly, kMonthly };
  Freq freq = Freq::kDaily;
  int interval = 1;             // every `interval` hours/days/weeks/months
  uint8_t weekdays = 0;         // bit 0 = Monday ... bit 6 = Sunday (weekly)
  std::vector<int> month_days;  // 1..31 (monthly)
  int hour = 0;                 // 0..23 (not used by hourly)
  int minute = 0;               // 0..59

  std::string Canonical() const;
  std::string ToRRule() const;
};

// The readable forms: "hourly :15", "every 6 hours", "daily 02:00", "weekly mon,thu 22:00", "monthly 1 04:00".
std::optional<Readable> ParseReadable(const std::string& t, std::string* why) {
  std::vector<std::string> w = Words(AsciiLower(t));
  // Drop filler words people write in worksheets.
  w.erase(std::remove_if(w.begin(), w.end(), [](const std::string& x) { return x == "at" || x == "on" || x == "every-day"; }), w.end());
  if (w.empty()) { *why = "it is empty"; return std::nullopt; }
  Readable s;
  size_t i = 0;
  const std::string first = w[0];
  if (first == "hourly") {
    s.freq = Readable::Freq::kHourly;
    i = 1;
    if (i < w.size()) {
      int h = 0;
      if (!ParseTime(w, &i, &h, &s.minute, true, why)) return std::nullopt;
    }
  } else if (first == "every" && w.size() >= 3 && AllDigits(w[1]) &&
             (w[2] == "hours" || w[2] == "hour" || w[2] == "days" || w[2] == "day")) {
    int n = std::stoi(w[1]);
    if (n < 1 || n > 1000) { *why = "the interval must be from 1 to 1000"; return std::nullopt; }
    s.interval = n;
    s.freq = w[2][0] == 'h' ? Readable::Freq::kHourly : Readable::Freq::kDaily;
    i = 3;
    if (i < w.size()) {
      if (!ParseTime(w, &i, &s.hour, &s.minute, s.freq == Readable::Freq::kHourly, why)) return std::nullopt;
    } else if (s.freq == Readable::Freq::kDaily) {
      *why = "a time such as 02:00 is missing";
      return std::nullopt;
    }
  } else if (first == "daily" || (first == "every" && w.size() > 1 && w[1] == "day")) {
    s.freq = Readable::Freq::kDaily;
    i = first == "daily" ? 1 : 2;
    if (!ParseTime(w, &i, &s.hour, &s.minute, false, why)) return std::nullopt;
  } else if (first == "weekly") {
    s.freq = Readable::Freq::kWeekly;
    i = 1;
    while (i < w.size()) {
      if (w[i] == "," || w[i] == "and") { ++i; continue; }
      int d = DayIndex(w[i]);
      if (d < 0) break;
      s.weekdays |= static_cast<uint8_t>(1u << d);
      ++i;
    }
    if (s.weekdays == 0) {
      *why = i < w.size() ? "'" + w[i] + "' is not a day of the week" : "the day of the week is missing";
      return std::nullopt;
    }
    if (!ParseTime(w, &i, &s.hour, &s.minute, false, why)) return std::nullopt;
  } else if (first == "monthly") {
    s.freq = Readable::Freq::kMonthly;
    i = 1;
    while (i < w.size()) {
      if (w[i] == ",") { ++i; continue; }
      std::string d = w[i];
      for (const char* suf : {"st", "nd", "rd", "th"}) {
        if (d.size() > 2 && d.substr(d.size() - 2) == suf) d = d.substr(0, d.size() - 2);
      }
      if (d == "day") { ++i; continue; }
      if (!AllDigits(d)) break;
      int n = std::stoi(d);
      if (n < 1 || n > 31) { *why = "'" + w[i] + "' is not a day of the month"; return std::nullopt; }
      s.month_days.push_back(n);
      ++i;
    }
    if (s.month_days.empty()) { *why = "the day of the month is missing"; return std::nullopt; }
    if (!ParseTime(w, &i, &s.hour, &s.minute, false, why)) return std::nullopt;
  } else {
    *why = "it starts with 'hourly', 'daily', 'weekly', 'monthly' or 'every N hours', or is RRULE text";
    return std::nullopt;
  }
  if (i < w.size()) {
    *why = "unexpected '" + w[i] + "'";
    return std::nullopt;
  }
  std::sort(s.month_days.begin(), s.month_days.end());
  s.month_days.erase(std::unique(s.month_days.begin(), s.month_days.end()), s.month_days.end());
  return s;
}

std::string Readable::Canonical() const {
  char hm[16];
  std::snprintf(hm, sizeof hm, "%02d:%02d", hour, minute);
  char mm[8];
  std::snprintf(mm, sizeof mm, ":%02d", minute);
  switch (freq) {
    case Freq::kHourly:
      return interval == 1 ? std::string("hourly ") + mm : "every " + std::to_string(interval) + " hours " + mm;
    case Freq::kDaily:
      return interval == 1 ? std::string("daily ") + hm : "every " + std::to_string(interval) + " days " + hm;
    case Freq::kWeekly: {
      std::string days;
      for (int i = 0; i < 7; ++i) {
        if (weekdays & (1u << i)) days += (days.empty() ? "" : ",") + std::string(kDayShort[i]);
      }
      return "weekly " + days + " " + hm + (interval == 1 ? "" : " every " + std::to_string(interval) + " weeks");
    }
    case Freq::kMonthly: {
      std::string days;
      for (int d : month_days) days += (days.empty() ? "" : ",") + std::to_string(d);
      return "monthly " + days + " " + hm + (interval == 1 ? "" : " every " + std::to_string(interval) + " months");
    }
  }
  return "";
}

std::string Readable::ToRRule() const {
  std::string r = "FREQ=";
  switch (freq) {
    case Freq::kHourly: r += "HOURLY"; break;
    case Freq::kDaily: r += "DAILY"; break;
    case Freq::kWeekly: r += "WEEKLY"; break;
    case Freq::kMonthly: r += "MONTHLY"; break;
  }
  if (interval != 1) r += ";INTERVAL=" + std::to_string(interval);
  if (freq == Freq::kWeekly) {
    std::string days;
    for (int i = 0; i < 7; ++i) {
      if (weekdays & (1u << i)) days += (days.empty() ? "" : ",") + std::string(kDayCodes[i]);
    }
    r += ";BYDAY=" + days;
  }
  if (freq == Freq::kMonthly) {
    std::string days;
    for (int d : month_days) days += (days.empty() ? "" : ",") + std::to_string(d);
    r += ";BYMONTHDAY=" + days;
  }
  if (freq != Freq::kHourly) r += ";BYHOUR=" + std::to_string(hour);
  r += ";BYMINUTE=" + std::to_string(minute);
  return r;
}


// ---- RRULE text: the subset of RFC 5545 that libical expands and plans may use ----

struct RulePart {
  std::string name, value;
};

// The pieces of `s` between the `sep`s, as std::getline reads them: a trailing separator ends
// the last piece rather than starting an empty one. (A stream per rule part cost more than the
// rest of the parsing: each one sets up its locale.)
std::vector<std::string> Pieces(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(sep, pos);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

bool IntList(const std::string& v, int lo, int hi, bool signed_ok, std::vector<int>* out) {
  for (std::string item : Pieces(v, ',')) {
    int sign = 1;
    if (signed_ok && !item.empty() && (item[0] == '+' || item[0] == '-')) {
      sign = item[0] == '-' ? -1 : 1;
      item = item.substr(1);
    }
    if (!AllDigits(item) || item.size() > 3) return false;
    int n = std::stoi(item);
    if (n < lo || n > hi) return false;
    out->push_back(sign * n);
  }
  return !out->empty() && v.back() != ',';
}

// BYDAY: "MO", "SU,SA", and in monthly and yearly rules "1MO", "-1FR".
bool DayList(const std::string& v, int max_ordinal, uint8_t* plain, bool* ordinals) {
  bool any = false;
  for (const std::string& day : Pieces(v, ',')) {
    if (day.size() < 2) return false;
    std::string code = day.substr(day.size() - 2), num = day.substr(0, day.size() - 2);
    int idx = -1;
    for (int i = 0; i < 7; ++i) if (code == kDayCodes[i]) idx = i;
    if (idx < 0) return false;
    if (!num.empty()) {
      if (num[0] == '+' || num[0] == '-') num = num.substr(1);
      if (!AllDigits(num) || num.size() > 2 || std::stoi(num) < 1 || std::stoi(num) > max_ordinal) return false;
      *ordinals = true;
    } else {
      *plain |= static_cast<uint8_t>(1u << idx);
    }
    any = true;
  }
  return any && v.back() != ',';
}

std::optional<std::vector<RulePart>> CheckRRule(const std::string& body, std::string* why) {
  std::vector<RulePart> parts;
  std::map<std::string, std::string> seen;
  for (const std::string& part : Pieces(body, ';')) {
    size_t eq = part.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == part.size()) {
      *why = "'" + part + "' is not NAME=VALUE";
      return std::nullopt;
    }
    RulePart p{part.substr(0, eq), part.substr(eq + 1)};
    if (seen.count(p.name)) { *why = p.name + " appears twice"; return std::nullopt; }
    seen[p.name] = p.value;
    parts.push_back(p);
  }
  if (!seen.count("FREQ")) { *why = "an RRULE needs FREQ"; return std::nullopt; }
  const std::string freq = seen["FREQ"];
  if (freq == "SECONDLY" || freq == "MINUTELY") {
    *why = "FREQ=" + freq + " is not supported: runs are planned at most hourly (FREQ=HOURLY with BYMINUTE)";
    return std::nullopt;
  }
  if (freq != "HOURLY" && freq != "DAILY" && freq != "WEEKLY" && freq != "MONTHLY" && freq != "YEARLY") {
    *why = "FREQ must be HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY";
    return std::nullopt;
  }
  const bool yearly = freq == "YEARLY", monthly = freq == "MONTHLY";
  for (const RulePart& p : parts) {
    const std::string& k = p.name;
    const std::string& v = p.value;
    std::vector<int> n;
    if (k == "FREQ") continue;
    if (k == "INTERVAL") {
      if (!IntList(v, 1, 1000, false, &n) || n.size() != 1) { *why = "INTERVAL must be a number from 1 to 1000"; return std::nullopt; }
    } else if (k == "BYMINUTE") {
      if (!IntList(v, 0, 59, false, &n)) { *why = "BYMINUTE must list minutes from 0 to 59"; return std::nullopt; }
    } else if (k == "BYHOUR") {
      if (!IntList(v, 0, 23, false, &n)) { *why = "BYHOUR must list hours from 0 to 23"; return std::nullopt; }
    } else if (k == "BYDAY") {
      uint8_t plain = 0;
      bool ordinals = false;
      if (!DayList(v, yearly ? 53 : 5, &plain, &ordinals)) {
        *why = "BYDAY takes MO, TU, WE, TH, FR, SA or SU" +
               std::string(monthly || yearly ? ", with an optional position such as 1MO or -1FR" : "");
        return std::nullopt;
      }
      if (ordinals && !monthly && !yearly) { *why = "BYDAY positions such as -1FR need FREQ=MONTHLY or FREQ=YEARLY"; return std::nullopt; }
    } else if (k == "BYMONTHDAY") {
      if (freq == "WEEKLY") { *why = "BYMONTHDAY is not allowed with FREQ=WEEKLY"; return std::nullopt; }
      if (!IntList(v, 1, 31, true, &n)) { *why = "BYMONTHDAY must list days from 1 to 31 or -31 to -1 (-1 is the last day)"; return std::nullopt; }
    } else if (k == "BYYEARDAY") {
      if (!yearly) { *why = "BYYEARDAY needs FREQ=YEARLY"; return std::nullopt; }
      if (!IntList(v, 1, 366, true, &n)) { *why = "BYYEARDAY must list days from 1 to 366 or -366 to -1"; return std::nullopt; }
    } else if (k == "BYWEEKNO") {
      if (!yearly) { *why = "BYWEEKNO needs FREQ=YEARLY"; return std::nullopt; }
      if (!IntList(v, 1, 53, true, &n)) { *why = "BYWEEKNO must list weeks from 1 to 53 or -53 to -1"; return std::nullopt; }
    } else if (k == "BYMONTH") {
      if (!IntList(v, 1, 12, false, &n)) { *why = "BYMONTH must list months from 1 to 12"; return std::nullopt; }
    } else if (k == "BYSETPOS") {
      if (!IntList(v, 1, 366, true, &n)) { *why = "BYSETPOS must list positions from 1 to 366 or -366 to -1"; return std::nullopt; }
    } else if (k == "WKST") {
      bool ok = false;
      for (const char* d : kDayCodes) ok = ok || v == d;
      if (!ok) { *why = "WKST takes MO, TU, WE, TH, FR, SA or SU"; return std::nullopt; }
    } else if (k == "COUNT" || k == "UNTIL") {
      *why = k + " is not allowed: a schedule runs until the plan changes it";
      return std::nullopt;
    } else if (k == "BYSECOND") {
      *why = "BYSECOND is not allowed: runs are planned to the minute";
      return std::nullopt;
    } else if (k == "RSCALE" || k == "SKIP") {
      *why = k + " is not supported: schedules use the Gregorian calendar";
      return std::nullopt;
    } else {
      *why = "'" + k + "' is not an RRULE part";
      return std::nullopt;
    }
  }
  // The rule must say when it runs by itself, not take the day or time from a start date.
  if (freq == "HOURLY" && !seen.count("BYMINUTE")) { *why = "an hourly RRULE needs BYMINUTE"; return std::nullopt; }
  if (freq != "HOURLY" && (!seen.count("BYHOUR") || !seen.count("BYMINUTE"))) {
    *why = "an RRULE needs BYHOUR and BYMINUTE to say when it runs";
    return std::nullopt;
  }
  if (freq == "WEEKLY" && !seen.count("BYDAY")) { *why = "a weekly RRULE needs BYDAY"; return std::nullopt; }
  if (monthly && !seen.count("BYMONTHDAY") && !seen.count("BYDAY")) {
    *why = "a monthly RRULE needs BYMONTHDAY or BYDAY";
    return std::nullopt;
  }
  if (yearly && !seen.count("BYMONTHDAY") && !seen.count("BYDAY") && !seen.count("BYYEARDAY")) {
    *why = "a yearly RRULE needs BYMONTHDAY, BYDAY or BYYEARDAY";
    return std::nullopt;
  }
  if (seen.count("BYSETPOS") && seen.size() == 2 + seen.count("INTERVAL") + seen.count("WKST")) {
    *why = "BYSETPOS needs another BY part to choose from";
    return std::nullopt;
  }
  return parts;
}

// The readable form of a rule, when it has one (so "FREQ=DAILY;BYHOUR=2;BYMINUTE=0" shows as
// "daily 02:00").
std::optional<Readable> ReadableOf(const std::vector<RulePart>& parts) {
  Readable s;
  bool have_hour = false;
  for (const RulePart& p : parts) {
    std::vector<int> n;
    if (p.name == "FREQ") {
      if (p.value == "HOURLY") s.freq = Readable::Freq::kHourly;
      else if (p.value == "DAILY") s.freq = Readable::Freq::kDaily;
      else if (p.value == "WEEKLY") s.freq = Readable::Freq::kWeekly;
      else if (p.value == "MONTHLY") s.freq = Readable::Freq::kMonthly;
      else return std::nullopt;
    } else if (p.name == "INTERVAL") {
      if (!IntList(p.value, 1, 1000, false, &n)) return std::nullopt;
      s.interval = n[0];
    } else if (p.name == "BYHOUR" || p.name == "BYMINUTE") {
      if (!IntList(p.value, 0, 59, false, &n) || n.size() != 1) return std::nullopt;
      (p.name == "BYHOUR" ? s.hour : s.minute) = n[0];
      have_hour = have_hour || p.name == "BYHOUR";
    } else if (p.name == "BYDAY") {
      bool ordinals = false;
      if (!DayList(p.value, 53, &s.weekdays, &ordinals) || ordinals) return std::nullopt;
    } else if (p.name == "BYMONTHDAY") {
      if (!IntList(p.value, 1, 31, false, &n)) return std::nullopt;
      s.month_days = n;
    } else if (p.name != "WKST") {
      return std::nullopt;
    }
  }
  if (s.freq == Readable::Freq::kHourly && have_hour) return std::nullopt;
  if (s.freq == Readable::Freq::kWeekly && (s.interval != 1 || !s.month_days.empty())) return std::nullopt;
  if (s.freq == Readable::Freq::kMonthly && (s.interval != 1 || s.weekdays || s.month_days.empty())) return std::nullopt;
  if ((s.freq == Readable::Freq::kHourly || s.freq == Readable::Freq::kDaily) && (s.weekdays || !s.month_days.empty()))
    return std::nullopt;
  std::sort(s.month_days.begin(), s.month_days.end());
  s.month_days.erase(std::unique(s.month_days.begin(), s.month_days.end()), s.month_days.end());
  return s;
}

// ---- expansion with libical ----

// Every rule counts its INTERVAL from this Monday, so that "every 6 hours" and "every 2 weeks"
// fall on the same runs wherever a plan is read.
constexpr int kAnchorYear = 2001;

icaltimetype IcalAt(LocalTime t) {
  icaltimetype it = icaltime_null_time();
  int y, m, d;
  CivilFromDate(t.date(), &y, &m, &d);
  it.year = y;
  it.month = m;
  it.day = d;
  it.hour = t.hour();
  it.minute = t.minute();
  it.second = 0;
  it.is_date = 0;
  return it;
}

LocalTime FromIcal(const icaltimetype& t) {
  auto d = DateFromCivil(t.year, t.month, t.day);
  return LocalTime::At(d ? *d : Date{}, t.hour, t.minute);
}

LocalTime Anchor() { return LocalTime::At(*DateFromCivil(kAnchorYear, 1, 1), 0, 0); }

struct ParsedRule {
  icalrecurrencetype rule;
  bool ok = false;
};

ParsedRule Parse(const std::string& rrule) {
  icalerror_set_errors_are_fatal(0);
  icalerror_clear_errno();
  ParsedRule p;
  p.rule = icalrecurrencetype_from_string(rrule.c_str());
  p.ok = p.rule.freq != ICAL_NO_RECURRENCE && icalerrno == ICAL_NO_ERROR;
  icalerror_clear_errno();
  return p;
}

// The latest point at or before `from` where the rule's INTERVAL count starts again: libical's
// iterator restarts its count at the start it is given, so the start must be one of these.
LocalTime AlignedStart(const icalrecurrencetype& r, LocalTime from) {
  const LocalTime anchor = Anchor();
  if (!(anchor < from)) return anchor;
  const int64_t interval = std::max<int64_t>(1, r.interval);
  int64_t unit = 0;
  switch (r.freq) {
    case ICAL_HOURLY_RECURRENCE: unit = 60; break;
    case ICAL_DAILY_RECURRENCE: unit = 1440; break;
    case ICAL_WEEKLY_RECURRENCE: unit = 7 * 1440; break;
    default: break;
  }
  if (unit > 0) {
    int64_t step = unit * interval;
    return LocalTime{anchor.minutes + (from.minutes - anchor.minutes) / step * step};
  }
  int y, m, d;
  CivilFromDate(from.date(), &y, &m, &d);
  if (r.freq == ICAL_MONTHLY_RECURRENCE) {
    int64_t months = (y - kAnchorYear) * 12 + (m - 1);
    months = months / interval * interval;
    return LocalTime::At(*DateFromCivil(kAnchorYear + static_cast<int>(months / 12), static_cast<int>(months % 12) + 1, 1), 0, 0);
  }
  int64_t years = (y - kAnchorYear) / interval * interval;
  return LocalTime::At(*DateFromCivil(kAnchorYear + static_cast<int>(years), 1, 1), 0, 0);
}

std::vector<LocalTime> Expand(const std::string& rrule, LocalTime from, LocalTime until, size_t limit) {
  std::vector<LocalTime> out;
  ParsedRule p = Parse(rrule);
  if (!p.ok || limit == 0) return out;
  icalrecur_iterator* it = icalrecur_iterator_new(p.rule, IcalAt(Anchor()));
  icalerror_clear_errno();
  if (!it) return out;
  LocalTime start = AlignedStart(p.rule, from);
  if (Anchor() < start) icalrecur_iterator_set_start(it, IcalAt(start));
  for (;;) {
    icaltimetype t = icalrecur_iterator_next(it);
    if (icaltime_is_null_time(t)) break;
    LocalTime lt = FromIcal(t);
    if (!(lt < until)) break;
    if (lt < from) continue;
    out.push_back(lt);
    if (out.size() >= limit) break;
  }
  icalrecur_iterator_free(it);
  icalerror_clear_errno();
  return out;
}

// A rule whose runs repeat every few days or weeks whatever the month or year: its gaps all
// show within two of its periods, so it need not be expanded over decades (libical's iterator
// costs tens of microseconds a run).
int64_t PeriodMinutes(const std::vector<RulePart>& parts) {
  std::string freq;
  int64_t interval = 1;
  bool by_day = false;
  for (const RulePart& p : parts) {
    if (p.name == "FREQ") freq = p.value;
    else if (p.name == "INTERVAL") interval = std::stoi(p.value);
    else if (p.name == "BYDAY") by_day = true;
    else if (p.name != "BYHOUR" && p.name != "BYMINUTE" && p.name != "WKST") return 0;
  }
  int64_t unit = freq == "HOURLY" ? 60 : freq == "DAILY" ? 1440 : freq == "WEEKLY" ? 7 * 1440 : 0;
  if (unit == 0) return 0;
  return std::lcm(unit * interval, by_day ? int64_t{7 * 1440} : int64_t{1440});
}

constexpr int kGapYears = 28;         // 2001-2028: every weekday and leap-year combination
constexpr size_t kMaxRuns = 100000;   // enough for an hourly rule over many years

struct RuleFacts {
  int64_t max_gap_minutes = 0;
  bool runs = false;
};

RuleFacts Facts(const std::string& rrule, const std::vector<RulePart>& parts) {
  static std::map<std::string, RuleFacts> memo;
  auto found = memo.find(rrule);
  if (found != memo.end()) return found->second;
  const LocalTime anchor = Anchor();
  int64_t period = PeriodMinutes(parts);
  LocalTime until = period > 0 ? LocalTime{anchor.minutes + 2 * period + 1440}
                               : LocalTime::At(*DateFromCivil(kAnchorYear + kGapYears, 1, 1), 0, 0);
  std::vector<LocalTime> runs = Expand(rrule, anchor, until, kMaxRuns);
  RuleFacts f;
  f.runs = !runs.empty();
  for (size_t i = 1; i < runs.size(); ++i) f.max_gap_minutes = std::max(f.max_gap_minutes, runs[i].minutes - runs[i - 1].minutes);
  if (runs.size() == 1) f.max_gap_minutes = until.minutes - anchor.minutes;  // runs less than once in the window
  memo.emplace(rrule, f);
  return f;
}

std::vector<RulePart> PartsOf(const std::string& rrule) {
  std::string why;
  auto parts = CheckRRule(rrule, &why);
  return parts ? *parts : std::vector<RulePart>{};
}

std::string LibicalKey(const std::string& rrule) {
  ParsedRule p = Parse(rrule);
  if (!p.ok) return rrule;
  char* s = icalrecurrencetype_as_string_r(&p.rule);
  std::string key = s ? s : rrule;
  if (s) icalmemory_free_buffer(s);
  return key;
}

std::string Trim(const std::string& text) {
  std::string t = text;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(t.begin());
  return t;
}

}  // namespace

Date LocalTime::date() const {
  int64_t d = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
  return Date{static_cast<int32_t>(d)};
}
int LocalTime::hour() const { return static_cast<int>((minutes - int64_t{date().days} * 1440) / 60); }
int LocalTime::minute() const { return static_cast<int>((minutes - int64_t{date().days} * 1440) % 60); }
LocalTime LocalTime::At(Date d, int hour, int minute) { return LocalTime{int64_t{d.days} * 1440 + hour * 60 + minute}; }

std::string FormatLocalTime(LocalTime t) {
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", t.hour(), t.minute());
  return FormatDate(t.date()) + " " + hm;
}

std::optional<Schedule> ParseSchedule(const std::string& text, std::string* why_out) {
  std::string why_local;
  std::string* why = why_out ? why_out : &why_local;
  std::string t = Trim(text);
  if (t.empty()) { *why = "it is empty"; return std::nullopt; }
  Schedule s;
  std::vector<RulePart> parts;
  if (t.find('=') != std::string::npos) {
    std::string body = t;
    if (AsciiLower(body.substr(0, 6)) == "rrule:") body = body.substr(6);
    for (auto& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    body.erase(std::remove_if(body.begin(), body.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }), body.end());
    auto checked = CheckRRule(body, why);
    if (!checked) return std::nullopt;
    parts = *checked;
    if (auto r = ReadableOf(parts)) {
      s.readable = r->Canonical();
      s.rrule = r->ToRRule();
    } else {
      s.rrule = body;
    }
  } else {
    auto r = ParseReadable(t, why);
    if (!r) return std::nullopt;
    s.readable = r->Canonical();
    s.rrule = r->ToRRule();
    parts = PartsOf(s.rrule);
  }
  if (!Parse(s.rrule).ok) {
    *why = "libical cannot read the RRULE '" + s.rrule + "'";
    return std::nullopt;
  }
  if (!Facts(s.rrule, parts).runs) {
    *why = "it never runs (no day in 2001-2028 matches it)";
    return std::nullopt;
  }
  s.key = LibicalKey(s.rrule);
  return s;
}

int64_t Schedule::MaxGapSeconds() const {
  if (rrule.empty()) return 0;
  return Facts(rrule, PartsOf(rrule)).max_gap_minutes * 60;
}

std::vector<LocalTime> Schedule::Runs(LocalTime from, LocalTime until, size_t limit) const {
  return Expand(rrule, from, until, limit);
}

}  // namespace plangen

#include "util/schedule.h"
#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
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

std::optional<Schedule> ParseRRule(const std::string& text, std::string* why) {
  Schedule s;
  bool have_freq = false, have_hour = false, have_minute = false;
  std::string body = text;
  if (AsciiLower(body.substr(0, 6)) == "rrule:") body = body.substr(6);
  std::stringstream ss(body);
  std::string part;
  auto ints = [&](const std::string& v, int lo, int hi, std::vector<int>* out) -> bool {
    std::stringstream vs(v);
    std::string item;
    while (std::getline(vs, item, ',')) {
      if (!AllDigits(item)) return false;
      int n = std::stoi(item);
      if (n < lo || n > hi) return false;
      out->push_back(n);
    }
    return !out->empty();
  };
  while (std::getline(ss, part, ';')) {
    size_t eq = part.find('=');
    if (eq == std::string::npos) { *why = "'" + part + "' is not NAME=VALUE"; return std::nullopt; }
    std::string k = part.substr(0, eq), v = part.substr(eq + 1);
    for (auto& c : k) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (auto& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::vector<int> n;
    if (k == "FREQ") {
      have_freq = true;
      if (v == "HOURLY") s.freq = Schedule::Freq::kHourly;
      else if (v == "DAILY") s.freq = Schedule::Freq::kDaily;
      else if (v == "WEEKLY") s.freq = Schedule::Freq::kWeekly;
      else if (v == "MONTHLY") s.freq = Schedule::Freq::kMonthly;
      else { *why = "FREQ must be HOURLY, DAILY, WEEKLY or MONTHLY"; return std::nullopt; }
    } else if (k == "INTERVAL") {
      if (!ints(v, 1, 1000, &n) || n.size() != 1) { *why = "INTERVAL must be a number from 1 to 1000"; return std::nullopt; }
      s.interval = n[0];
    } else if (k == "BYHOUR") {
      if (!ints(v, 0, 23, &n) || n.size() != 1) { *why = "BYHOUR must be one hour from 0 to 23"; return std::nullopt; }
      s.hour = n[0];
      have_hour = true;
    } else if (k == "BYMINUTE") {
      if (!ints(v, 0, 59, &n) || n.size() != 1) { *why = "BYMINUTE must be one minute from 0 to 59"; return std::nullopt; }
      s.minute = n[0];
      have_minute = true;
    } else if (k == "BYMONTHDAY") {
      if (!ints(v, 1, 31, &n)) { *why = "BYMONTHDAY must list days from 1 to 31"; return std::nullopt; }
      s.month_days = n;
    } else if (k == "BYDAY") {
      std::stringstream ds(v);
      std::string day;
      while (std::getline(ds, day, ',')) {
        int idx = -1;
        for (int i = 0; i < 7; ++i) if (day == kDayCodes[i]) idx = i;
        if (idx < 0) { *why = "BYDAY takes MO, TU, WE, TH, FR, SA or SU"; return std::nullopt; }
        s.weekdays |= static_cast<uint8_t>(1u << idx);
      }
    } else if (k == "WKST") {
      // accepted and ignored: it does not change when weekly runs happen with one BYDAY list
    } else {
      *why = "RRULE part '" + k + "' is not supported here";
      return std::nullopt;
    }
  }
  if (!have_freq) { *why = "an RRULE needs FREQ"; return std::nullopt; }
  if (s.freq == Schedule::Freq::kWeekly && s.weekdays == 0) { *why = "a weekly RRULE needs BYDAY"; return std::nullopt; }
  if (s.freq == Schedule::Freq::kMonthly && s.month_days.empty()) { *why = "a monthly RRULE needs BYMONTHDAY"; return std::nullopt; }
  if (s.freq != Schedule::Freq::kHourly && (!have_hour || !have_minute)) {
    *why = "an RRULE needs BYHOUR and BYMINUTE to say when it runs";
    return std::nullopt;
  }
  if (s.freq == Schedule::Freq::kHourly && !have_minute) { *why = "an hourly RRULE needs BYMINUTE"; return std::nullopt; }
  return s;
}

}  // namespace

std::optional<Schedule> ParseSchedule(const std::string& text, std::string* why_out) {
  std::string why_local;
  std::string* why = why_out ? why_out : &why_local;
  std::string t = text;
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
  while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(t.begin());
  if (t.empty()) { *why = "it is empty"; return std::nullopt; }
  if (t.find('=') != std::string::npos) return ParseRRule(t, why);
  std::vector<std::string> w = Words(AsciiLower(t));
  // Drop filler words people write in worksheets.
  w.erase(std::remove_if(w.begin(), w.end(), [](const std::string& x) { return x == "at" || x == "on" || x == "every-day"; }), w.end());
  Schedule s;
  size_t i = 0;
  const std::string first = w[0];
  if (first == "hourly") {
    s.freq = Schedule::Freq::kHourly;
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
    s.freq = w[2][0] == 'h' ? Schedule::Freq::kHourly : Schedule::Freq::kDaily;
    i = 3;
    if (i < w.size()) {
      if (!ParseTime(w, &i, &s.hour, &s.minute, s.freq == Schedule::Freq::kHourly, why)) return std::nullopt;
    } else if (s.freq == Schedule::Freq::kDaily) {
      *why = "a time such as 02:00 is missing";
      return std::nullopt;
    }
  } else if (first == "daily" || (first == "every" && w.size() > 1 && w[1] == "day")) {
    s.freq = Schedule::Freq::kDaily;
    i = first == "daily" ? 1 : 2;
    if (!ParseTime(w, &i, &s.hour, &s.minute, false, why)) return std::nullopt;
  } else if (first == "weekly") {
    s.freq = Schedule::Freq::kWeekly;
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
    s.freq = Schedule::Freq::kMonthly;
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

std::string Schedule::Canonical() const {
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

std::string Schedule::ToRRule() const {
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

int64_t Schedule::MaxGapSeconds() const {
  const int64_t day = 86400;
  switch (freq) {
    case Freq::kHourly: return 3600LL * interval;
    case Freq::kDaily: return day * interval;
    case Freq::kWeekly: {
      if (interval > 1) return 7 * day * interval;
      int largest = 0, first = -1, prev = -1;
      for (int i = 0; i < 7; ++i) {
        if (!(weekdays & (1u << i))) continue;
        if (first < 0) first = i;
        if (prev >= 0) largest = std::max(largest, i - prev);
        prev = i;
      }
      largest = std::max(largest, first + 7 - prev);
      return largest * day;
    }
    case Freq::kMonthly: {
      if (month_days.size() <= 1) return 31 * day * interval;
      int largest = 0;
      for (size_t i = 1; i < month_days.size(); ++i) largest = std::max(largest, month_days[i] - month_days[i - 1]);
      largest = std::max(largest, month_days.front() + 31 - month_days.back());
      return largest * day * interval;
    }
  }
  return 0;
}

}  // namespace plangen

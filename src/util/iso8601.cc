#include "util/iso8601.h"

#include <cctype>
#include <cstdio>

namespace plangen {

// Howard Hinnant's days_from_civil / civil_from_days.
static int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDate(Date date, int* y, int* m, int* d) {
  int64_t z = date.days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
  const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int>(yy + (mm <= 2));
  *m = static_cast<int>(mm);
  *d = static_cast<int>(dd);
}

static int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::optional<Date> DateFromCivil(int y, int m, int d) {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return Date{static_cast<int32_t>(DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))};
}

std::optional<Date> ParseDate(const std::string& t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(t[i]))) return std::nullopt;
  }
  return DateFromCivil(std::stoi(t.substr(0, 4)), std::stoi(t.substr(5, 2)), std::stoi(t.substr(8, 2)));
}

std::string FormatDate(Date date) {
  int y, m, d;
  CivilFromDate(date, &y, &m, &d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int Weekday(Date d) {
  // 1970-01-01 was a Thursday (3 when Monday = 0).
  int w = static_cast<int>((d.days % 7 + 7 + 3) % 7);
  return w;
}

int64_t Duration::TotalSeconds() const {
  return ((static_cast<int64_t>(years) * 365 + months * 30 + weeks * 7 + days) * 24 + hours) * 3600 +
         minutes * 60 + seconds;
}

Date Duration::AddTo(Date date) const {
  int y, m, d;
  CivilFromDate(date, &y, &m, &d);
  int64_t total_months = static_cast<int64_t>(y) * 12 + (m - 1) + years * 12 + months;
  int ny = static_cast<int>(total_months / 12), nm = static_cast<int>(total_months % 12) + 1;
  if (ny > 9999) ny = 9999;
  int nd = d > DaysInMonth(ny, nm) ? DaysInMonth(ny, nm) : d;
  Date out{static_cast<int32_t>(DaysFromCivil(ny, static_cast<unsigned>(nm), static_cast<unsigned>(nd)))};
  int64_t secs = (hours * 60 + minutes) * 60 + seconds;
  out.days += weeks * 7 + days + static_cast<int32_t>((secs + 86399) / 86400);
  return out;
}

std::optional<Duration> ParseDuration(const std::string& t, std::string* hint) {
  auto fail = [&](const char* h) -> std::optional<Duration> {
    if (hint) *hint = h;
    return std::nullopt;
  };
  if (t.empty() || t[0] != 'P') return fail("; it starts with 'P', as in P1D or PT4H");
  Duration d;
  bool time = false, any = false;
  size_t i = 1;
  while (i < t.size()) {
    if (t[i] == 'T') {
      if (time) return fail("");
      time = true;
      ++i;
      continue;
    }
    size_t start = i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
    if (i == start || i >= t.size()) return fail("; each number needs a unit (Y, M, W, D, H, M, S)");
    if (i - start > 6) return fail("; the number is too large");
    int64_t n = std::stoll(t.substr(start, i - start));
    char unit = t[i++];
    any = true;
    if (!time) {
      if (unit == 'Y') d.years = static_cast<int32_t>(n);
      else if (unit == 'M') d.months = static_cast<int32_t>(n);
      else if (unit == 'W') d.weeks = static_cast<int32_t>(n);
      else if (unit == 'D') d.days = static_cast<int32_t>(n);
      else if (unit == 'H' || unit == 'S') return fail("; hours, minutes and seconds come after 'T', as in PT4H");
      else return fail("");
    } else {
      if (unit == 'H') d.hours = n;
      else if (unit == 'M') d.minutes = n;
      else if (unit == 'S') d.seconds = n;
      else return fail("; after 'T' only H, M and S are allowed");
    }
  }
  if (!any) return fail("");
  return d;
}

std::string DescribeSeconds(int64_t s) {
  auto unit = [](int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (s % (365 * 86400) == 0 && s >= 365 * 86400) return unit(s / (365 * 86400), "year", "years");
  if (s % (30 * 86400) == 0 && s >= 30 * 86400 && s % (7 * 86400) != 0) return unit(s / (30 * 86400), "month", "months");
  if (s % 86400 == 0 && s >= 86400) return unit(s / 86400, "day", "days");
  int64_t h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
  std::string out;
  if (h) out += std::to_string(h) + " h";
  if (m) out += std::string(out.empty() ? "" : " ") + std::to_string(m) + " min";
  if (sec || out.empty()) out += std::string(out.empty() ? "" : " ") + std::to_string(sec) + " s";
  return out;
}

std::string DescribeDuration(const Duration& d) {
  auto unit = [](int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
  if (d.years) add(unit(d.years, "year", "years"));
  if (d.months) add(unit(d.months, "month", "months"));
  if (d.weeks) add(unit(d.weeks, "week", "weeks"));
  if (d.days) add(unit(d.days, "day", "days"));
  if (d.hours) add(std::to_string(d.hours) + " h");
  if (d.minutes) add(std::to_string(d.minutes) + " min");
  if (d.seconds) add(std::to_string(d.seconds) + " s");
  return out.empty() ? "0 min" : out;
}

}  // namespace plangen

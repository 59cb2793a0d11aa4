#include "sheets/cell_values.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "util/iso8601.h"

namespace plangen::sheets {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Days since 1970-01-01 of 1899-12-30, the zero of Excel's 1900 date system after February 1900.
const int32_t kEpoch1900 = DateFromCivil(1900, 1, 1)->days - 2;

// A calendar day as days since 1970-01-01. iso8601's DateFromCivil starts at 1900; SpreadsheetML
// writes pure times on 1899-12-31, so the last two days of 1899 are accepted too.
std::optional<int32_t> DayNumber(int y, int m, int d) {
  if (y == 1899 && m == 12 && (d == 30 || d == 31)) return kEpoch1900 + (d - 30);
  std::optional<Date> date = DateFromCivil(y, m, d);
  if (!date) return std::nullopt;
  return date->days;
}

bool Digits(const std::string& t, size_t pos, size_t n, int* value) {
  if (pos + n > t.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (t[i] < '0' || t[i] > '9') return false;
    v = v * 10 + (t[i] - '0');
  }
  *value = v;
  return true;
}

}  // namespace

std::optional<double> ParseNumber(const std::string& text) {
  size_t b = 0, e = text.size();
  while (b < e && IsBlank(text[b])) ++b;
  while (e > b && IsBlank(text[e - 1])) --e;
  if (b == e) return std::nullopt;
  // from_chars refuses a leading '+', which Excel never writes but people may type.
  if (text[b] == '+') ++b;
  double v = 0;
  auto res = std::from_chars(text.data() + b, text.data() + e, v, std::chars_format::general);
  if (res.ec != std::errc() || res.ptr != text.data() + e || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string FormatNumber(double value) {
  if (value == 0) return "0";  // also -0
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, res.ptr);
}

std::optional<double> ParseIsoDateTime(const std::string& raw) {
  size_t b = 0, e = raw.size();
  while (b < e && IsBlank(raw[b])) ++b;
  while (e > b && IsBlank(raw[e - 1])) --e;
  std::string t = raw.substr(b, e - b);
  if (!t.empty() && t.back() == 'Z') t.pop_back();
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (!Digits(t, 0, 4, &y) || t.size() < 10 || t[4] != '-' || !Digits(t, 5, 2, &mo) || t[7] != '-' ||
      !Digits(t, 8, 2, &d)) {
    return std::nullopt;
  }
  double fraction = 0;
  if (t.size() > 10) {
    // LibreOffice writes times past a day as hours beyond 23 ("1899-12-31T288:00:00.000" is
    // 1900-01-12), so the hours may have more than two digits.
    size_t hd = 0;
    while (11 + hd < t.size() && hd < 7 && t[11 + hd] >= '0' && t[11 + hd] <= '9') ++hd;
    const size_t p = 11 + hd;  // the ':' after the hours
    if (t[10] != 'T' || hd < 2 || !Digits(t, 11, hd, &h) || t.size() < p + 6 || t[p] != ':' ||
        !Digits(t, p + 1, 2, &mi) || t[p + 3] != ':' || !Digits(t, p + 4, 2, &s) || mi > 59 || s > 59 ||
        (hd == 2 && h > 23)) {
      return std::nullopt;
    }
    if (t.size() > p + 6) {
      if (t[p + 6] != '.' || t.size() == p + 7) return std::nullopt;
      double scale = 0.1;
      for (size_t i = p + 7; i < t.size(); ++i) {
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
        fraction += (t[i] - '0') * scale;
        scale /= 10;
      }
    }
  }
  std::optional<int32_t> day = DayNumber(y, mo, d);
  if (!day) return std::nullopt;
  double serial = *day - kEpoch1900;
  // Excel believes 1900 was a leap year: every day before 1900-03-01 is one serial lower.
  if (serial < 61) serial -= 1;
  return serial + (static_cast<double>(h) * 3600 + mi * 60 + s + fraction) / 86400.0;
}

std::string FormatSerial(double serial) {
  double whole = std::floor(serial);
  int64_t seconds = std::llround((serial - whole) * 86400.0);
  int64_t days = static_cast<int64_t>(whole);
  if (seconds >= 86400) {
    seconds -= 86400;
    ++days;
  }
  std::string date;
  if (days == 60) {
    date = "1900-02-29";  // the day that never was, as Excel shows it
  } else {
    int y, m, d;
    CivilFromDate(Date{static_cast<int32_t>(kEpoch1900 + days + (days < 60 ? 1 : 0))}, &y, &m, &d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    date = buf;
  }
  if (seconds == 0) return date;
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return date + buf;
}

bool IsBuiltinDateFormat(uint32_t id) { return (id >= 14 && id <= 22) || (id >= 45 && id <= 47); }

bool IsDateFormatCode(const std::string& code) {
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    switch (c) {
      case '"': {  // quoted literal text
        size_t close = code.find('"', i + 1);
        if (close == std::string::npos) return false;
        i = close;
        break;
      }
      case '[': {  // colour, condition, locale or elapsed-time marker
        size_t close = code.find(']', i + 1);
        if (close == std::string::npos) return false;
        i = close;
        break;
      }
      case '\\':  // escaped character
      case '_':   // padding as wide as the next character
      case '*':   // fill with the next character
        ++i;
        break;
      default: {
        char l = static_cast<char>(c | 0x20);
        if (c >= 'A' && c <= 'z' && (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's')) return true;
      }
    }
  }
  return false;
}

std::optional<uint64_t> ParseWhole(const char* text) {
  size_t n = std::strlen(text);
  if (n == 0) return std::nullopt;
  for (size_t i = 0; i < n; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  uint64_t v = 0;
  auto res = std::from_chars(text, text + n, v);
  if (res.ec == std::errc::result_out_of_range) return UINT64_MAX;
  return v;
}

}  // namespace plangen::sheets

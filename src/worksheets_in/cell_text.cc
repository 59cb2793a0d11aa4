#include "worksheets_in/cell_text.h"

#include <cctype>

#include "worksheets_in/matching.h"

namespace plangen {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Adds `n` of `unit` to `d`; false for a unit nobody writes.
bool AddUnit(Duration* d, long long n, const std::string& unit) {
  auto is = [&](std::initializer_list<const char*> names) {
    for (const char* u : names) if (unit == u) return true;
    return false;
  };
  if (is({"y", "yr", "yrs", "year", "years"})) d->years += static_cast<int32_t>(n);
  else if (is({"mo", "month", "months"})) d->months += static_cast<int32_t>(n);
  else if (is({"w", "wk", "wks", "week", "weeks"})) d->weeks += static_cast<int32_t>(n);
  else if (is({"d", "day", "days"})) d->days += static_cast<int32_t>(n);
  else if (is({"h", "hr", "hrs", "hour", "hours"})) d->hours += n;
  else if (is({"m", "min", "mins", "minute", "minutes"})) d->minutes += n;
  else if (is({"s", "sec", "secs", "second", "seconds"})) d->seconds += n;
  else return false;
  return true;
}

}  // namespace

std::optional<Duration> ParseLength(const std::string& raw) {
  std::string text = WordsKey(raw);
  if (text.empty()) return std::nullopt;
  if (text[0] == 'p') {
    std::string upper;
    for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return ParseDuration(upper);
  }
  // h:mm
  size_t colon = text.find(':');
  if (colon != std::string::npos) {
    std::string h = text.substr(0, colon), m = text.substr(colon + 1);
    if (h.empty() || h.size() > 4 || m.size() != 2) return std::nullopt;
    for (char c : h + m) if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    Duration d;
    d.hours = std::stoll(h);
    d.minutes = std::stoll(m);
    if (d.minutes > 59) return std::nullopt;
    return d;
  }
  // "1 h 30 min", "1h30min", "90 days", "1 year, 2 months"
  Duration d;
  size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == ',') {
      ++i;
      continue;
    }
    if (text.compare(i, 4, "and ") == 0) {
      i += 4;
      continue;
    }
    size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start || i - start > 9) return std::nullopt;
    long long n = std::stoll(text.substr(start, i - start));
    while (i < text.size() && text[i] == ' ') ++i;
    size_t u = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string unit = text.substr(u, i - u);
    if (unit.empty() || !AddUnit(&d, n, unit)) return std::nullopt;
    any = true;
  }
  if (!any) return std::nullopt;
  return d;
}

BackupSetCell ParseBackupSet(const std::string& text) {
  BackupSetCell out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string line = Trim(text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    pos = nl == std::string::npos ? text.size() + 1 : nl + 1;
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string label = WordsKey(line.substr(0, colon));
    std::string value = Trim(line.substr(colon + 1));
    if (label == "name") out.name = value;
    else if (label == "expiration" || label == "expires" || label == "expiry") out.expiration = value;
  }
  return out;
}

std::optional<Date> ParseCellDate(const std::string& text) {
  std::string t = Trim(text);
  if (t.size() > 10 && (t[10] == 'T' || t[10] == ' ')) t = t.substr(0, 10);
  return ParseDate(t);
}

}  // namespace plangen

#include "emit/command_scan.h"

#include <cstring>

#include "util/strings.h"

namespace plangen {

namespace {

// std::regex's \s and \w in the C locale.
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }
bool IsWord(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool IsHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}
// Stops before any of `stops`, a space or the end.
size_t RunEnd(const std::string& s, size_t from, const char* stops) {
  while (from < s.size() && !IsSpace(s[from]) && !std::strchr(stops, s[from])) ++from;
  return from;
}

}  // namespace

std::vector<std::string> HostParameterValues(const std::string& command) {
  std::vector<std::string> out;
  const std::string& s = command;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '-') {
      ++i;
      continue;
    }
    // The name runs to the end of its word: the pattern wants a space right after it.
    size_t w = i + 1;
    while (w < s.size() && IsWord(s[w])) ++w;
    const std::string name = AsciiLower(s.substr(i + 1, w - i - 1));
    const bool host = (name.size() >= 4 && name.compare(name.size() - 4, 4, "fqdn") == 0) || name == "computername";
    size_t v = w;
    while (host && v < s.size() && IsSpace(s[v])) ++v;
    if (host && v > w) {
      if (v < s.size() && s[v] == '"') ++v;
      const size_t end = RunEnd(s, v, "\";,)");
      if (end > v) {
        out.push_back(s.substr(v, end - v));
        i = end;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> UncShares(const std::string& command) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string& s = command;
  size_t i = 0;
  while (i + 1 < s.size()) {
    if (s[i] != '\\' || s[i + 1] != '\\') {
      ++i;
      continue;
    }
    size_t h = i + 2;
    while (h < s.size() && IsHostChar(s[h])) ++h;
    if (h > i + 2 && h < s.size() && s[h] == '\\') {
      const size_t end = RunEnd(s, h + 1, "\\\"';");
      if (end > h + 1) {
        out.emplace_back(s.substr(i + 2, h - i - 2), s.substr(h + 1, end - h - 1));
        i = end;
        continue;
      }
    }
    ++i;
  }
  return out;
}

}  // namespace plangen

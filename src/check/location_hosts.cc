#include "check/location_hosts.h"

#include "util/strings.h"

namespace plangen::check {

std::string UncHost(const std::string& path) {
  size_t start = path.find_first_not_of(" \t");
  if (start == std::string::npos || path.size() < start + 3) return "";
  const char a = path[start], b = path[start + 1];
  if (!((a == '\\' && b == '\\') || (a == '/' && b == '/'))) return "";
  size_t end = path.find_first_of("\\/", start + 2);
  std::string host = path.substr(start + 2, end == std::string::npos ? std::string::npos : end - start - 2);
  if (host == "?" || host == ".") return "";  // \\?\ and \\.\ are local device paths, not hosts
  return host;
}

std::string LocationHost(const Location& l) {
  if (!l.host.empty() && !IsPlaceholder(l.host.value)) return l.host.value;
  if (IsPlaceholder(l.path.value)) return "";
  return UncHost(l.path.value);
}

bool SameHost(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::string x = AsciiLower(a), y = AsciiLower(b);
  if (x == y) return true;
  if (x.find('.') == std::string::npos) return y.compare(0, x.size() + 1, x + ".") == 0;
  if (y.find('.') == std::string::npos) return x.compare(0, y.size() + 1, y + ".") == 0;
  return false;
}

}  // namespace plangen::check

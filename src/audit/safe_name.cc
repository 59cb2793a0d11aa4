#include "audit/safe_name.h"

#include <cctype>
#include <cstdio>

namespace plangen::audit {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Windows maps these names to devices in every directory, whatever the extension,
// so "nul.html" would write to the null device and "con.md" to the console.
bool IsDeviceName(std::string_view stem) {
  std::string u = Upper(stem);
  if (u == "CON" || u == "PRN" || u == "AUX" || u == "NUL") return true;
  if (u.size() == 4 && (u.compare(0, 3, "COM") == 0 || u.compare(0, 3, "LPT") == 0))
    return u[3] >= '1' && u[3] <= '9';
  return false;
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    unsigned cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += n + 1;
  }
  return true;
}

std::string Quoted(char c) {
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(c));
    return std::string("the control character ") + buf;
  }
  return std::string("'") + c + "'";
}

}  // namespace

std::string UnsafeComponentReason(std::string_view name) {
  if (name.empty()) return "it is empty";
  if (name == "." || name == "..") return "it names a directory ('" + std::string(name) + "')";
  if (name.size() > kMaxComponentBytes)
    return "it is " + std::to_string(name.size()) + " bytes long, more than " +
           std::to_string(kMaxComponentBytes);
  for (char c : name) {
    if (c == '/' || c == '\\') return "it holds the path separator " + Quoted(c);
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return "it holds " + Quoted(c);
  }
  if (name.size() >= 2 && std::isalpha(static_cast<unsigned char>(name[0])) && name[1] == ':')
    return "it starts with the drive letter '" + std::string(name.substr(0, 2)) + "'";
  for (char c : name) {
    // Reserved on Windows; an archive holding them cannot be extracted there.
    if (c == ':' || c == '<' || c == '>' || c == '"' || c == '|' || c == '?' || c == '*')
      return "it holds " + Quoted(c) + ", which Windows does not allow in file names";
  }
  if (name.front() == '.' || name.front() == ' ') return "it starts with a dot or a space";
  if (name.back() == '.' || name.back() == ' ') return "it ends with a dot or a space";
  if (!ValidUtf8(name)) return "it is not valid UTF-8";
  std::string_view stem = name.substr(0, name.find('.'));
  // Windows also ignores trailing spaces before the extension ("NUL .txt").
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  if (IsDeviceName(stem)) return "'" + std::string(stem) + "' is a Windows device name";
  return "";
}

std::string UnsafeRelativePathReason(std::string_view path) {
  if (path.empty()) return "it is empty";
  if (path.front() == '/') return "it is an absolute path";
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string_view part = path.substr(start, slash == std::string_view::npos ? path.npos : slash - start);
    std::string why = UnsafeComponentReason(part);
    if (!why.empty()) return "component '" + std::string(part) + "': " + why;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return "";
}

bool SafeComponent(const std::string& name, const std::string& what, Loc loc, DiagEngine& diags) {
  std::string why = UnsafeComponentReason(name);
  if (why.empty()) return true;
  diags.Report(DiagId::err_output_name_unsafe, loc, {what, name, why});
  return false;
}

}  // namespace plangen::audit

#include "util/text_decode.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace plangen {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool ValidUtf8(const std::string& s, size_t* bad_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else { *bad_offset = i; return false; }
    if (i + len > n) { *bad_offset = i; return false; }
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) { *bad_offset = i; return false; }
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

const char* NotAnXmlCharacter(uint32_t cp) {
  if (cp == 0) return "NUL";
  if (cp < 0x20 && cp != 0x9 && cp != 0xA && cp != 0xD) return "a control character";
  if (cp >= 0xD800 && cp <= 0xDFFF) return "a UTF-16 surrogate";
  if (cp > 0x10FFFF) return "a number past the last Unicode code point";
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return "a Unicode non-character";
  return nullptr;
}

bool FindBadCharacterReference(const std::string& text, size_t* offset, std::string* reference, std::string* why) {
  const size_t n = text.size();
  size_t i = 0;
  auto skip_to = [&](size_t from, const char* end) {
    size_t e = text.find(end, from);
    return e == std::string::npos ? n : e + std::strlen(end);
  };
  while (i < n) {
    size_t next = text.find_first_of("<&", i);
    if (next == std::string::npos) break;
    i = next;
    if (text[i] == '<') {
      if (text.compare(i, 4, "<!--") == 0) i = skip_to(i + 4, "-->");
      else if (text.compare(i, 9, "<![CDATA[") == 0) i = skip_to(i + 9, "]]>");
      else if (text.compare(i, 2, "<?") == 0) i = skip_to(i + 2, "?>");
      else ++i;
      continue;
    }
    if (i + 1 >= n || text[i + 1] != '#') {
      ++i;
      continue;
    }
    size_t j = i + 2;
    bool hex = j < n && text[j] == 'x';
    if (hex) ++j;
    uint64_t cp = 0;
    size_t digits = 0;
    for (; j < n; ++j, ++digits) {
      char c = text[j];
      int v = c >= '0' && c <= '9' ? c - '0'
              : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0) break;
      cp = std::min<uint64_t>(cp * (hex ? 16 : 10) + static_cast<uint64_t>(v), 0x7FFFFFFF);
    }
    // A reference without digits or ';' is pugixml's to report as malformed.
    if (digits > 0 && j < n && text[j] == ';') {
      if (const char* w = NotAnXmlCharacter(static_cast<uint32_t>(cp))) {
        *offset = i;
        *reference = text.substr(i, std::min<size_t>(j + 1 - i, 24));
        *why = w;
        return true;
      }
    }
    i = j;
  }
  return false;
}

std::string EscapeForMessage(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    size_t bad = 0;
    if (len > 0 && i + len <= s.size() && ValidUtf8(s.substr(i, len), &bad)) {
      out.append(s, i, len);
      i += len;
      continue;
    }
    static const char* kHex = "0123456789ABCDEF";
    out += "\\x";
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
    ++i;
  }
  return out;
}

namespace {

// The encoding named in `<?xml ... encoding="X"?>`, lower-cased, or "".
std::string DeclaredEncoding(const std::string& head) {
  if (head.compare(0, 5, "<?xml") != 0) return "";
  size_t end = head.find("?>");
  if (end == std::string::npos) end = std::min<size_t>(head.size(), 200);
  size_t p = head.find("encoding", 0);
  if (p == std::string::npos || p > end) return "";
  p += 8;
  while (p < end && std::isspace(static_cast<unsigned char>(head[p]))) ++p;
  if (p >= end || head[p] != '=') return "";
  ++p;
  while (p < end && std::isspace(static_cast<unsigned char>(head[p]))) ++p;
  if (p >= end || (head[p] != '"' && head[p] != '\'')) return "";
  char q = head[p++];
  size_t close = head.find(q, p);
  if (close == std::string::npos || close > end) return "";
  std::string e = head.substr(p, close - p);
  for (auto& ch : e) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return e;
}

DecodeResult DecodeUtf16(const std::string& bytes, size_t start, bool big_endian, std::string* text) {
  DecodeResult r;
  r.encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
  text->clear();
  text->reserve(bytes.size() / 2 + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto unit = [&](size_t i) -> uint32_t {
    return big_endian ? (p[i] << 8) | p[i + 1] : (p[i + 1] << 8) | p[i];
  };
  for (size_t i = start; i + 1 < bytes.size(); i += 2) {
    uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= bytes.size()) { r.ok = false; r.error = "truncated UTF-16 surrogate pair"; break; }
      uint32_t lo = unit(i + 2);
      if (lo < 0xDC00 || lo > 0xDFFF) { r.ok = false; r.error = "invalid UTF-16 surrogate pair"; break; }
      u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      i += 2;
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      r.ok = false; r.error = "invalid UTF-16 surrogate"; break;
    }
    if (u == 0) { r.ok = false; r.error = "file contains a NUL character"; break; }
    AppendUtf8(u, text);
  }
  if (r.ok && (bytes.size() - start) % 2 != 0) {
    r.ok = false;
    r.error = "UTF-16 text ends in the middle of a character";
  }
  if (!r.ok) r.error_offset = static_cast<uint32_t>(text->size());
  return r;
}

}  // namespace

DecodeResult DecodeXmlBytes(const std::string& bytes, std::string* text) {
  DecodeResult r;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) return DecodeUtf16(bytes, 2, false, text);
  if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) return DecodeUtf16(bytes, 2, true, text);
  if (n >= 4 && p[0] == '<' && p[1] == 0 && p[2] == '?' && p[3] == 0) return DecodeUtf16(bytes, 0, false, text);
  if (n >= 4 && p[0] == 0 && p[1] == '<' && p[2] == 0 && p[3] == '?') return DecodeUtf16(bytes, 0, true, text);
  size_t start = 0;
  if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) start = 3;
  std::string decl = DeclaredEncoding(bytes.substr(start, 256));
  if (decl == "iso-8859-1" || decl == "latin1" || decl == "latin-1" || decl == "iso8859-1" ||
      decl == "windows-1252" || decl == "cp1252" || decl == "us-ascii" || decl == "ascii") {
    r.encoding = "ISO-8859-1";
    text->clear();
    text->reserve(n + n / 8);
    for (size_t i = start; i < n; ++i) {
      if (p[i] == 0) {
        r.ok = false;
        r.error = "file contains a NUL byte";
        r.error_offset = static_cast<uint32_t>(text->size());
        return r;
      }
      AppendUtf8(p[i], text);
    }
    return r;
  }
  if (!decl.empty() && decl != "utf-8" && decl != "utf8") {
    r.ok = false;
    r.encoding = decl;
    r.error = "unsupported encoding '" + EscapeForMessage(decl) + "'; save the file as UTF-8 or UTF-16";
    // The declaration is shown under the caret: keep only what is valid UTF-8 of it.
    text->assign(bytes, start, std::min<size_t>(n - start, 256));
    size_t bad = 0;
    if (!ValidUtf8(*text, &bad)) text->resize(bad);
    r.error_offset = 0;
    return r;
  }
  r.encoding = "UTF-8";
  text->assign(bytes, start, std::string::npos);
  size_t nul = text->find('\0');
  size_t bad = 0;
  bool valid = ValidUtf8(*text, &bad);
  if (nul != std::string::npos && (valid || nul < bad)) {
    r.ok = false;
    r.error = "file contains a NUL byte";
    r.error_offset = static_cast<uint32_t>(nul);
    text->resize(nul);
    return r;
  }
  if (!valid) {
    r.ok = false;
    r.error = "invalid UTF-8 byte sequence";
    r.error_offset = static_cast<uint32_t>(bad);
    text->resize(bad);  // keep the valid prefix so the location can be printed
  }
  return r;
}

}  // namespace plangen

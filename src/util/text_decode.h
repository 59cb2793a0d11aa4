// Turns the bytes of an XML file into UTF-8 text, whatever encoding it was saved in.
#pragma once

#include <cstdint>
#include <string>

namespace plangen {

struct DecodeResult {
  bool ok = true;
  std::string error;         ///< lower-case message when !ok
  uint32_t error_offset = 0; ///< byte offset in `text` (already decoded part) where the problem is
  std::string encoding;      ///< what was detected: "UTF-8", "UTF-16LE", "UTF-16BE", "ISO-8859-1"
};

/// Decodes `bytes` into `text` (UTF-8, no byte order mark). Accepts UTF-8 (with or without BOM),
/// UTF-16 LE/BE (with or without BOM) and ISO-8859-1/windows-1252 when the XML declaration
/// says so. Refuses other declared encodings (UTF-7 and the like), invalid UTF-8 and NUL bytes.
DecodeResult DecodeXmlBytes(const std::string& bytes, std::string* text);

/// True when `s` is valid UTF-8; otherwise `bad_offset` is the first bad byte.
bool ValidUtf8(const std::string& s, size_t* bad_offset);

/// Appends the UTF-8 encoding of a code point.
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace plangen

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

/// Why code point `cp` cannot appear in XML text ("a UTF-16 surrogate", "a Unicode
/// non-character", ...), or nullptr when it is an XML 1.0 character.
const char* NotAnXmlCharacter(uint32_t cp);

/// The first character reference (`&#...;`) in the XML text `text` that names no XML character
/// (a surrogate, a non-character, NUL or another control character, or a number past U+10FFFF).
/// Comments, CDATA sections and processing instructions are skipped. Returns false when there is
/// none; otherwise `offset` is the reference's '&', `reference` its text and `why` the reason.
bool FindBadCharacterReference(const std::string& text, size_t* offset, std::string* reference, std::string* why);

/// `s` with every byte that is not printable ASCII or part of valid UTF-8 written as \xHH, so
/// that text taken from a broken input can be shown in a message.
std::string EscapeForMessage(const std::string& s);

/// True when `s` is valid UTF-8; otherwise `bad_offset` is the first bad byte.
bool ValidUtf8(const std::string& s, size_t* bad_offset);

/// Appends the UTF-8 encoding of a code point.
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace plangen

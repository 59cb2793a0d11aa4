// Small text helpers: case folding for names that compare without regard to case (FQDNs, tool and
// service names), white space folding for free text, and escaping for XML written by hand.
#pragma once

#include <string>
#include <string_view>

namespace plangen {

/// The ASCII lower case of `c`; other bytes (UTF-8 included) unchanged.
constexpr char FoldChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
/// `s` with ASCII letters lower-cased; other bytes (UTF-8 included) unchanged.
std::string AsciiLower(std::string s);
/// True when `a` and `b` are equal but for the case of ASCII letters.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
/// `s` with each run of white space made one space and the ends trimmed: free text that reflows
/// compares equal.
std::string CollapseSpace(const std::string& s);
/// `s` escaped for an XML attribute value or element text written by hand: the five markup
/// characters as entities, and tab, line feed and carriage return as character references so that
/// an attribute value keeps them when read back.
std::string EscapeXmlValue(const std::string& s);

}  // namespace plangen

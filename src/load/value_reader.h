// Typed reading of attribute and text values, reporting bad values at their place.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "diag/diagnostic.h"
#include "model/values.h"

namespace plangen {

class ValueReader {
 public:
  ValueReader(const SourceManager& sm, DiagEngine& diags, int32_t file) : sm_(sm), diags_(diags), file_(file) {}

  int32_t file() const { return file_; }
  Loc Where(const pugi::xml_node& n) const;

  /// The attribute's value (trimmed) and the location of the value; loc invalid when absent.
  Text Attr(const pugi::xml_node& n, const char* name) const;
  /// The element's text content (trimmed), located at the text.
  Text Content(const pugi::xml_node& n) const;
  /// Whitespace-separated list attribute, each item located.
  std::vector<Text> List(const pugi::xml_node& n, const char* name) const;
  /// An attribute restricted to `allowed` values (reports PG1104 otherwise; empty is left to the schema).
  Text Enum(const pugi::xml_node& n, const char* name, std::initializer_list<const char*> allowed) const;
  /// Each item of a list attribute restricted to `allowed`.
  std::vector<Text> EnumList(const pugi::xml_node& n, const char* name, std::initializer_list<const char*> allowed) const;
  BoolValue Bool(const pugi::xml_node& n, const char* name) const;
  DurationValue DurationAttr(const pugi::xml_node& n, const char* name) const;
  DateValue DateAttr(const pugi::xml_node& n, const char* name) const;
  ScheduleValue ScheduleAttr(const pugi::xml_node& n, const char* name) const;

 private:
  const SourceManager& sm_;
  DiagEngine& diags_;
  int32_t file_;
};

/// Trims ASCII white space at both ends.
std::string Trim(const std::string& s);

}  // namespace plangen

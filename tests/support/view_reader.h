// Reading the template data of a view (runbook, checklist) in tests: a string field, or a list
// field, empty when the key is missing or of another type.
#pragma once

#include <string>

#include "tmpl/templates.h"

namespace plangen::testing {

inline std::string ViewString(const kainjow::mustache::data& d, const char* key) {
  const kainjow::mustache::data* v = d.get(key);
  return v && v->is_string() ? v->string_value() : std::string();
}

inline const kainjow::mustache::list& ViewList(const kainjow::mustache::data& d, const char* key) {
  static const kainjow::mustache::list none;
  const kainjow::mustache::data* v = d.get(key);
  return v && v->is_list() ? v->list_value() : none;
}

}  // namespace plangen::testing

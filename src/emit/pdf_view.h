// Reading a Mustache view (the data the HTML and Markdown templates render) from C++, for the
// outputs typeset in code rather than by a template (the PDFs).
#pragma once

#include <string>
#include <vector>

#include "emit/pdf_document.h"
#include "tmpl/templates.h"

namespace plangen {

/// The text of `key`, or "" when it is missing or not text (an Opt(...) that is false).
inline std::string ViewStr(const TemplateData& d, const char* key) {
  const TemplateData* v = d.get(key);
  return v && v->is_string() ? v->string_value() : std::string();
}

/// Whether `key` is true as a Mustache section reads it: present, not false, not an empty list.
inline bool ViewTrue(const TemplateData& d, const char* key) {
  const TemplateData* v = d.get(key);
  return v && !v->is_false() && !v->is_empty_list();
}

/// The items of the list `d` (empty when it is no list).
inline const std::vector<TemplateData>& ViewList(const TemplateData& d) {
  static const std::vector<TemplateData> none;
  return d.is_list() ? d.list_value() : none;
}

/// The items of the list at `key`.
inline const std::vector<TemplateData>& ViewList(const TemplateData& d, const char* key) {
  static const std::vector<TemplateData> none;
  const TemplateData* v = d.get(key);
  return v ? ViewList(*v) : none;
}

/// `text` as pango markup in the pinned monospaced face.
inline std::string PdfMono(const std::string& text) {
  return std::string("<span font_family=\"") + kPdfMonoFamily + "\">" + PdfEscape(text) + "</span>";
}

}  // namespace plangen

// Where long tokens of an HTML page may wrap: FQDNs, UNC paths and file paths get a <wbr> after
// each dot, backslash and slash, so a narrow table cell or a phone screen wraps them between
// their parts instead of in the middle of a word (the pages' CSS never breaks inside words).
#pragma once

#include <string>

#include "tmpl/templates.h"

namespace plangen {

/// `html` with <wbr> after each '.', '\' and '/' inside text tokens of 12 characters or more,
/// when a letter or digit follows. Tags, and the text of <svg>, <style>, <script> and <title>
/// elements, are left as they are; <wbr> adds no character to copied text.
std::string AddWordBreaks(const std::string& html);

/// A Mustache section lambda, {{#word_breaks}}...{{/word_breaks}}: renders its text with the
/// current data, then applies AddWordBreaks.
TemplateData WordBreaksLambda();

}  // namespace plangen

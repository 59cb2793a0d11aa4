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

/// AddWordBreaks on a text that comes in pieces: Feed each piece, then Finish; `out` is given the
/// same text as AddWordBreaks of the pieces joined, in pieces of its own, while only a tag, a
/// stretch of text between tags or an <svg> is held.
class WordBreaker : public TextFilter {
 public:
  explicit WordBreaker(TemplateSet::TextSink out);
  void Feed(const std::string& piece) override;
  void Finish() override;

 private:
  bool Step(bool last);  // one stretch of text, tag or element; false when more text is needed
  void Flush(bool all);

  TemplateSet::TextSink out_;
  std::string in_;           // text fed and not yet dropped
  size_t pos_ = 0;           // where in in_ the next step starts
  size_t scanned_ = 0;       // where a search that found nothing may resume
  std::string skip_until_;   // "</svg" and the like, inside such an element
  std::string done_;         // text made and not yet handed on
};

/// A Mustache section, {{#word_breaks}}...{{/word_breaks}}: renders its text with the current
/// data through a WordBreaker (FilterSection: streamed into the output where it can be).
TemplateData WordBreaksLambda();

}  // namespace plangen

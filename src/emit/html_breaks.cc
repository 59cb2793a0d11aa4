#include "emit/html_breaks.h"

#include <cctype>

namespace plangen {

namespace {

constexpr size_t kLongToken = 12;

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool IsBreakAfter(char c) { return c == '.' || c == '\\' || c == '/'; }

// Appends the text `t` (no tags in it) with word breaks in its long tokens.
void BreakText(const std::string& t, std::string& out) {
  size_t i = 0;
  while (i < t.size()) {
    if (IsSpace(t[i])) {
      out.push_back(t[i++]);
      continue;
    }
    size_t end = i;
    while (end < t.size() && !IsSpace(t[end])) ++end;
    bool long_token = end - i >= kLongToken;
    for (size_t k = i; k < end; ++k) {
      out.push_back(t[k]);
      if (long_token && IsBreakAfter(t[k]) && k + 1 < end && std::isalnum(static_cast<unsigned char>(t[k + 1])))
        out += "<wbr>";
    }
    i = end;
  }
}

// The name of the tag starting at html[lt] ('<'), lower-cased, without a leading '/'.
std::string TagName(const std::string& html, size_t lt) {
  size_t i = lt + 1;
  if (i < html.size() && html[i] == '/') ++i;
  std::string name;
  while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i])))
    name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++]))));
  return name;
}

}  // namespace

std::string AddWordBreaks(const std::string& html) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  size_t i = 0;
  while (i < html.size()) {
    size_t lt = html.find('<', i);
    if (lt == std::string::npos) lt = html.size();
    BreakText(html.substr(i, lt - i), out);
    if (lt == html.size()) break;
    size_t gt = html.find('>', lt);
    if (gt == std::string::npos) {
      out.append(html, lt, std::string::npos);
      break;
    }
    out.append(html, lt, gt + 1 - lt);
    i = gt + 1;
    // Elements whose text is not prose: copied as they are, up to their end tag.
    std::string name = TagName(html, lt);
    if (html[lt + 1] != '/' && (name == "svg" || name == "style" || name == "script" || name == "title")) {
      size_t close = html.find("</" + name, i);
      if (close == std::string::npos) close = html.size();
      out.append(html, i, close - i);
      i = close;
    }
  }
  return out;
}

TemplateData WordBreaksLambda() {
  return TemplateData(kainjow::mustache::lambda2{
      [](const std::string& text, const kainjow::mustache::renderer& render) { return AddWordBreaks(render(text)); }});
}

}  // namespace plangen

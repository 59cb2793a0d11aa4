#include "emit/html_breaks.h"

#include <algorithm>
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

WordBreaker::WordBreaker(TemplateSet::TextSink out) : out_(std::move(out)) {}

void WordBreaker::Feed(const std::string& piece) {
  in_ += piece;
  while (Step(false)) {
  }
  Flush(false);
}

void WordBreaker::Finish() {
  while (pos_ < in_.size() && Step(true)) {
  }
  Flush(true);
}

void WordBreaker::Flush(bool all) {
  // The text read is dropped once it is most of the buffer, and what was made is handed on in
  // pieces of some size, not a tag at a time.
  if (pos_ > 0 && (all || pos_ * 2 > in_.size())) {
    in_.erase(0, pos_);
    scanned_ = scanned_ > pos_ ? scanned_ - pos_ : 0;
    pos_ = 0;
  }
  if (!done_.empty() && (all || done_.size() >= (64u << 10))) {
    out_(done_);
    done_.clear();
  }
}

bool WordBreaker::Step(bool last) {
  const std::string& html = in_;
  if (!skip_until_.empty()) {
    // Inside <svg>, <style>, <script> or <title>: copied as it is, up to its end tag.
    const size_t from = std::max(pos_, scanned_);
    size_t close = html.find(skip_until_, from);
    if (close == std::string::npos) {
      if (!last) {
        scanned_ = html.size() >= skip_until_.size() ? html.size() - skip_until_.size() + 1 : 0;
        return false;
      }
      close = html.size();
    }
    done_.append(html, pos_, close - pos_);
    pos_ = close;
    skip_until_.clear();
    scanned_ = 0;
    return true;
  }
  size_t lt = html.find('<', std::max(pos_, scanned_));
  if (lt == std::string::npos) {
    if (!last) {
      scanned_ = html.size();
      return false;
    }
    lt = html.size();
  }
  scanned_ = 0;
  BreakText(html.substr(pos_, lt - pos_), done_);
  pos_ = lt;
  if (lt == html.size()) return false;
  const size_t gt = html.find('>', lt);
  if (gt == std::string::npos) {
    if (!last) return false;
    done_.append(html, lt, std::string::npos);
    pos_ = html.size();
    return false;
  }
  done_.append(html, lt, gt + 1 - lt);
  pos_ = gt + 1;
  // Elements whose text is not prose.
  const std::string name = TagName(html, lt);
  if (html[lt + 1] != '/' && (name == "svg" || name == "style" || name == "script" || name == "title"))
    skip_until_ = "</" + name;
  return true;
}

std::string AddWordBreaks(const std::string& html) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  WordBreaker breaker([&out](const std::string& piece) { out += piece; });
  breaker.Feed(html);
  breaker.Finish();
  return out;
}

TemplateData WordBreaksLambda() {
  return FilterSection([](TemplateSet::TextSink out) { return std::make_unique<WordBreaker>(std::move(out)); });
}

}  // namespace plangen

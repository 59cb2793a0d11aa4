#include "driver/approval_edit.h"
#include "util/strings.h"

#include <vector>

namespace plangen {

namespace {

// One piece of markup found by Scanner.
struct Tag {
  enum Kind { kStart, kEnd, kEmpty, kOther } kind = kOther;  // kEmpty: <x/>
  std::string name;       // qualified name, as written
  size_t begin = 0;       // offset of '<'
  size_t end = 0;         // offset just past '>'
  std::string attrs;      // the raw attribute text of a start or empty tag
};

// Walks the markup of an XML document byte by byte: comments, CDATA, processing instructions and
// quoted attribute values are stepped over, so a '>' or a tag name inside them is not mistaken
// for markup.
class Scanner {
 public:
  Scanner(const std::string& text, size_t pos) : t_(text), pos_(pos) {}

  /// The next tag from the current position; false at the end or on markup it cannot follow.
  bool Next(Tag* tag) {
    size_t lt = t_.find('<', pos_);
    if (lt == std::string::npos) return false;
    *tag = Tag();
    tag->begin = lt;
    if (t_.compare(lt, 4, "<!--") == 0) return Skip(lt, "-->", tag);
    if (t_.compare(lt, 9, "<![CDATA[") == 0) return Skip(lt, "]]>", tag);
    if (t_.compare(lt, 2, "<?") == 0) return Skip(lt, "?>", tag);
    if (t_.compare(lt, 2, "<!") == 0) return Skip(lt, ">", tag);
    size_t i = lt + 1;
    bool closing = i < t_.size() && t_[i] == '/';
    if (closing) ++i;
    size_t name_begin = i;
    while (i < t_.size() && !IsSpace(t_[i]) && t_[i] != '>' && t_[i] != '/') ++i;
    tag->name = t_.substr(name_begin, i - name_begin);
    if (tag->name.empty()) return false;
    size_t attrs_begin = i;
    char quote = 0;
    for (; i < t_.size(); ++i) {
      char c = t_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (i >= t_.size()) return false;
    bool empty = !closing && i > attrs_begin && t_[i - 1] == '/';
    tag->attrs = t_.substr(attrs_begin, i - attrs_begin - (empty ? 1 : 0));
    tag->kind = closing ? Tag::kEnd : empty ? Tag::kEmpty : Tag::kStart;
    tag->end = i + 1;
    pos_ = tag->end;
    return true;
  }

  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

 private:
  bool Skip(size_t lt, const char* close, Tag* tag) {
    size_t e = t_.find(close, lt + 2);
    if (e == std::string::npos) return false;
    tag->kind = Tag::kOther;
    tag->end = e + std::char_traits<char>::length(close);
    pos_ = tag->end;
    return true;
  }

  const std::string& t_;
  size_t pos_;
};

std::string LocalName(const std::string& qname) {
  size_t colon = qname.find(':');
  return colon == std::string::npos ? qname : qname.substr(colon + 1);
}

std::string Prefix(const std::string& qname) {
  size_t colon = qname.find(':');
  return colon == std::string::npos ? "" : qname.substr(0, colon + 1);
}

// The value of attribute `name` in a tag's raw attribute text (entities left as written).
std::string Attribute(const std::string& attrs, const std::string& name) {
  size_t i = 0;
  while (i < attrs.size()) {
    while (i < attrs.size() && Scanner::IsSpace(attrs[i])) ++i;
    size_t n = i;
    while (i < attrs.size() && attrs[i] != '=' && !Scanner::IsSpace(attrs[i])) ++i;
    std::string key = attrs.substr(n, i - n);
    while (i < attrs.size() && (Scanner::IsSpace(attrs[i]) || attrs[i] == '=')) ++i;
    if (i >= attrs.size()) break;
    char q = attrs[i];
    if (q != '"' && q != '\'') break;
    size_t close = attrs.find(q, i + 1);
    if (close == std::string::npos) break;
    if (key == name) return attrs.substr(i + 1, close - i - 1);
    i = close + 1;
  }
  return "";
}

// The white space between the start of the line holding `pos` and `pos`, when only white space
// precedes it on that line.
bool IndentBefore(const std::string& t, size_t pos, std::string* indent) {
  size_t line = t.rfind('\n', pos == 0 ? 0 : pos - 1);
  line = line == std::string::npos ? 0 : line + 1;
  for (size_t i = line; i < pos; ++i) {
    if (t[i] != ' ' && t[i] != '\t') return false;
  }
  *indent = t.substr(line, pos - line);
  return true;
}

}  // namespace

bool EditApproval(const std::string& text, size_t governance_offset, const ApprovalRecord& record, ApprovalEdit* out,
                  std::string* error) {
  Scanner scan(text, governance_offset);
  Tag gov;
  if (!scan.Next(&gov) || gov.begin != governance_offset || LocalName(gov.name) != "governance" ||
      (gov.kind != Tag::kStart && gov.kind != Tag::kEmpty)) {
    *error = "no <governance> start tag where the plan's governance begins";
    return false;
  }
  const size_t first_newline = text.find('\n');
  const std::string eol = first_newline != std::string::npos && first_newline > 0 && text[first_newline - 1] == '\r' ? "\r\n" : "\n";
  const std::string prefix = Prefix(gov.name);
  std::string gov_indent;
  IndentBefore(text, gov.begin, &gov_indent);
  // <governance> is a child of the root, so its indentation is one level.
  const std::string unit = gov_indent.empty() ? "  " : gov_indent;

  // The children of <governance>: approvals to follow or replace, the first child to go before.
  std::vector<Tag> approvals;  // start or empty tags, with end set past their end tag
  Tag first_child;
  bool has_child = false;
  size_t gov_end_begin = std::string::npos;
  if (gov.kind == Tag::kStart) {
    int depth = 0;
    Tag t;
    while (true) {
      if (!scan.Next(&t)) {
        *error = "the <governance> element has no end tag that can be found";
        return false;
      }
      if (t.kind == Tag::kOther) continue;
      if (depth == 0 && t.kind == Tag::kEnd) {
        gov_end_begin = t.begin;
        break;
      }
      if (depth == 0 && (t.kind == Tag::kStart || t.kind == Tag::kEmpty)) {
        if (!has_child) first_child = t, has_child = true;
        if (LocalName(t.name) == "approval") approvals.push_back(t);
      }
      if (t.kind == Tag::kStart) ++depth;
      if (t.kind == Tag::kEnd) {
        --depth;
        if (depth == 0 && !approvals.empty() && LocalName(t.name) == "approval" && approvals.back().kind == Tag::kStart &&
            approvals.back().end <= t.begin) {
          approvals.back().end = t.end;  // the approval now spans to its end tag
        }
      }
    }
  }

  std::string element = "<" + prefix + "approval kind=\"" + EscapeXmlValue(record.kind) + "\" by=\"" + EscapeXmlValue(record.by) +
                        "\" date=\"" + EscapeXmlValue(record.date) + "\" plan-version=\"" + EscapeXmlValue(record.plan_version) +
                        "\" digest=\"" + EscapeXmlValue(record.digest) + "\"";
  element += record.comment.empty() ? "/>" : ">" + EscapeXmlValue(record.comment) + "</" + prefix + "approval>";

  for (const Tag& a : approvals) {
    if (Attribute(a.attrs, "by") == record.by && Attribute(a.attrs, "kind") == record.kind &&
        Attribute(a.attrs, "plan-version") == record.plan_version) {
      out->text = text.substr(0, a.begin) + element + text.substr(a.end);
      out->replaced = true;
      out->offset = a.begin;
      return true;
    }
  }
  out->replaced = false;
  if (!approvals.empty()) {
    const Tag& last = approvals.back();
    std::string indent;
    if (!IndentBefore(text, last.begin, &indent)) indent = gov_indent + unit;
    std::string insert = eol + indent + element;
    out->text = text.substr(0, last.end) + insert + text.substr(last.end);
    out->offset = last.end + eol.size() + indent.size();
    return true;
  }
  if (has_child) {
    std::string indent;
    if (IndentBefore(text, first_child.begin, &indent)) {
      out->text = text.substr(0, first_child.begin) + element + eol + indent + text.substr(first_child.begin);
      out->offset = first_child.begin;
    } else {
      indent = gov_indent + unit;
      out->text = text.substr(0, gov.end) + eol + indent + element + text.substr(gov.end);
      out->offset = gov.end + eol.size() + indent.size();
    }
    return true;
  }
  const std::string indent = gov_indent + unit;
  if (gov.kind == Tag::kEmpty) {
    // <governance .../> becomes <governance ...>, the approval, </governance>.
    size_t slash = gov.end - 2;
    while (slash > gov.begin && text[slash] != '/') --slash;
    std::string open = text.substr(gov.begin, slash - gov.begin);
    while (!open.empty() && Scanner::IsSpace(open.back())) open.pop_back();
    std::string replacement = open + ">" + eol + indent + element + eol + gov_indent + "</" + gov.name + ">";
    out->text = text.substr(0, gov.begin) + replacement + text.substr(gov.end);
    out->offset = gov.begin + open.size() + 1 + eol.size() + indent.size();
    return true;
  }
  // An empty <governance ...></governance>, perhaps with white space inside.
  std::string inside = text.substr(gov.end, gov_end_begin - gov.end);
  bool blank = true;
  for (char c : inside) blank = blank && Scanner::IsSpace(c);
  std::string insert = eol + indent + element;
  if (blank && inside.find('\n') == std::string::npos) insert += eol + gov_indent;
  out->text = text.substr(0, gov.end) + insert + text.substr(gov.end);
  out->offset = gov.end + eol.size() + indent.size();
  return true;
}

}  // namespace plangen

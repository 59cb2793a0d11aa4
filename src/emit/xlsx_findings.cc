#include "emit/xlsx_findings.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace plangen::xlsx {
namespace {

bool Space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// One backup's start tag in the plan text: [start, end] up to its closing '>', and where each
// attribute name begins.
struct TagRange {
  uint32_t start = 0;
  uint32_t end = 0;
  const Backup* backup = nullptr;
  std::vector<std::pair<uint32_t, std::string>> attributes;  // name offset, name
};

// Scans the start tag at `start` ('<' or the element name). Quoted values may hold '>'. A tag
// that does not close (it cannot, the plan was parsed) ends at the end of the text.
TagRange ScanTag(const std::string& text, uint32_t start) {
  TagRange t;
  t.start = start;
  size_t i = start;
  const size_t n = text.size();
  if (i < n && text[i] == '<') ++i;
  while (i < n && !Space(text[i]) && text[i] != '>' && text[i] != '/') ++i;  // element name
  while (i < n) {
    while (i < n && Space(text[i])) ++i;
    if (i >= n || text[i] == '>' || text[i] == '/') break;
    const size_t name_start = i;
    while (i < n && !Space(text[i]) && text[i] != '=' && text[i] != '>') ++i;
    t.attributes.emplace_back(static_cast<uint32_t>(name_start), text.substr(name_start, i - name_start));
    while (i < n && Space(text[i])) ++i;
    if (i >= n || text[i] != '=') break;
    ++i;
    while (i < n && Space(text[i])) ++i;
    if (i >= n || (text[i] != '"' && text[i] != '\'')) break;
    const char quote = text[i++];
    while (i < n && text[i] != quote) ++i;
    if (i < n) ++i;
  }
  size_t close = text.find('>', i);
  t.end = static_cast<uint32_t>(close == std::string::npos ? (n == 0 ? 0 : n - 1) : close);
  return t;
}

// The attribute `offset` falls in: the last one whose name starts at or before it; "" for the
// element name.
std::string AttributeAt(const TagRange& t, uint32_t offset) {
  std::string name;
  for (const auto& [at, attr] : t.attributes) {
    if (at > offset) break;
    name = attr;
  }
  return name;
}

}  // namespace

std::string ColumnForAttribute(const std::string& attribute) {
  if (attribute == "server") return "server";
  if (attribute == "schedule") return "schedule";
  if (attribute == "locations") return "destination";
  if (attribute == "procedure") return "tool";
  if (attribute == "retention") return "backup-set";
  return "item";
}

FindingIndex::FindingIndex(const Plan& plan, const SourceManager& sources,
                           const std::vector<const Diagnostic*>& findings, bool with_errors) {
  // Tag ranges per file, sorted by start, so a location finds its backup by binary search.
  std::map<int32_t, std::vector<TagRange>> by_file;
  for (const Backup& b : plan.backups) {
    if (!b.loc.valid() || b.loc.is_cell() || b.loc.file >= sources.FileCount()) continue;
    const std::string& text = sources.Text(b.loc.file);
    if (b.loc.offset >= text.size()) continue;
    TagRange t = ScanTag(text, b.loc.offset);
    t.backup = &b;
    by_file[b.loc.file].push_back(std::move(t));
  }
  for (auto& [file, ranges] : by_file) {
    std::sort(ranges.begin(), ranges.end(), [](const TagRange& a, const TagRange& b) { return a.start < b.start; });
  }
  auto find = [&](Loc loc) -> std::pair<const Backup*, std::string> {
    if (!loc.valid() || loc.is_cell()) return {nullptr, ""};
    auto f = by_file.find(loc.file);
    if (f == by_file.end()) return {nullptr, ""};
    const auto& ranges = f->second;
    auto it = std::upper_bound(ranges.begin(), ranges.end(), loc.offset,
                               [](uint32_t off, const TagRange& t) { return off < t.start; });
    if (it == ranges.begin()) return {nullptr, ""};
    --it;
    if (loc.offset > it->end) return {nullptr, ""};
    return {it->backup, ColumnForAttribute(AttributeAt(*it, loc.offset))};
  };
  for (const Diagnostic* d : findings) {
    if (d->severity == Severity::kError && !with_errors) continue;
    const std::string line = CodeString(d->id) + " " + SeverityName(d->severity) + ": " + d->message;
    // The finding's own place first, then its notes; one line per cell however many point there.
    std::set<std::pair<const Backup*, std::string>> seen;
    std::vector<Loc> places = {d->loc};
    for (const Note& n : d->notes) places.push_back(n.loc);
    for (Loc loc : places) {
      auto key = find(loc);
      if (!key.first || !seen.insert(key).second) continue;
      lines_[key].push_back(line);
    }
  }
}

std::string JoinFindings(const std::vector<std::string>& lines) {
  // Bytes bound characters, so a byte budget keeps the text within Excel's limit; the margin
  // leaves room for the closing line.
  constexpr size_t kBudget = 32767 - 100;
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (out.size() + 1 + lines[i].size() > kBudget) {
      out += (out.empty() ? "" : "\n") + std::string("... and ") + std::to_string(lines.size() - i) +
             " more findings: see the report";
      break;
    }
    out += (out.empty() ? "" : "\n") + lines[i];
  }
  return out;
}

std::string FindingIndex::CommentFor(const Backup& backup, const std::string& column) const {
  auto it = lines_.find({&backup, column});
  return it == lines_.end() ? "" : JoinFindings(it->second);
}

std::vector<std::pair<std::string, std::vector<std::string>>> FindingIndex::CommentsFor(const Backup& backup) const {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (auto it = lines_.lower_bound({&backup, ""}); it != lines_.end() && it->first.first == &backup; ++it) {
    out.emplace_back(it->first.second, it->second);
  }
  return out;
}

}  // namespace plangen::xlsx

#include "diag/printers.h"
#include "util/paths.h"
#include "util/text_decode.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

namespace plangen {

namespace {

const char* kBold = "\033[1m";
const char* kReset = "\033[0m";

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "\033[1;31m";
    case Severity::kWarning: return "\033[1;35m";
    case Severity::kNote: return "\033[1;36m";
  }
  return "";
}

std::string Where(const ResolvedLoc& r) {
  if (r.file.empty()) return "plangen";
  if (!r.cell.empty()) return r.file + ":" + (r.sheet.empty() ? "" : r.sheet + "!") + r.cell;
  if (r.line > 0) return r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
  return r.file;
}

// Text from an input as it may be shown on a terminal: control characters (ESC, BEL, C1...)
// and bytes that are not UTF-8 become \xHH (\u0085 for C1), so an input cannot drive the
// terminal; tabs are kept. `widths`, when given, gets the printed width of each code point.
std::string TerminalSafe(const std::string& s, std::vector<int>* widths = nullptr) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    size_t bad = 0;
    bool valid = len == 1 || (len > 1 && i + len <= s.size() && ValidUtf8(s.substr(i, len), &bad));
    if (!valid) len = 1;
    bool control = (valid && len == 1 && ((c < 0x20 && c != '\t') || c == 0x7F)) ||
                   (valid && len == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0);
    if (!valid || control) {
      unsigned v = valid && len == 2 ? static_cast<unsigned char>(s[i + 1]) : c;
      out += "\\x";
      out.push_back(kHex[v >> 4]);
      out.push_back(kHex[v & 15]);
      if (widths) widths->push_back(4);
    } else {
      out.append(s, i, len);
      if (widths) widths->push_back(c == '\t' ? -1 : 1);
    }
    i += len;
  }
  return out;
}

// How many code points of a source line are shown before and after the caret.
constexpr int kExcerptBefore = 160;
constexpr int kExcerptAfter = 320;

// A window of the source line around the location and a caret under the column: a one-line file
// of any size prints a short excerpt, "..." marking where the line was clipped. Tabs are kept so
// the caret lines up; control characters are escaped.
void AppendCaret(const SourceManager& sm, const Loc& loc, const ResolvedLoc& r, bool color, std::string* out) {
  if (r.line <= 0 || !r.cell.empty() || r.source_line.empty()) return;
  const std::string& t = sm.Text(loc.file);
  const size_t at = std::min<size_t>(loc.offset, t.size());
  size_t b = t.rfind('\n', at == 0 ? 0 : at - 1);
  b = (b == std::string::npos || b >= at) ? 0 : b + 1;
  if (at == 0) b = 0;
  size_t e = t.find('\n', at);
  if (e == std::string::npos) e = t.size();
  if (e > b && t[e - 1] == '\r') --e;
  auto is_lead = [&](size_t i) { return (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80; };
  const size_t caret = std::min(at, e);
  size_t ws = caret;
  int before = 0;
  while (ws > b && before < kExcerptBefore) {
    --ws;
    if (is_lead(ws)) ++before;
  }
  while (ws > b && !is_lead(ws)) --ws;
  size_t we = caret;
  for (int n = 0; we < e && n < kExcerptAfter; ++n) {
    ++we;
    while (we < e && !is_lead(we)) ++we;
  }
  std::vector<int> widths;
  std::string shown = TerminalSafe(t.substr(ws, we - ws), &widths);
  *out += (ws > b ? "..." : "") + shown + (we < e ? "..." : "") + "\n";
  std::string pad = ws > b ? "   " : "";
  for (int i = 0; i < before && i < static_cast<int>(widths.size()); ++i) {
    if (widths[i] < 0) pad.push_back('\t');
    else pad.append(static_cast<size_t>(widths[i]), ' ');
  }
  *out += pad + (color ? std::string("\033[1;32m^") + kReset : std::string("^")) + "\n";
}

ResolvedLoc Res(const SourceManager& sm, const Loc& loc, bool output_names) {
  return output_names ? sm.ResolveForOutput(loc) : sm.Resolve(loc);
}

void AppendOne(const SourceManager& sm, Severity sev, const std::string& label, const Loc& loc,
               const std::string& message, const std::string& code, bool color, std::string* out,
               bool output_names = false) {
  ResolvedLoc r = Res(sm, loc, output_names);
  if (color) *out += kBold;
  *out += TerminalSafe(Where(r)) + ": ";
  if (color) *out += std::string(kReset) + SeverityColor(sev);
  *out += label + ":";
  if (color) *out += std::string(kReset) + kBold;
  *out += " " + TerminalSafe(message);
  if (!code.empty()) *out += " [" + code + "]";
  if (color) *out += kReset;
  *out += "\n";
  AppendCaret(sm, loc, r, color, out);
}

nlohmann::ordered_json LocJson(const SourceManager& sm, const Loc& loc, bool output_names) {
  ResolvedLoc r = Res(sm, loc, output_names);
  nlohmann::ordered_json j;
  j["file"] = r.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.file);
  j["line"] = r.line > 0 ? nlohmann::ordered_json(r.line) : nlohmann::ordered_json();
  j["column"] = r.line > 0 ? nlohmann::ordered_json(r.column) : nlohmann::ordered_json();
  j["sheet"] = r.cell.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.sheet);
  j["cell"] = r.cell.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.cell);
  return j;
}

nlohmann::ordered_json FindingJson(const SourceManager& sm, const Diagnostic& d, bool output_names) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["code"] = CodeString(d.id);
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  nlohmann::ordered_json l = LocJson(sm, d.loc, output_names);
  for (auto& [k, v] : l.items()) j[k] = v;
  j["notes"] = nlohmann::ordered_json::array();
  for (const auto& n : d.notes) {
    nlohmann::ordered_json nj = LocJson(sm, n.loc, output_names);
    nj["message"] = n.message;
    j["notes"].push_back(nj);
  }
  if (!d.waiver.empty()) j["reason"] = d.waiver;
  return j;
}


nlohmann::ordered_json SarifLocation(const SourceManager& sm, const Loc& loc, bool output_names) {
  ResolvedLoc r = Res(sm, loc, output_names);
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (r.file.empty()) return j;
  nlohmann::ordered_json phys;
  phys["artifactLocation"]["uri"] = PercentEncodePath(r.file);
  if (r.line > 0) {
    phys["region"]["startLine"] = r.line;
    phys["region"]["startColumn"] = r.column;
  }
  j["physicalLocation"] = phys;
  if (!r.cell.empty()) {
    nlohmann::ordered_json logical;
    logical["fullyQualifiedName"] = (r.sheet.empty() ? "" : r.sheet + "!") + r.cell;
    logical["kind"] = "element";
    j["logicalLocations"] = nlohmann::ordered_json::array({logical});
  }
  return j;
}

const char* SarifLevel(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

}  // namespace

namespace {
std::string FormatOne(const DiagEngine& engine, const Diagnostic& d, bool color, bool output_names) {
  std::string out;
  AppendOne(engine.sources(), d.severity, SeverityName(d.severity), d.loc, d.message,
            CodeString(d.id), color, &out, output_names);
  for (const auto& n : d.notes) {
    AppendOne(engine.sources(), Severity::kNote, "note", n.loc, n.message, "", color, &out, output_names);
  }
  return out;
}
}  // namespace

std::string FormatText(const DiagEngine& engine, const Diagnostic& d, bool color) {
  return FormatOne(engine, d, color, false);
}

std::string SummaryLine(const DiagEngine& engine) {
  auto plural = [](int n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (engine.errors() + engine.warnings() + engine.notes() == 0) return "no findings";
  return plural(engine.errors(), "error") + ", " + plural(engine.warnings(), "warning") + " and " +
         plural(engine.notes(), "note");
}

void PrintText(const DiagEngine& engine, std::ostream& out, const TextOptions& options) {
  for (const Diagnostic* d : engine.Sorted()) out << FormatOne(engine, *d, options.color, options.output_names);
  auto waived = engine.Waived();
  for (const Diagnostic* d : waived) {
    std::string line;
    AppendOne(engine.sources(), Severity::kNote, "waived", d->loc, d->message + " (reason: " + d->waiver + ")",
              CodeString(d->id), options.color, &line, options.output_names);
    out << line;
  }
  if (options.summary) {
    out << SummaryLine(engine);
    if (!waived.empty()) out << " (" << waived.size() << " waived)";
    out << "\n";
  }
}

void PrintJson(const DiagEngine& engine, std::ostream& out, bool output_names) {
  const SourceManager& sm = engine.sources();
  nlohmann::ordered_json doc;
  doc["findings"] = nlohmann::ordered_json::array();
  for (const Diagnostic* d : engine.Sorted()) doc["findings"].push_back(FindingJson(sm, *d, output_names));
  doc["waived"] = nlohmann::ordered_json::array();
  for (const Diagnostic* d : engine.Waived()) doc["waived"].push_back(FindingJson(sm, *d, output_names));
  doc["summary"] = {{"errors", engine.errors()}, {"warnings", engine.warnings()}, {"notes", engine.notes()}};
  // Findings quote their inputs; text that is not UTF-8 is replaced (U+FFFD) rather than thrown.
  out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

void PrintSarif(const DiagEngine& engine, std::ostream& out, const std::string& tool_version, bool output_names) {
  const SourceManager& sm = engine.sources();
  nlohmann::ordered_json rules = nlohmann::ordered_json::array();
  std::map<DiagId, int> rule_index;
  for (DiagId id : AllDiagIds()) {
    const DiagInfo& info = Info(id);
    if (info.severity == Severity::kNote && info.explanation[0] == '\0') continue;  // attached notes
    nlohmann::ordered_json r;
    r["id"] = CodeString(id);
    r["name"] = info.name;
    r["shortDescription"]["text"] = info.format;
    r["fullDescription"]["text"] = info.explanation;
    r["defaultConfiguration"]["level"] = SarifLevel(info.severity);
    rule_index[id] = static_cast<int>(rules.size());
    rules.push_back(r);
  }
  auto result = [&](const Diagnostic& d) {
    nlohmann::ordered_json r;
    r["ruleId"] = CodeString(d.id);
    if (rule_index.count(d.id)) r["ruleIndex"] = rule_index[d.id];
    r["level"] = SarifLevel(d.severity);
    r["message"]["text"] = d.message;
    nlohmann::ordered_json loc = SarifLocation(sm, d.loc, output_names);
    r["locations"] = loc.empty() ? nlohmann::ordered_json::array() : nlohmann::ordered_json::array({loc});
    if (!d.notes.empty()) {
      nlohmann::ordered_json related = nlohmann::ordered_json::array();
      int id = 1;
      for (const auto& n : d.notes) {
        nlohmann::ordered_json rl = SarifLocation(sm, n.loc, output_names);
        rl["id"] = id++;
        rl["message"]["text"] = n.message;
        related.push_back(rl);
      }
      r["relatedLocations"] = related;
    }
    if (!d.waiver.empty()) {
      r["suppressions"] = nlohmann::ordered_json::array({{{"kind", "external"}, {"justification", d.waiver}}});
    }
    return r;
  };
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const Diagnostic* d : engine.Sorted()) results.push_back(result(*d));
  for (const Diagnostic* d : engine.Waived()) results.push_back(result(*d));
  nlohmann::ordered_json run;
  run["tool"]["driver"] = {{"name", "plangen"},
                           {"version", tool_version},
                           {"semanticVersion", tool_version},
                           {"rules", rules}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  nlohmann::ordered_json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = nlohmann::ordered_json::array({run});
  out << log.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace plangen

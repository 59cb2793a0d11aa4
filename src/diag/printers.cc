#include "diag/printers.h"
#include "util/paths.h"

#include <cctype>
#include <map>

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

// The source line and a caret under the column; tabs are kept so the caret lines up.
void AppendCaret(const ResolvedLoc& r, bool color, std::string* out) {
  if (r.line <= 0 || !r.cell.empty() || r.source_line.empty()) return;
  *out += r.source_line + "\n";
  std::string pad;
  int col = 1;
  for (size_t i = 0; i < r.source_line.size() && col < r.column; ++i) {
    unsigned char c = static_cast<unsigned char>(r.source_line[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad.push_back(c == '\t' ? '\t' : ' ');
    ++col;
  }
  *out += pad + (color ? std::string("\033[1;32m^") + kReset : std::string("^")) + "\n";
}

void AppendOne(const SourceManager& sm, Severity sev, const std::string& label, const Loc& loc,
               const std::string& message, const std::string& code, bool color, std::string* out) {
  ResolvedLoc r = sm.Resolve(loc);
  if (color) *out += kBold;
  *out += Where(r) + ": ";
  if (color) *out += std::string(kReset) + SeverityColor(sev);
  *out += label + ":";
  if (color) *out += std::string(kReset) + kBold;
  *out += " " + message;
  if (!code.empty()) *out += " [" + code + "]";
  if (color) *out += kReset;
  *out += "\n";
  AppendCaret(r, color, out);
}

nlohmann::ordered_json LocJson(const SourceManager& sm, const Loc& loc) {
  ResolvedLoc r = sm.Resolve(loc);
  nlohmann::ordered_json j;
  j["file"] = r.file.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.file);
  j["line"] = r.line > 0 ? nlohmann::ordered_json(r.line) : nlohmann::ordered_json();
  j["column"] = r.line > 0 ? nlohmann::ordered_json(r.column) : nlohmann::ordered_json();
  j["sheet"] = r.cell.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.sheet);
  j["cell"] = r.cell.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(r.cell);
  return j;
}

nlohmann::ordered_json FindingJson(const SourceManager& sm, const Diagnostic& d) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  j["code"] = CodeString(d.id);
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  nlohmann::ordered_json l = LocJson(sm, d.loc);
  for (auto& [k, v] : l.items()) j[k] = v;
  j["notes"] = nlohmann::ordered_json::array();
  for (const auto& n : d.notes) {
    nlohmann::ordered_json nj = LocJson(sm, n.loc);
    nj["message"] = n.message;
    j["notes"].push_back(nj);
  }
  if (!d.waiver.empty()) j["reason"] = d.waiver;
  return j;
}


nlohmann::ordered_json SarifLocation(const SourceManager& sm, const Loc& loc) {
  ResolvedLoc r = sm.Resolve(loc);
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

std::string FormatText(const DiagEngine& engine, const Diagnostic& d, bool color) {
  std::string out;
  AppendOne(engine.sources(), d.severity, SeverityName(d.severity), d.loc, d.message,
            CodeString(d.id), color, &out);
  for (const auto& n : d.notes) {
    AppendOne(engine.sources(), Severity::kNote, "note", n.loc, n.message, "", color, &out);
  }
  return out;
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
  for (const Diagnostic* d : engine.Sorted()) out << FormatText(engine, *d, options.color);
  auto waived = engine.Waived();
  for (const Diagnostic* d : waived) {
    std::string line;
    AppendOne(engine.sources(), Severity::kNote, "waived", d->loc, d->message + " (reason: " + d->waiver + ")",
              CodeString(d->id), options.color, &line);
    out << line;
  }
  if (options.summary) {
    out << SummaryLine(engine);
    if (!waived.empty()) out << " (" << waived.size() << " waived)";
    out << "\n";
  }
}

void PrintJson(const DiagEngine& engine, std::ostream& out) {
  const SourceManager& sm = engine.sources();
  nlohmann::ordered_json doc;
  doc["findings"] = nlohmann::ordered_json::array();
  for (const Diagnostic* d : engine.Sorted()) doc["findings"].push_back(FindingJson(sm, *d));
  doc["waived"] = nlohmann::ordered_json::array();
  for (const Diagnostic* d : engine.Waived()) doc["waived"].push_back(FindingJson(sm, *d));
  doc["summary"] = {{"errors", engine.errors()}, {"warnings", engine.warnings()}, {"notes", engine.notes()}};
  out << doc.dump(2) << "\n";
}

void PrintSarif(const DiagEngine& engine, std::ostream& out, const std::string& tool_version) {
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
    nlohmann::ordered_json loc = SarifLocation(sm, d.loc);
    r["locations"] = loc.empty() ? nlohmann::ordered_json::array() : nlohmann::ordered_json::array({loc});
    if (!d.notes.empty()) {
      nlohmann::ordered_json related = nlohmann::ordered_json::array();
      int id = 1;
      for (const auto& n : d.notes) {
        nlohmann::ordered_json rl = SarifLocation(sm, n.loc);
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
  out << log.dump(2) << "\n";
}

}  // namespace plangen

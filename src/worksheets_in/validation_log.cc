#include "worksheets_in/validation_log.h"

#include <optional>

#include "worksheets_in/cell_text.h"
#include "worksheets_in/matching.h"
#include "worksheets_in/returned.h"

namespace plangen {
namespace {

using LogEntry = ValidationLogEntry;

std::optional<bool> ParseResult(const std::string& text) {
  std::string k = WordsKey(text);
  for (const char* yes : {"pass", "passed", "ok", "success", "succeeded"}) if (k == yes) return true;
  for (const char* no : {"fail", "failed", "failure"}) if (k == no) return false;
  return std::nullopt;
}

std::string CheckKind(const std::string& text) {
  std::string k = WordsKey(text);
  for (const char* kind : {"v1", "v2", "v3", "v4", "v5", "m1"}) {
    if (k == kind) {
      std::string up = kind;
      up[0] = static_cast<char>(up[0] - 'a' + 'A');
      return up;
    }
  }
  return "";
}

// Reads one row, keeping the cells that are empty or hold no valid value as its problems.
LogEntry ReadEntry(const ReturnedSheet& sheet, const ReturnedRow& row) {
  LogEntry e;
  e.row = &row;
  e.loc = row.Get("date").loc;
  auto report = [&](DiagId id, const Loc& loc, std::vector<std::string> args) {
    e.problems.push_back({id, loc, std::move(args)});
  };
  for (const WorksheetColumn& col : sheet.layout->columns) {
    const ReturnedCell& cell = row.Get(col.id.value);
    if (!cell.present) continue;
    const std::string& id = col.id.value;
    if (cell.text.empty()) {
      if (col.team_fills.get()) report(DiagId::warn_ws_empty_cell, cell.loc, {col.header.value});
      continue;
    }
    if (id == "date") {
      e.date = ParseCellDate(cell.text);
      if (!e.date) report(DiagId::err_ws_bad_value, cell.loc, {cell.text, "date (yyyy-mm-dd)"});
    } else if (id == "kind") {
      e.kind = CheckKind(cell.text);
      if (e.kind.empty()) report(DiagId::err_ws_bad_value, cell.loc, {cell.text, "check kind (V1 to V5, M1)"});
    } else if (id == "target") {
      e.target = cell.text;
    } else if (id == "result") {
      e.result = cell.text;
      e.passed = ParseResult(cell.text);
      if (!e.passed) report(DiagId::err_ws_bad_value, cell.loc, {cell.text, "result (pass or fail)"});
    } else if (id == "duration") {
      e.duration = cell.text;
      if (!ParseLength(cell.text)) report(DiagId::err_ws_bad_value, cell.loc, {cell.text, "duration (PT45M, 1 h 30 min)"});
    } else if (id == "performed-by") {
      e.performed_by = cell.text;
    }
  }
  return e;
}

bool EntryIsFor(const LogEntry& e, const ValidationCheck& c) {
  if (e.kind != c.kind.value) return false;
  if (c.target.empty()) return true;
  std::string t = WordsKey(e.target);
  return t == WordsKey(c.target.value) || t == WordsKey(c.id.value);
}

}  // namespace

std::vector<ValidationLogEntry> ReadValidationLog(const ReturnedWorksheets& returned) {
  std::vector<ValidationLogEntry> entries;
  for (const ReturnedSheet& sheet : returned.sheets) {
    if (sheet.layout->id.value != kValidationLogLayout) continue;
    for (const ReturnedRow& row : sheet.rows) entries.push_back(ReadEntry(sheet, row));
  }
  return entries;
}

const ValidationLogEntry* LastEntryFor(const std::vector<ValidationLogEntry>& entries, const ValidationCheck& check,
                                       Date as_of) {
  const ValidationLogEntry* last = nullptr;
  for (const ValidationLogEntry& e : entries) {
    // Entries dated after --as-of were not done by then.
    if (!EntryIsFor(e, check) || !e.date || as_of < *e.date) continue;
    if (!last || *last->date < *e.date) last = &e;
  }
  return last;
}

}  // namespace plangen

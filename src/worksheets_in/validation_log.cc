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

// Reads one row; with `diags`, reports cells that are empty or hold no valid value.
LogEntry ReadEntry(const ReturnedSheet& sheet, const ReturnedRow& row, DiagEngine* diags) {
  LogEntry e;
  e.row = &row;
  e.loc = row.Get("date").loc;
  auto report = [&](DiagId id, const Loc& loc, std::vector<std::string> args) {
    if (diags) diags->Report(id, loc, std::move(args));
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

const Scenario* FindScenario(const Plan& plan, const std::string& target) {
  std::string key = WordsKey(target);
  for (const Scenario& s : plan.scenarios) {
    if (WordsKey(s.id.value) == key || WordsKey(s.title.value) == key) return &s;
  }
  return nullptr;
}

void CheckRestoreTime(const CheckContext& ctx, const LogEntry& e, DiagEngine& diags) {
  const ReturnedCell& target = e.row->Get("target");
  const ReturnedCell& duration = e.row->Get("duration");
  if (e.target.empty()) return;
  const Scenario* s = FindScenario(ctx.plan, e.target);
  if (!s) {
    diags.Report(DiagId::warn_vlog_unknown_scenario, target.loc, {e.target});
    return;
  }
  auto took = ParseLength(duration.text);
  if (!took || !s->rto.value) return;
  if (took->TotalSeconds() > s->rto.value->TotalSeconds()) {
    diags.Report(DiagId::err_vlog_restore_too_long, duration.loc, {s->id.value, duration.text, s->rto.text.value})
        .AddNote(s->rto.text.loc.valid() ? s->rto.text.loc : s->loc, "scenario '" + s->id.value + "' in the plan");
  }
}

// Checks whose records the Validation Log sheet holds: those that say so, or say nothing.
bool KeptInLog(const ValidationCheck& c) {
  std::string records = WordsKey(c.records.value);
  return records.empty() || records.find("validation log") != std::string::npos;
}

bool EntryIsFor(const LogEntry& e, const ValidationCheck& c) {
  if (e.kind != c.kind.value) return false;
  if (c.target.empty()) return true;
  std::string t = WordsKey(e.target);
  return t == WordsKey(c.target.value) || t == WordsKey(c.id.value);
}

}  // namespace

void CheckValidationLog(const CheckContext& ctx, DiagEngine& diags) {
  if (!ctx.worksheets) return;
  std::vector<LogEntry> entries;
  for (const ReturnedSheet& sheet : ctx.worksheets->sheets) {
    if (sheet.layout->id.value != kValidationLogLayout) continue;
    for (const ReturnedRow& row : sheet.rows) {
      LogEntry e = ReadEntry(sheet, row, &diags);
      if (e.date && ctx.as_of < *e.date) {
        diags.Report(DiagId::err_vlog_future_date, row.Get("date").loc, {FormatDate(*e.date), FormatDate(ctx.as_of)});
      }
      if (e.passed && !*e.passed) {
        const ReturnedCell& result = row.Get("result");
        diags.Report(DiagId::err_vlog_failed, result.loc,
                     {e.kind.empty() ? "validation" : e.kind, e.target, e.date ? FormatDate(*e.date) : "an unknown date"});
      }
      if (e.kind == "V3") CheckRestoreTime(ctx, e, diags);
      entries.push_back(e);
    }
  }
  // plangen writes the Validation Log empty; a log with no row was not kept in these files.
  if (entries.empty()) return;
  for (const ValidationCheck& c : ctx.plan.checks) {
    if (!KeptInLog(c) || !c.interval.value || c.kind.empty()) continue;
    const LogEntry* last = LastEntryFor(entries, c, ctx.as_of);
    if (!last) {
      diags.Report(DiagId::err_vlog_not_logged, c.loc, {c.id.value, c.kind.value});
    } else if (c.interval.value->AddTo(*last->date) < ctx.as_of) {
      diags.Report(DiagId::err_vlog_overdue, c.loc, {c.id.value, c.kind.value, FormatDate(*last->date), c.interval.text.value})
          .AddNote(last->row->Get("date").loc, "last logged here");
    }
  }
}

std::vector<ValidationLogEntry> ReadValidationLog(const ReturnedWorksheets& returned) {
  std::vector<ValidationLogEntry> entries;
  for (const ReturnedSheet& sheet : returned.sheets) {
    if (sheet.layout->id.value != kValidationLogLayout) continue;
    for (const ReturnedRow& row : sheet.rows) entries.push_back(ReadEntry(sheet, row, nullptr));
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

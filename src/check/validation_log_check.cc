// V1-V5, M1: the returned Validation Log (read once with the worksheets) against the plan's
// validation checks.
#include "check/validation_log_check.h"

#include <set>

#include "check/evidence_check.h"

#include "worksheets_in/cell_text.h"
#include "worksheets_in/matching.h"
#include "worksheets_in/returned.h"
#include "worksheets_in/validation_log.h"

namespace plangen {
namespace {

using LogEntry = ValidationLogEntry;

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

}  // namespace

void CheckValidationLog(const CheckContext& ctx, DiagEngine& diags) {
  if (!ctx.worksheets && !ctx.evidence) return;
  static const std::vector<LogEntry> kNoLog;
  const std::vector<LogEntry>& log = ctx.worksheets ? ctx.worksheets->validation_log : kNoLog;
  for (const LogEntry& e : log) {
    for (const ValidationLogProblem& p : e.problems) diags.Report(p.id, p.loc, p.args);
    if (e.date && ctx.as_of < *e.date) {
      diags.Report(DiagId::err_vlog_future_date, e.row->Get("date").loc, {FormatDate(*e.date), FormatDate(ctx.as_of)});
    }
    if (e.passed && !*e.passed) {
      diags.Report(DiagId::err_vlog_failed, e.row->Get("result").loc,
                   {e.kind.empty() ? "validation" : e.kind, e.target, e.date ? FormatDate(*e.date) : "an unknown date"});
    }
    if (e.kind == "V3") CheckRestoreTime(ctx, e, diags);
  }
  // The evidence the scripts wrote is the same record as the log's rows (V1, V2, V3, V5); the
  // evidence pass reports its own failures, so here it only counts as checks done.
  std::vector<LogEntry> entries = log;
  std::set<std::string> evidence_kinds;
  if (ctx.evidence) {
    for (LogEntry& e : EvidenceEntries(ctx.plan, *ctx.evidence)) {
      evidence_kinds.insert(e.kind);
      entries.push_back(std::move(e));
    }
  }
  // plangen writes the Validation Log empty; a log with no row was not kept in these files.
  if (entries.empty()) return;
  for (const ValidationCheck& c : ctx.plan.checks) {
    if (!KeptInLog(c) || !c.interval.value || c.kind.empty()) continue;
    // Without a returned log, only the kinds the evidence records are judged.
    if (log.empty() && !evidence_kinds.count(c.kind.value)) continue;
    const LogEntry* last = LastEntryFor(entries, c, ctx.as_of);
    if (!last) {
      diags.Report(DiagId::err_vlog_not_logged, c.loc, {c.id.value, c.kind.value});
    } else if (c.interval.value->AddTo(*last->date) < ctx.as_of) {
      diags.Report(DiagId::err_vlog_overdue, c.loc, {c.id.value, c.kind.value, FormatDate(*last->date), c.interval.text.value})
          .AddNote(last->loc, "last logged here");
    }
  }
}

}  // namespace plangen

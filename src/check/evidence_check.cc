// V1, V2, V3 and V5 from the evidence files the scripts wrote (--evidence).
#include "check/evidence_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "check/critical_path.h"
#include "check/validation_log_check.h"
#include "util/strings.h"

namespace plangen {

namespace {

Date DayOf(int64_t seconds) {
  int64_t d = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
  return Date{static_cast<int32_t>(d)};
}

std::string Stamp(const EvidenceRow& r) { return r.start_text.empty() ? r.run : r.start_text; }

// How long a backup may go without a run: the schedule's longest gap, plus a quarter of it (at most
// an hour) for a run that starts late or takes long.
int64_t AllowedGap(const Schedule& s) {
  int64_t gap = s.MaxGapSeconds();
  return gap + std::min<int64_t>(3600, gap / 4);
}

const Location* FirstLocation(const Plan& plan, const Backup& b) {
  return b.locations.empty() ? nullptr : plan.FindLocation(b.locations.front().value);
}

struct Run {
  std::string id;
  std::vector<const EvidenceRow*> rows;
  const EvidenceRow* first = nullptr;  ///< the row of the backup's first location
  bool ok() const { return first && first->result == "ok"; }
};

// A backup's runs, in order of start.
std::vector<Run> RunsOf(const Plan& plan, const Backup& b, const std::vector<const EvidenceRow*>& rows) {
  std::map<std::string, Run> by_id;
  const Location* first = FirstLocation(plan, b);
  for (const EvidenceRow* r : rows) {
    Run& run = by_id[r->run];
    run.id = r->run;
    run.rows.push_back(r);
    if (first && EqualsIgnoreCase(r->location, first->id.value)) run.first = r;
  }
  std::vector<Run> runs;
  for (auto& [id, run] : by_id) runs.push_back(std::move(run));
  auto start = [](const Run& r) { return r.rows.front()->start.value_or(0); };
  std::stable_sort(runs.begin(), runs.end(), [&](const Run& a, const Run& b2) { return start(a) < start(b2); });
  return runs;
}

const EvidenceRow* RowIn(const Run& run, const std::string& location) {
  const EvidenceRow* found = nullptr;
  for (const EvidenceRow* r : run.rows)
    if (EqualsIgnoreCase(r->location, location)) found = r;
  return found;
}

struct Drill {
  std::string scenario, run;
  std::vector<const EvidenceRow*> rows;
};

// The drills of the evidence: drill-step rows grouped by scenario and run, in file order.
std::vector<Drill> DrillsOf(const Evidence& e) {
  std::vector<Drill> drills;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const EvidenceRow& r : e.rows) {
    if (r.record != "drill-step") continue;
    auto key = std::make_pair(r.scenario, r.run);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, drills.size()).first;
      drills.push_back({r.scenario, r.run, {}});
    }
    drills[it->second].rows.push_back(&r);
  }
  return drills;
}

// Measured seconds of each step of a drill (the last row of a step counts).
std::map<std::string, const EvidenceRow*> StepRows(const Drill& d) {
  std::map<std::string, const EvidenceRow*> steps;
  for (const EvidenceRow* r : d.rows) steps[r->step] = r;
  return steps;
}

// The scenario with each measured step's estimate replaced by its measured time.
Scenario Measured(const Scenario& s, const std::map<std::string, const EvidenceRow*>& steps) {
  Scenario m = s;
  for (ScenarioStep& st : m.steps) {
    auto it = steps.find(st.id.value);
    if (it == steps.end() || !it->second->start || !it->second->end) continue;
    Duration d;
    d.seconds = std::max<int64_t>(0, *it->second->end - *it->second->start);
    st.estimate.value = d;
  }
  return m;
}

}  // namespace

void CheckEvidence(const CheckContext& ctx, DiagEngine& diags) {
  if (!ctx.evidence) return;
  const Plan& plan = ctx.plan;
  const Evidence& e = *ctx.evidence;
  // Backups: rows by backup id, in plan order; unknown ids once each.
  std::map<std::string, std::vector<const EvidenceRow*>> by_backup;
  std::set<std::string> unknown;
  for (const EvidenceRow& r : e.rows) {
    if (r.record != "backup") continue;
    by_backup[r.backup].push_back(&r);
  }
  for (const auto& [id, rows] : by_backup) {
    bool known = false;
    for (const Backup& b : plan.backups) known = known || b.id.value == id;
    if (!known) diags.Report(DiagId::warn_evidence_unknown, rows.front()->loc, {"backup", id});
  }
  const int64_t as_of = static_cast<int64_t>(ctx.as_of.days) * 86400;
  for (const Backup& b : plan.backups) {
    auto found = by_backup.find(b.id.value);
    if (found == by_backup.end()) continue;
    std::vector<Run> runs = RunsOf(plan, b, found->second);
    const Run* last_ok = nullptr;
    for (const Run& run : runs) {
      if (run.first && run.first->result == "failed") {
        diags.Report(DiagId::err_evidence_run_failed, run.first->loc,
                     {b.id.value, Stamp(*run.first), run.first->location, run.first->message});
      }
      if (!run.ok()) continue;
      if (last_ok && b.schedule.value) {
        int64_t gap = *run.first->start - *last_ok->first->start;
        if (gap > AllowedGap(*b.schedule.value)) {
          diags.Report(DiagId::err_evidence_gap, run.first->loc,
                       {b.id.value, DescribeSeconds(gap), last_ok->first->start_text, run.first->start_text,
                        b.schedule.text.value, DescribeSeconds(b.schedule.value->MaxGapSeconds())});
        }
      }
      // V2: a verified copy in every location of the backup.
      for (size_t k = 1; k < b.locations.size(); ++k) {
        const Location* l = plan.FindLocation(b.locations[k].value);
        if (!l) continue;
        const EvidenceRow* r = RowIn(run, l->id.value);
        if (r && r->result == "ok") continue;
        std::string why = r ? ": " + r->message : ": no row for it";
        diags.Report(DiagId::err_evidence_copy_missing, r ? r->loc : run.first->loc,
                     {run.id, b.id.value, l->id.value, l->offsite.get() ? " (off-site)" : "", why});
      }
      last_ok = &run;
    }
    if (last_ok && b.schedule.value && *last_ok->first->start + AllowedGap(*b.schedule.value) < as_of) {
      diags.Report(DiagId::err_evidence_stale, last_ok->first->loc,
                   {b.id.value, last_ok->first->start_text, FormatDate(ctx.as_of), b.schedule.text.value});
    }
  }
  // Drills: each step against its estimate, failures, and the measured critical path against the RTO.
  for (const Drill& d : DrillsOf(e)) {
    const Scenario* s = plan.FindScenario(d.scenario);
    if (!s) {
      diags.Report(DiagId::warn_evidence_unknown, d.rows.front()->loc, {"scenario", d.scenario});
      continue;
    }
    auto steps = StepRows(d);
    for (const auto& [id, r] : steps) {
      const ScenarioStep* st = nullptr;
      for (const ScenarioStep& x : s->steps)
        if (x.id.value == id) st = &x;
      if (!st) {
        diags.Report(DiagId::warn_evidence_unknown, r->loc, {"step", s->id.value + "/" + id});
        continue;
      }
      if (r->result == "failed") {
        diags.Report(DiagId::err_evidence_step_failed, r->loc, {id, s->id.value, d.run, r->message});
      }
      int64_t took = *r->end - *r->start;
      if (st->estimate.value && took > st->estimate.value->TotalSeconds()) {
        diags.Report(DiagId::warn_evidence_step_slow, r->loc,
                     {id, s->id.value, DescribeSeconds(took), DescribeSeconds(st->estimate.value->TotalSeconds())});
      }
    }
    if (!s->rto.value) continue;
    Scenario m = Measured(*s, steps);
    check::CriticalPath path = check::ComputeCriticalPath(m, nullptr);
    if (path.steps.empty() || path.seconds <= s->rto.value->TotalSeconds()) continue;
    const EvidenceRow* at = d.rows.front();
    for (auto it = path.steps.rbegin(); it != path.steps.rend(); ++it) {
      auto r = steps.find(m.steps[*it].id.value);
      if (r != steps.end()) {
        at = r->second;
        break;
      }
    }
    diags.Report(DiagId::err_evidence_drill_too_long, at->loc,
                 {d.run, s->id.value, DescribeSeconds(path.seconds), check::DescribePath(m, path, nullptr),
                  s->rto.text.value});
  }
}

std::vector<ValidationLogEntry> EvidenceEntries(const Plan& plan, const Evidence& e) {
  std::vector<ValidationLogEntry> entries;
  std::map<std::string, std::vector<const EvidenceRow*>> by_backup;
  for (const EvidenceRow& r : e.rows)
    if (r.record == "backup") by_backup[r.backup].push_back(&r);
  for (const Backup& b : plan.backups) {
    auto found = by_backup.find(b.id.value);
    if (found == by_backup.end()) continue;
    for (const Run& run : RunsOf(plan, b, found->second)) {
      const EvidenceRow* head = run.first ? run.first : run.rows.front();
      ValidationLogEntry v1;
      v1.date = DayOf(*head->start);
      v1.kind = "V1";
      v1.target = b.id.value;
      v1.passed = run.ok();
      v1.result = run.ok() ? "ran" : "failed";
      v1.performed_by = "backup script, run " + run.id;
      v1.loc = head->loc;
      entries.push_back(v1);
      ValidationLogEntry v2 = v1;
      bool all = run.ok();
      for (const Ref& l : b.locations) {
        const EvidenceRow* r = RowIn(run, l.value);
        all = all && r && r->result == "ok";
      }
      v2.kind = "V2";
      v2.passed = all;
      v2.result = all ? "copies verified in every location" : "a copy is missing or unverified";
      entries.push_back(v2);
    }
  }
  for (const Drill& d : DrillsOf(e)) {
    const Scenario* s = plan.FindScenario(d.scenario);
    if (!s) continue;
    auto steps = StepRows(d);
    check::CriticalPath path = check::ComputeCriticalPath(Measured(*s, steps), nullptr);
    bool steps_ok = true;
    for (const auto& [id, r] : steps) steps_ok = steps_ok && r->result == "ok";
    ValidationLogEntry v3;
    v3.date = DayOf(*d.rows.front()->start);
    v3.kind = "V3";
    v3.target = s->id.value;
    v3.passed = !s->rto.value || path.seconds <= s->rto.value->TotalSeconds();
    v3.duration = DescribeSeconds(path.seconds);
    v3.result = *v3.passed ? "within the RTO" : "longer than the RTO";
    v3.performed_by = "restoration scripts, drill " + d.run;
    v3.loc = d.rows.front()->loc;
    entries.push_back(v3);
    ValidationLogEntry v5 = v3;
    v5.kind = "V5";
    v5.passed = steps_ok;
    v5.result = steps_ok ? "every step done" : "a step failed";
    entries.push_back(v5);
  }
  return entries;
}

void CheckEvidenceFiles(const CheckContext& ctx, DiagEngine& diags) {
  CheckEvidence(ctx, diags);
  // With no returned worksheets the validation-log pass judges the evidence alone.
  if (!ctx.worksheets) CheckValidationLog(ctx, diags);
}

}  // namespace plangen

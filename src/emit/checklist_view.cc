#include "emit/checklist_view.h"
#include "tmpl/data_moves.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "audit/safe_name.h"
#include "emit/html_breaks.h"
#include "emit/runbook_view.h"
#include "worksheets_in/returned.h"
#include "worksheets_in/validation_log.h"

namespace plangen {

using kainjow::mustache::data;

std::string StableHash(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::vector<ValidationLogEntry> ValidationEntries(const EmitContext& ctx) {
  std::vector<ValidationLogEntry> log;
  if (ctx.worksheets) log = ctx.worksheets->validation_log;
  if (ctx.evidence_entries) log.insert(log.end(), ctx.evidence_entries->begin(), ctx.evidence_entries->end());
  return log;
}

std::string RoleFileStem(const std::string& role_id) {
  bool plain = !role_id.empty() && role_id.size() <= 64;
  for (char c : role_id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.';
    plain = plain && ok;
  }
  if (plain && audit::UnsafeComponentReason(role_id).empty()) return role_id;
  std::string clean;
  for (char c : role_id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (ok && clean.size() < 40) clean.push_back(c);
  }
  return (clean.empty() ? "role" : clean) + "-" + StableHash(role_id).substr(0, 8);
}

CheckDue DueDates(const Plan& plan, const ValidationCheck& c, Date as_of) {
  CheckDue d;
  std::optional<Duration> interval = c.interval.value;
  if (c.kind.value == "M1" && !interval) interval = plan.governance.review_interval.value;
  if (!interval || interval->TotalSeconds() <= 0) return d;
  d.known = true;
  if (c.kind.value == "M1" && plan.governance.last_reviewed.value) {
    d.next = interval->AddTo(*plan.governance.last_reviewed.value);
    d.overdue = d.next < as_of;
    d.basis = "last reviewed " + FormatDate(*plan.governance.last_reviewed.value) + " + " + DescribeDuration(*interval);
  } else {
    d.next = interval->AddTo(as_of);
    d.basis = "as of " + FormatDate(as_of) + " + " + DescribeDuration(*interval);
  }
  d.then = interval->AddTo(d.next);
  return d;
}

namespace {

const char* KindMeaning(const std::string& kind) {
  if (kind == "V1") return "Backups are occurring as required";
  if (kind == "V2") return "Backed-up data and settings are accessible";
  if (kind == "V3") return "Restoration can be done within the RTO and meets business needs";
  if (kind == "V4") return "Worksheets are completed, verified and stored in a secure location";
  if (kind == "V5") return "Restoration procedures have been tested and work as expected";
  if (kind == "M1") return "The plan is reviewed and reassessed against the topology";
  return "";
}

// What the returned Validation Log says of a check: its newest entry by --as-of, or that none is
// there. Empty when no worksheets were given.
std::string LogStatus(const EmitContext& ctx, const std::vector<ValidationLogEntry>& log, const ValidationCheck& c) {
  if (!ctx.worksheets && !ctx.evidence_entries) return "";
  const ValidationLogEntry* e = LastEntryFor(log, c, ctx.as_of);
  if (!e) return ctx.worksheets ? "not in the Validation Log" : "no evidence";
  std::string s = e->passed ? (*e->passed ? "passed" : "FAILED") : (e->result.empty() ? "logged" : e->result);
  s += " on " + FormatDate(*e->date);
  if (!e->performed_by.empty()) s += " by " + e->performed_by;
  if (!e->duration.empty()) s += " (" + e->duration + ")";
  return s;
}


}  // namespace

TemplateData ChecklistView(const EmitContext& ctx) {
  const Plan& plan = ctx.plan;
  data view;
  view.set("plan_title", plan.title.value);
  view.set("plan_id", plan.id.value);
  view.set("plan_version", plan.version.value);
  view.set("as_of", FormatDate(ctx.as_of));
  view.set("draft", ctx.draft);
  SetPrintPage(ctx, PrintFooterPlan(ctx) + " \u00b7 Validation checklist", &view);
  const std::vector<ValidationLogEntry> log = ValidationEntries(ctx);

  // Interval groups, shortest first; checks without a valid interval last.
  std::vector<const ValidationCheck*> checks;
  for (const auto& c : plan.checks) checks.push_back(&c);
  std::stable_sort(checks.begin(), checks.end(), [](const ValidationCheck* a, const ValidationCheck* b) {
    int64_t x = a->interval.value ? a->interval.Seconds() : INT64_MAX;
    int64_t y = b->interval.value ? b->interval.Seconds() : INT64_MAX;
    return x < y;
  });
  data groups{data::type::list};
  size_t i = 0;
  int number = 1;
  while (i < checks.size()) {
    std::string label = checks[i]->interval.value ? "Every " + DescribeDuration(*checks[i]->interval.value)
                                                  : "No valid interval";
    size_t j = i;
    std::vector<std::string> owners;
    while (j < checks.size()) {
      std::string l = checks[j]->interval.value ? "Every " + DescribeDuration(*checks[j]->interval.value)
                                                : "No valid interval";
      if (l != label) break;
      if (std::find(owners.begin(), owners.end(), checks[j]->owner.value) == owners.end())
        owners.push_back(checks[j]->owner.value);
      ++j;
    }
    data owner_list{data::type::list};
    for (const std::string& owner : owners) {
      data od;
      od.set("owner", RoleName(plan, owner));
      od.set("owner_id", owner);
      data items{data::type::list};
      for (size_t k = i; k < j; ++k) {
        const ValidationCheck& c = *checks[k];
        if (c.owner.value != owner) continue;
        CheckDue due = DueDates(plan, c, ctx.as_of);
        data cd;
        cd.set("number", std::to_string(number++));
        cd.set("id", c.id.value);
        cd.set("kind", c.kind.value);
        cd.set("meaning", KindMeaning(c.kind.value));
        cd.set("title", c.title.value);
        cd.set("owner", RoleName(plan, owner));
        cd.set("interval", c.interval.value ? DescribeDuration(*c.interval.value) : c.interval.text.value);
        cd.set("next_due", due.known ? FormatDate(due.next) : "unknown (no valid interval)");
        cd.set("then_due", due.known ? FormatDate(due.then) : "");
        cd.set("overdue", due.overdue);
        cd.set("due_basis", due.basis);
        cd.set("records", c.records.value);
        cd.set("target", c.target.value);
        cd.set("status", LogStatus(ctx, log, c));
        cd.set("source", SourceRef(ctx.sources, c.loc));
        Append(items, std::move(cd));
      }
      Set(od, "checks", std::move(items));
      Append(owner_list, std::move(od));
    }
    data g;
    g.set("interval", label);
    Set(g, "owners", std::move(owner_list));
    Append(groups, std::move(g));
    i = j;
  }
  view.set("groups", groups);
  view.set("has_checks", !checks.empty());
  std::string missing;
  for (const char* k : {"V1", "V2", "V3", "V4", "V5", "M1"}) {
    bool found = std::any_of(plan.checks.begin(), plan.checks.end(), [&](const ValidationCheck& c) { return c.kind.value == k; });
    if (!found) missing += (missing.empty() ? "" : ", ") + std::string(k);
  }
  view.set("missing_kinds", missing.empty() ? data(false) : data(missing));
  view.set("word_breaks", WordBreaksLambda());
  return view;
}

}  // namespace plangen

// D6: a business and a technical approval for the current plan version, recording the digest it
// approved, given after the last change of anything it covers, and renewed within the review
// interval. Whether the digest is still the plan's is judged last (approval_digest_check.cc).
#include "check/check_context.h"
#include "check/plan_digest.h"
#include "check/review_interval.h"
#include "diag/diagnostic.h"

namespace plangen {

namespace {

// The latest dated change the plan records: the plan's own last-changed, then its procedures'.
// Null when none is dated.
struct Change {
  const DateValue* date = nullptr;
  std::string what;  // "the plan", "procedure 'x'"
};

Change LatestChange(const Plan& plan) {
  Change c;
  if (plan.last_changed.value) c = {&plan.last_changed, "the plan"};
  for (const Procedure& p : plan.procedures) {
    if (!p.last_changed.value) continue;
    if (!c.date || *c.date->value < *p.last_changed.value) c = {&p.last_changed, "procedure '" + p.id.value + "'"};
  }
  return c;
}

}  // namespace

void CheckApprovals(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Governance& g = plan.governance;
  const DurationValue* interval = check::ReviewInterval(plan);
  for (const char* kind : {"business", "technical"}) {
    bool current = false;
    for (const Approval& a : g.approvals) {
      current = current || (a.kind.value == kind && a.plan_version.value == plan.version.value);
    }
    if (current) continue;
    Diagnostic& d = diags.Report(DiagId::err_approval_missing, check::GovernanceLoc(plan), {kind, plan.version.value});
    for (const Approval& a : g.approvals) {
      if (a.kind.value != kind) continue;
      d.AddNote(a.plan_version.loc, std::string(kind) + " approval by '" + a.by.value + "' is for version '" +
                                        a.plan_version.value + "'");
    }
  }
  const Change change = LatestChange(plan);
  std::string digest;
  for (const Approval& a : g.approvals) {
    if (a.plan_version.value != plan.version.value) continue;
    // An approval whose date is still a placeholder has not been given (PG5101 lists it):
    // 'plangen approve' records it with its digest.
    if (IsPlaceholder(a.date.text.value)) continue;
    if (a.digest.empty()) {
      if (digest.empty()) digest = check::PlanDigest(plan);
      diags.Report(DiagId::warn_approval_no_digest, a.loc, {a.kind.value, a.by.value, digest});
    }
    if (!a.date.value) continue;
    if (ctx.as_of < *a.date.value) continue;  // dated in the future: the dates pass reports it
    if (change.date && *a.date.value < *change.date->value) {
      diags.Report(DiagId::err_approval_before_change, a.date.text.loc,
                   {a.kind.value, a.by.value, FormatDate(*a.date.value), change.what, FormatDate(*change.date->value)})
          .AddNote(change.date->text.loc, change.what + " records its last change here");
      continue;  // stale: renewal is already asked for
    }
    if (!interval) continue;
    Date due = interval->value->AddTo(*a.date.value);
    if (due < ctx.as_of) {
      diags.Report(DiagId::warn_approval_overdue, a.date.text.loc,
                   {a.kind.value, a.by.value, FormatDate(*a.date.value), DescribeDuration(*interval->value),
                    FormatDate(due)});
    }
  }
}

}  // namespace plangen

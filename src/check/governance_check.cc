// D5, D6, D7, M1: governance roles assigned and kept apart, decision criteria, the review interval
// set (and agreeing with the M1 check), and the plan reviewed within it as of --as-of.
#include "check/check_context.h"
#include "check/review_interval.h"
#include "diag/diagnostic.h"

namespace plangen {

namespace {

void CheckSeparation(const Plan& plan, DiagEngine& diags) {
  const Governance& g = plan.governance;
  if (!g.change_approver.empty() && g.change_approver.value == g.reviewer.value) {
    diags.Report(DiagId::warn_separation_of_duties, g.change_approver.loc, {g.change_approver.value})
        .AddNote(g.reviewer.loc, "the reviewer is named here");
  }
  if (!g.change_approver.empty() && g.change_approver.value == g.validator.value) {
    diags.Report(DiagId::warn_approver_validates, g.change_approver.loc, {g.change_approver.value})
        .AddNote(g.validator.loc, "the validator is named here");
  }
  // D6 asks for two decision makers: one role signing both kinds for this version is one.
  const Approval* business = nullptr;
  const Approval* technical = nullptr;
  for (const Approval& a : g.approvals) {
    if (a.plan_version.value != plan.version.value || a.by.empty() || IsPlaceholder(a.by.value)) continue;
    if (a.kind.value == "business" && !business) business = &a;
    if (a.kind.value == "technical" && !technical) technical = &a;
  }
  if (business && technical && business->by.value == technical->by.value) {
    diags.Report(DiagId::warn_one_approver, technical->by.loc, {technical->by.value})
        .AddNote(business->by.loc, "the business approval is given here");
  }
}

}  // namespace

void CheckGovernance(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Governance& g = plan.governance;
  const Loc where = check::GovernanceLoc(plan);
  if (g.reviewer.empty()) diags.Report(DiagId::err_governance_role_missing, where, {"reviewer"});
  if (g.validator.empty()) diags.Report(DiagId::err_governance_role_missing, where, {"validator"});
  if (g.change_approver.empty()) diags.Report(DiagId::err_governance_role_missing, where, {"change approver"});
  CheckSeparation(plan, diags);
  if (g.decision_criteria.empty()) diags.Report(DiagId::warn_no_decision_criteria, where);

  const ValidationCheck* m1 = nullptr;
  for (const ValidationCheck& c : plan.checks) {
    if (c.kind.value == "M1" && c.interval.value && !m1) m1 = &c;
  }
  if (!g.last_reviewed.value && g.last_reviewed.text.empty()) {
    diags.Report(DiagId::warn_review_undated, where, {"when it was last reviewed"});
  }
  if (g.review_interval.text.empty()) {
    Diagnostic& d = diags.Report(DiagId::err_review_interval_missing, where);
    if (m1) d.AddNote(m1->interval.text.loc, "the M1 check runs every " + DescribeDuration(*m1->interval.value));
  } else if (m1 && g.review_interval.value && g.review_interval.Seconds() != m1->interval.Seconds()) {
    diags.Report(DiagId::warn_review_interval_mismatch, m1->interval.text.loc,
                 {DescribeDuration(*m1->interval.value), DescribeDuration(*g.review_interval.value)})
        .AddNote(g.review_interval.text.loc, "the review interval is set here");
  }

  const DurationValue* interval = check::ReviewInterval(plan);
  if (!interval || !g.last_reviewed.value || ctx.as_of < *g.last_reviewed.value) return;
  Date due = interval->value->AddTo(*g.last_reviewed.value);
  if (due < ctx.as_of) {
    diags.Report(DiagId::warn_review_overdue, g.last_reviewed.text.loc,
                 {FormatDate(*g.last_reviewed.value), FormatDate(due), DescribeDuration(*interval->value)});
  }
}

}  // namespace plangen

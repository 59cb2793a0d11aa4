// D5, D7, M1: governance roles assigned, separation of duties, decision criteria, and the plan
// reviewed within its interval as of --as-of.
#include "check/check_context.h"
#include "check/review_interval.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckGovernance(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Governance& g = plan.governance;
  const Loc where = check::GovernanceLoc(plan);
  if (g.reviewer.empty()) diags.Report(DiagId::err_governance_role_missing, where, {"reviewer"});
  if (g.validator.empty()) diags.Report(DiagId::err_governance_role_missing, where, {"validator"});
  if (g.change_approver.empty()) diags.Report(DiagId::err_governance_role_missing, where, {"change approver"});
  if (!g.change_approver.empty() && g.change_approver.value == g.reviewer.value) {
    diags.Report(DiagId::warn_separation_of_duties, g.change_approver.loc, {g.change_approver.value})
        .AddNote(g.reviewer.loc, "the reviewer is named here");
  }
  if (g.decision_criteria.empty()) diags.Report(DiagId::warn_no_decision_criteria, where);

  const DurationValue* interval = check::ReviewInterval(plan);
  if (!g.last_reviewed.value && g.last_reviewed.text.empty()) {
    diags.Report(DiagId::warn_review_undated, where, {"when it was last reviewed"});
  }
  if (!interval && g.review_interval.text.empty()) {
    diags.Report(DiagId::warn_review_undated, where, {"how often it is reviewed"});
  }
  if (!interval || !g.last_reviewed.value) return;
  Date due = interval->value->AddTo(*g.last_reviewed.value);
  if (due < ctx.as_of) {
    diags.Report(DiagId::warn_review_overdue, g.last_reviewed.text.loc,
                 {FormatDate(*g.last_reviewed.value), FormatDate(due), DescribeDuration(*interval->value)});
  }
}

}  // namespace plangen

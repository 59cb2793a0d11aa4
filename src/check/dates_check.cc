// D5, D6, V5, M1: the dates the plan records (approvals, the last review, changes, tests) are of
// things that happened, so none lies after --as-of.
#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckDates(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const std::string now = FormatDate(ctx.as_of);
  auto check = [&](const DateValue& d, const std::string& what) {
    if (d.value && ctx.as_of < *d.value) diags.Report(DiagId::err_date_in_future, d.text.loc, {what, FormatDate(*d.value), now});
  };
  check(plan.last_changed, "the plan's last change");
  check(plan.governance.last_reviewed, "the plan's last review");
  for (const Approval& a : plan.governance.approvals) check(a.date, a.kind.value + " approval by '" + a.by.value + "'");
  for (const Procedure& p : plan.procedures) {
    check(p.last_changed, "the last change of procedure '" + p.id.value + "'");
    check(p.last_tested, "the last test of procedure '" + p.id.value + "'");
  }
}

}  // namespace plangen

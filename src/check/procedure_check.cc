// B4, R4, V5: plan procedures name their tools and are tested, after their last change and
// within the V5 interval as of --as-of.
#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckProcedures(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const ValidationCheck* v5 = nullptr;
  for (const ValidationCheck& c : plan.checks) {
    if (c.kind.value == "V5" && c.interval.value) {
      v5 = &c;
      break;
    }
  }
  for (const Procedure& p : plan.procedures) {
    bool tools = !p.tools.empty();
    for (const ProcedureStep& st : p.steps) tools = tools || !st.tool.empty();
    if (!tools && p.based_on.empty()) diags.Report(DiagId::warn_procedure_no_tools, p.loc, {p.id.value});

    if (p.last_tested.text.empty()) {
      diags.Report(DiagId::warn_procedure_untested, p.loc, {p.id.value});
      continue;
    }
    if (!p.last_tested.value) continue;  // unreadable date: reported by the reader
    const Date tested = *p.last_tested.value;
    if (p.last_changed.value && tested < *p.last_changed.value) {
      diags.Report(DiagId::warn_procedure_tested_before_change, p.last_tested.text.loc,
                   {p.id.value, FormatDate(tested), FormatDate(*p.last_changed.value)});
    }
    if (!v5) continue;
    Date due = v5->interval.value->AddTo(tested);
    if (due < ctx.as_of) {
      diags.Report(DiagId::warn_procedure_test_overdue, p.last_tested.text.loc,
                   {p.id.value, FormatDate(tested), DescribeDuration(*v5->interval.value), FormatDate(due)})
          .AddNote(v5->interval.text.loc, "the V5 check sets the interval here");
    }
  }
}

}  // namespace plangen

// R1: the role that decides a restoration is not also the only role carrying it out.
#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckScenarioRoles(const CheckContext& ctx, DiagEngine& diags) {
  for (const Scenario& sc : ctx.plan.scenarios) {
    if (sc.decider.empty() || IsPlaceholder(sc.decider.value) || sc.steps.empty()) continue;
    bool only = true;
    for (const ScenarioStep& st : sc.steps) only = only && st.role.value == sc.decider.value;
    if (only) diags.Report(DiagId::warn_decider_only_executor, sc.decider.loc, {sc.decider.value, sc.id.value});
  }
}

}  // namespace plangen

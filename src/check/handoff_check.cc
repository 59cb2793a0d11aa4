// D2: the hand-offs between departments in each scenario can be listed and carried out: every
// role doing steps has a department, and the role taking over can be reached.
#include <set>

#include "check/check_context.h"
#include "check/handoffs.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckHandoffs(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const check::PlanIndex& pi = ctx.Index();
  std::vector<std::vector<check::Handoff>> all = check::PlanHandoffs(plan);
  for (size_t k = 0; k < plan.scenarios.size(); ++k) {
    const Scenario& sc = plan.scenarios[k];
    std::set<std::string> reported;
    for (const ScenarioStep& st : sc.steps) {
      const Role* r = pi.role(st.role.value);
      if (r && r->department.empty() && reported.insert(r->id.value).second) {
        diags.Report(DiagId::warn_handoff_no_department, st.role.loc, {r->id.value, sc.id.value});
      }
    }
    reported.clear();
    for (const check::Handoff& h : all[k]) {
      if (!h.to_role->contacts.empty() || !reported.insert(h.to_role->id.value).second) continue;
      diags.Report(DiagId::warn_handoff_no_contact, sc.steps[h.to_step].loc,
                   {sc.id.value, h.from_role->id.value, h.to_role->id.value});
    }
  }
}

}  // namespace plangen

// R1, R3, D1, D3, D4: each scenario has steps; their critical path, plus the spare's lead time
// when new hardware is needed, fits the RTO; dependencies do not loop; spares can be called.
#include "check/check_context.h"
#include "check/critical_path.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckScenarioTimes(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  check::PlanIndex pi(plan);
  for (const Spare& s : plan.spares) {
    if (s.contact.empty()) diags.Report(DiagId::warn_spare_no_contact, s.loc, {s.id.value});
  }
  for (const Scenario& sc : plan.scenarios) {
    if (sc.steps.empty()) diags.Report(DiagId::err_scenario_no_steps, sc.loc, {sc.id.value});
    const Spare* spare = sc.spare.empty() ? nullptr : pi.spare(sc.spare.value);
    if (sc.new_hardware.get() && sc.spare.empty()) {
      diags.Report(DiagId::err_spare_missing, sc.new_hardware.text.loc, {sc.id.value});
    }
    check::CriticalPath path = check::ComputeCriticalPath(sc, spare);
    if (!path.cycle.empty()) {
      std::string text;
      for (int i : path.cycle) text += (text.empty() ? "" : " -> ") + sc.steps[i].id.value;
      diags.Report(DiagId::err_step_cycle, sc.steps[path.cycle.front()].loc, {sc.id.value, text});
      continue;
    }
    if (!sc.rto.value || path.steps.empty() || path.seconds <= sc.rto.Seconds()) continue;
    Diagnostic& d = diags.Report(DiagId::err_rto_exceeded, sc.rto.text.loc,
                                 {check::DescribePath(sc, path, spare), DescribeSeconds(path.seconds),
                                  DescribeSeconds(sc.rto.Seconds())});
    if (path.lead_seconds > 0) {
      d.AddNote(spare->lead_time.text.loc,
                "spare '" + spare->id.value + "' takes " + DescribeSeconds(path.lead_seconds) + " to arrive");
    }
  }
}

}  // namespace plangen

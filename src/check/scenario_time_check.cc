// R1, R3, D1, D3, D4: each scenario has steps; their critical path, plus the spare's lead time
// (and its transport from another site) when new hardware is needed, fits the RTO; dependencies
// do not loop; spares can be called and can reach the site that needs them.
#include "check/check_context.h"
#include "check/critical_path.h"
#include "check/plan_index.h"
#include "check/spare_sites.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckScenarioTimes(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const check::PlanIndex& pi = ctx.Index();
  for (const Spare& s : plan.spares) {
    if (s.contact.empty()) diags.Report(DiagId::warn_spare_no_contact, s.loc, {s.id.value});
  }
  for (const Scenario& sc : plan.scenarios) {
    if (sc.steps.empty()) diags.Report(DiagId::err_scenario_no_steps, sc.loc, {sc.id.value});
    const Spare* spare = sc.spare.empty() ? nullptr : pi.spare(sc.spare.value);
    if (sc.new_hardware.get() && sc.spare.empty()) {
      diags.Report(DiagId::err_spare_missing, sc.new_hardware.text.loc, {sc.id.value});
    }
    // A spare kept at another site travels first.
    int64_t transport = 0;
    if (spare && sc.new_hardware.get()) {
      int kept = check::SpareSite(plan, *spare);
      for (int site : check::ScenarioSites(pi, sc)) {
        if (kept < 0 || site == kept) continue;
        if (spare->transport.value) {
          transport = spare->transport.Seconds();
        } else {
          const auto& sites = plan.topology.sites;
          diags.Report(DiagId::err_spare_other_site, sc.spare.loc,
                       {sc.id.value, sites[site].id.value, spare->id.value, sites[kept].id.value})
              .AddNote(spare->site.empty() ? spare->loc : spare->site.loc,
                       "spare '" + spare->id.value + "' is kept at site '" + sites[kept].id.value + "'");
        }
        break;
      }
    }
    check::CriticalPath path = check::ComputeCriticalPath(sc, spare, transport);
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
      std::string text = "spare '" + spare->id.value + "' takes " + DescribeSeconds(spare->lead_time.Seconds()) + " to arrive";
      if (transport > 0) text += ", and " + DescribeSeconds(transport) + " more to reach the site";
      d.AddNote(transport > 0 ? spare->transport.text.loc : spare->lead_time.text.loc, text);
    }
  }
}

}  // namespace plangen

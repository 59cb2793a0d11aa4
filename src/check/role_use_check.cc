// Every role the plan lists is named somewhere: as an owner, decider, step role, reviewer,
// validator, change approver, approver, spare contact or tester. A role named nowhere has no duty
// and gets no runbook (PG3101, a note; the same finding from 'check' and 'build'). Not judged while
// a reference to a role is left open (a TODO placeholder).
#include <unordered_set>

#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckRoleUse(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  // While a reference to a role is still a placeholder, duties are being handed out: any role
  // may yet get one, and PG5101 lists the open references with the roles they may name.
  for (const OpenDecision& d : plan.decisions) {
    if (d.refers_to == "role") return;
  }
  std::unordered_set<std::string> named;
  auto name = [&](const Text& t) {
    if (!t.empty()) named.insert(t.value);
  };
  const Governance& g = plan.governance;
  name(g.reviewer);
  name(g.validator);
  name(g.change_approver);
  for (const Approval& a : g.approvals) name(a.by);
  for (const Spare& s : plan.spares) name(s.contact);
  for (const Backup& b : plan.backups) name(b.owner);
  for (const Procedure& p : plan.procedures) {
    name(p.tested_by);
    for (const ProcedureStep& st : p.steps) name(st.role);
  }
  for (const Scenario& sc : plan.scenarios) {
    name(sc.decider);
    for (const ScenarioStep& st : sc.steps) name(st.role);
  }
  for (const ValidationCheck& c : plan.checks) name(c.owner);
  for (const Role& r : plan.roles) {
    if (!r.id.empty() && !named.count(r.id.value)) diags.Report(DiagId::note_role_without_duty, r.loc, {r.id.value});
  }
}

}  // namespace plangen

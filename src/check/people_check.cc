// People who fill roles: someone in two roles is worth knowing (a note), and someone who is the
// only member of the roles of two steps that a scenario runs at the same time, one of them on
// its critical path, cannot do both: the restoration takes longer than planned.
#include "check/check_context.h"
#include "check/critical_path.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"

#include <map>
#include <set>

namespace plangen {

namespace {

std::string Quoted(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") + ("'" + ids[i] + "'");
  }
  return out;
}

}  // namespace

void CheckPeople(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  if (plan.people.empty()) return;
  const check::PlanIndex& pi = ctx.Index();
  std::map<std::string, std::vector<std::string>> roles_of;  // person id -> role ids, plan order
  for (const Role& r : plan.roles) {
    std::set<std::string> seen;
    for (const Ref& m : r.members) {
      if (seen.insert(m.value).second) roles_of[m.value].push_back(r.id.value);
    }
  }
  for (const Person& p : plan.people) {
    auto it = roles_of.find(p.id.value);
    if (it != roles_of.end() && it->second.size() > 1) {
      diags.Report(DiagId::note_person_in_several_roles, p.loc, {p.id.value, Quoted(it->second)});
    }
  }
  // The one person a role's steps fall to, when it lists exactly one member.
  auto only_member = [&](const std::string& role) -> std::string {
    const Role* r = pi.role(role);
    return r && r->members.size() == 1 ? r->members[0].value : std::string();
  };
  for (const Scenario& sc : plan.scenarios) {
    check::CriticalPath path = check::ComputeCriticalPath(sc, pi.spare(sc.spare.value));
    if (path.steps.empty() || path.start.size() != sc.steps.size()) continue;
    std::vector<bool> critical(sc.steps.size(), false);
    for (int s : path.steps) critical[s] = true;
    std::set<std::string> told;  // one finding per person and scenario
    for (size_t a = 0; a < sc.steps.size(); ++a) {
      std::string who = only_member(sc.steps[a].role.value);
      if (who.empty() || told.count(who)) continue;
      for (size_t b = a + 1; b < sc.steps.size(); ++b) {
        if (!critical[a] && !critical[b]) continue;
        if (only_member(sc.steps[b].role.value) != who) continue;
        bool overlap = path.start[a] < path.finish[b] && path.start[b] < path.finish[a];
        if (!overlap) continue;
        diags.Report(DiagId::warn_person_double_booked, sc.steps[b].loc,
                     {who, sc.steps[a].id.value, sc.steps[b].id.value, sc.id.value})
            .AddNote(sc.steps[a].loc, "step '" + sc.steps[a].id.value + "' runs at the same time");
        told.insert(who);
        break;
      }
    }
  }
}

}  // namespace plangen

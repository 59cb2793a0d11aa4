#include "check/scenario_texts.h"

namespace plangen::check {

namespace {

void AddProfileProcedure(const Profile& profile, const std::string& id, const ScenarioText& as, int depth, std::vector<ScenarioText>& out) {
  const ProfileProcedure* p = depth > 0 ? profile.FindProcedure(id) : nullptr;
  if (!p) return;
  for (const ProfileStep& s : p->steps) {
    out.push_back({&s.text.value, as.loc, as.who});
    if (!s.command.empty()) out.push_back({&s.command.value, as.loc, as.who});
    if (!s.procedure.empty()) AddProfileProcedure(profile, s.procedure.value, as, depth - 1, out);
  }
}

}  // namespace

std::vector<ScenarioText> TextsOf(const PlanIndex& pi, const Profile& profile, const Scenario& sc) {
  std::vector<ScenarioText> out;
  for (const ScenarioStep& st : sc.steps) {
    out.push_back({&st.title.value, st.loc, "step '" + st.id.value + "' of scenario '" + sc.id.value + "'"});
    if (st.procedure.empty()) continue;
    if (const Procedure* p = pi.procedure(st.procedure.value)) {
      for (const ProcedureStep& ps : p->steps) out.push_back({&ps.text.value, ps.loc, "procedure '" + p->id.value + "'"});
    } else {
      const ScenarioText as = out.back();
      AddProfileProcedure(profile, st.procedure.value, as, 3, out);
    }
  }
  return out;
}

Coverage CoverageOf(const PlanIndex& pi, const Scenario& sc) {
  Coverage out;
  const Topology& topo = pi.plan.topology;
  for (const Ref& c : sc.covers) {
    if (int s = pi.server_of(sc, c); s >= 0) {
      out.servers.insert(s);
      if (topo.servers[s].pool >= 0) out.pools.insert(topo.servers[s].pool);
    } else if (int p = pi.pool_of(sc, c); p >= 0) {
      out.pools.insert(p);
      for (int x : topo.pools[p].servers) out.servers.insert(x);
    }
  }
  return out;
}

}  // namespace plangen::check

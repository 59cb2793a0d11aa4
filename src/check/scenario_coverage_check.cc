// R1-R4: every server, every Enterprise Edition Front End pool as a whole, and every case of a
// mirrored Back End (primary alone, mirror alone, both) is covered by a restoration scenario.
#include <array>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"

namespace plangen {

namespace {

// Listing such a pool means losing all of it (restoring a Lync Server pool); its servers need
// member scenarios of their own.
bool WholePoolOnly(const Pool& p) {
  return p.edition.value == "enterprise" && p.kind.value == "front-end" && p.servers.size() > 1;
}

}  // namespace

void CheckScenarioCoverage(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
  const check::PlanIndex& pi = ctx.Index();
  const size_t n = topo.servers.size();
  std::vector<bool> covered(n, false), pool_covered(topo.pools.size(), false);
  // Mirror cases per primary: [0] primary alone, [1] mirror alone, [2] both.
  std::vector<std::array<bool, 3>> mirror_case(n, {false, false, false});
  std::vector<int> listed(n, -1);  // == scenario index when listed by name in that scenario
  for (size_t k = 0; k < plan.scenarios.size(); ++k) {
    const Scenario& sc = plan.scenarios[k];
    const int mark = static_cast<int>(k);
    std::vector<int> named;
    for (const Ref& c : sc.covers) {
      if (int s = pi.server_of(sc, c); s >= 0) {
        covered[s] = true;
        if (listed[s] != mark) named.push_back(s);
        listed[s] = mark;
      } else if (int p = pi.pool_of(sc, c); p >= 0) {
        pool_covered[p] = true;
        if (!WholePoolOnly(topo.pools[p])) {
          for (int ps : topo.pools[p].servers) covered[ps] = true;
        }
      }
    }
    for (int s : named) {
      int m = pi.mirror_of_primary(s);
      if (m < 0) continue;
      bool mirror_listed = listed[m] == mark;
      mirror_case[s][mirror_listed ? 2 : 0] = true;
    }
    for (int s : named) {
      if (topo.servers[s].mirror_of.empty()) continue;
      int p = pi.server(topo.servers[s].mirror_of.value);
      if (p >= 0 && pi.mirror_of_primary(p) == s && listed[p] != mark) mirror_case[p][1] = true;
    }
  }
  for (size_t s = 0; s < n; ++s) {
    const Server& sv = topo.servers[s];
    if (!covered[s]) diags.Report(DiagId::err_server_uncovered, sv.loc, {sv.fqdn.value});
    int m = pi.mirror_of_primary(static_cast<int>(s));
    if (m < 0) continue;
    const std::string p = "'" + sv.fqdn.value + "'", mq = "'" + topo.servers[m].fqdn.value + "'";
    if (!mirror_case[s][0]) {
      diags.Report(DiagId::warn_mirror_case_uncovered, sv.loc, {p + " alone, while its mirror " + mq + " keeps running"});
    }
    if (!mirror_case[s][1]) {
      diags.Report(DiagId::warn_mirror_case_uncovered, topo.servers[m].loc,
                   {"mirror " + mq + " alone, while its primary " + p + " keeps running"});
    }
    if (!mirror_case[s][2]) {
      diags.Report(DiagId::warn_mirror_case_uncovered, sv.loc, {"both " + p + " and its mirror " + mq});
    }
  }
  for (size_t p = 0; p < topo.pools.size(); ++p) {
    if (WholePoolOnly(topo.pools[p]) && !pool_covered[p]) {
      diags.Report(DiagId::warn_pool_loss_uncovered, topo.pools[p].loc, {topo.pools[p].fqdn.value});
    }
  }
}

}  // namespace plangen

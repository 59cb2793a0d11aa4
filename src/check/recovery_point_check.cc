// R3: the longest gap between two runs of a backup must fit the RPO of every scenario that
// covers its server. A server whose mirror survives the scenario loses nothing, so it is exempt.
#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"

namespace plangen {

namespace {

// Gaps of whole days in days ("60 days", not "2 months": months differ in length, which is the
// point of computing gaps on the calendar).
std::string DescribeGap(int64_t seconds) {
  const int64_t day = 86400;
  if (seconds >= day && seconds % day == 0) return std::to_string(seconds / day) + (seconds == day ? " day" : " days");
  return DescribeSeconds(seconds);
}

}  // namespace

void CheckRecoveryPoints(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
  check::PlanIndex pi(plan);
  // covered[s] == scenario index when server s is covered by that scenario: marks need no clearing.
  std::vector<int> covered(topo.servers.size(), -1);
  // The partner of each mirrored server (the mirror of a primary, the primary of a mirror).
  std::vector<int> partner(topo.servers.size(), -1);
  for (size_t s = 0; s < topo.servers.size(); ++s) {
    int m = pi.mirror_of_primary(static_cast<int>(s));
    if (m >= 0) {
      partner[s] = m;
      partner[m] = static_cast<int>(s);
    }
  }
  for (size_t k = 0; k < plan.scenarios.size(); ++k) {
    const Scenario& sc = plan.scenarios[k];
    if (!sc.rpo.value) continue;
    const int mark = static_cast<int>(k);
    std::vector<int> servers;
    auto cover = [&](int s) {
      if (covered[s] != mark) {
        covered[s] = mark;
        servers.push_back(s);
      }
    };
    for (const Ref& c : sc.covers) {
      int s = pi.server(c.value);
      if (s >= 0) {
        cover(s);
      } else if (int p = pi.pool(c.value); p >= 0) {
        for (int ps : topo.pools[p].servers) cover(ps);
      }
    }
    for (int s : servers) {
      if (partner[s] >= 0 && covered[partner[s]] != mark) continue;
      for (int bi : pi.backups_of(s)) {
        const Backup& b = plan.backups[bi];
        if (!b.schedule.value) continue;
        int64_t gap = b.schedule.value->MaxGapSeconds();
        if (gap <= sc.rpo.Seconds()) continue;
        diags.Report(DiagId::err_rpo_exceeded, b.schedule.text.loc,
                     {b.id.value, DescribeGap(gap), DescribeSeconds(sc.rpo.Seconds()), sc.id.value})
            .AddNote(sc.rpo.text.loc, "scenario '" + sc.id.value + "' sets its RPO here");
      }
    }
  }
}

}  // namespace plangen

// R3: a scenario's RPO applies to the data items it restores: the longest gap between two runs
// of each such backup on a server it covers must fit the RPO. The items are the scenario's
// items="...", else those its profile template restores (the service and role mappings that list
// both), else every item of the covered servers. A server whose mirror survives the scenario
// loses nothing, so it is exempt. Items a scenario names must have a backup to restore from. A
// scenario whose template restores nothing from backups (uses-backups="no": a failover to the
// paired pool takes the Backup Service's replica) has no backup gap to judge.
// A scenario also cannot promise less data loss than its method loses: its template's RPO is what
// the product documents for that method (a pool failover loses up to 30 minutes, the Backup
// Service's replication latency), and a smaller RPO is reported (PG2224).
#include <set>
#include <unordered_map>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"

namespace plangen {

namespace {

// template id -> the data items it restores, from the profile's service and role mappings.
std::unordered_map<std::string, std::set<std::string>> ItemsByTemplate(const Profile& profile) {
  std::unordered_map<std::string, std::set<std::string>> out;
  auto add = [&](const std::vector<Text>& scenarios, const std::vector<Text>& items) {
    for (const Text& s : scenarios) {
      for (const Text& i : items) out[s.value].insert(i.value);
    }
  };
  for (const ServiceMapping& m : profile.services) add(m.scenarios, m.items);
  for (const RoleMapping& m : profile.roles) add(m.scenarios, m.items);
  return out;
}

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
  const check::PlanIndex& pi = ctx.Index();
  check::ProfileIndex prof(ctx.profile);
  const auto by_template = ItemsByTemplate(ctx.profile);
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
    const int mark = static_cast<int>(k);
    std::vector<int> servers;
    auto cover = [&](int s) {
      if (covered[s] != mark) {
        covered[s] = mark;
        servers.push_back(s);
      }
    };
    for (const Ref& c : sc.covers) {
      int s = pi.server_of(sc, c);
      if (s >= 0) {
        cover(s);
      } else if (int p = pi.pool_of(sc, c); p >= 0) {
        for (int ps : topo.pools[p].servers) cover(ps);
      }
    }
    // The items this scenario restores; null means every item of its servers.
    std::set<std::string> named;
    for (const Ref& i : sc.items) named.insert(i.value);
    const std::set<std::string>* items = nullptr;
    if (!named.empty()) {
      items = &named;
    } else if (!sc.template_id.empty()) {
      auto it = by_template.find(sc.template_id.value);
      static const std::set<std::string> kNone;
      items = it == by_template.end() ? &kNone : &it->second;
    }
    // An item the scenario names must have a backup where its scope allows (server, pool, anywhere).
    for (const Ref& i : sc.items) {
      const ProfileItem* item = prof.item(i.value);
      if (!item) continue;  // unknown or no-backup: reported elsewhere
      bool found = false;
      for (const Backup& b : plan.backups) {
        if (b.item.value != i.value) continue;
        int s = pi.server_of(b);
        if (item->scope.value == "global") found = true;
        else if (s >= 0 && covered[s] == mark) found = true;
        else if (item->scope.value == "pool" && s >= 0) {
          for (int cs : servers) found = found || topo.servers[cs].pool == topo.servers[s].pool;
        }
        if (found) break;
      }
      if (!found) diags.Report(DiagId::err_scenario_item_unbacked, i.loc, {sc.id.value, i.value});
    }
    if (!sc.rpo.value) continue;
    if (const ProfileScenario* t = sc.template_id.empty() ? nullptr : ctx.profile.FindScenario(sc.template_id.value);
        t && !t->uses_backups.get(true)) {
      continue;
    }
    for (int s : servers) {
      if (partner[s] >= 0 && covered[partner[s]] != mark) continue;
      for (int bi : pi.backups_of(s)) {
        const Backup& b = plan.backups[bi];
        if (!b.schedule.value || (items && !items->count(b.item.value))) continue;
        int64_t gap = b.schedule.value->MaxGapSeconds();
        if (gap <= sc.rpo.Seconds()) continue;
        diags.Report(DiagId::err_rpo_exceeded, b.schedule.text.loc,
                     {b.id.value, DescribeGap(gap), DescribeSeconds(sc.rpo.Seconds()), sc.id.value})
            .AddNote(sc.rpo.text.loc, "scenario '" + sc.id.value + "' sets its RPO here");
      }
    }
  }
  for (const Scenario& sc : plan.scenarios) {
    const ProfileScenario* t = sc.template_id.empty() ? nullptr : ctx.profile.FindScenario(sc.template_id.value);
    if (!t || t->uses_backups.get(true) || !t->rpo.value || !sc.rpo.value || sc.rpo.Seconds() >= t->rpo.Seconds()) continue;
    diags.Report(DiagId::warn_rpo_below_method, sc.rpo.text.loc,
                 {sc.id.value, DescribeSeconds(sc.rpo.Seconds()), t->id.value, DescribeSeconds(t->rpo.Seconds())})
        .AddNote(t->loc, "the profile's '" + t->id.value + "' loses up to " + DescribeSeconds(t->rpo.Seconds()));
  }
}

}  // namespace plangen

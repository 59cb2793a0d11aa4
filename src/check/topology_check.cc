// M1: the topology the plan describes is a real, published deployment: it has the store every
// deployment has (for Lync, the Central Management store, which holds the data items of global
// scope), and a topology file the plan is compared with has been published. Paired pools (the
// recommended disaster recovery design, failover by Invoke-CsPoolFailover) are Front End pools at
// separate sites, each naming the other, with the same Back End high-availability method.
#include <set>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "topology/topology.h"
#include "util/strings.h"

namespace plangen {

namespace {

bool Mirrored(const Topology& topo, const Pool& pool) {
  for (int s : pool.servers) {
    if (!topo.servers[s].mirror_of.empty()) return true;
  }
  return false;
}

void CheckPairing(const Plan& plan, DiagEngine& diags) {
  const Topology& topo = plan.topology;
  check::PlanIndex pi(plan);
  for (size_t a = 0; a < topo.pools.size(); ++a) {
    const Pool& pool = topo.pools[a];
    if (pool.paired_with.empty() || IsPlaceholder(pool.paired_with.value)) continue;
    int b = pi.pool(pool.paired_with.value);
    if (b < 0) continue;  // the resolver reports it
    const Pool& partner = topo.pools[b];
    const Loc where = pool.paired_with.loc;
    if (b == static_cast<int>(a)) {
      diags.Report(DiagId::err_pairing_not_mutual, where, {pool.id.value, partner.id.value, "is the same pool"});
      continue;
    }
    int back = partner.paired_with.empty() ? -1 : pi.pool(partner.paired_with.value);
    if (back != static_cast<int>(a) && !IsPlaceholder(partner.paired_with.value)) {
      std::string says = back < 0 ? "names no paired pool" : "is paired with '" + topo.pools[back].id.value + "'";
      diags.Report(DiagId::err_pairing_not_mutual, where, {pool.id.value, partner.id.value, says})
          .AddNote(partner.paired_with.empty() ? partner.loc : partner.paired_with.loc,
                   "pool '" + partner.id.value + "' " + (back < 0 ? "is defined" : "names its partner") + " here");
      continue;
    }
    if (a > static_cast<size_t>(b)) continue;  // a mutual pair is judged once, at its first pool
    std::string why;
    if (pool.kind.value != "front-end" || partner.kind.value != "front-end") {
      const Pool& odd = pool.kind.value != "front-end" ? pool : partner;
      why = "only Front End pools are paired, and '" + odd.id.value + "' is a pool of kind '" + odd.kind.value + "'";
    } else if (pool.site >= 0 && pool.site == partner.site) {
      why = "both are at site '" + topo.sites[pool.site].id.value + "', and a pool pair survives a site's loss only at separate sites";
    } else if (Mirrored(topo, pool) != Mirrored(topo, partner)) {
      const Pool& m = Mirrored(topo, pool) ? pool : partner;
      const Pool& o = Mirrored(topo, pool) ? partner : pool;
      why = "'" + m.id.value + "' has a mirrored Back End and '" + o.id.value + "' has not, and paired pools use the same Back End high-availability method";
    }
    if (!why.empty()) diags.Report(DiagId::warn_pairing_unsupported, where, {pool.id.value, partner.id.value, why});
  }
}

}  // namespace

void CheckTopology(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
  CheckPairing(plan, diags);
  if (ctx.topology && !ctx.topology->published) {
    Loc where = topo.file.empty() ? plan.loc : topo.file.loc;
    diags.Report(DiagId::warn_topology_unpublished, where, {ctx.sources.Name(ctx.topology->file)});
  }
  // A deployment with users (a Front End pool or a Standard Edition server) has the global stores.
  bool has_users = false;
  for (const Pool& p : topo.pools) has_users = has_users || p.kind.value == "front-end";
  if (!has_users) return;
  std::set<std::string> services, reported;
  for (const Server& s : topo.servers) {
    for (const Service& sv : s.services) services.insert(AsciiLower(sv.type.value));
  }
  for (const ProfileItem& item : ctx.profile.items) {
    if (item.scope.value != "global" || item.holder.empty()) continue;
    if (services.count(AsciiLower(item.holder.value)) || !reported.insert(item.holder.value).second) continue;
    diags.Report(DiagId::warn_no_cms, topo.loc.valid() ? topo.loc : plan.loc, {item.holder.value, item.id.value});
  }
}

}  // namespace plangen

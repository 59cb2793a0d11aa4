// M1: the topology the plan describes is a real, published deployment: it has the store every
// deployment has (for Lync, the Central Management store, which holds the data items of global
// scope), and a topology file the plan is compared with has been published.
#include <set>

#include "check/check_context.h"
#include "diag/diagnostic.h"
#include "topology/topology.h"
#include "util/strings.h"

namespace plangen {

void CheckTopology(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
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

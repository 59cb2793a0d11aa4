// What it checks (M1): the plan and the deployment's topology agree. Pools, servers, File Store
// shares and data stores of the topology must be in the plan (PG5102, PG5103, PG5106, PG5108), and
// what the plan lists must still be in the topology (PG5104, PG5105, PG5107, PG5109). Each finding
// is at one side with a note at the other.
// Why: a plan is reassessed when the topology changes; a server added after the plan was written
// has no backup and no restoration scenario.
// Runs only when a topology was given (--topology, or <topology file="..."> in the plan).
// A missing pool is one finding: its servers and stores are not reported again.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "check/check_context.h"
#include "diag/diagnostic.h"
#include "topology/plan_skeleton.h"
#include "util/strings.h"

namespace plangen {

namespace {


// The root element of the topology file, for notes about what the topology does not define.
Loc TopologyRoot(const SourceManager& sm, const topo::Topology& t) {
  const std::string& text = sm.Text(t.file);
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '<' && std::isalpha(static_cast<unsigned char>(text[i + 1]))) return Loc::At(t.file, static_cast<uint32_t>(i));
  }
  return Loc::At(t.file, 0);
}

class Drift {
 public:
  Drift(const CheckContext& ctx, DiagEngine& diags) : p_(ctx.plan), t_(*ctx.topology), sm_(ctx.sources), diags_(diags) {
    for (const Pool& pool : p_.topology.pools) pools_.emplace(AsciiLower(pool.fqdn.value), &pool);
    for (const Server& s : p_.topology.servers) servers_.emplace(AsciiLower(s.fqdn.value), &s);
    plan_topology_ = p_.topology.loc.valid() ? p_.topology.loc : p_.loc;
    root_ = TopologyRoot(sm_, t_);
    topology_name_ = sm_.Name(t_.file);
  }

  void Run() {
    TopologyToPlan();
    StoresToPlan();
    PlanToTopology();
  }

 private:
  const Pool* PlanPool(const std::string& fqdn) const {
    auto it = pools_.find(AsciiLower(fqdn));
    return it == pools_.end() ? nullptr : it->second;
  }
  const Server* PlanServer(const std::string& fqdn) const {
    auto it = servers_.find(AsciiLower(fqdn));
    return it == servers_.end() ? nullptr : it->second;
  }
  static Loc Or(const Loc& a, const Loc& b) { return a.valid() ? a : b; }

  void TopologyToPlan() {
    for (const topo::Cluster& c : t_.clusters) {
      if (!topo::IsPlanPool(c)) continue;
      const Pool* pool = PlanPool(c.fqdn);
      // A SQL Server or file server may be written as a server of the pool it serves.
      if (!pool && !(c.single_machine && PlanServer(c.fqdn))) {
        missing_clusters_.insert(c.id);
        diags_.Report(DiagId::err_drift_pool_not_in_plan, Or(c.fqdn_loc, c.loc), {topo::PoolKindLabel(c), c.fqdn})
            .AddNote(plan_topology_, "the plan's topology is here");
        continue;
      }
      for (const topo::Machine& m : c.machines) {
        if (PlanServer(m.fqdn)) continue;
        Loc where = pool ? pool->loc : plan_topology_;
        diags_.Report(DiagId::err_drift_server_not_in_plan, m.loc, {m.fqdn, c.fqdn})
            .AddNote(where, pool ? "pool '" + pool->fqdn.value + "' in the plan is here" : "the plan's topology is here");
      }
    }
  }

  // The plan servers standing for a topology cluster: its machines, or the cluster itself.
  std::vector<const Server*> ServersOf(const topo::Cluster& c) const {
    std::vector<const Server*> out;
    if (const Server* s = PlanServer(c.fqdn)) out.push_back(s);
    for (const topo::Machine& m : c.machines) {
      const Server* s = PlanServer(m.fqdn);
      if (s && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
  }

  static bool Lists(const Server& s, const topo::Service& ts) {
    for (const Service& sv : s.services) {
      if (!EqualsIgnoreCase(sv.type.value, ts.role)) continue;
      if (ts.role != "FileStore" || sv.share.empty() || EqualsIgnoreCase(sv.share.value, ts.share)) return true;
    }
    return false;
  }

  void StoresToPlan() {
    for (const topo::Service& s : t_.services) {
      if (!topo::IsPlanStore(s)) continue;
      const topo::Cluster* c = t_.FindCluster(s.installed_on_cluster_id);
      if (!c || !topo::IsPlanPool(*c) || missing_clusters_.count(c->id)) continue;
      auto servers = ServersOf(*c);
      bool listed = false;
      for (const Server* srv : servers) listed = listed || Lists(*srv, s);
      if (listed) continue;
      Loc where = servers.empty() ? plan_topology_ : servers.front()->loc;
      std::string note = servers.empty() ? "the plan's topology is here"
                                         : "server '" + servers.front()->fqdn.value + "' in the plan is here";
      if (s.role == "FileStore") {
        diags_.Report(DiagId::err_drift_share_not_in_plan, Or(s.share_loc, s.loc), {"\\\\" + c->fqdn + "\\" + s.share})
            .AddNote(where, note);
      } else {
        diags_.Report(DiagId::err_drift_store_not_in_plan, s.loc, {s.role, c->fqdn}).AddNote(where, note);
      }
    }
  }

  const topo::Cluster* ClusterOf(const std::string& fqdn) const {
    const topo::Cluster* c = t_.ClusterOfMachine(fqdn);
    return c ? c : t_.FindClusterByFqdn(fqdn);
  }

  void PlanToTopology() {
    const std::string no_such = "the topology '" + topology_name_ + "' defines no such ";
    std::set<int> missing_pools;
    for (size_t i = 0; i < p_.topology.pools.size(); ++i) {
      const Pool& pool = p_.topology.pools[i];
      if (pool.fqdn.empty() || ClusterOf(pool.fqdn.value)) continue;
      missing_pools.insert(static_cast<int>(i));
      diags_.Report(DiagId::warn_drift_pool_not_in_topology, Or(pool.fqdn.loc, pool.loc), {pool.fqdn.value})
          .AddNote(root_, no_such + "pool");
    }
    for (const Server& s : p_.topology.servers) {
      if (s.fqdn.empty() || missing_pools.count(s.pool)) continue;
      const topo::Cluster* c = ClusterOf(s.fqdn.value);
      if (!c) {
        diags_.Report(DiagId::warn_drift_server_not_in_topology, Or(s.fqdn.loc, s.loc), {s.fqdn.value})
            .AddNote(root_, no_such + "computer");
        continue;
      }
      for (const Service& sv : s.services) {
        bool found = false;
        for (const topo::Service* ts : t_.ServicesOn(c->id)) {
          if (!EqualsIgnoreCase(ts->role, sv.type.value)) continue;
          if (ts->role != "FileStore" || sv.share.empty() || EqualsIgnoreCase(ts->share, sv.share.value)) found = true;
        }
        if (found) continue;
        std::string note = "'" + c->fqdn + "' in the topology is here";
        if (EqualsIgnoreCase(sv.type.value, "FileStore") && !sv.share.empty()) {
          diags_.Report(DiagId::warn_drift_share_not_in_topology, sv.share.loc, {"\\\\" + s.fqdn.value + "\\" + sv.share.value})
              .AddNote(c->loc, note);
        } else {
          diags_.Report(DiagId::warn_drift_service_not_in_topology, Or(sv.type.loc, sv.loc), {sv.type.value, s.fqdn.value})
              .AddNote(c->loc, note);
        }
      }
    }
  }

  const Plan& p_;
  const topo::Topology& t_;
  const SourceManager& sm_;
  DiagEngine& diags_;
  std::map<std::string, const Pool*> pools_;
  std::map<std::string, const Server*> servers_;
  std::set<std::string> missing_clusters_;
  Loc plan_topology_, root_;
  std::string topology_name_;
};

}  // namespace

void CheckTopologyDrift(const CheckContext& ctx, DiagEngine& diags) {
  if (ctx.topology == nullptr) return;
  Drift(ctx, diags).Run();
}

}  // namespace plangen

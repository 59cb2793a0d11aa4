// Look-ups on a read topology, and what is derived from it (pool kinds, the pools using a store).
#include "topology/topology.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>

#include "topology/topology_internal.h"
#include "util/strings.h"

namespace plangen::topo {
namespace {

template <typename T>
const T* FindById(const std::vector<T>& v, const std::string& id) {
  for (const auto& x : v)
    if (x.id == id) return &x;
  return nullptr;
}

bool IsUserPool(PoolKind k) { return k == PoolKind::kFrontEnd || k == PoolKind::kStandardEdition; }

}  // namespace

const char* PoolKindName(PoolKind kind) {
  switch (kind) {
    case PoolKind::kFrontEnd: return "front-end";
    case PoolKind::kStandardEdition: return "standard-edition";
    case PoolKind::kDirector: return "director";
    case PoolKind::kEdge: return "edge";
    case PoolKind::kSql: return "sql";
    case PoolKind::kFile: return "file";
    case PoolKind::kPersistentChat: return "persistent-chat";
    case PoolKind::kMediation: return "mediation";
    case PoolKind::kOfficeWebApps: return "office-web-apps";
    case PoolKind::kSba: return "sba";
    case PoolKind::kPstnGateway: return "pstn-gateway";
    case PoolKind::kOther: return "other";
  }
  return "other";
}

const Site* Topology::FindSite(const std::string& id) const { return FindById(sites, id); }
const Cluster* Topology::FindCluster(const std::string& id) const { return FindById(clusters, id); }
const SqlInstance* Topology::FindSqlInstance(const std::string& id) const { return FindById(sql, id); }
const Service* Topology::FindService(const std::string& id) const { return FindById(services, id); }

const Cluster* Topology::FindClusterByFqdn(const std::string& fqdn) const {
  for (const auto& c : clusters)
    if (EqualsIgnoreCase(c.fqdn, fqdn)) return &c;
  return nullptr;
}

const Cluster* Topology::ClusterOfMachine(const std::string& machine_fqdn) const {
  for (const auto& c : clusters)
    for (const auto& m : c.machines)
      if (EqualsIgnoreCase(m.fqdn, machine_fqdn)) return &c;
  return nullptr;
}

std::vector<const Service*> Topology::ServicesOn(const std::string& cluster_id) const {
  std::vector<const Service*> out;
  for (const auto& s : services)
    if (s.installed_on_cluster_id == cluster_id) out.push_back(&s);
  return out;
}

std::vector<const Service*> Topology::ServicesWithRole(const std::string& role) const {
  std::vector<const Service*> out;
  for (const auto& s : services)
    if (s.role == role) out.push_back(&s);
  return out;
}

std::string Topology::ProductName() const {
  switch (service_version) {
    case 5: return "Lync Server 2010";
    case 6: return "Lync Server 2013";
    case 7: return "Skype for Business Server 2015";
    case 8: return "Skype for Business Server 2019";
    default: return "";
  }
}

void DeriveTopology(Topology* t) {
  std::map<std::string, size_t> cluster_ix, service_ix;
  for (size_t i = 0; i < t->clusters.size(); ++i) cluster_ix.emplace(t->clusters[i].id, i);
  for (size_t i = 0; i < t->services.size(); ++i) service_ix.emplace(t->services[i].id, i);

  // What runs on each cluster. A UserStore on the cluster's own SQL Server instance is what sets a
  // Standard Edition server apart from a one-server Enterprise Edition pool.
  std::vector<std::set<std::string>> roles(t->clusters.size());
  std::vector<bool> own_user_store(t->clusters.size(), false);
  std::vector<long> cluster_of(t->services.size(), -1);
  for (size_t i = 0; i < t->services.size(); ++i) {
    const Service& s = t->services[i];
    auto c = cluster_ix.find(s.installed_on_cluster_id);
    if (c == cluster_ix.end()) continue;
    cluster_of[i] = static_cast<long>(c->second);
    roles[c->second].insert(s.role);
    if (s.role == "UserStore" && !s.sql_instance_id.empty()) own_user_store[c->second] = true;
  }
  for (size_t i = 0; i < t->clusters.size(); ++i) {
    Cluster& c = t->clusters[i];
    const auto& r = roles[i];
    const Site* site = t->FindSite(c.site_id);
    const bool registrar = r.count("Registrar") || r.count("UserServices");
    if (registrar && site && site->branch) c.kind = PoolKind::kSba;
    else if (registrar && own_user_store[i]) c.kind = PoolKind::kStandardEdition;
    else if (registrar) c.kind = PoolKind::kFrontEnd;
    else if (r.count("Director")) c.kind = PoolKind::kDirector;
    else if (r.count("EdgeServer")) c.kind = PoolKind::kEdge;
    else if (r.count("PersistentChatServer")) c.kind = PoolKind::kPersistentChat;
    else if (r.count("MediationServer")) c.kind = PoolKind::kMediation;
    else if (r.count("WacService")) c.kind = PoolKind::kOfficeWebApps;
    else if (r.count("PstnGateway")) c.kind = PoolKind::kPstnGateway;
    else if (c.is_sql) c.kind = PoolKind::kSql;
    else if (r.count("FileStore")) c.kind = PoolKind::kFile;
    else c.kind = PoolKind::kOther;
  }

  // Who uses each store. Walk back from the store along "depends on" edges and stop at the first
  // service that runs on a Front End or Standard Edition pool: that pool is the store's user. When
  // no pool is found that way (a Persistent Chat store is used by the Persistent Chat pool, which
  // no pool depends on), walk forward from the store's direct users to the pool they register with.
  std::vector<std::vector<size_t>> users(t->services.size()), deps(t->services.size());
  for (size_t i = 0; i < t->services.size(); ++i)
    for (const auto& d : t->services[i].depends_on_ids) {
      auto j = service_ix.find(d);
      if (j == service_ix.end() || j->second == i) continue;
      users[j->second].push_back(i);
      deps[i].push_back(j->second);
    }
  auto user_pool = [&](size_t s) -> const Cluster* {
    if (cluster_of[s] < 0) return nullptr;
    const Cluster& c = t->clusters[static_cast<size_t>(cluster_of[s])];
    return IsUserPool(c.kind) ? &c : nullptr;
  };
  auto walk = [&](std::deque<size_t> queue, std::vector<bool>& seen, const std::vector<std::vector<size_t>>& edges,
                  std::vector<std::string>* pools) {
    while (!queue.empty()) {
      size_t s = queue.front();
      queue.pop_front();
      if (const Cluster* c = user_pool(s)) {
        if (std::find(pools->begin(), pools->end(), c->fqdn) == pools->end()) pools->push_back(c->fqdn);
        continue;
      }
      for (size_t n : edges[s])
        if (!seen[n]) { seen[n] = true; queue.push_back(n); }
    }
  };
  for (size_t i = 0; i < t->services.size(); ++i) {
    Service& s = t->services[i];
    if (s.sql_instance_id.empty() && s.role != "FileStore") continue;
    std::vector<bool> seen(t->services.size(), false);
    seen[i] = true;
    std::deque<size_t> start;
    for (size_t u : users[i])
      if (!seen[u]) { seen[u] = true; start.push_back(u); }
    walk(start, seen, users, &s.front_end_pools);
    if (!s.front_end_pools.empty() || users[i].empty()) continue;
    std::vector<bool> seen_fwd(t->services.size(), false);
    seen_fwd[i] = true;
    std::deque<size_t> fwd;
    for (size_t u : users[i]) {
      seen_fwd[u] = true;
      for (size_t d : deps[u])
        if (!seen_fwd[d]) { seen_fwd[d] = true; fwd.push_back(d); }
    }
    walk(fwd, seen_fwd, deps, &s.front_end_pools);
  }
}

}  // namespace plangen::topo

#include "model/plan.h"
#include "util/strings.h"

#include <cctype>
#include <unordered_map>

namespace plangen {

namespace {


// First element of `v` under each key; later duplicates are reported by the resolver.
template <class T, class Key>
std::unordered_map<std::string, const T*> IndexBy(const std::vector<T>& v, Key key) {
  std::unordered_map<std::string, const T*> m;
  m.reserve(v.size());
  for (const auto& x : v) m.emplace(key(x), &x);
  return m;
}

template <class T>
const T* Lookup(const std::unordered_map<std::string, const T*>& m, const std::string& k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : it->second;
}

}  // namespace

struct Plan::Indexes {
  std::unordered_map<std::string, const Role*> roles;
  std::unordered_map<std::string, const Location*> locations;
  std::unordered_map<std::string, const Server*> servers;   // lower-case FQDN
  std::unordered_map<std::string, const Pool*> pool_ids;
  std::unordered_map<std::string, const Pool*> pool_fqdns; // lower-case FQDN
  std::unordered_map<std::string, const Procedure*> procedures;
  std::unordered_map<std::string, const Spare*> spares;
  std::unordered_map<std::string, const Scenario*> scenarios;
  std::unordered_map<std::string, std::vector<const Backup*>> backups_on;  // lower-case FQDN
  std::unordered_map<int, std::vector<const Backup*>> backups_in_pool;
  std::unordered_map<std::string, const Server*> mirrors;  // lower-case primary FQDN
  // What the indexes were built from: a plan changed since (elements added, or the plan copied)
  // gets new indexes.
  std::vector<std::pair<const void*, size_t>> built_from;
};

namespace {
std::vector<std::pair<const void*, size_t>> Shape(const Plan& p) {
  return {{p.roles.data(), p.roles.size()},         {p.locations.data(), p.locations.size()},
          {p.topology.servers.data(), p.topology.servers.size()}, {p.topology.pools.data(), p.topology.pools.size()},
          {p.procedures.data(), p.procedures.size()}, {p.spares.data(), p.spares.size()},
          {p.scenarios.data(), p.scenarios.size()}, {p.backups.data(), p.backups.size()}};
}
const std::vector<const Backup*> kNoBackups;
}  // namespace

const Plan::Indexes& Plan::Index() const {
  if (!indexes_ || indexes_->built_from != Shape(*this)) {
    auto ix = std::make_shared<Indexes>();
    ix->built_from = Shape(*this);
    ix->roles = IndexBy(roles, [](const Role& r) { return r.id.value; });
    ix->locations = IndexBy(locations, [](const Location& l) { return l.id.value; });
    ix->servers = IndexBy(topology.servers, [](const Server& s) { return AsciiLower(s.fqdn.value); });
    ix->pool_ids = IndexBy(topology.pools, [](const Pool& p) { return p.id.value; });
    ix->pool_fqdns = IndexBy(topology.pools, [](const Pool& p) { return AsciiLower(p.fqdn.value); });
    ix->procedures = IndexBy(procedures, [](const Procedure& p) { return p.id.value; });
    ix->spares = IndexBy(spares, [](const Spare& s) { return s.id.value; });
    ix->scenarios = IndexBy(scenarios, [](const Scenario& s) { return s.id.value; });
    for (const Backup& b : backups) {
      std::string key = AsciiLower(b.server.value);
      ix->backups_on[key].push_back(&b);
      auto server = ix->servers.find(key);
      if (server != ix->servers.end() && server->second->pool >= 0) ix->backups_in_pool[server->second->pool].push_back(&b);
    }
    for (const Server& s : topology.servers) {
      if (!s.mirror_of.empty()) ix->mirrors.emplace(AsciiLower(s.mirror_of.value), &s);
    }
    indexes_ = ix;
  }
  return *indexes_;
}

const Role* Plan::FindRole(const std::string& id) const { return Lookup(Index().roles, id); }
const Location* Plan::FindLocation(const std::string& id) const { return Lookup(Index().locations, id); }
const Server* Plan::FindServer(const std::string& fqdn) const { return Lookup(Index().servers, AsciiLower(fqdn)); }
const Pool* Plan::FindPool(const std::string& key) const {
  if (const Pool* p = Lookup(Index().pool_ids, key)) return p;
  return Lookup(Index().pool_fqdns, AsciiLower(key));
}
const Procedure* Plan::FindProcedure(const std::string& id) const { return Lookup(Index().procedures, id); }
const Spare* Plan::FindSpare(const std::string& id) const { return Lookup(Index().spares, id); }
const Scenario* Plan::FindScenario(const std::string& id) const { return Lookup(Index().scenarios, id); }
const std::vector<const Backup*>& Plan::BackupsOn(const std::string& fqdn) const {
  auto it = Index().backups_on.find(AsciiLower(fqdn));
  return it == Index().backups_on.end() ? kNoBackups : it->second;
}
const std::vector<const Backup*>& Plan::BackupsInPool(int pool) const {
  auto it = Index().backups_in_pool.find(pool);
  return it == Index().backups_in_pool.end() ? kNoBackups : it->second;
}
const Server* Plan::MirrorOf(const std::string& primary_fqdn) const { return Lookup(Index().mirrors, AsciiLower(primary_fqdn)); }

}  // namespace plangen

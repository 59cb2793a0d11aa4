#include "model/plan.h"
#include "util/name_maps.h"

#include <array>
#include <cctype>
#include <limits>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace plangen {

namespace {

// Where a plan's lists are and how long they are: indexes built for another shape are stale.
using IndexShape = std::array<std::pair<const void*, size_t>, 9>;

// The site key of the pools-by-kind index that stands for every site.
constexpr int kAnySite = std::numeric_limits<int>::min();


// First element of `v` under each key; later duplicates are reported by the resolver.
template <class Map, class T, class Key>
Map IndexBy(const std::vector<T>& v, Key key) {
  static_assert(std::is_same_v<decltype(key(v.front())), std::string_view>, "keys view the plan's strings");
  Map m;
  m.reserve(v.size());
  for (const auto& x : v) m.emplace(key(x), &x);
  return m;
}

template <class Map>
typename Map::mapped_type Lookup(const Map& m, std::string_view k) {
  auto it = m.find(k);
  return it == m.end() ? nullptr : it->second;
}

}  // namespace

struct Plan::Indexes {
  NameMap<const Role*> roles;
  NameMap<const Location*> locations;
  FoldedNameMap<const Server*> servers;
  NameMap<const Pool*> pool_ids;
  FoldedNameMap<const Pool*> pool_fqdns;
  NameMap<const Procedure*> procedures;
  NameMap<const Spare*> spares;
  NameMap<const Scenario*> scenarios;
  NameMap<const Person*> people;
  NameMap<std::vector<const Role*>> roles_of_person;
  FoldedNameMap<std::vector<const Backup*>> backups_on;
  std::unordered_map<int, std::vector<const Backup*>> backups_in_pool;
  FoldedNameMap<const Server*> mirrors;  // by primary FQDN
  NameMap<const Backup*> first_backup_of_item;
  NameMap<std::vector<const Backup*>> backups_owned_by;
  NameMap<std::vector<const Scenario*>> scenarios_of_role;
  std::map<std::pair<std::string, int>, std::vector<const Pool*>> pools_of_kind;  // (kind, site or kAnySite): first two
  NameMap<const Pool*> kind_in_another_site;
  std::vector<std::string> coordinators;
  // What the indexes were built from: a plan changed since (elements added, or the plan copied)
  // gets new indexes.
  IndexShape built_from;
};

namespace {
IndexShape ShapeOf(const Plan& p) {
  return {{{p.roles.data(), p.roles.size()},         {p.locations.data(), p.locations.size()},
           {p.topology.servers.data(), p.topology.servers.size()}, {p.topology.pools.data(), p.topology.pools.size()},
           {p.procedures.data(), p.procedures.size()}, {p.spares.data(), p.spares.size()},
           {p.scenarios.data(), p.scenarios.size()}, {p.backups.data(), p.backups.size()},
           {p.people.data(), p.people.size()}}};
}
const std::vector<const Backup*> kNoBackups;
}  // namespace

const Plan::Indexes& Plan::Index() const {
  if (!indexes_ || indexes_->built_from != ShapeOf(*this)) {
    auto ix = std::make_shared<Indexes>();
    ix->built_from = ShapeOf(*this);
    ix->roles = IndexBy<NameMap<const Role*>>(roles, [](const Role& r) -> std::string_view { return r.id.value; });
    ix->locations = IndexBy<NameMap<const Location*>>(locations, [](const Location& l) -> std::string_view { return l.id.value; });
    ix->servers = IndexBy<FoldedNameMap<const Server*>>(topology.servers, [](const Server& s) -> std::string_view { return s.fqdn.value; });
    ix->pool_ids = IndexBy<NameMap<const Pool*>>(topology.pools, [](const Pool& p) -> std::string_view { return p.id.value; });
    ix->pool_fqdns = IndexBy<FoldedNameMap<const Pool*>>(topology.pools, [](const Pool& p) -> std::string_view { return p.fqdn.value; });
    ix->procedures = IndexBy<NameMap<const Procedure*>>(procedures, [](const Procedure& p) -> std::string_view { return p.id.value; });
    ix->spares = IndexBy<NameMap<const Spare*>>(spares, [](const Spare& s) -> std::string_view { return s.id.value; });
    ix->scenarios = IndexBy<NameMap<const Scenario*>>(scenarios, [](const Scenario& s) -> std::string_view { return s.id.value; });
    ix->people = IndexBy<NameMap<const Person*>>(people, [](const Person& p) -> std::string_view { return p.id.value; });
    for (const Role& r : roles) {
      for (const Ref& m : r.members) {
        auto& list = ix->roles_of_person[m.value];
        if (list.empty() || list.back() != &r) list.push_back(&r);
      }
    }
    for (const Backup& b : backups) {
      std::string_view key = b.server.value;
      ix->backups_on[key].push_back(&b);
      auto server = ix->servers.find(key);
      if (server != ix->servers.end() && server->second->pool >= 0) ix->backups_in_pool[server->second->pool].push_back(&b);
    }
    for (const Server& s : topology.servers) {
      if (!s.mirror_of.empty()) ix->mirrors.emplace(s.mirror_of.value, &s);
    }
    for (const Backup& b : backups) {
      ix->first_backup_of_item.emplace(b.item.value, &b);
      ix->backups_owned_by[b.owner.value].push_back(&b);
    }
    for (const Scenario& s : scenarios) {
      std::vector<const std::string*> roles = {&s.decider.value};
      for (const ScenarioStep& st : s.steps) roles.push_back(&st.role.value);
      for (const std::string* r : roles) {
        auto& list = ix->scenarios_of_role[*r];
        if (list.empty() || list.back() != &s) list.push_back(&s);
      }
    }
    std::unordered_set<std::string> coordinating;
    auto coordinator = [&](const std::string& id) {
      if (coordinating.insert(id).second) ix->coordinators.push_back(id);
    };
    for (const Scenario& s : scenarios) coordinator(s.decider.value);
    coordinator(governance.reviewer.value);
    coordinator(governance.change_approver.value);
    for (const Pool& p : topology.pools) {
      for (int site : {kAnySite, p.site}) {
        auto& first = ix->pools_of_kind[{p.kind.value, site}];
        if (first.size() < 2) first.push_back(&p);
      }
      const auto& first = ix->pools_of_kind[{p.kind.value, kAnySite}];
      if (p.site != first.front()->site) ix->kind_in_another_site.emplace(p.kind.value, &p);
    }
    indexes_ = ix;
  }
  return *indexes_;
}

const std::vector<std::string>& Plan::Coordinators() const { return Index().coordinators; }
const Role* Plan::FindRole(const std::string& id) const { return Lookup(Index().roles, id); }
const Location* Plan::FindLocation(const std::string& id) const { return Lookup(Index().locations, id); }
const Server* Plan::FindServer(const std::string& fqdn) const { return Lookup(Index().servers, fqdn); }
const Pool* Plan::FindPool(const std::string& key) const {
  if (const Pool* p = Lookup(Index().pool_ids, key)) return p;
  return Lookup(Index().pool_fqdns, key);
}
const Procedure* Plan::FindProcedure(const std::string& id) const { return Lookup(Index().procedures, id); }
const Spare* Plan::FindSpare(const std::string& id) const { return Lookup(Index().spares, id); }
const Scenario* Plan::FindScenario(const std::string& id) const { return Lookup(Index().scenarios, id); }
const Person* Plan::FindPerson(const std::string& id) const { return Lookup(Index().people, id); }
const std::vector<const Role*>& Plan::RolesOfPerson(const std::string& id) const {
  static const std::vector<const Role*> none;
  auto it = Index().roles_of_person.find(id);
  return it == Index().roles_of_person.end() ? none : it->second;
}
const std::vector<const Backup*>& Plan::BackupsOn(const std::string& fqdn) const {
  auto it = Index().backups_on.find(fqdn);
  return it == Index().backups_on.end() ? kNoBackups : it->second;
}
const std::vector<const Backup*>& Plan::BackupsInPool(int pool) const {
  auto it = Index().backups_in_pool.find(pool);
  return it == Index().backups_in_pool.end() ? kNoBackups : it->second;
}
const Server* Plan::MirrorOf(const std::string& primary_fqdn) const { return Lookup(Index().mirrors, primary_fqdn); }
const Backup* Plan::FirstBackupOf(const std::string& item) const { return Lookup(Index().first_backup_of_item, item); }
const std::vector<const Backup*>& Plan::BackupsOwnedBy(const std::string& id) const {
  auto it = Index().backups_owned_by.find(id);
  return it == Index().backups_owned_by.end() ? kNoBackups : it->second;
}
const std::vector<const Scenario*>& Plan::ScenariosOf(const std::string& id) const {
  static const std::vector<const Scenario*> none;
  auto it = Index().scenarios_of_role.find(id);
  return it == Index().scenarios_of_role.end() ? none : it->second;
}
const std::vector<const Pool*>& Plan::FirstPoolsOfKind(const std::string& kind) const {
  return FirstPoolsOfKindInSite(kind, kAnySite);
}
const std::vector<const Pool*>& Plan::FirstPoolsOfKindInSite(const std::string& kind, int site) const {
  static const std::vector<const Pool*> none;
  auto it = Index().pools_of_kind.find({kind, site});
  return it == Index().pools_of_kind.end() ? none : it->second;
}
const Pool* Plan::FirstPoolOfKindInAnotherSite(const std::string& kind) const {
  return Lookup(Index().kind_in_another_site, kind);
}

}  // namespace plangen

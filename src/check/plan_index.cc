#include "check/plan_index.h"
#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <functional>

namespace plangen::check {


namespace {
template <class Map>
typename Map::mapped_type Lookup(const Map& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? nullptr : it->second;
}
}  // namespace

PlanIndex::PlanIndex(const Plan& p) : plan(p) {
  for (const Role& r : p.roles) roles_.emplace(r.id.value, &r);
  for (const Location& l : p.locations) locations_.emplace(l.id.value, &l);
  for (const Procedure& x : p.procedures) procedures_.emplace(x.id.value, &x);
  for (const Spare& s : p.spares) spares_.emplace(s.id.value, &s);
  const auto& servers = p.topology.servers;
  const auto& pools = p.topology.pools;
  for (size_t i = 0; i < pools.size(); ++i) {
    pools_.emplace(pools[i].id.value, static_cast<int>(i));
    pools_.emplace(AsciiLower(pools[i].fqdn.value), static_cast<int>(i));
  }
  backups_by_server_.resize(servers.size());
  backup_server_.reserve(p.backups.size());
  for (size_t i = 0; i < p.backups.size(); ++i) {
    int s = server(p.backups[i].server.value);
    backup_server_.push_back(s);
    if (s >= 0) backups_by_server_[s].push_back(static_cast<int>(i));
  }
  cover_begin_.reserve(p.scenarios.size());
  for (const Scenario& sc : p.scenarios) {
    cover_begin_.push_back(cover_server_.size());
    for (const Ref& c : sc.covers) {
      cover_server_.push_back(server(c.value));
      cover_pool_.push_back(pool(c.value));
    }
  }
  mirror_.assign(servers.size(), -1);
  for (size_t i = 0; i < servers.size(); ++i) {
    if (servers[i].mirror_of.empty()) continue;
    int primary = server(servers[i].mirror_of.value);
    if (primary >= 0 && primary != static_cast<int>(i) && mirror_[primary] < 0) mirror_[primary] = static_cast<int>(i);
  }
}

const Role* PlanIndex::role(const std::string& id) const { return Lookup(roles_, id); }
const Location* PlanIndex::location(const std::string& id) const { return Lookup(locations_, id); }
const Procedure* PlanIndex::procedure(const std::string& id) const { return Lookup(procedures_, id); }
const Spare* PlanIndex::spare(const std::string& id) const { return Lookup(spares_, id); }

// The plan's own index of servers (the emitters use it too): one table of 100,000 names is enough.
int PlanIndex::server(const std::string& fqdn) const {
  const Server* s = plan.FindServer(fqdn);
  return s ? static_cast<int>(s - plan.topology.servers.data()) : -1;
}

int PlanIndex::pool(const std::string& key) const {
  auto it = pools_.find(key);
  // A key without capitals is its own lower case, looked up already.
  if (it == pools_.end() && std::any_of(key.begin(), key.end(), [](char c) { return FoldChar(c) != c; }))
    it = pools_.find(AsciiLower(key));
  return it == pools_.end() ? -1 : it->second;
}

template <class T>
int PlanIndex::Position(const std::vector<T>& list, const T& element) {
  const std::less<const T*> before;
  if (list.empty() || before(&element, list.data()) || !before(&element, list.data() + list.size())) return -1;
  return static_cast<int>(&element - list.data());
}

int PlanIndex::server_of(const Backup& b) const {
  const int i = Position(plan.backups, b);
  return i < 0 || static_cast<size_t>(i) >= backup_server_.size() ? server(b.server.value) : backup_server_[i];
}

int PlanIndex::CoverSlot(const Scenario& sc, const Ref& cover) const {
  const int k = Position(plan.scenarios, sc);
  if (k < 0 || static_cast<size_t>(k) >= cover_begin_.size()) return -1;
  const int j = Position(sc.covers, cover);
  if (j < 0) return -1;
  const size_t slot = cover_begin_[k] + static_cast<size_t>(j);
  return slot < cover_server_.size() ? static_cast<int>(slot) : -1;
}

int PlanIndex::server_of(const Scenario& sc, const Ref& cover) const {
  const int slot = CoverSlot(sc, cover);
  return slot < 0 ? server(cover.value) : cover_server_[slot];
}

int PlanIndex::pool_of(const Scenario& sc, const Ref& cover) const {
  const int slot = CoverSlot(sc, cover);
  return slot < 0 ? pool(cover.value) : cover_pool_[slot];
}

const std::vector<int>& PlanIndex::backups_of(int server_index) const { return backups_by_server_[server_index]; }

ProfileIndex::ProfileIndex(const Profile& p) {
  for (const auto& x : p.items) items_.emplace(x.id.value, &x);
  for (const auto& x : p.no_backup) no_backup_.emplace(x.id.value, &x);
  for (const auto& x : p.procedures) procedures_.emplace(x.id.value, &x);
  for (const auto& x : p.services) services_.emplace(x.service.value, &x);
  for (const auto& x : p.roles) roles_.emplace(x.role.value, &x);
}

const ProfileItem* ProfileIndex::item(const std::string& id) const { return Lookup(items_, id); }
const NoBackupItem* ProfileIndex::no_backup(const std::string& id) const { return Lookup(no_backup_, id); }
const ProfileProcedure* ProfileIndex::procedure(const std::string& id) const { return Lookup(procedures_, id); }
const ServiceMapping* ProfileIndex::service(const std::string& name) const { return Lookup(services_, name); }
const RoleMapping* ProfileIndex::role(const std::string& name) const { return Lookup(roles_, name); }

std::string QuotedAlternatives(const std::vector<std::string>& values, const char* last_joiner) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += (i + 1 == values.size()) ? last_joiner : ", ";
    out += "'" + values[i] + "'";
  }
  return out;
}

}  // namespace plangen::check

#include "check/plan_index.h"
#include "util/strings.h"

#include <cctype>

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
  servers_.reserve(servers.size());
  for (size_t i = 0; i < servers.size(); ++i) servers_.emplace(servers[i].fqdn.value, static_cast<int>(i));
  const auto& pools = p.topology.pools;
  for (size_t i = 0; i < pools.size(); ++i) {
    pools_.emplace(pools[i].id.value, static_cast<int>(i));
    pools_.emplace(AsciiLower(pools[i].fqdn.value), static_cast<int>(i));
  }
  backups_by_server_.resize(servers.size());
  for (size_t i = 0; i < p.backups.size(); ++i) {
    int s = server(p.backups[i].server.value);
    if (s >= 0) backups_by_server_[s].push_back(static_cast<int>(i));
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

int PlanIndex::server(const std::string& fqdn) const {
  auto it = servers_.find(fqdn);
  return it == servers_.end() ? -1 : it->second;
}

int PlanIndex::pool(const std::string& key) const {
  auto it = pools_.find(key);
  if (it == pools_.end()) it = pools_.find(AsciiLower(key));
  return it == pools_.end() ? -1 : it->second;
}

const std::vector<int>& PlanIndex::backups_of(int server_index) const { return backups_by_server_[server_index]; }

ProfileIndex::ProfileIndex(const Profile& p) {
  for (const auto& x : p.items) items_.emplace(x.id.value, &x);
  for (const auto& x : p.no_backup) no_backup_.emplace(x.id.value, &x);
  for (const auto& x : p.procedures) procedures_.emplace(x.id.value, &x);
  for (const auto& x : p.services) services_.emplace(AsciiLower(x.service.value), &x);
  for (const auto& x : p.roles) roles_.emplace(x.role.value, &x);
}

const ProfileItem* ProfileIndex::item(const std::string& id) const { return Lookup(items_, id); }
const NoBackupItem* ProfileIndex::no_backup(const std::string& id) const { return Lookup(no_backup_, id); }
const ProfileProcedure* ProfileIndex::procedure(const std::string& id) const { return Lookup(procedures_, id); }
const ServiceMapping* ProfileIndex::service(const std::string& name) const { return Lookup(services_, AsciiLower(name)); }
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

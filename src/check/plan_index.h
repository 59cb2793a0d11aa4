// Lookup tables over a plan, built once in linear time, so that rules never search lists.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/plan.h"
#include "model/profile.h"
#include "util/name_maps.h"
#include "util/strings.h"

namespace plangen::check {


/// Id -> element maps for a plan. Pointers stay valid while the plan lives; the first element
/// wins when ids repeat (the resolver reports duplicates).
struct PlanIndex {
  explicit PlanIndex(const Plan& plan);

  const Role* role(const std::string& id) const;
  const Location* location(const std::string& id) const;
  const Procedure* procedure(const std::string& id) const;
  const Spare* spare(const std::string& id) const;
  /// Index into plan.topology.servers, or -1. Case-insensitive.
  int server(const std::string& fqdn) const;
  /// Index into plan.topology.pools by id or FQDN (case-insensitive), or -1.
  int pool(const std::string& id_or_fqdn) const;
  /// server(b.server.value) for a backup of the plan, looked up once when the index was built.
  int server_of(const Backup& b) const;
  /// server(c.value) and pool(c.value) for one of the covers of a scenario of the plan, looked up
  /// once when the index was built: the rules read each scenario's covers many times.
  int server_of(const Scenario& sc, const Ref& cover) const;
  int pool_of(const Scenario& sc, const Ref& cover) const;
  /// Backups whose server is `server_index`.
  const std::vector<int>& backups_of(int server_index) const;
  /// For a server that another names as mirror-of: that mirror's index, else -1.
  int mirror_of_primary(int server_index) const { return mirror_[server_index]; }

  const Plan& plan;

 private:
  NameMap<const Role*> roles_;
  NameMap<const Location*> locations_;
  NameMap<const Procedure*> procedures_;
  NameMap<const Spare*> spares_;
  std::unordered_map<std::string, int> pools_;
  // Where `element` stands in `list` (the plan's backups, a scenario's covers), or -1 when it is
  // not one of its elements.
  template <class T>
  static int Position(const std::vector<T>& list, const T& element);
  // The covers' index in cover_server_/cover_pool_: one cover is cover_begin_[its scenario] + its place.
  int CoverSlot(const Scenario& sc, const Ref& cover) const;

  std::vector<int> backup_server_;
  std::vector<size_t> cover_begin_;
  std::vector<int> cover_server_, cover_pool_;
  std::vector<std::vector<int>> backups_by_server_;
  std::vector<int> mirror_;
};

/// Id -> element maps for a profile.
struct ProfileIndex {
  explicit ProfileIndex(const Profile& profile);
  const ProfileItem* item(const std::string& id) const;
  const NoBackupItem* no_backup(const std::string& id) const;
  const ProfileProcedure* procedure(const std::string& id) const;
  const ServiceMapping* service(const std::string& name) const;  ///< case-insensitive
  const RoleMapping* role(const std::string& name) const;

 private:
  std::unordered_map<std::string, const ProfileItem*> items_;
  std::unordered_map<std::string, const NoBackupItem*> no_backup_;
  std::unordered_map<std::string, const ProfileProcedure*> procedures_;
  FoldedNameMap<const ServiceMapping*> services_;
  std::unordered_map<std::string, const RoleMapping*> roles_;
};

/// "'a', 'b' or 'c'".
std::string QuotedAlternatives(const std::vector<std::string>& values, const char* last_joiner = " or ");

}  // namespace plangen::check

// B1-B4 coverage: every data item the topology holds (through the profile's service and role
// mappings) has a backup; backups of items that need none are noted; a backup is declared on a
// server that holds its item (for items kept per pool or once for the deployment, a server of the
// pool that holds it), so the worksheet names the right server. A mirror's items (the transaction
// logs of mirrored databases) are backed up on the server it mirrors. Only items some server of the
// plan is recorded as holding are judged.
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"

namespace plangen {

using check::PlanIndex;
using check::ProfileIndex;

namespace {

// Whether `server` holds `item`: one of its services or roles maps to it, or runs its holder.
bool Holds(const Server& server, const ProfileItem& item, const ProfileIndex& prof) {
  auto lists = [&](const std::vector<Text>& items) {
    for (const Text& i : items) {
      if (i.value == item.id.value) return true;
    }
    return false;
  };
  for (const Service& sv : server.services) {
    if (!item.holder.empty() && sv.type.value == item.holder.value) return true;
    if (const ServiceMapping* m = prof.service(sv.type.value); m && lists(m->items)) return true;
  }
  for (const Text& role : server.roles) {
    if (const RoleMapping* m = prof.role(role.value); m && lists(m->items)) return true;
  }
  return false;
}

void CheckBackupServers(const Plan& plan, const PlanIndex& pi, const ProfileIndex& prof, DiagEngine& diags) {
  const auto& servers = plan.topology.servers;
  for (const Backup& b : plan.backups) {
    const ProfileItem* item = prof.item(b.item.value);
    int s = pi.server_of(b);
    if (!item || s < 0) continue;
    if (Holds(servers[s], *item, prof)) continue;
    bool pool_holds = false;
    if (item->scope.value != "server" && servers[s].pool >= 0) {
      for (int ps : plan.topology.pools[servers[s].pool].servers) pool_holds = pool_holds || Holds(servers[ps], *item, prof);
    }
    if (pool_holds) continue;
    // Judged only where the plan records a server that holds the item (files such as the Call Park
    // music live in the File Store, and the plan need not list the Application service).
    for (const Server& other : servers) {
      if (!Holds(other, *item, prof)) continue;
      diags.Report(DiagId::err_backup_server_not_holder, b.server.loc, {b.id.value, item->id.value, servers[s].fqdn.value})
          .AddNote(other.loc, "'" + item->id.value + "' is held by server '" + other.fqdn.value + "' here");
      break;
    }
  }
}

}  // namespace

void CheckBackupCoverage(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const check::PlanIndex& pi = ctx.Index();
  ProfileIndex prof(ctx.profile);

  // Where a backup of an item counts, by the item's scope: this server, any server of its pool,
  // or anywhere (a global store has one copy for the whole deployment). Items are numbered by
  // their place in the profile, so the sets hold numbers, not names.
  const std::vector<ProfileItem>& items = ctx.profile.items;
  auto number = [&](const ProfileItem* item) { return static_cast<uint64_t>(item - items.data()); };
  auto key = [](uint64_t item, int index) { return item << 32 | static_cast<uint32_t>(index); };
  std::unordered_set<uint64_t> on_server, in_pool;
  std::vector<bool> anywhere(items.size());
  for (const Backup& b : plan.backups) {
    if (const NoBackupItem* nb = prof.no_backup(b.item.value)) {
      diags.Report(DiagId::note_backup_not_needed, b.item.loc, {b.item.value, nb->reason.value});
      continue;
    }
    int s = pi.server_of(b);
    const ProfileItem* item = prof.item(b.item.value);
    if (s < 0 || !item) continue;  // an unknown item is reported by the resolver
    on_server.insert(key(number(item), s));
    in_pool.insert(key(number(item), plan.topology.servers[s].pool));
    anywhere[number(item)] = true;
  }

  CheckBackupServers(plan, pi, prof, diags);

  const auto& servers = plan.topology.servers;
  std::vector<int> seen_on(items.size(), -1);  // an item required twice on one server is reported once
  for (size_t si = 0; si < servers.size(); ++si) {
    const Server& server = servers[si];
    const int mirrored = server.mirror_of.empty() ? -1 : pi.server(server.mirror_of.value);
    auto require = [&](const Text& item_id, const Loc& where, const char* holder_kind, const std::string& holder) {
      const ProfileItem* item = prof.item(item_id.value);
      if (!item) return;  // no-backup or unknown items
      const uint64_t n = number(item);
      if (seen_on[n] == static_cast<int>(si)) return;
      seen_on[n] = static_cast<int>(si);
      bool ok = false;
      if (item->scope.value == "global") ok = anywhere[n];
      else if (item->scope.value == "pool") ok = in_pool.count(key(n, server.pool)) > 0;
      else ok = on_server.count(key(n, static_cast<int>(si))) > 0;
      // A mirror's items are backed up on the server it mirrors, or in that server's pool.
      if (!ok && mirrored >= 0) {
        ok = on_server.count(key(n, mirrored)) > 0 || (item->scope.value != "server" && in_pool.count(key(n, servers[mirrored].pool)) > 0);
      }
      if (ok) return;
      diags.Report(DiagId::err_backup_missing, where, {item->id.value, server.fqdn.value})
          .AddNote(item->loc, "'" + item->id.value + "' is " + item->name.value + ", held by " + holder_kind + " '" + holder + "'");
    };
    for (const Service& sv : server.services) {
      const ServiceMapping* m = prof.service(sv.type.value);
      if (!m) continue;
      for (const Text& item : m->items) require(item, sv.loc, "service", sv.type.value);
    }
    for (const Text& role : server.roles) {
      const RoleMapping* m = prof.role(role.value);
      if (!m) continue;
      for (const Text& item : m->items) require(item, role.loc, "server role", role.value);
    }
  }
}

}  // namespace plangen

#include "emit/placeholders.h"

namespace plangen {

namespace {

std::string ServerInstance(const Server& s) {
  std::string instance = s.instance.empty() ? "rtc" : s.instance.value;
  for (const auto& sv : s.services) {
    if (!sv.instance.empty()) instance = sv.instance.value;
  }
  return instance;
}

// The Back End of a pool: the server holding its user store, else one with a back-end role.
const Server* BackEndOf(const Plan& plan, const Pool& pool) {
  const Server* fallback = nullptr;
  for (int i : pool.servers) {
    const Server& s = plan.topology.servers[i];
    if (!s.mirror_of.empty()) continue;
    for (const auto& sv : s.services) {
      if (sv.type.value == "UserStore") return &s;
    }
    for (const auto& r : s.roles) {
      if (!fallback && (r.value == "back-end" || r.value == "standard-edition")) fallback = &s;
    }
  }
  return fallback;
}

// The PowerShell date before which a run's copies fall out of the retention: calendar
// arithmetic for years and months, as the plan's ISO 8601 duration means them.
std::string RetentionCutoff(const Duration& d) {
  std::string out = "(Get-Date)";
  auto add = [&](const char* method, int64_t n) {
    if (n) out += std::string(".") + method + "(-" + std::to_string(n) + ")";
  };
  add("AddYears", d.years);
  add("AddMonths", d.months);
  add("AddDays", int64_t{d.weeks} * 7 + d.days);
  add("AddHours", d.hours);
  add("AddMinutes", d.minutes);
  add("AddSeconds", d.seconds);
  return out;
}

// Values for keeping one copy per run: the backup's own folder name, the first off-site
// location after the first (where each run is copied), and the retention the prune enforces.
void AddRunPlaceholders(const Plan& plan, const Backup& b, std::map<std::string, std::string>& v) {
  v["backup"] = b.id.value;
  for (size_t i = 1; i < b.locations.size(); ++i) {
    const Location* l = plan.FindLocation(b.locations[i].value);
    if (l && l->offsite.get() && !l->path.empty()) {
      v["offsite-location"] = l->path.value;
      break;
    }
  }
  if (b.retention.value && b.retention.value->TotalSeconds() > 0) {
    v["retention"] = DescribeDuration(*b.retention.value);
    v["retention-cutoff"] = RetentionCutoff(*b.retention.value);
  }
}

// The folder of the plan's backup `b` (its first location and its id): every run writes a dated
// folder inside it.
std::string BackupDir(const Plan& plan, const Backup& b) {
  if (b.locations.empty()) return "";
  const Location* l = plan.FindLocation(b.locations.front().value);
  return l && !l->path.empty() ? l->path.value + "\\" + b.id.value : std::string();
}

// Values restore procedures need besides the backup's own: the other half of a mirrored Back
// End, the paired pool and its Back End, the site's Edge pool, the pool's File Store, the
// database name, and {<item>-file} for the plan's other backups of the same pool.
void AddRestorePlaceholders(const Plan& plan, const Backup& b, const Server* server,
                            std::map<std::string, std::string>& v) {
  auto found = v.find("store");
  const std::string store = found == v.end() ? std::string() : found->second;
  size_t dot = store.rfind('.');
  if (!store.empty() && store.find('\\') == std::string::npos) v["database"] = store.substr(0, dot);
  v[b.item.value + "-file"] = v["file"];
  if (std::string dir = BackupDir(plan, b); !dir.empty()) v[b.item.value + "-dir"] = dir;
  if (!server) return;
  if (!server->mirror_of.empty()) {
    v["primary"] = server->mirror_of.value;
    v["mirror"] = server->fqdn.value;
  } else {
    if (const Server* mirror = plan.MirrorOf(server->fqdn.value)) {
      v["primary"] = server->fqdn.value;
      v["mirror"] = mirror->fqdn.value;
    }
  }
  if (server->pool < 0) return;
  const Pool& pool = plan.topology.pools[server->pool];
  for (int i : pool.servers) {
    const Server& s = plan.topology.servers[i];
    for (const auto& sv : s.services) {
      if (sv.type.value == "FileStore" && !sv.share.empty() && !v.count("file-store")) {
        v["file-store"] = "\\\\" + s.fqdn.value + "\\" + sv.share.value;
      }
    }
  }
  if (const Pool* partner = plan.FindPool(pool.paired_with.value); partner && !pool.paired_with.empty()) {
    v["partner-pool"] = partner->fqdn.value;
    if (const Server* be = BackEndOf(plan, *partner)) {
      v["partner-back-end"] = be->fqdn.value;
      v["partner-sql-instance"] = ServerInstance(*be);
    }
  }
  for (const Pool& p : plan.topology.pools) {
    if (p.site == pool.site && p.kind.value == "edge") {
      v["edge-pool"] = p.fqdn.value;
      break;
    }
  }
  // Files of the plan's other backups in the same pool, by item: a restore imports several.
  for (const Backup* other : plan.BackupsInPool(server->pool)) {
    v.emplace(other->item.value + "-file", other->item.value + "-" + other->id.value + ".zip");
    if (std::string dir = BackupDir(plan, *other); !dir.empty()) v.emplace(other->item.value + "-dir", dir);
  }
}

}  // namespace

std::map<std::string, std::string> BackupPlaceholders(const Plan& plan, const Profile& profile, const Backup& b) {
  std::map<std::string, std::string> v;
  v["server"] = b.server.value;
  v["item"] = b.item.value;
  const Server* server = plan.FindServer(b.server.value);
  if (server && server->pool >= 0) v["pool"] = plan.topology.pools[server->pool].fqdn.value;
  if (server) {
    v["sql-instance"] = server->instance.empty() ? "rtc" : server->instance.value;
    for (const auto& s : server->services) {
      if (!s.share.empty()) v["share"] = s.share.value;
      if (!s.instance.empty()) v["sql-instance"] = s.instance.value;
    }
  }
  if (!b.locations.empty()) {
    if (const Location* l = plan.FindLocation(b.locations.front().value)) v["location"] = l->path.value;
  }
  if (const ProfileItem* it = profile.FindItem(b.item.value)) {
    v["store"] = it->store.value;
  }
  v["file"] = b.item.value + "-" + b.id.value + ".zip";
  AddRunPlaceholders(plan, b, v);
  AddRestorePlaceholders(plan, b, server, v);
  return v;
}

std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values,
                             std::vector<std::string>* unfilled) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 1, close - open - 1);
    bool is_name = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    out.append(text, i, open - i);
    auto it = values.find(name);
    if (is_name && it != values.end() && !it->second.empty()) {
      out += it->second;
    } else {
      if (is_name && unfilled) unfilled->push_back(name);
      out.append(text, open, close - open + 1);
    }
    i = close + 1;
  }
  out.append(text, i, std::string::npos);
  return out;
}

std::map<std::string, std::string> ScenarioPlaceholders(const Plan& plan, const Profile& profile, const Scenario& s) {
  const Server* server = nullptr;
  for (const Ref& c : s.covers) {
    if ((server = plan.FindServer(c.value))) break;
    if (const Pool* pool = plan.FindPool(c.value); pool && !pool->servers.empty()) {
      server = &plan.topology.servers[pool->servers.front()];
      for (int i : pool->servers) {
        if (!plan.BackupsOn(plan.topology.servers[i].fqdn.value).empty()) {
          server = &plan.topology.servers[i];
          break;
        }
      }
      break;
    }
  }
  std::map<std::string, std::string> v;
  if (!server) return v;
  // The server's own backups first, then the rest of its pool's: every {<item>-file} it may need.
  std::vector<const Backup*> backups = plan.BackupsOn(server->fqdn.value);
  if (server->pool >= 0) {
    const auto& in_pool = plan.BackupsInPool(server->pool);
    backups.insert(backups.end(), in_pool.begin(), in_pool.end());
  }
  for (const Backup* b : backups) {
    for (auto& [k, val] : BackupPlaceholders(plan, profile, *b)) v.emplace(k, val);
  }
  v["server"] = server->fqdn.value;
  if (server->pool >= 0) v["pool"] = plan.topology.pools[server->pool].fqdn.value;
  if (!v.count("sql-instance")) v["sql-instance"] = server->instance.empty() ? "rtc" : server->instance.value;
  return v;
}

}  // namespace plangen

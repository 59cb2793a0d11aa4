#include "emit/placeholders.h"

namespace plangen {

std::string SqlInstanceOf(const Server& s) {
  std::string instance = s.instance.empty() ? "rtc" : s.instance.value;
  for (const auto& sv : s.services) {
    if (!sv.instance.empty()) instance = sv.instance.value;
  }
  return instance;
}

namespace {

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

// The folder of the plan's backup `b` (its first location and its id): every run writes a dated
// folder inside it.
std::string BackupDir(const Plan& plan, const Backup& b) {
  if (b.locations.empty()) return "";
  const Location* l = plan.FindLocation(b.locations.front().value);
  return l && !l->path.empty() ? l->path.value + "\\" + b.id.value : std::string();
}

// Values for keeping one copy per run: the backup's own folder name, the first off-site
// location after the first (where each run is copied), and the retention the prune enforces.
void AddRunPlaceholders(const Plan& plan, const Backup& b, std::map<std::string, std::string>& v) {
  v["backup"] = b.id.value;
  if (const Location* l = OffsiteCopyOf(plan, b)) v["offsite-location"] = l->path.value;
  if (b.retention.value && b.retention.value->TotalSeconds() > 0) {
    v["retention"] = DescribeDuration(*b.retention.value);
    v["retention-cutoff"] = RetentionCutoff(*b.retention.value);
  }
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

// "\\server\share" of the first server of the pool that runs a File Store with a share.
std::string FileStoreOf(const Plan& plan, const Pool& pool) {
  for (int i : pool.servers) {
    const Server& s = plan.topology.servers[i];
    for (const auto& sv : s.services) {
      if (sv.type.value == "FileStore" && !sv.share.empty()) return "\\\\" + s.fqdn.value + "\\" + sv.share.value;
    }
  }
  return "";
}

const Pool* PartnerOf(const Plan& plan, const Pool& pool) {
  return pool.paired_with.empty() ? nullptr : plan.FindPool(pool.paired_with.value);
}

// An Edge pool in the same site as `pool`.
const Pool* SiteEdgePool(const Plan& plan, const Pool& pool) {
  const auto& edges = plan.FirstPoolsOfKindInSite("edge", pool.site);
  return edges.empty() ? nullptr : edges.front();
}

// For an Edge pool: another Edge pool of the plan that can take its federation over, one in
// another site first (Edge pools are not paired; separate sites are the model). Both are found
// through the plan's index of pools by kind and site, so every pool costs the same.
const Pool* TakeoverEdgePool(const Plan& plan, const Pool& pool) {
  if (pool.kind.value != "edge") return nullptr;
  // The first Edge pool in another site: the first of all unless it shares this site, then the
  // first whose site differs from that one's (which is this one's).
  const auto& edges = plan.FirstPoolsOfKind("edge");
  if (!edges.empty() && edges.front()->site != pool.site) return edges.front();
  if (const Pool* other = plan.FirstPoolOfKindInAnotherSite("edge")) return other;
  for (const Pool* p : plan.FirstPoolsOfKindInSite("edge", pool.site)) {
    if (p != &pool) return p;
  }
  return nullptr;
}

void AddServer(const Plan& plan, const Server& s, std::map<std::string, std::string>& v) {
  v["server"] = s.fqdn.value;
  v["sql-instance"] = SqlInstanceOf(s);
  for (const auto& sv : s.services) {
    if (sv.type.value == "FileStore" && !sv.share.empty()) v["share"] = sv.share.value;
  }
  if (!s.mirror_of.empty()) {
    v["primary"] = s.mirror_of.value;
    v["mirror"] = s.fqdn.value;
  } else if (const Server* mirror = plan.MirrorOf(s.fqdn.value)) {
    v["primary"] = s.fqdn.value;
    v["mirror"] = mirror->fqdn.value;
  }
}

void AddPool(const Plan& plan, const Pool& pool, std::map<std::string, std::string>& v) {
  v["pool"] = pool.fqdn.value;
  if (std::string fs = FileStoreOf(plan, pool); !fs.empty()) v["file-store"] = fs;
  if (const Pool* partner = PartnerOf(plan, pool)) {
    v["partner-pool"] = partner->fqdn.value;
    if (const Server* be = BackEndOf(plan, *partner)) {
      v["partner-back-end"] = be->fqdn.value;
      v["partner-sql-instance"] = SqlInstanceOf(*be);
    }
  }
  if (const Pool* edge = SiteEdgePool(plan, pool)) v["edge-pool"] = edge->fqdn.value;
  if (const Pool* other = TakeoverEdgePool(plan, pool)) v["takeover-edge-pool"] = other->fqdn.value;
}

}  // namespace

const Location* OffsiteCopyOf(const Plan& plan, const Backup& b) {
  for (size_t i = 1; i < b.locations.size(); ++i) {
    const Location* l = plan.FindLocation(b.locations[i].value);
    if (l && l->offsite.get() && !l->path.empty()) return l;
  }
  return nullptr;
}

int PoolIndex(const Plan& plan, const Pool* pool) {
  return pool ? static_cast<int>(pool - plan.topology.pools.data()) : -1;
}

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
    // A database's name is its store without the extension; file stores have none.
    const std::string& store = it->store.value;
    if (!store.empty() && store.find('\\') == std::string::npos) v["database"] = store.substr(0, store.rfind('.'));
  }
  v["file"] = b.item.value + "-" + b.id.value + ".zip";
  v[b.item.value + "-file"] = v["file"];
  if (std::string dir = BackupDir(plan, b); !dir.empty()) v[b.item.value + "-dir"] = dir;
  AddRunPlaceholders(plan, b, v);
  return v;
}

std::map<std::string, std::string> ContextPlaceholders(const Plan& plan, const Profile& profile, const StepContext& c) {
  std::map<std::string, std::string> v;
  if (c.backup) v = BackupPlaceholders(plan, profile, *c.backup);
  if (c.pool) {
    AddPool(plan, *c.pool, v);
    // Files of the plan's backups in the pool, by item, for steps that name one by its item.
    for (const Backup* b : plan.BackupsInPool(PoolIndex(plan, c.pool))) {
      v.emplace(b->item.value + "-file", b->item.value + "-" + b->id.value + ".zip");
      if (std::string dir = BackupDir(plan, *b); !dir.empty()) v.emplace(b->item.value + "-dir", dir);
    }
  }
  if (c.server) AddServer(plan, *c.server, v);
  return v;
}

std::string WhyUnfilled(const Plan& plan, const std::string& name, const StepContext& c) {
  const std::string pool = c.pool ? "pool " + c.pool->fqdn.value : std::string("no pool");
  const std::string server = c.server ? "server " + c.server->fqdn.value : std::string();
  auto ends_with = [&](const std::string& suffix) {
    return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (name == "location" || name == "file" || name == "store" || name == "database" || name == "item") {
    if (!c.backup) return "the step is bound to no backup: give it item=\"...\" so it restores a backup the plan makes";
    if (name == "database") return "the item of backup '" + c.backup->id.value + "' is not a database";
    return "backup '" + c.backup->id.value + "' has no " + name;
  }
  if (name == "server" || name == "sql-instance" || name == "primary" || name == "mirror" || name == "share") {
    if (!c.server) return "the step is about " + pool + " as a whole, not one server: give it for-each=\"ROLE\"";
    if (name == "share") return server + " runs no FileStore service with a share";
    return server + " is not part of a mirrored Back End";
  }
  if (!c.pool) return "the step is about no pool";
  if (name == "file-store") return pool + " has no server running a FileStore service with a share";
  if (name == "partner-pool" || name == "partner-back-end" || name == "partner-sql-instance") {
    const Pool* partner = PartnerOf(plan, *c.pool);
    if (!partner) return pool + " is not paired with another pool";
    return "the paired pool " + partner->fqdn.value + " has no Back End";
  }
  if (name == "edge-pool") return "the site of " + pool + " has no Edge pool";
  if (name == "takeover-edge-pool") {
    return c.pool->kind.value != "edge" ? pool + " is not an Edge pool" : "the plan has no other Edge pool to take over from " + pool;
  }
  if (ends_with("-file")) {
    return "the plan has no backup of '" + name.substr(0, name.size() - 5) + "' in " + pool;
  }
  return "'" + name + "' is not a placeholder plangen knows (docs/profiles.md lists them)";
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

}  // namespace plangen

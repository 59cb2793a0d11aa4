// plan.xml text from a topology (plangen init). Everything a topology says is written as it is;
// everything only a person can decide is written as a TODO placeholder that PG5101 lists.
#include "topology/plan_skeleton.h"
#include "util/strings.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace plangen::topo {

namespace {

// Plan ids are written by people and appear in file names: keep them to [a-z0-9-].
std::string Slug(const std::string& s, const std::string& fallback) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80) out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-') out += '-';
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? fallback : out;
}

std::string FirstLabel(const std::string& fqdn) { return fqdn.substr(0, fqdn.find('.')); }

// Hands out ids that are unique within one kind of element.
class Ids {
 public:
  std::string Take(const std::string& want) {
    std::string id = want;
    for (int n = 2; !used_.insert(id).second; ++n) id = want + "-" + std::to_string(n);
    return id;
  }

 private:
  std::set<std::string> used_;
};

struct Attr {
  const char* name;
  std::string value;
};

class Writer {
 public:
  std::string text;
  int decisions = 0;

  std::string Todo(const std::string& what) {
    ++decisions;
    return "TODO-" + what;
  }
  void Line(int indent, const std::string& s) { text += std::string(indent * 2, ' ') + s + "\n"; }
  void Comment(int indent, const std::string& s) { Line(indent, "<!-- " + s + " -->"); }
  void Blank() { text += "\n"; }
  // <name a="v" ...> or <name a="v"/>; attributes with an empty value are left out.
  void Open(int indent, const std::string& name, const std::vector<Attr>& attrs, bool empty = false) {
    std::string s = "<" + name;
    for (const Attr& a : attrs) {
      if (!a.value.empty()) s += std::string(" ") + a.name + "=\"" + EscapeXmlValue(a.value) + "\"";
    }
    Line(indent, s + (empty ? "/>" : ">"));
  }
  void Element(int indent, const std::string& name, const std::vector<Attr>& attrs, const std::string& content) {
    std::string s = "<" + name;
    for (const Attr& a : attrs) {
      if (!a.value.empty()) s += std::string(" ") + a.name + "=\"" + EscapeXmlValue(a.value) + "\"";
    }
    Line(indent, s + ">" + EscapeXmlValue(content) + "</" + name + ">");
  }
  void Close(int indent, const std::string& name) { Line(indent, "</" + name + ">"); }
};

// Comments must not hold "--"; topology values can.
std::string CommentSafe(std::string s) {
  size_t p;
  while ((p = s.find("--")) != std::string::npos) s.replace(p, 2, "- -");
  return s;
}

struct RoleSpec {
  const char* id;
  const char* kind;
  const char* role_kind;
  const char* what;
};

// The roles a Lync backup plan needs; which person or team fills each is the user's decision.
std::vector<RoleSpec> SuggestedRoles(const Topology* t) {
  bool edge = t == nullptr, sql = t == nullptr;
  if (t) {
    for (const Cluster& c : t->clusters) {
      edge = edge || c.kind == PoolKind::kEdge;
      sql = sql || c.is_sql;
    }
  }
  std::vector<RoleSpec> roles = {{"lync-admins", "team", "lync-admin", "runs Lync Server: settings, user data, rebuilds"}};
  if (sql) roles.push_back({"database-admins", "team", "database", "backs up and restores the SQL Server databases"});
  roles.push_back({"storage-admins", "team", "storage", "runs the file servers and the backup locations"});
  if (edge) roles.push_back({"network-admins", "team", "network", "rebuilds Edge servers and the perimeter"});
  roles.push_back({"incident-manager", "individual", "incident", "declares a restoration"});
  roles.push_back({"business-approver", "individual", "management", "approves the plan for the business"});
  roles.push_back({"technical-approver", "individual", "management", "approves the plan technically"});
  return roles;
}

void WriteHead(Writer& w, const std::string& id, const std::string& profile, const std::string& title,
               const std::string& description) {
  w.Open(0, "plan", {{"xmlns", "urn:plangen:plan:1"}, {"id", id}, {"version", "1"}, {"profile", profile}});
  w.Element(1, "title", {}, title);
  w.Element(1, "description", {}, description);
  w.Blank();
}

void WriteRoles(Writer& w, const Topology* t) {
  w.Comment(1, "Who does the work. Name the team or person behind each role and give a contact; add, merge or remove roles as you need.");
  w.Open(1, "roles", {});
  for (const RoleSpec& r : SuggestedRoles(t)) {
    w.Comment(2, std::string("the ") + (std::string(r.kind) == "team" ? "team that " : "person who ") + r.what);
    // The department is asked for up front: runbooks list hand-offs between departments, so a
    // role without one is a finding once it is given steps.
    w.Open(2, "role", {{"id", r.id}, {"kind", r.kind}, {"name", w.Todo("name")}, {"department", w.Todo("department")},
                       {"role-kind", r.role_kind}});
    w.Element(3, "contact", {{"type", "email"}}, w.Todo("contact"));
    w.Close(2, "role");
  }
  w.Close(1, "roles");
  w.Blank();
}

void WriteGovernance(Writer& w) {
  w.Comment(1, "Who reviews the plan, who validates procedures and tools, who approves changes (role ids), how often it is reviewed (ISO 8601, e.g. P6M), when it was last reviewed (YYYY-MM-DD), and the approvals of both decision makers ('plangen approve' records each with the plan's digest).");
  w.Open(1, "governance", {{"reviewer", w.Todo("reviewer")}, {"validator", w.Todo("validator")},
                           {"change-approver", w.Todo("change-approver")}, {"review-interval", w.Todo("review-interval")},
                           {"last-reviewed", w.Todo("last-reviewed")}});
  w.Open(2, "approval", {{"kind", "business"}, {"by", "business-approver"}, {"date", w.Todo("approval-date")}, {"plan-version", "1"}}, true);
  w.Open(2, "approval", {{"kind", "technical"}, {"by", "technical-approver"}, {"date", w.Todo("approval-date")}, {"plan-version", "1"}}, true);
  w.Open(2, "decision-criteria", {});
  w.Element(3, "criterion", {}, w.Todo("criteria") + ": when is a restoration declared, and how is the procedure chosen");
  w.Close(2, "decision-criteria");
  w.Close(1, "governance");
  w.Blank();
}

void WriteLocations(Writer& w) {
  w.Comment(1, "Where backups are kept: a path (UNC or folder), whether it is secured, and one copy off site.");
  w.Open(1, "locations", {});
  w.Open(2, "location", {{"id", "backup-share"}, {"path", w.Todo("path")}, {"types", "settings database file-store"},
                         {"secure", w.Todo("secure")}, {"offsite", "no"}}, true);
  w.Open(2, "location", {{"id", "offsite-copy"}, {"path", w.Todo("path")}, {"types", "settings database file-store"},
                         {"secure", w.Todo("secure")}, {"offsite", "yes"}}, true);
  w.Close(1, "locations");
  w.Blank();
}

void WriteSpares(Writer& w) {
  w.Comment(1, "How replacement servers are obtained quickly: source, lead time (ISO 8601, e.g. PT6H) and contact role.");
  w.Open(1, "spare-hardware", {});
  w.Open(2, "spare", {{"id", "replacement-hardware"}, {"source", w.Todo("source")}, {"lead-time", w.Todo("lead-time")},
                      {"contact", w.Todo("contact")}}, true);
  w.Close(1, "spare-hardware");
  w.Blank();
}

void WriteValidations(Writer& w) {
  static const struct { const char* id; const char* kind; const char* title; } kChecks[] = {
      {"backups-ran", "V1", "Backups ran as scheduled"},
      {"backups-readable", "V2", "Backed-up data and settings can be reached and read"},
      {"restore-time", "V3", "A test restoration finished within its RTO"},
      {"worksheets", "V4", "Worksheets are complete, verified and stored securely"},
      {"procedures", "V5", "Restoration procedures tested and working"},
      {"plan-review", "M1", "Plan reviewed and compared with the topology"},
  };
  w.Comment(1, "Validation at set intervals (ISO 8601, e.g. P1D, P1M) and who does it.");
  w.Open(1, "validations", {});
  for (const auto& c : kChecks) {
    // The M1 check is the plan's review: one decision fills both intervals, so they agree.
    const char* interval = std::string(c.kind) == "M1" ? "review-interval" : "interval";
    w.Open(2, "check", {{"id", c.id}, {"kind", c.kind}, {"interval", w.Todo(interval)}, {"owner", w.Todo("owner")},
                        {"records", "Validation Log sheet"}, {"title", c.title}}, true);
  }
  w.Close(1, "validations");
}

}  // namespace

std::string PoolKindLabel(const Cluster& c) {
  switch (c.kind) {
    case PoolKind::kFrontEnd: return "Front End pool";
    case PoolKind::kStandardEdition: return "Standard Edition server";
    case PoolKind::kDirector: return "Director pool";
    case PoolKind::kEdge: return "Edge pool";
    case PoolKind::kSql: return "SQL Server";
    case PoolKind::kFile: return "file server";
    case PoolKind::kPersistentChat: return "Persistent Chat pool";
    case PoolKind::kMediation: return "Mediation pool";
    case PoolKind::kOfficeWebApps: return "Office Web Apps server";
    case PoolKind::kSba: return "Survivable Branch Appliance";
    default: return "server";
  }
}

namespace {

// The server that holds a cluster's data: the cluster itself when it is one computer.
std::string HolderServer(const Cluster& c) {
  if (c.single_machine || c.machines.empty()) return c.fqdn;
  return c.machines.front().fqdn;
}

// The SQL Server instance that this cluster's instance mirrors, if any.
const SqlInstance* MirrorOf(const Topology& t, const Cluster& c) {
  for (const SqlInstance& q : t.sql) {
    if (q.mirror_id.empty()) continue;
    const SqlInstance* m = t.FindSqlInstance(q.mirror_id);
    if (m && m->cluster_id == c.id) return &q;
  }
  return nullptr;
}

// The server holding the mirror of a store on this cluster (a mirrored Back End's mirror), if any.
const Cluster* MirrorCluster(const Topology& t, const Cluster& c) {
  for (const SqlInstance& q : t.sql) {
    if (q.cluster_id != c.id || q.mirror_id.empty()) continue;
    if (const SqlInstance* m = t.FindSqlInstance(q.mirror_id)) return t.FindCluster(m->cluster_id);
  }
  return nullptr;
}

std::vector<const SqlInstance*> InstancesOn(const Topology& t, const Cluster& c) {
  std::vector<const SqlInstance*> out;
  for (const SqlInstance& q : t.sql) {
    if (q.cluster_id == c.id) out.push_back(&q);
  }
  return out;
}

// Where a service's data items are backed up: a store on its server; files of a service that uses
// a File Store (the Application Server's audio files) on that file server; else the service's pool.
const Cluster* DataHolder(const Topology& t, const Service& s) {
  if (!s.sql_instance_id.empty() || s.role == "FileStore") return t.FindCluster(s.installed_on_cluster_id);
  for (const std::string& d : s.depends_on_ids) {
    const Service* ds = t.FindService(d);
    if (ds && ds->role == "FileStore") return t.FindCluster(ds->installed_on_cluster_id);
  }
  return t.FindCluster(s.installed_on_cluster_id);
}

// Whether a cluster is a pool of Lync servers (Front End or Standard Edition, Director, Edge,
// Mediation, Persistent Chat), as opposed to a SQL Server, a file server or another server a pool uses.
bool IsLyncPool(const Cluster& c) {
  switch (c.kind) {
    case PoolKind::kFrontEnd:
    case PoolKind::kStandardEdition:
    case PoolKind::kDirector:
    case PoolKind::kEdge:
    case PoolKind::kMediation:
    case PoolKind::kPersistentChat: return true;
    default: return false;
  }
}

// What a scenario for a cluster covers: the pool, and each member of a multi-machine pool, so that
// both the loss of one member and of the whole pool are covered.
std::string Covers(const Cluster& c) {
  std::string out = c.fqdn;
  if (c.machines.size() > 1) {
    for (const Machine& m : c.machines) out += " " + m.fqdn;
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

class SkeletonWriter {
 public:
  SkeletonWriter(const Topology& t, const Profile& p, SkeletonSummary* s) : t_(t), p_(p), s_(s) {}

  std::string Run(const SkeletonOptions& o) {
    for (const Cluster& c : t_.clusters) {
      if (IsPlanPool(c)) pool_ids_[c.id] = pool_ids_gen_.Take(Slug(FirstLabel(c.fqdn), "pool"));
      else s_->left_out.push_back(c.fqdn + " (" + PoolKindName(c.kind) + ")");
    }
    // The plan is the organisation's: it is named from the default SIP domain (contoso.com gives
    // contoso-lync), and from the first site only when the topology names no domain.
    std::string site_name = t_.sites.empty() ? "" : t_.sites.front().name;
    const std::string& domain = t_.default_domain;
    std::string owner = domain.empty() ? site_name : domain;
    std::string id = o.plan_id.empty() ? (domain.empty() ? Slug(site_name, "lync") : Slug(FirstLabel(domain), "lync") + "-lync")
                                       : o.plan_id;
    std::string product = t_.ProductName().empty() ? p_.product.value : t_.ProductName();
    w_.text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    w_.text += "<!-- Written by 'plangen init' from the topology " + CommentSafe(o.topology_name) + ".\n"
               "     Every value that starts with TODO is a decision left to you (owners, schedules, retention,\n"
               "     backup locations, approvals, RTOs): 'plangen check plan.xml' lists each one at its line and\n"
               "     column. Replace them with real values; ids of roles, locations and spares can be renamed.\n";
    if (!s_->left_out.empty()) {
      w_.text += "     Not in the plan (back them up with their vendor's procedures): " +
                 CommentSafe(Join(s_->left_out, ", ")) + ".\n";
    }
    w_.text += "-->\n";
    WriteHead(w_, id, p_.id.value, (owner.empty() ? id : owner) + " backup and restoration plan",
              "Backup and restoration plan for the " + product + " deployment" +
                  (owner.empty() ? "" : " of " + owner) + ".");
    WriteRoles(w_, &t_);
    WriteGovernance(w_);
    WriteLocations(w_);
    WriteTopology(o.topology_file);
    WriteSpares(w_);
    WriteBackups();
    WriteScenarios();
    WriteValidations(w_);
    w_.Close(0, "plan");
    s_->decisions = w_.decisions;
    return w_.text;
  }

 private:
  void WriteTopology(const std::string& file) {
    w_.Comment(1, "From the topology: compared with it by 'plangen check' (drift) while the file attribute names it.");
    w_.Open(1, "topology", {{"file", file}});
    Ids site_ids;
    for (const Site& site : t_.sites) {
      w_.Open(2, "site", {{"id", site_ids.Take(Slug(site.name, "site-" + Slug(site.id, "x")))}, {"name", site.name}});
      ++s_->sites;
      for (const Cluster& c : t_.clusters) {
        if (c.site_id == site.id && IsPlanPool(c)) WritePool(c);
      }
      w_.Close(2, "site");
    }
    w_.Close(1, "topology");
    w_.Blank();
  }

  void WritePool(const Cluster& c) {
    ++s_->pools;
    w_.Open(3, "pool", {{"id", pool_ids_[c.id]}, {"fqdn", c.fqdn}, {"edition", PlanPoolEdition(c)}, {"kind", PlanPoolKind(c)}});
    std::string role = PlanServerRole(t_, c);
    const SqlInstance* primary = MirrorOf(t_, c);
    std::string mirror_of;
    if (primary) {
      const Cluster* pc = t_.FindCluster(primary->cluster_id);
      if (pc) mirror_of = HolderServer(*pc);
    }
    auto instances = InstancesOn(t_, c);
    std::string instance = instances.size() == 1 ? instances.front()->instance : "";
    std::string holder = HolderServer(c);
    std::vector<std::string> fqdns;
    for (const Machine& m : c.machines) fqdns.push_back(m.fqdn);
    if (fqdns.empty()) fqdns.push_back(c.fqdn);
    for (const std::string& f : fqdns) {
      ++s_->servers;
      std::vector<const Service*> services;
      if (AsciiLower(f) == AsciiLower(holder)) services = PlanServices(t_, c);
      std::vector<Attr> attrs = {{"fqdn", f}, {"roles", role}, {"mirror-of", mirror_of}, {"instance", instance}};
      if (services.empty()) {
        w_.Open(4, "server", attrs, true);
        continue;
      }
      w_.Open(4, "server", attrs);
      for (const Service* s : services) {
        const SqlInstance* q = t_.FindSqlInstance(s->sql_instance_id);
        w_.Open(5, "service", {{"type", s->role}, {"share", s->share}, {"instance", q ? q->instance : ""}}, true);
      }
      w_.Close(4, "server");
    }
    w_.Close(3, "pool");
  }

  void WriteBackups() {
    w_.Comment(1, "One backup per data item the profile requires for the topology's services. Owner: a role id; schedule: e.g. 'daily 02:00' or an RRULE; retention: ISO 8601 (P30D); locations: location ids.");
    w_.Open(1, "backups", {});
    std::set<std::string> done;
    Ids ids;
    for (const Service& s : t_.services) {
      const ServiceMapping* m = p_.FindService(s.role);
      if (!m) continue;
      const Cluster* holder = DataHolder(t_, s);
      if (!holder || !IsPlanPool(*holder)) continue;
      std::string server = HolderServer(*holder);
      for (const Text& item_id : m->items) {
        const ProfileItem* item = p_.FindItem(item_id.value);
        if (!item || p_.FindNoBackup(item_id.value)) continue;  // no-backup items need no backup element
        if (!done.insert(item_id.value + "\n" + AsciiLower(server)).second) continue;
        std::string where = s.role + " on " + s.installed_on_cluster_fqdn;
        if (!s.share.empty()) where = "share \\\\" + s.installed_on_cluster_fqdn + "\\" + s.share;
        if (!s.front_end_pools.empty()) where += ", used by " + Join(s.front_end_pools, ", ");
        ++s_->backups;
        w_.Element(2, "backup",
                   {{"id", ids.Take(Slug(FirstLabel(server), "server") + "-" + Slug(item_id.value, "item"))},
                    {"item", item_id.value}, {"server", server}, {"owner", w_.Todo("owner")},
                    {"schedule", w_.Todo("schedule")}, {"retention", w_.Todo("retention")},
                    {"locations", w_.Todo("locations")}},
                   item->name.value + " (" + where + ")");
      }
    }
    // A mirrored store's databases are in the full recovery model: the items the profile gives the
    // mirror's server role (the transaction logs) are backed up on the primary.
    const RoleMapping* mirror_role = p_.FindRole("back-end-mirror");
    for (const Cluster& c : t_.clusters) {
      const SqlInstance* primary = mirror_role ? MirrorOf(t_, c) : nullptr;
      const Cluster* pc = primary ? t_.FindCluster(primary->cluster_id) : nullptr;
      if (!pc) continue;
      std::string server = HolderServer(*pc);
      for (const Text& item_id : mirror_role->items) {
        const ProfileItem* item = p_.FindItem(item_id.value);
        if (!item || !done.insert(item_id.value + "\n" + AsciiLower(server)).second) continue;
        ++s_->backups;
        w_.Element(2, "backup",
                   {{"id", ids.Take(Slug(FirstLabel(server), "server") + "-" + Slug(item_id.value, "item"))},
                    {"item", item_id.value}, {"server", server}, {"owner", w_.Todo("owner")},
                    {"schedule", w_.Todo("schedule")}, {"retention", w_.Todo("retention")},
                    {"locations", w_.Todo("locations")}},
                   item->name.value + " (" + server + ", mirrored to " + HolderServer(c) + ")");
      }
    }
    w_.Close(1, "backups");
    w_.Blank();
  }

  // The profile scenarios that cover a cluster's servers. The role mapping says what kind of server
  // it is, the service mappings what runs on it; a scenario both list applies (a Back End holding no
  // Central Management store gets no cms-host). When only one side lists scenarios, it decides.
  std::vector<const ProfileScenario*> Templates(const Cluster& c) {
    std::vector<std::string> by_role, by_service;
    auto add = [&](std::vector<std::string>& to, const std::vector<Text>& ids) {
      for (const Text& id : ids) {
        if (p_.FindScenario(id.value) && std::find(to.begin(), to.end(), id.value) == to.end()) to.push_back(id.value);
      }
    };
    if (const RoleMapping* r = p_.FindRole(PlanServerRole(t_, c))) add(by_role, r->scenarios);
    for (const Service* s : t_.ServicesOn(c.id)) {
      if (const ServiceMapping* m = p_.FindService(s->role)) add(by_service, m->scenarios);
    }
    std::vector<std::string> ids;
    if (by_role.empty()) ids = by_service;
    else if (by_service.empty()) ids = by_role;
    else
      for (const std::string& id : by_role) {
        if (std::find(by_service.begin(), by_service.end(), id) != by_service.end()) ids.push_back(id);
      }
    // A mirrored store's primary also gets the scenarios about losing the primary alone (their
    // `when` asks for a mirror), which the role mapping of an unmirrored Back End does not list.
    if (MirrorCluster(t_, c)) {
      for (const std::string& id : by_service) {
        const ProfileScenario* ps = p_.FindScenario(id);
        bool mirrored = false;
        for (const StepCondition& cond : ps->when) mirrored = mirrored || (cond.kind == "mirrored" && !cond.negate);
        if (mirrored && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
      }
    }
    std::vector<const ProfileScenario*> out;
    for (const std::string& id : ids) {
      const ProfileScenario* ps = p_.FindScenario(id);
      if (Applies(c, *ps)) out.push_back(ps);
    }
    return out;
  }

  // Whether the topology has a pool other than `c` whose plan role is one of `roles`.
  bool OtherPool(const Cluster& c, const std::vector<std::string>& roles) const {
    for (const Cluster& o : t_.clusters) {
      if (&o == &c || !IsPlanPool(o)) continue;
      if (std::find(roles.begin(), roles.end(), PlanServerRole(t_, o)) != roles.end()) return true;
    }
    return false;
  }

  // Whether a profile scenario's `when` can hold for the cluster, judged from what a topology
  // file says: its role and the services on it. Pool pairing is not read from the topology, so a
  // scenario about paired pools is left for the user to add once the plan pairs the pool.
  bool Applies(const Cluster& c, const ProfileScenario& ps) const {
    const std::string role = PlanServerRole(t_, c);
    // A scenario about a whole pool ("Restoring a Lync Server pool", a failover) is about a pool of
    // Lync servers: a SQL Server or a file server on its own is restored by its own scenario.
    if (ps.about.value == "pool" && !IsLyncPool(c)) return false;
    auto holds = [&](const std::vector<std::string>& services) {
      for (const Service* s : t_.ServicesOn(c.id)) {
        for (const std::string& v : services) {
          if (EqualsIgnoreCase(v, s->role)) return true;
        }
      }
      return false;
    };
    for (const StepCondition& cond : ps.when) {
      bool yes = true;
      if (cond.kind == "role") yes = std::find(cond.values.begin(), cond.values.end(), role) != cond.values.end();
      else if (cond.kind == "holds") yes = holds(cond.values);
      else if (cond.kind == "paired" || cond.kind == "partner-in-site") yes = false;
      else if (cond.kind == "other-pool") yes = OtherPool(c, cond.values);
      else continue;  // judged once the plan exists
      if (yes == cond.negate) return false;
    }
    return true;
  }

  void WriteScenarios() {
    w_.Comment(1, "Restoration scenarios covering every pool: who decides (role id), the RTO (ISO 8601, e.g. PT8H), the criteria, and the steps with their role and estimate.");
    w_.Open(1, "scenarios", {});
    Ids ids;
    for (const Cluster& c : t_.clusters) {
      if (!IsPlanPool(c)) continue;
      const std::string& pool = pool_ids_[c.id];
      auto templates = Templates(c);
      for (const ProfileScenario* ps : templates) WriteTemplated(ids, c, pool, *ps);
      if (templates.empty()) WriteDefault(ids, c, pool);
    }
    w_.Close(1, "scenarios");
    w_.Blank();
  }

  void WriteTemplated(Ids& ids, const Cluster& c, const std::string& pool, const ProfileScenario& ps) {
    ++s_->scenarios;
    bool hardware = ps.new_hardware.get(false);
    // A restoration from backups of a mirrored store's primary is what is left when its mirror is
    // lost too: it covers both. Losing the primary alone is the scenario whose `when` asks for a mirror.
    std::string covers = Covers(c), about = c.fqdn;
    bool about_mirror = false;
    for (const StepCondition& cond : ps.when) about_mirror = about_mirror || cond.kind == "mirrored";
    if (const Cluster* mirror = MirrorCluster(t_, c); mirror && !about_mirror && ps.uses_backups.get(true)) {
      covers += " " + HolderServer(*mirror);
      about += " and its mirror " + HolderServer(*mirror);
    }
    w_.Open(2, "scenario", {{"id", ids.Take(pool + "-" + Slug(ps.id.value, "scenario"))},
                            {"title", ps.title.value + " (" + about + ")"}, {"template", ps.id.value},
                            {"rto", ps.rto.text.empty() ? w_.Todo("rto") : ps.rto.text.value},
                            {"rpo", ps.rpo.text.value}, {"decider", w_.Todo("decider")},
                            {"new-hardware", hardware ? "yes" : "no"}, {"spare", hardware ? "replacement-hardware" : ""},
                            {"covers", covers}});
    for (const Text& cr : ps.criteria) w_.Element(3, "criteria", {}, cr.value);
    if (ps.criteria.empty()) w_.Element(3, "criteria", {}, w_.Todo("criteria") + ": when does this scenario apply");
    w_.Open(3, "step", {{"id", "restore"}, {"title", ps.title.value}, {"role", w_.Todo("role")},
                        {"estimate", w_.Todo("estimate")}, {"procedure", ps.procedure.value}}, true);
    w_.Close(2, "scenario");
  }

  void WriteDefault(Ids& ids, const Cluster& c, const std::string& pool) {
    ++s_->scenarios;
    std::string what = PoolKindLabel(c) + " " + c.fqdn;
    w_.Open(2, "scenario", {{"id", ids.Take(pool + "-lost")}, {"title", what + " lost"}, {"rto", w_.Todo("rto")},
                            {"decider", w_.Todo("decider")}, {"new-hardware", "yes"},
                            {"spare", "replacement-hardware"}, {"covers", Covers(c)}});
    w_.Element(3, "criteria", {}, w_.Todo("criteria") + ": when is " + what + " declared lost");
    w_.Open(3, "step", {{"id", "rebuild"}, {"title", "Prepare replacement hardware with the same FQDN and rebuild " + c.fqdn},
                        {"role", w_.Todo("role")}, {"estimate", w_.Todo("estimate")}}, true);
    w_.Open(3, "step", {{"id", "restore"}, {"title", "Restore the data and settings of " + c.fqdn + " and verify the service"},
                        {"role", w_.Todo("role")}, {"estimate", w_.Todo("estimate")}, {"after", "rebuild"}}, true);
    w_.Close(2, "scenario");
  }

  const Topology& t_;
  const Profile& p_;
  SkeletonSummary* s_;
  Writer w_;
  Ids pool_ids_gen_;
  std::map<std::string, std::string> pool_ids_;  // cluster id -> plan pool id
};

}  // namespace

bool IsPlanPool(const Cluster& c) { return c.kind != PoolKind::kPstnGateway && c.kind != PoolKind::kOther; }

std::string PlanPoolKind(const Cluster& c) {
  switch (c.kind) {
    case PoolKind::kFrontEnd:
    case PoolKind::kStandardEdition: return "front-end";
    default: return PoolKindName(c.kind);
  }
}

std::string PlanPoolEdition(const Cluster& c) {
  if (c.kind == PoolKind::kStandardEdition) return "standard";
  if (c.kind == PoolKind::kFrontEnd) return "enterprise";
  return "";
}

bool IsPlanStore(const Service& s) { return !s.sql_instance_id.empty() || s.role == "FileStore"; }

std::vector<const Service*> PlanServices(const Topology& t, const Cluster& c) {
  std::vector<const Service*> out;
  for (const Service* s : t.ServicesOn(c.id)) {
    if (IsPlanStore(*s)) out.push_back(s);
  }
  return out;
}

std::string PlanServerRole(const Topology& t, const Cluster& c) {
  switch (c.kind) {
    case PoolKind::kFrontEnd: return "front-end";
    case PoolKind::kStandardEdition: return "standard-edition";
    case PoolKind::kDirector: return "director";
    case PoolKind::kEdge: return "edge";
    case PoolKind::kPersistentChat: return "persistent-chat";
    case PoolKind::kMediation: return "mediation";
    case PoolKind::kOfficeWebApps: return "office-web-apps";
    case PoolKind::kSba: return "sba";
    case PoolKind::kFile: return "file-server";
    case PoolKind::kSql: {
      if (MirrorOf(t, c)) return "back-end-mirror";
      for (const Service* s : t.ServicesOn(c.id)) {
        if (s->role == "UserStore" || s->role == "ApplicationStore" || s->role == "CentralMgmtStore") return "back-end";
      }
      return "sql";
    }
    default: return "";
  }
}

std::string PlanSkeleton(const Topology& t, const Profile& profile, const SkeletonOptions& options,
                         SkeletonSummary* summary) {
  SkeletonSummary local;
  SkeletonSummary* s = summary ? summary : &local;
  *s = SkeletonSummary{};
  return SkeletonWriter(t, profile, s).Run(options);
}

std::string StarterPlan(const Profile& profile, SkeletonSummary* summary) {
  Writer w;
  w.text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!-- A starter plan written by 'plangen init'. With the deployment's topology file,\n"
           "     'plangen init DIR --topology FILE' writes the sites, pools, servers, backups and scenarios\n"
           "     for you. Every value that starts with TODO is a decision left to you: 'plangen check\n"
           "     plan.xml' lists each one at its line and column. -->\n";
  WriteHead(w, "my-plan", profile.id.value, "Backup and restoration plan",
            "Backup and restoration plan for a " + profile.product.value + " deployment.");
  WriteRoles(w, nullptr);
  WriteGovernance(w);
  WriteLocations(w);
  w.Comment(1, "The deployment: sites, pools and servers with their roles (profile role names) and stores. For example:");
  w.Comment(1, "<site id=\"hq\" name=\"Head office\"> <pool id=\"pool01\" fqdn=\"pool01.example.com\" edition=\"enterprise\" kind=\"front-end\"> <server fqdn=\"fe01.example.com\" roles=\"front-end\"/> </pool> <pool id=\"sql01\" fqdn=\"sql01.example.com\" kind=\"sql\"> <server fqdn=\"sql01.example.com\" roles=\"back-end\"> <service type=\"UserStore\"/> </server> </pool> </site>");
  w.Comment(1, "Or name the Topology Builder file, and 'plangen check' compares the plan with it: <topology file=\"topology.tbxml\">");
  w.Open(1, "topology", {}, true);
  w.Blank();
  WriteSpares(w);
  w.Comment(1, "A backup per data item and server, for example:");
  w.Comment(1, "<backup id=\"sql01-rtcxds\" item=\"rtcxds\" server=\"sql01.example.com\" owner=\"lync-admins\" schedule=\"daily 02:00\" retention=\"P30D\" locations=\"backup-share offsite-copy\"/>");
  w.Open(1, "backups", {}, true);
  w.Blank();
  w.Comment(1, "Restoration scenarios, for example:");
  w.Comment(1, "<scenario id=\"pool01-lost\" title=\"Pool pool01 lost\" rto=\"PT8H\" decider=\"incident-manager\" covers=\"pool01.example.com\"> <criteria>All servers of pool01 are lost.</criteria> <step id=\"rebuild\" title=\"Rebuild the servers\" role=\"lync-admins\" estimate=\"PT6H\"/> </scenario>");
  w.Open(1, "scenarios", {}, true);
  w.Blank();
  WriteValidations(w);
  w.Close(0, "plan");
  if (summary) {
    *summary = SkeletonSummary{};
    summary->decisions = w.decisions;
  }
  return w.text;
}

}  // namespace plangen::topo

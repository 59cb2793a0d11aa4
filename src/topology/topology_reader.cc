// Turns the two topology file shapes into one model. The walk follows the fixed layout of the
// schema (no recursion on the document), so depth or size tricks in a hostile file cost nothing
// beyond pugixml's own parse.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "load/xml_input.h"
#include "topology/topology.h"
#include "topology/topology_internal.h"
#include "util/edit_distance.h"
#include "util/strings.h"

namespace plangen::topo {
namespace {

const std::string kNsPrefix = "urn:schema:Microsoft.Rtc.Management.Deploy.";
const char* const kSupportedVersions = "2008";


bool IsDigits(const std::string& s) {
  return !s.empty() && s.size() <= 9 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Children are matched by local name only: the schema switches default namespaces at almost every
// level (see the corpus file), and the root check already established which schema this is.
pugi::xml_node Child(const pugi::xml_node& n, const char* name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && LocalName(c) == name) return c;
  return pugi::xml_node();
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& n, std::initializer_list<const char*> names) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    std::string ln = LocalName(c);
    for (const char* want : names)
      if (ln == want) { out.push_back(c); break; }
  }
  return out;
}

// A reference from one element to another, checked once everything has been read.
struct Ref {
  std::string target;
  Loc loc;
};

struct PendingService {
  Ref installed_on;
  enum class On { kEither, kCluster, kSql } on = On::kEither;
  std::vector<Ref> deps;
  Ref site;  // published form only
};

class Reader {
 public:
  Reader(Topology* t, SourceManager& sm, DiagEngine& diags) : t_(*t), sm_(sm), diags_(diags) {}

  bool Run(const pugi::xml_node& root);

 private:
  // ---- helpers
  Loc At(const pugi::xml_node& n) const { return NodeLoc(t_.file, n); }
  Loc ValueAt(const pugi::xml_node& n, const char* attr) const { return AttrValueLoc(sm_, t_.file, n, attr); }
  bool Require(const pugi::xml_node& n, const char* attr, std::string* out) {
    *out = n.attribute(attr).value();
    if (!out->empty()) return true;
    diags_.Report(DiagId::err_topo_missing_attribute, At(n), {LocalName(n), attr});
    return false;
  }
  bool RequireDigits(const pugi::xml_node& n, const char* attr, std::string* out) {
    if (!Require(n, attr, out)) return false;
    if (IsDigits(*out)) return true;
    diags_.Report(DiagId::err_topo_bad_value, ValueAt(n, attr), {*out, attr, "a whole number"});
    return false;
  }
  bool Bool(const pugi::xml_node& n, const char* attr, bool dflt) {
    pugi::xml_attribute a = n.attribute(attr);
    if (!a) return dflt;
    std::string v = AsciiLower(a.value());
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    diags_.Report(DiagId::err_topo_bad_value, ValueAt(n, attr), {a.value(), attr, "true or false"});
    return dflt;
  }
  bool Room(size_t count, size_t limit, const char* what, const pugi::xml_node& n) {
    if (count < limit) return true;
    if (!over_limit_)
      diags_.Report(DiagId::err_topo_too_many, At(n), {std::to_string(limit), what});
    over_limit_ = true;
    return false;
  }
  void Duplicate(const char* what, const std::string& id, Loc here, Loc first) {
    diags_.Report(DiagId::err_topo_duplicate, here, {what, id}).AddNote(first, "previous definition is here");
  }
  using Index = std::map<std::string, size_t>;
  void Dangling(const std::string& who, const char* what, const Ref& ref, const Index* a, const Index* b = nullptr);

  // ---- the two shapes
  bool ReadBuilder(const pugi::xml_node& root);
  bool ReadPartial(const pugi::xml_node& partial);
  void ReadBuilderSite(const pugi::xml_node& n, bool branch, const std::string& parent);
  void ReadBuilderCluster(const pugi::xml_node& n, const std::string& site_id);
  void ReadBuilderService(const pugi::xml_node& n);
  bool ReadPublished(const pugi::xml_node& root);
  void ReadPublishedCluster(const pugi::xml_node& n);
  void ReadPublishedSql(const pugi::xml_node& n);
  void ReadPublishedService(const pugi::xml_node& n);
  bool PublishedClusterId(const pugi::xml_node& owner, std::string* id, Loc* loc);
  bool PublishedSqlId(const pugi::xml_node& sql_id, std::string* id, std::string* cluster, std::string* name);

  // ---- shared
  bool AddSite(Site s);
  void AddMachines(Cluster* c, const std::vector<pugi::xml_node>& machines);
  bool AddCluster(Cluster c);
  void ReadServiceExtras(const pugi::xml_node& n, Service* s);
  void CheckVersions();
  void Resolve();

  Topology& t_;
  SourceManager& sm_;
  DiagEngine& diags_;
  bool over_limit_ = false;
  size_t machines_ = 0;
  size_t dependencies_ = 0;
  std::map<std::string, size_t> site_ix_, cluster_ix_, sql_ix_, service_ix_;
  std::map<std::string, std::pair<size_t, Loc>> names_;  // lower-case FQDN -> owning cluster, first place
  std::vector<Ref> cluster_site_;   // published: per cluster, the site named by its ClusterId
  std::vector<Ref> branch_parent_;  // per site: parent reference (empty target for central sites)
  std::vector<Ref> sql_cluster_;    // per SQL instance: the cluster it lives on
  std::vector<Ref> sql_mirror_;     // per SQL instance: its mirror, if any
  std::vector<PendingService> pending_;
  int suggestions_left_ = 20;       // edit distance over every id is costly; only the first few get one
};

bool Reader::Run(const pugi::xml_node& root) {
  const std::string local = LocalName(root);
  const std::string ns = NamespaceOf(root);
  const bool builder = local == "TopologyBuilder";
  const bool published = local == "Topology";
  const bool partial = local == "PartialTopology";
  std::string family = builder ? "TopologyBuilder." : partial ? "WritableTopology." : "Topology.";
  if ((builder || published || partial) && ns.compare(0, kNsPrefix.size() + family.size(), kNsPrefix + family) == 0) {
    std::string version = ns.substr(kNsPrefix.size() + family.size());
    if (version != kSupportedVersions) {
      diags_.Report(DiagId::err_topo_unknown_version, At(root), {version, kSupportedVersions});
      return false;
    }
    t_.schema_version = version;
  } else {
    diags_.Report(DiagId::err_topo_wrong_root, At(root), {local, ns});
    return false;
  }
  const int errors_before = diags_.errors();
  bool ok;
  if (published) {
    t_.format = Format::kPublished;
    ok = ReadPublished(root);
  } else {
    t_.format = Format::kTopologyBuilder;
    ok = builder ? ReadBuilder(root) : ReadPartial(root);
  }
  if (!ok || over_limit_) return false;
  if (t_.sites.empty()) diags_.Report(DiagId::err_topo_empty, At(root), {"sites"});
  else if (t_.clusters.empty()) diags_.Report(DiagId::err_topo_empty, At(root), {"clusters"});
  CheckVersions();
  Resolve();
  if (diags_.errors() > errors_before) return false;
  DeriveTopology(&t_);
  return true;
}

// ---------------------------------------------------------------- Topology Builder (.tbxml)

bool Reader::ReadBuilder(const pugi::xml_node& root) {
  // A .tbxml keeps the topology being edited under NewTopology; that is the one to read.
  pugi::xml_node fresh = Child(root, "NewTopology");
  if (!fresh) {
    diags_.Report(DiagId::err_topo_missing_element, At(root), {LocalName(root), "NewTopology"});
    return false;
  }
  pugi::xml_node partial = Child(fresh, "PartialTopology");
  if (!partial) partial = Child(fresh, "Topology");
  if (!partial) {
    diags_.Report(DiagId::err_topo_missing_element, At(fresh), {"NewTopology", "PartialTopology"});
    return false;
  }
  return ReadPartial(partial);
}

bool Reader::ReadPartial(const pugi::xml_node& partial) {
  if (std::string(partial.attribute("IsPublished").value()) == "false") t_.published = false;
  t_.default_domain = Trim(Child(partial, "InternalDomains").attribute("DefaultDomain").value());
  for (const auto& central : Children(Child(partial, "CentralSites"), {"CentralSite"})) {
    if (over_limit_) return false;
    ReadBuilderSite(central, false, "");
  }
  for (const auto& svc : Children(Child(partial, "Services"), {"Service"})) {
    if (!Room(t_.services.size(), kMaxTopologyItems, "services", svc)) return false;
    ReadBuilderService(svc);
  }
  return !over_limit_;
}

void Reader::ReadBuilderSite(const pugi::xml_node& n, bool branch, const std::string& parent) {
  if (!Room(t_.sites.size(), kMaxTopologyItems, "sites", n)) return;
  Site s;
  s.branch = branch;
  s.parent_site_id = parent;
  s.loc = At(n);
  s.name = Trim(Child(n, "Name").child_value());
  if (!Require(n, "SiteId", &s.id)) return;
  const std::string id = s.id;
  if (!AddSite(std::move(s))) return;
  branch_parent_.push_back(Ref{});  // nesting already ties a .tbxml branch site to its parent
  for (const auto& c : Children(Child(n, "Clusters"), {"Cluster"})) {
    if (over_limit_) return;
    ReadBuilderCluster(c, id);
  }
  if (!branch)
    for (const auto& r : Children(Child(n, "RemoteSites"), {"RemoteSite", "BranchSite"})) ReadBuilderSite(r, true, id);
}

void Reader::ReadBuilderCluster(const pugi::xml_node& n, const std::string& site_id) {
  if (!Room(t_.clusters.size(), kMaxTopologyItems, "clusters", n)) return;
  Cluster c;
  c.site_id = site_id;
  c.loc = At(n);
  c.fqdn_loc = ValueAt(n, "Fqdn");
  bool ok = Require(n, "UniqueId", &c.id);
  ok = Require(n, "Fqdn", &c.fqdn) && ok;
  c.single_machine = Bool(n, "IsSingleMachineOnly", false);
  if (!ok) return;
  AddMachines(&c, Children(Child(n, "Machines"), {"Machine"}));
  const std::string cluster_id = c.id, fqdn = c.fqdn;
  if (!AddCluster(std::move(c))) return;
  for (const auto& si : Children(Child(n, "SqlInstances"), {"SqlInstance"})) {
    if (!Room(t_.sql.size(), kMaxTopologyItems, "SQL Server instances", si)) return;
    SqlInstance s;
    s.loc = At(si);
    if (!Require(si, "UniqueId", &s.id)) continue;
    s.instance = si.attribute("Name").value();
    s.cluster_id = cluster_id;
    s.cluster_fqdn = fqdn;
    Ref mirror;
    if (pugi::xml_node m = Child(si, "MirrorSqlInstance")) {
      if (Require(m, "SqlInstanceUniqueId", &mirror.target)) mirror.loc = s.mirror_loc = ValueAt(m, "SqlInstanceUniqueId");
    }
    auto [it, fresh] = sql_ix_.emplace(s.id, t_.sql.size());
    if (!fresh) { Duplicate("SQL Server instance", s.id, ValueAt(si, "UniqueId"), t_.sql[it->second].loc); continue; }
    t_.sql.push_back(std::move(s));
    sql_cluster_.push_back(Ref{cluster_id, At(si)});
    sql_mirror_.push_back(mirror);
  }
}

void Reader::ReadBuilderService(const pugi::xml_node& n) {
  Service s;
  PendingService p;
  s.loc = At(n);
  bool ok = Require(n, "UniqueId", &s.id);
  ok = Require(n, "RoleName", &s.role) && ok;
  s.role_loc = ValueAt(n, "RoleName");
  if (Require(n, "InstalledOn", &p.installed_on.target)) p.installed_on.loc = ValueAt(n, "InstalledOn");
  else ok = false;
  for (const auto& d : Children(Child(n, "DependsOn"), {"Dependency"})) {
    if (!Room(dependencies_, kMaxTopologyDependencies, "dependencies", d)) return;
    ++dependencies_;
    Ref r;
    if (!Require(d, "ServiceUniqueId", &r.target)) continue;
    r.loc = ValueAt(d, "ServiceUniqueId");
    s.depends_on_ids.push_back(r.target);
    p.deps.push_back(std::move(r));
  }
  ReadServiceExtras(n, &s);
  if (!ok) return;
  auto [it, fresh] = service_ix_.emplace(s.id, t_.services.size());
  if (!fresh) { Duplicate("service", s.id, ValueAt(n, "UniqueId"), t_.services[it->second].loc); return; }
  t_.services.push_back(std::move(s));
  pending_.push_back(std::move(p));
}

// ---------------------------------------------------------------- Get-CsTopology -AsXml

bool Reader::ReadPublished(const pugi::xml_node& root) {
  t_.default_domain = Trim(Child(root, "InternalDomains").attribute("DefaultDomain").value());
  for (const auto& n : Children(Child(root, "Sites"), {"CentralSite", "BranchSite", "RemoteSite"})) {
    if (!Room(t_.sites.size(), kMaxTopologyItems, "sites", n)) return false;
    Site s;
    s.loc = At(n);
    s.branch = LocalName(n) != "CentralSite";
    s.name = Trim(Child(n, "Name").child_value());
    if (!RequireDigits(n, "SiteId", &s.id)) continue;
    Ref parent;
    if (s.branch) {
      const char* attr = n.attribute("CentralSiteId") ? "CentralSiteId" : "ParentSiteId";
      if (Require(n, attr, &parent.target)) parent.loc = ValueAt(n, attr);
      s.parent_site_id = parent.target;
    }
    if (AddSite(std::move(s))) branch_parent_.push_back(parent);
  }
  for (const auto& n : Children(Child(root, "Clusters"), {"Cluster"})) {
    if (!Room(t_.clusters.size(), kMaxTopologyItems, "clusters", n)) return false;
    ReadPublishedCluster(n);
  }
  for (const auto& n : Children(Child(root, "SqlInstances"), {"SqlInstance"})) {
    if (!Room(t_.sql.size(), kMaxTopologyItems, "SQL Server instances", n)) return false;
    ReadPublishedSql(n);
  }
  for (const auto& n : Children(Child(root, "Services"), {"Service"})) {
    if (!Room(t_.services.size(), kMaxTopologyItems, "services", n)) return false;
    ReadPublishedService(n);
  }
  return !over_limit_;
}

// <ClusterId SiteId="1" Number="2"/> inside `owner` becomes "1:2".
bool Reader::PublishedClusterId(const pugi::xml_node& owner, std::string* id, Loc* loc) {
  pugi::xml_node cid = Child(owner, "ClusterId");
  if (!cid) {
    diags_.Report(DiagId::err_topo_missing_element, At(owner), {LocalName(owner), "ClusterId"});
    return false;
  }
  std::string site, number;
  bool ok = RequireDigits(cid, "SiteId", &site);
  ok = RequireDigits(cid, "Number", &number) && ok;
  if (!ok) return false;
  *id = site + ":" + number;
  if (loc) *loc = At(cid);
  return true;
}

// <SqlInstanceId Name="rtc"><ClusterId .../></SqlInstanceId> becomes "1:2/rtc".
bool Reader::PublishedSqlId(const pugi::xml_node& sql_id, std::string* id, std::string* cluster, std::string* name) {
  if (!PublishedClusterId(sql_id, cluster, nullptr)) return false;
  *name = sql_id.attribute("Name").value();
  *id = *cluster + "/" + *name;
  return true;
}

void Reader::ReadPublishedCluster(const pugi::xml_node& n) {
  Cluster c;
  c.loc = At(n);
  c.fqdn_loc = ValueAt(n, "Fqdn");
  Ref site;
  bool ok = Require(n, "Fqdn", &c.fqdn);
  Loc id_loc;
  if (PublishedClusterId(n, &c.id, &id_loc)) {
    site = Ref{c.id.substr(0, c.id.find(':')), id_loc};
    c.site_id = site.target;
  } else {
    ok = false;
  }
  if (!ok) return;
  // Get-CsTopology lists machines directly under the cluster; accept a Machines wrapper too.
  auto machines = Children(n, {"Machine"});
  for (const auto& m : Children(Child(n, "Machines"), {"Machine"})) machines.push_back(m);
  bool implicit_single = machines.size() == 1 && AsciiLower(machines[0].attribute("Fqdn").value()) == AsciiLower(c.fqdn);
  c.single_machine = Bool(n, "IsSingleMachineOnly", implicit_single);
  AddMachines(&c, machines);
  if (AddCluster(std::move(c))) cluster_site_.push_back(site);
}

void Reader::ReadPublishedSql(const pugi::xml_node& n) {
  pugi::xml_node sid = Child(n, "SqlInstanceId");
  if (!sid) {
    diags_.Report(DiagId::err_topo_missing_element, At(n), {"SqlInstance", "SqlInstanceId"});
    return;
  }
  SqlInstance s;
  s.loc = At(n);
  if (!PublishedSqlId(sid, &s.id, &s.cluster_id, &s.instance)) return;
  Ref mirror;
  if (pugi::xml_node m = Child(n, "MirrorSqlInstanceId")) {
    std::string cluster, name;
    if (PublishedSqlId(m, &mirror.target, &cluster, &name)) mirror.loc = s.mirror_loc = At(m);
  }
  auto [it, fresh] = sql_ix_.emplace(s.id, t_.sql.size());
  if (!fresh) { Duplicate("SQL Server instance", s.id, At(sid), t_.sql[it->second].loc); return; }
  sql_cluster_.push_back(Ref{s.cluster_id, At(sid)});
  sql_mirror_.push_back(mirror);
  t_.sql.push_back(std::move(s));
}

void Reader::ReadPublishedService(const pugi::xml_node& n) {
  Service s;
  PendingService p;
  s.loc = At(n);
  pugi::xml_node sid = Child(n, "ServiceId");
  if (!sid) {
    diags_.Report(DiagId::err_topo_missing_element, At(n), {"Service", "ServiceId"});
    return;
  }
  std::string instance;
  bool ok = RequireDigits(sid, "SiteId", &s.site_id);
  ok = Require(sid, "RoleName", &s.role) && ok;
  ok = RequireDigits(sid, "Instance", &instance) && ok;
  s.role_loc = ValueAt(sid, "RoleName");
  s.id = s.site_id + "-" + s.role + "-" + instance;
  p.site = Ref{s.site_id, ValueAt(sid, "SiteId")};
  pugi::xml_node on = Child(n, "InstalledOn");
  if (!on) {
    diags_.Report(DiagId::err_topo_missing_element, At(n), {"Service", "InstalledOn"});
    ok = false;
  } else if (pugi::xml_node sql = Child(on, "SqlInstanceId")) {
    std::string cluster, name;
    p.on = PendingService::On::kSql;
    if (PublishedSqlId(sql, &p.installed_on.target, &cluster, &name)) p.installed_on.loc = At(sql);
    else ok = false;
  } else {
    p.on = PendingService::On::kCluster;
    if (!PublishedClusterId(on, &p.installed_on.target, &p.installed_on.loc)) ok = false;
  }
  for (const auto& d : Children(Child(n, "DependsOn"), {"Dependency"})) {
    if (!Room(dependencies_, kMaxTopologyDependencies, "dependencies", d)) return;
    ++dependencies_;
    pugi::xml_node dsid = Child(d, "ServiceId");
    if (!dsid) {
      diags_.Report(DiagId::err_topo_missing_element, At(d), {"Dependency", "ServiceId"});
      continue;
    }
    std::string site, role, inst;
    bool dok = RequireDigits(dsid, "SiteId", &site);
    dok = Require(dsid, "RoleName", &role) && dok;
    dok = RequireDigits(dsid, "Instance", &inst) && dok;
    if (!dok) continue;
    Ref r{site + "-" + role + "-" + inst, At(dsid)};
    s.depends_on_ids.push_back(r.target);
    p.deps.push_back(std::move(r));
  }
  ReadServiceExtras(n, &s);
  if (!ok) return;
  auto [it, fresh] = service_ix_.emplace(s.id, t_.services.size());
  if (!fresh) { Duplicate("service", s.id, At(sid), t_.services[it->second].loc); return; }
  t_.services.push_back(std::move(s));
  pending_.push_back(std::move(p));
}

// ---------------------------------------------------------------- shared

bool Reader::AddSite(Site s) {
  auto [it, fresh] = site_ix_.emplace(s.id, t_.sites.size());
  if (!fresh) {
    Duplicate("site", s.id, s.loc, t_.sites[it->second].loc);
    return false;
  }
  t_.sites.push_back(std::move(s));
  return true;
}

void Reader::AddMachines(Cluster* c, const std::vector<pugi::xml_node>& machines) {
  if (machines.empty()) {
    if (c->single_machine) c->machines.push_back(Machine{c->fqdn, c->loc});
    else diags_.Report(DiagId::err_topo_missing_element, c->loc, {"Cluster", "Machine"});
    return;
  }
  if (c->single_machine && machines.size() > 1)
    diags_.Report(DiagId::warn_topo_machine_count, At(machines[1]), {c->fqdn, std::to_string(machines.size())});
  for (const auto& m : machines) {
    if (!Room(machines_, kMaxTopologyItems, "machines", m)) return;
    ++machines_;
    Machine machine{m.attribute("Fqdn").value(), At(m)};
    // Topology Builder writes a single-machine cluster's computer as <Machine />: it is the cluster.
    if (machine.fqdn.empty() && c->single_machine) machine.fqdn = c->fqdn;
    if (machine.fqdn.empty()) {
      diags_.Report(DiagId::err_topo_missing_attribute, machine.loc, {"Machine", "Fqdn"});
      continue;
    }
    c->machines.push_back(std::move(machine));
    if (c->single_machine) break;
  }
}

bool Reader::AddCluster(Cluster c) {
  auto [it, fresh] = cluster_ix_.emplace(c.id, t_.clusters.size());
  if (!fresh) {
    Duplicate("cluster", c.id, c.loc, t_.clusters[it->second].loc);
    return false;
  }
  const size_t index = t_.clusters.size();
  // A name (pool FQDN or computer FQDN) belongs to one cluster only.
  auto claim = [&](const std::string& fqdn, Loc where) {
    auto [nit, nfresh] = names_.emplace(AsciiLower(fqdn), std::make_pair(index, where));
    if (!nfresh && nit->second.first != index) Duplicate("computer or pool FQDN", fqdn, where, nit->second.second);
  };
  claim(c.fqdn, c.fqdn_loc);
  for (const auto& m : c.machines) claim(m.fqdn, m.loc);
  t_.clusters.push_back(std::move(c));
  return true;
}

void Reader::ReadServiceExtras(const pugi::xml_node& n, Service* s) {
  pugi::xml_attribute v = n.attribute("ServiceVersion");
  if (v) {
    if (IsDigits(v.value())) s->version = std::stoi(v.value());
    else diags_.Report(DiagId::err_topo_bad_value, ValueAt(n, "ServiceVersion"), {v.value(), "ServiceVersion", "a whole number"});
  }
  if (pugi::xml_node fs = Child(n, "FileStoreService")) {
    s->share = fs.attribute("ShareName").value();
    s->share_loc = ValueAt(fs, "ShareName");
  }
  if (pugi::xml_node reg = Child(n, "RegistrarService"))
    if (Bool(reg, "IsDirector", false)) s->role = "Director";
}

void Reader::CheckVersions() {
  static const char* const kKnown = "5 (Lync Server 2010), 6 (Lync Server 2013), 7 (Skype for Business Server 2015), 8 (Skype for Business Server 2019)";
  std::set<int> reported;
  for (const auto& s : t_.services) {
    t_.service_version = std::max(t_.service_version, s.version);
    if (s.version == 0 || (s.version >= 5 && s.version <= 8) || !reported.insert(s.version).second) continue;
    diags_.Report(DiagId::warn_topo_unknown_service_version, s.loc, {std::to_string(s.version), kKnown});
  }
}

void Reader::Dangling(const std::string& who, const char* what, const Ref& ref, const Index* a, const Index* b) {
  std::string hint;
  // Site ids are short numbers: every other site would look "close", so only longer ids get a hint.
  if (suggestions_left_ > 0 && ref.target.size() >= 3) {
    --suggestions_left_;
    std::vector<std::string> ids;
    for (const Index* m : {a, b})
      if (m)
        for (const auto& kv : *m) ids.push_back(kv.first);
    std::string s = Suggest(ref.target, ids);
    if (!s.empty()) hint = "; did you mean '" + s + "'?";
  }
  diags_.Report(DiagId::err_topo_dangling, ref.loc, {who, what, ref.target, hint});
}

void Reader::Resolve() {
  for (size_t i = 0; i < t_.sites.size() && i < branch_parent_.size(); ++i) {
    const Ref& p = branch_parent_[i];
    if (p.target.empty()) continue;
    auto it = site_ix_.find(p.target);
    if (it == site_ix_.end() || t_.sites[it->second].branch)
      Dangling("branch site '" + t_.sites[i].id + "'", "central site", p, &site_ix_);
  }
  for (size_t i = 0; i < cluster_site_.size(); ++i) {
    if (!site_ix_.count(cluster_site_[i].target))
      Dangling("cluster '" + t_.clusters[i].fqdn + "'", "site", cluster_site_[i], &site_ix_);
  }
  for (size_t i = 0; i < t_.sql.size(); ++i) {
    SqlInstance& s = t_.sql[i];
    auto c = cluster_ix_.find(sql_cluster_[i].target);
    if (c == cluster_ix_.end()) {
      Dangling("SQL Server instance '" + s.id + "'", "cluster", sql_cluster_[i], &cluster_ix_);
    } else {
      t_.clusters[c->second].is_sql = true;
      s.cluster_fqdn = t_.clusters[c->second].fqdn;
    }
    const Ref& m = sql_mirror_[i];
    if (m.target.empty()) continue;
    auto mi = sql_ix_.find(m.target);
    if (mi == sql_ix_.end()) {
      Dangling("SQL Server instance '" + s.id + "'", "mirror SQL Server instance", m, &sql_ix_);
      continue;
    }
    s.mirror_id = m.target;
    s.mirror_instance = t_.sql[mi->second].instance;
    auto mc = cluster_ix_.find(t_.sql[mi->second].cluster_id);
    if (mc != cluster_ix_.end()) s.mirror_fqdn = t_.clusters[mc->second].fqdn;
  }
  for (size_t i = 0; i < t_.services.size(); ++i) {
    Service& s = t_.services[i];
    const PendingService& p = pending_[i];
    const std::string who = "service '" + s.role + "' (" + s.id + ")";
    if (t_.format == Format::kPublished && !site_ix_.count(p.site.target))
      Dangling(who, "site", p.site, &site_ix_);
    const Cluster* cluster = nullptr;
    auto c = cluster_ix_.find(p.installed_on.target);
    auto q = sql_ix_.find(p.installed_on.target);
    if (p.on != PendingService::On::kSql && c != cluster_ix_.end()) {
      cluster = &t_.clusters[c->second];
    } else if (p.on != PendingService::On::kCluster && q != sql_ix_.end()) {
      s.sql_instance_id = q->first;
      auto qc = cluster_ix_.find(t_.sql[q->second].cluster_id);
      if (qc != cluster_ix_.end()) cluster = &t_.clusters[qc->second];
    } else {
      const Index* clusters = p.on != PendingService::On::kSql ? &cluster_ix_ : nullptr;
      const Index* sqls = p.on != PendingService::On::kCluster ? &sql_ix_ : nullptr;
      const char* what = p.on == PendingService::On::kSql ? "SQL Server instance"
                         : p.on == PendingService::On::kCluster ? "cluster" : "cluster or SQL Server instance";
      Dangling(who, what, p.installed_on, clusters, sqls);
    }
    if (cluster) {
      s.installed_on_cluster_id = cluster->id;
      s.installed_on_cluster_fqdn = cluster->fqdn;
      if (t_.format == Format::kTopologyBuilder) s.site_id = cluster->site_id;
    }
    for (const Ref& d : p.deps)
      if (!service_ix_.count(d.target)) Dangling(who, "service", d, &service_ix_);
  }
}

}  // namespace

bool ReadTopologyBytes(const std::string& display, const std::string& bytes, Topology* out, SourceManager& sm,
                       DiagEngine& diags) {
  *out = Topology();
  XmlDocument doc;
  if (!ParseXml(display, bytes, &doc, sm, diags)) {
    out->file = doc.file;
    return false;
  }
  out->file = doc.file;
  Reader reader(out, sm, diags);
  return reader.Run(doc.doc.document_element());
}

bool ReadTopology(const std::string& path, const std::string& display, Topology* out, SourceManager& sm,
                  DiagEngine& diags) {
  *out = Topology();
  std::string bytes;
  if (!ReadFileBytes(path, display, kMaxXmlBytes, &bytes, sm, diags)) return false;
  return ReadTopologyBytes(display, bytes, out, sm, diags);
}

}  // namespace plangen::topo

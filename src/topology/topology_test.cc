#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <sstream>

#include "test_paths.h"
#include "topology/topology.h"

namespace plangen::topo {
// Lets Boost.Test print a kind when a comparison fails.
std::ostream& operator<<(std::ostream& o, PoolKind k) { return o << PoolKindName(k); }
}  // namespace plangen::topo

using namespace plangen;
using namespace plangen::topo;

namespace {

struct Env {
  SourceManager sm;
  DiagEngine diags{sm};
  Topology t;

  bool Read(const std::string& rel) { return ReadTopology(testing::DataPath(rel), rel, &t, sm, diags); }
  bool ReadText(const std::string& text, const std::string& name = "t.xml") {
    return ReadTopologyBytes(name, text, &t, sm, diags);
  }
  /// "line:col" of a location.
  std::string At(const Loc& l) const {
    int line = 0, col = 0;
    sm.LineColumn(l.file, l.offset, &line, &col);
    return std::to_string(line) + ":" + std::to_string(col);
  }
  /// Every finding as "line:col: PGnnnn message", notes indented below.
  std::string Findings() const {
    std::string out;
    for (const Diagnostic* d : diags.Sorted()) {
      out += At(d->loc) + ": " + CodeString(d->id) + " " + d->message + "\n";
      for (const auto& n : d->notes) out += "  " + At(n.loc) + ": note: " + n.message + "\n";
    }
    return out;
  }
};

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

std::vector<std::string> Fqdns(const std::vector<Machine>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(m.fqdn);
  return out;
}

// A form-independent description of a topology: ids differ between a .tbxml (GUIDs) and
// Get-CsTopology output (site/number/role/instance), names do not.
std::string Describe(const Topology& t) {
  std::ostringstream o;
  for (const auto& s : t.sites)
    o << "site " << s.id << " " << s.name << (s.branch ? " branch of " + s.parent_site_id : "") << "\n";
  std::vector<std::string> lines;
  for (const auto& c : t.clusters)
    lines.push_back("cluster " + c.fqdn + " site " + c.site_id + " " + PoolKindName(c.kind) +
                    (c.single_machine ? " single" : "") + (c.is_sql ? " sql" : "") + " [" + Join(Fqdns(c.machines)) + "]");
  for (const auto& q : t.sql)
    lines.push_back("sql " + q.cluster_fqdn + "\\" + q.instance +
                    (q.mirror_fqdn.empty() ? "" : " mirror " + q.mirror_fqdn + "\\" + q.mirror_instance));
  for (const auto& s : t.services) {
    std::vector<std::string> deps;
    for (const auto& d : s.depends_on_ids) {
      const Service* ds = t.FindService(d);
      deps.push_back(ds ? ds->role + "@" + ds->installed_on_cluster_fqdn : "?" + d);
    }
    std::sort(deps.begin(), deps.end());
    const SqlInstance* q = t.FindSqlInstance(s.sql_instance_id);
    lines.push_back("service " + s.role + "@" + s.installed_on_cluster_fqdn + (q ? "\\" + q->instance : "") +
                    " site " + s.site_id + " v" + std::to_string(s.version) +
                    (s.share.empty() ? "" : " share " + s.share) + " deps [" + Join(deps) + "] pools [" +
                    Join(s.front_end_pools) + "]");
  }
  std::sort(lines.begin(), lines.end());
  for (const auto& l : lines) o << l << "\n";
  return o.str();
}

const std::string kTopoNs = "urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008";
const std::string kBuilderHead =
    "<TopologyBuilder xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008\">\n"
    "<NewTopology>\n"
    "<PartialTopology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.WritableTopology.2008\">\n";
const std::string kBuilderTail = "</PartialTopology>\n</NewTopology>\n</TopologyBuilder>\n";

// A small .tbxml: one site, a Front End pool and a SQL Server, with `services` inside <Services>.
std::string Builder(const std::string& clusters, const std::string& services) {
  return kBuilderHead +
         "<CentralSites>\n<CentralSite SiteId=\"1\">\n<Name>HQ</Name>\n<Clusters>\n" + clusters +
         "</Clusters>\n</CentralSite>\n</CentralSites>\n<Services>\n" + services + "</Services>\n" + kBuilderTail;
}
const std::string kTwoClusters =
    "<Cluster IsSingleMachineOnly=\"false\" UniqueId=\"c-fe\" Fqdn=\"pool.example.com\">\n"
    "<Machines><Machine Fqdn=\"fe1.example.com\"/><Machine Fqdn=\"fe2.example.com\"/></Machines>\n</Cluster>\n"
    "<Cluster IsSingleMachineOnly=\"true\" UniqueId=\"c-sql\" Fqdn=\"sql.example.com\">\n"
    "<Machines><Machine/></Machines><SqlInstances><SqlInstance UniqueId=\"q-rtc\" Name=\"rtc\"/></SqlInstances>\n</Cluster>\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(topology)

// ------------------------------------------------------------------ the real Contoso file

BOOST_AUTO_TEST_CASE(contoso_sites_and_product) {
  Env e;
  BOOST_TEST_REQUIRE(e.Read("corpus/lync-topology/Contoso.tbxml"));
  BOOST_TEST(e.Findings() == "");
  BOOST_TEST((e.t.format == Format::kTopologyBuilder));
  BOOST_TEST(e.t.schema_version == "2008");
  BOOST_TEST(e.t.service_version == 7);
  BOOST_TEST(e.t.ProductName() == "Skype for Business Server 2015");
  BOOST_TEST_REQUIRE(e.t.sites.size() == 1u);
  BOOST_TEST(e.t.sites[0].id == "1");
  BOOST_TEST(e.t.sites[0].name == "Contoso");
  BOOST_TEST(!e.t.sites[0].branch);
  BOOST_TEST(e.At(e.t.sites[0].loc) == "17:9");
}

BOOST_AUTO_TEST_CASE(contoso_clusters) {
  Env e;
  BOOST_TEST_REQUIRE(e.Read("corpus/lync-topology/Contoso.tbxml"));
  BOOST_TEST_REQUIRE(e.t.clusters.size() == 6u);

  const Cluster* fe = e.t.FindClusterByFqdn("frontendpool.contoso.com");
  BOOST_TEST_REQUIRE(fe);
  BOOST_TEST(fe->id == "01743022-c22c-4816-abca-259cf33dd5b8");
  BOOST_TEST(fe->kind == PoolKind::kFrontEnd);
  BOOST_TEST(!fe->single_machine);
  BOOST_TEST(!fe->is_sql);
  BOOST_TEST(fe->site_id == "1");
  BOOST_TEST(Join(Fqdns(fe->machines)) ==
             "xfrontend1.contoso.com,xfrontend2.contoso.com,xfrontend3.contoso.com,xfrontend4.contoso.com");
  BOOST_TEST(e.At(fe->loc) == "21:13");
  BOOST_TEST(e.At(fe->fqdn_loc) == "21:152");
  BOOST_TEST(e.At(fe->machines[0].loc) == "23:17");
  BOOST_TEST(e.At(fe->machines[3].loc) == "38:17");

  const Cluster* edge = e.t.FindClusterByFqdn("edgepool.contoso.com");
  BOOST_TEST_REQUIRE(edge);
  BOOST_TEST(edge->kind == PoolKind::kEdge);
  BOOST_TEST(Join(Fqdns(edge->machines)) == "xedge1.contoso.com,xedge2.contoso.com,xedge3.contoso.com");
  BOOST_TEST(e.At(edge->loc) == "46:13");

  const Cluster* owa = e.t.FindClusterByFqdn("xoffice1.contoso.com");  // look-ups ignore case
  BOOST_TEST_REQUIRE(owa);
  BOOST_TEST(owa->fqdn == "xOffice1.contoso.com");
  BOOST_TEST(owa->kind == PoolKind::kOfficeWebApps);
  BOOST_TEST(owa->single_machine);
  BOOST_TEST(Join(Fqdns(owa->machines)) == "xOffice1.contoso.com");  // <Machine /> is the cluster itself
  BOOST_TEST(e.At(owa->machines[0].loc) == "65:17");

  const Cluster* sql = e.t.FindClusterByFqdn("xSQL1.contoso.com");
  BOOST_TEST_REQUIRE(sql);
  BOOST_TEST(sql->kind == PoolKind::kSql);
  BOOST_TEST(sql->is_sql);
  BOOST_TEST(sql->single_machine);
  BOOST_TEST(e.At(sql->loc) == "69:13");
  BOOST_TEST(e.At(sql->fqdn_loc) == "69:153");

  for (const char* f : {"xFile1.contoso.com", "xFile2.contoso.com"}) {
    const Cluster* c = e.t.FindClusterByFqdn(f);
    BOOST_TEST_REQUIRE(c);
    BOOST_TEST(c->kind == PoolKind::kFile);
    BOOST_TEST(Join(Fqdns(c->machines)) == f);
  }
  BOOST_TEST(e.t.ClusterOfMachine("XFRONTEND3.contoso.com") == fe);
  BOOST_TEST(e.t.ClusterOfMachine("nobody.contoso.com") == nullptr);
}

BOOST_AUTO_TEST_CASE(contoso_sql_stores) {
  Env e;
  BOOST_TEST_REQUIRE(e.Read("corpus/lync-topology/Contoso.tbxml"));
  BOOST_TEST_REQUIRE(e.t.sql.size() == 1u);
  const SqlInstance& q = e.t.sql[0];
  BOOST_TEST(q.id == "4ccaff0c-5db9-4b16-a2ad-364288216b39");
  BOOST_TEST(q.cluster_fqdn == "xSQL1.contoso.com");
  BOOST_TEST(q.instance == "");  // the default instance
  BOOST_TEST(q.mirror_fqdn == "");
  BOOST_TEST(e.At(q.loc) == "74:17");

  std::vector<std::string> on_sql;
  for (const Service* s : e.t.ServicesOn(e.t.FindClusterByFqdn("xSQL1.contoso.com")->id)) {
    on_sql.push_back(s->role);
    BOOST_TEST(s->sql_instance_id == q.id);
    BOOST_TEST(s->installed_on_cluster_fqdn == "xSQL1.contoso.com");
    BOOST_TEST(Join(s->front_end_pools) == "frontendpool.contoso.com");
  }
  BOOST_TEST(Join(on_sql) == "UserStore,ApplicationStore,ArchivingStore,MonitoringStore");
  const Service* user = e.t.ServicesWithRole("UserStore").at(0);
  BOOST_TEST(user->id == "52e02743-364b-43d5-b1b0-4347b97fcfbb");
  BOOST_TEST(e.At(user->loc) == "155:9");
  BOOST_TEST(e.At(e.t.ServicesWithRole("MonitoringStore").at(0)->loc) == "293:9");
}

BOOST_AUTO_TEST_CASE(contoso_file_stores_and_services) {
  Env e;
  BOOST_TEST_REQUIRE(e.Read("corpus/lync-topology/Contoso.tbxml"));
  BOOST_TEST(e.t.services.size() == 15u);
  auto stores = e.t.ServicesWithRole("FileStore");
  BOOST_TEST_REQUIRE(stores.size() == 2u);
  BOOST_TEST(stores[0]->share == "Data1");
  BOOST_TEST(stores[0]->installed_on_cluster_fqdn == "xFile1.contoso.com");
  BOOST_TEST(stores[0]->sql_instance_id == "");
  BOOST_TEST(e.At(stores[0]->share_loc) == "162:40");
  BOOST_TEST(Join(stores[0]->front_end_pools) == "frontendpool.contoso.com");
  BOOST_TEST(stores[1]->share == "Data2");
  BOOST_TEST(stores[1]->installed_on_cluster_fqdn == "xFile2.contoso.com");
  BOOST_TEST(e.At(stores[1]->share_loc) == "300:40");
  BOOST_TEST(stores[1]->front_end_pools.empty());  // no service of the file depends on Data2

  const Service* reg = e.t.ServicesWithRole("Registrar").at(0);
  BOOST_TEST(reg->installed_on_cluster_fqdn == "frontendpool.contoso.com");
  BOOST_TEST(reg->site_id == "1");
  BOOST_TEST(reg->version == 7);
  BOOST_TEST(reg->depends_on_ids.size() == 5u);
  BOOST_TEST(e.At(reg->loc) == "106:9");
  BOOST_TEST(e.t.ServicesWithRole("WacService").at(0)->installed_on_cluster_fqdn == "xOffice1.contoso.com");
  BOOST_TEST(e.t.ServicesWithRole("EdgeServer").at(0)->installed_on_cluster_fqdn == "edgepool.contoso.com");
  BOOST_TEST(e.t.ServicesWithRole("Director").empty());
}

// ------------------------------------------------------------------ our own topologies

const char* const kFabrikam =
    "site 1 Redmond\n"
    "site 3 Galway branch of 1\n"
    "site 2 Dublin\n"
    "cluster dirpool01.fabrikam.com site 1 director [dir01.fabrikam.com,dir02.fabrikam.com]\n"
    "cluster edgepool01.fabrikam.com site 1 edge [edge01.fabrikam.com]\n"
    "cluster fs01.fabrikam.com site 1 file single [fs01.fabrikam.com]\n"
    "cluster gw01.fabrikam.com site 3 pstn-gateway single [gw01.fabrikam.com]\n"
    "cluster owa01.fabrikam.com site 1 office-web-apps single [owa01.fabrikam.com]\n"
    "cluster pchat01.fabrikam.com site 1 persistent-chat [pc01.fabrikam.com,pc02.fabrikam.com]\n"
    "cluster pool01.fabrikam.com site 1 front-end [fe01.fabrikam.com,fe02.fabrikam.com,fe03.fabrikam.com]\n"
    "cluster sba01.fabrikam.com site 3 sba single [sba01.fabrikam.com]\n"
    "cluster se01.fabrikam.com site 2 standard-edition single sql [se01.fabrikam.com]\n"
    "cluster sqlbe01.fabrikam.com site 1 sql single sql [sqlbe01.fabrikam.com]\n"
    "cluster sqlbe02.fabrikam.com site 1 sql single sql [sqlbe02.fabrikam.com]\n"
    "cluster sqlpc01.fabrikam.com site 1 sql single sql [sqlpc01.fabrikam.com]\n"
    "service ApplicationServer@pool01.fabrikam.com site 1 v6 deps [ApplicationStore@sqlbe01.fabrikam.com,FileStore@fs01.fabrikam.com,Registrar@pool01.fabrikam.com] pools []\n"
    "service ApplicationServer@se01.fabrikam.com site 2 v6 deps [ApplicationStore@se01.fabrikam.com,FileStore@se01.fabrikam.com,Registrar@se01.fabrikam.com] pools []\n"
    "service ApplicationStore@se01.fabrikam.com\\rtc site 2 v6 deps [] pools [se01.fabrikam.com]\n"
    "service ApplicationStore@sqlbe01.fabrikam.com\\rtc site 1 v6 deps [] pools [pool01.fabrikam.com]\n"
    "service CentralMgmt@pool01.fabrikam.com site 1 v6 deps [CentralMgmtStore@sqlbe01.fabrikam.com,FileStore@fs01.fabrikam.com] pools []\n"
    "service CentralMgmtStore@sqlbe01.fabrikam.com\\rtc site 1 v6 deps [] pools [pool01.fabrikam.com]\n"
    "service ConfServices@pool01.fabrikam.com site 1 v6 deps [EdgeServer@edgepool01.fabrikam.com,FileStore@fs01.fabrikam.com,UserServices@pool01.fabrikam.com,WebServices@pool01.fabrikam.com] pools []\n"
    "service ConfServices@se01.fabrikam.com site 2 v6 deps [FileStore@se01.fabrikam.com,UserServices@se01.fabrikam.com,WebServices@se01.fabrikam.com] pools []\n"
    "service Director@dirpool01.fabrikam.com site 1 v6 deps [WebServices@dirpool01.fabrikam.com] pools []\n"
    "service EdgeServer@edgepool01.fabrikam.com site 1 v6 deps [Director@dirpool01.fabrikam.com] pools []\n"
    "service FileStore@fs01.fabrikam.com site 1 v6 share LyncShare deps [] pools [pool01.fabrikam.com]\n"
    "service FileStore@se01.fabrikam.com site 2 v6 share SEShare deps [] pools [se01.fabrikam.com]\n"
    "service ManagementServices@edgepool01.fabrikam.com site 1 v6 deps [] pools []\n"
    "service MediationServer@pool01.fabrikam.com site 1 v6 deps [EdgeServer@edgepool01.fabrikam.com,Registrar@pool01.fabrikam.com] pools []\n"
    "service MediationServer@sba01.fabrikam.com site 3 v6 deps [PstnGateway@gw01.fabrikam.com,Registrar@sba01.fabrikam.com] pools []\n"
    "service PersistentChatComplianceStore@sqlpc01.fabrikam.com\\pchat site 1 v6 deps [] pools [pool01.fabrikam.com]\n"
    "service PersistentChatServer@pchat01.fabrikam.com site 1 v6 deps [FileStore@fs01.fabrikam.com,PersistentChatComplianceStore@sqlpc01.fabrikam.com,PersistentChatStore@sqlpc01.fabrikam.com,Registrar@pool01.fabrikam.com] pools []\n"
    "service PersistentChatStore@sqlpc01.fabrikam.com\\pchat site 1 v6 deps [] pools [pool01.fabrikam.com]\n"
    "service PstnGateway@gw01.fabrikam.com site 3 v6 deps [] pools []\n"
    "service Registrar@pool01.fabrikam.com site 1 v6 deps [EdgeServer@edgepool01.fabrikam.com,UserServices@pool01.fabrikam.com,WebServices@pool01.fabrikam.com] pools []\n"
    "service Registrar@sba01.fabrikam.com site 3 v6 deps [Registrar@pool01.fabrikam.com] pools []\n"
    "service Registrar@se01.fabrikam.com site 2 v6 deps [UserServices@se01.fabrikam.com,WebServices@se01.fabrikam.com] pools []\n"
    "service UserServices@pool01.fabrikam.com site 1 v6 deps [ConfServices@pool01.fabrikam.com,FileStore@fs01.fabrikam.com,UserStore@sqlbe01.fabrikam.com] pools []\n"
    "service UserServices@se01.fabrikam.com site 2 v6 deps [ConfServices@se01.fabrikam.com,FileStore@se01.fabrikam.com,UserStore@se01.fabrikam.com] pools []\n"
    "service UserStore@se01.fabrikam.com\\rtc site 2 v6 deps [] pools [se01.fabrikam.com]\n"
    "service UserStore@sqlbe01.fabrikam.com\\rtc site 1 v6 deps [] pools [pool01.fabrikam.com]\n"
    "service WacService@owa01.fabrikam.com site 1 v6 deps [] pools []\n"
    "service WebServices@dirpool01.fabrikam.com site 1 v6 deps [FileStore@fs01.fabrikam.com] pools []\n"
    "service WebServices@pool01.fabrikam.com site 1 v6 deps [FileStore@fs01.fabrikam.com,UserServices@pool01.fabrikam.com] pools []\n"
    "service WebServices@se01.fabrikam.com site 2 v6 deps [FileStore@se01.fabrikam.com,UserServices@se01.fabrikam.com] pools []\n"
    "sql se01.fabrikam.com\\rtc\n"
    "sql sqlbe01.fabrikam.com\\rtc mirror sqlbe02.fabrikam.com\\rtc\n"
    "sql sqlbe02.fabrikam.com\\rtc\n"
    "sql sqlpc01.fabrikam.com\\pchat\n";

BOOST_AUTO_TEST_CASE(fabrikam_topology_builder_file) {
  Env e;
  BOOST_TEST_REQUIRE(e.Read("topology/Fabrikam.tbxml"));
  BOOST_TEST(e.Findings() == "");
  BOOST_TEST(e.t.ProductName() == "Lync Server 2013");
  BOOST_TEST(Describe(e.t) == kFabrikam);
  // Locations of what the corpus file lacks.
  const Site* galway = e.t.FindSite("3");
  BOOST_TEST_REQUIRE(galway);
  BOOST_TEST(e.At(galway->loc) == "105:13");
  BOOST_TEST_REQUIRE(!e.t.sql.empty());
  const SqlInstance* be = &e.t.sql[0];
  BOOST_TEST(be->cluster_fqdn == "sqlbe01.fabrikam.com");
  BOOST_TEST(e.At(be->mirror_loc) == "41:59");
  BOOST_TEST(e.t.FindSqlInstance(be->mirror_id)->cluster_fqdn == "sqlbe02.fabrikam.com");
}

BOOST_AUTO_TEST_CASE(fabrikam_get_cstopology_output_reads_the_same) {
  Env e;
  // Saved from PowerShell with Out-File: UTF-16 with a byte order mark, no XML declaration.
  BOOST_TEST_REQUIRE(e.Read("topology/Fabrikam-AsXml.xml"));
  BOOST_TEST(e.Findings() == "");
  BOOST_TEST((e.t.format == Format::kPublished));
  BOOST_TEST(e.t.schema_version == "2008");
  // Sites are listed by id in Get-CsTopology output; everything else reads exactly as the .tbxml.
  std::string expected = kFabrikam;
  expected.replace(0, expected.find("cluster "), "site 1 Redmond\nsite 2 Dublin\nsite 3 Galway branch of 1\n");
  BOOST_TEST(Describe(e.t) == expected);
  BOOST_TEST(e.t.FindCluster("1:1")->fqdn == "pool01.fabrikam.com");
  BOOST_TEST(e.t.FindSqlInstance("1:2/rtc")->mirror_id == "1:3/rtc");
  const Service* store = e.t.FindService("1-PersistentChatStore-1");
  BOOST_TEST_REQUIRE(store);
  BOOST_TEST(store->sql_instance_id == "1:6/pchat");
  BOOST_TEST(e.At(store->loc) == "313:5");
  BOOST_TEST(e.At(store->role_loc) == "314:39");
}

// ------------------------------------------------------------------ bad input

BOOST_AUTO_TEST_CASE(wrong_root_and_namespace) {
  Env a;
  BOOST_TEST(!a.ReadText("<plan xmlns=\"urn:plangen:plan:1\"/>"));
  BOOST_TEST(a.Findings() ==
             "1:1: PG5001 root element is 'plan' in namespace 'urn:plangen:plan:1'; expected a Topology Builder "
             "file ('TopologyBuilder') or the output of Get-CsTopology -AsXml ('Topology')\n");
  Env b;
  BOOST_TEST(!b.ReadText("<?xml version=\"1.0\"?>\n<Topology/>"));
  BOOST_TEST(b.Findings().rfind("2:1: PG5001 root element is 'Topology' in namespace ''", 0) == 0);
}

BOOST_AUTO_TEST_CASE(unknown_schema_versions) {
  Env a;
  BOOST_TEST(!a.ReadText("<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2010\"/>"));
  BOOST_TEST(a.Findings() == "1:1: PG5002 topology schema version '2010' is not supported; supported: 2008\n");
  Env b;
  BOOST_TEST(!b.ReadText("\n  <TopologyBuilder xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2015\"/>"));
  BOOST_TEST(b.Findings() == "2:3: PG5002 topology schema version '2015' is not supported; supported: 2008\n");
}

BOOST_AUTO_TEST_CASE(unknown_service_version_is_a_warning) {
  Env e;
  BOOST_TEST(e.ReadText(Builder(kTwoClusters,
                                "<Service UniqueId=\"s1\" RoleName=\"UserStore\" InstalledOn=\"q-rtc\" ServiceVersion=\"9\"/>\n"
                                "<Service UniqueId=\"s2\" RoleName=\"ApplicationStore\" InstalledOn=\"q-rtc\" ServiceVersion=\"9\"/>\n")));
  BOOST_TEST(e.Findings() ==
             "18:1: PG5003 service version '9' is not known; known versions: 5 (Lync Server 2010), 6 (Lync Server "
             "2013), 7 (Skype for Business Server 2015), 8 (Skype for Business Server 2019)\n");
  BOOST_TEST(e.t.ProductName() == "");
}

BOOST_AUTO_TEST_CASE(malformed_and_hostile_xml) {
  Env a;
  BOOST_TEST(!a.ReadText("<Topology xmlns=\"" + kTopoNs + "\">\n<Sites>\n</Topology>"));
  BOOST_TEST(a.Findings().find("PG1001 malformed XML") != std::string::npos);
  Env b;
  BOOST_TEST(!b.ReadText("<?xml version=\"1.0\"?>\n<!DOCTYPE Topology [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n"
                         "<Topology xmlns=\"" + kTopoNs + "\">&b;</Topology>"));
  BOOST_TEST(b.Findings() == "2:1: PG1002 document type declarations are not allowed\n");
  Env c;
  BOOST_TEST(!c.ReadText(""));
  BOOST_TEST(c.Findings() == "1:1: PG1004 file is empty\n");
  // Deep nesting costs the reader nothing: it walks only the schema's fixed levels.
  Env d;
  std::string deep = "<Topology xmlns=\"" + kTopoNs + "\">";
  for (int i = 0; i < 200000; ++i) deep += "<Sites>";
  for (int i = 0; i < 200000; ++i) deep += "</Sites>";
  deep += "</Topology>";
  BOOST_TEST(!d.ReadText(deep));
  BOOST_TEST(d.Findings() == "1:1: PG5012 the topology defines no sites\n");
}

BOOST_AUTO_TEST_CASE(too_many_services) {
  Env e;
  std::string services;
  for (size_t i = 0; i <= kMaxTopologyItems; ++i)
    services += "<Service UniqueId=\"s" + std::to_string(i) + "\" RoleName=\"UserStore\" InstalledOn=\"q-rtc\"/>\n";
  BOOST_TEST(!e.ReadText(Builder(kTwoClusters, services)));
  BOOST_TEST(e.Findings() == "5018:1: PG5011 the topology holds more than 5000 services\n");
}

BOOST_AUTO_TEST_CASE(missing_parts) {
  Env a;
  BOOST_TEST(!a.ReadText("<TopologyBuilder xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008\">"
                         "<OldTopology/></TopologyBuilder>"));
  BOOST_TEST(a.Findings() == "1:1: PG5005 'TopologyBuilder' needs a 'NewTopology' element\n");
  Env b;
  BOOST_TEST(!b.ReadText(Builder("<Cluster UniqueId=\"c1\" IsSingleMachineOnly=\"yes\"><Machines><Machine/></Machines></Cluster>\n"
                                 "<Cluster UniqueId=\"c2\" Fqdn=\"p.example.com\"><Machines><Machine/></Machines></Cluster>\n",
                                 "<Service RoleName=\"UserStore\" InstalledOn=\"c2\"/>\n")));
  BOOST_TEST(b.Findings() ==
             "8:1: PG5004 'Cluster' needs the attribute 'Fqdn'\n"
             "8:45: PG5009 'yes' is not a valid value for IsSingleMachineOnly; expected true or false\n"
             "9:55: PG5004 'Machine' needs the attribute 'Fqdn'\n"
             "14:1: PG5004 'Service' needs the attribute 'UniqueId'\n");
}

BOOST_AUTO_TEST_CASE(dangling_references_in_a_builder_file) {
  Env e;
  BOOST_TEST(!e.ReadText(Builder(
      kTwoClusters,
      "<Service UniqueId=\"store-1\" RoleName=\"UserStore\" InstalledOn=\"q-rtcc\"/>\n"
      "<Service UniqueId=\"us-1\" RoleName=\"UserServices\" InstalledOn=\"c-fe\">\n"
      "<DependsOn><Dependency ServiceUniqueId=\"store-2\" Usage=\"Default\"/></DependsOn></Service>\n")));
  BOOST_TEST(e.Findings() ==
             "18:63: PG5008 service 'UserStore' (store-1) refers to cluster or SQL Server instance 'q-rtcc', which is "
             "not defined; did you mean 'q-rtc'?\n"
             "20:41: PG5008 service 'UserServices' (us-1) refers to service 'store-2', which is not defined; did you "
             "mean 'store-1'?\n");
}

BOOST_AUTO_TEST_CASE(duplicates_point_at_the_first_definition) {
  Env e;
  BOOST_TEST(!e.ReadText(Builder(
      kTwoClusters + "<Cluster IsSingleMachineOnly=\"true\" UniqueId=\"c-sql\" Fqdn=\"sql2.example.com\"><Machines><Machine/></Machines></Cluster>\n"
                     "<Cluster UniqueId=\"c-x\" Fqdn=\"other.example.com\"><Machines><Machine Fqdn=\"FE2.example.com\"/></Machines></Cluster>\n",
      "")));
  BOOST_TEST(e.Findings() ==
             "14:1: PG5006 duplicate cluster 'c-sql'\n"
             "  11:1: note: previous definition is here\n"
             "15:60: PG5006 duplicate computer or pool FQDN 'FE2.example.com'\n"
             "  9:44: note: previous definition is here\n");
}

BOOST_AUTO_TEST_CASE(single_machine_cluster_with_two_machines_keeps_the_first) {
  Env e;
  BOOST_TEST(e.ReadText(Builder(
      "<Cluster IsSingleMachineOnly=\"true\" UniqueId=\"c\" Fqdn=\"se.example.com\">\n"
      "<Machines><Machine Fqdn=\"se.example.com\"/><Machine Fqdn=\"x.example.com\"/></Machines></Cluster>\n",
      "")));
  BOOST_TEST(e.Findings() == "9:43: PG5010 cluster 'se.example.com' is marked single-machine but lists 2 machines\n");
  BOOST_TEST(Join(Fqdns(e.t.clusters.at(0).machines)) == "se.example.com");
}

BOOST_AUTO_TEST_CASE(published_form_errors) {
  Env e;
  BOOST_TEST(!e.ReadText(
      "<Topology xmlns=\"" + kTopoNs + "\">\n"
      "<Sites><CentralSite SiteId=\"1\"><Name>HQ</Name></CentralSite>\n"
      "<BranchSite SiteId=\"2\" CentralSiteId=\"7\"><Name>Branch</Name></BranchSite></Sites>\n"
      "<Clusters><Cluster Fqdn=\"pool.example.com\"><ClusterId SiteId=\"1\" Number=\"1\"/>"
      "<Machine Fqdn=\"fe.example.com\"/></Cluster>\n"
      "<Cluster Fqdn=\"sql.example.com\"><Machine Fqdn=\"sql.example.com\"/></Cluster>\n"
      "<Cluster Fqdn=\"far.example.com\"><ClusterId SiteId=\"9\" Number=\"1\"/><Machine Fqdn=\"far.example.com\"/></Cluster></Clusters>\n"
      "<Services><Service><ServiceId SiteId=\"1\" RoleName=\"UserStore\" Instance=\"1\"/>\n"
      "<InstalledOn><SqlInstanceId Name=\"rtc\"><ClusterId SiteId=\"1\" Number=\"2\"/></SqlInstanceId></InstalledOn></Service>\n"
      "<Service><ServiceId SiteId=\"1\" RoleName=\"UserServices\" Instance=\"x\"/><InstalledOn><ClusterId SiteId=\"1\" Number=\"1\"/></InstalledOn></Service>\n"
      "</Services></Topology>"));
  BOOST_TEST(e.Findings() ==
             "3:39: PG5008 branch site '2' refers to central site '7', which is not defined\n"
             "5:1: PG5005 'Cluster' needs a 'ClusterId' element\n"
             "6:33: PG5008 cluster 'far.example.com' refers to site '9', which is not defined\n"
             "8:14: PG5008 service 'UserStore' (1-UserStore-1) refers to SQL Server instance '1:2/rtc', which is "
             "not defined\n"
             "9:66: PG5009 'x' is not a valid value for Instance; expected a whole number\n");
}

BOOST_AUTO_TEST_CASE(helpers_and_kinds) {
  BOOST_TEST(std::string(PoolKindName(PoolKind::kStandardEdition)) == "standard-edition");
  BOOST_TEST(std::string(PoolKindName(PoolKind::kOfficeWebApps)) == "office-web-apps");
  BOOST_TEST(std::string(PoolKindName(PoolKind::kSba)) == "sba");
  Env e;
  BOOST_TEST_REQUIRE(e.ReadText(Builder(kTwoClusters,
                                        "<Service UniqueId=\"s1\" RoleName=\"UserStore\" InstalledOn=\"q-rtc\"/>\n")));
  BOOST_TEST(e.t.FindCluster("c-fe")->kind == PoolKind::kOther);  // nothing runs on it yet
  BOOST_TEST(e.t.FindService("s1")->front_end_pools.empty());     // and nothing uses the store
  BOOST_TEST(e.t.FindService("nope") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()

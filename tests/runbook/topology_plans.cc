#include "topology_plans.h"

#include <sstream>

namespace plangen::testing {

std::string TopologyShape::Name() const {
  std::string n = enterprise ? "ee" : "se";
  n += holds_cms ? "+cms" : "-cms";
  if (mirrored) n += "+mirror";
  if (paired == 1) n += "+paired-same-site";
  if (paired == 2) n += "+paired-other-site";
  if (persistent_chat) n += chat_by_sql ? "+pchat-sql" : "+pchat-export";
  if (edge) n += "+edge";
  if (branch) n += "+sba";
  if (monitoring) n += "+monitoring";
  return n;
}

std::vector<TopologyShape> AllShapes() {
  std::vector<TopologyShape> out;
  for (int ee = 0; ee < 2; ++ee)
    for (int cms = 0; cms < 2; ++cms)
      for (int mirror = 0; mirror < (ee ? 2 : 1); ++mirror)
        for (int paired = 0; paired < (ee ? 3 : 1); ++paired)
          for (int chat = 0; chat < 3; ++chat)
            for (int edge = 0; edge < 2; ++edge)
              for (int branch = 0; branch < 2; ++branch)
                for (int mon = 0; mon < (ee ? 2 : 1); ++mon) {
                  TopologyShape s;
                  s.enterprise = ee;
                  s.holds_cms = cms;
                  s.mirrored = mirror;
                  s.paired = paired;
                  s.persistent_chat = chat > 0;
                  s.chat_by_sql = chat == 2;
                  s.edge = edge;
                  s.branch = branch;
                  s.monitoring = mon;
                  s.front_ends = 2 + (ee + cms + paired) % 3;
                  out.push_back(s);
                }
  return out;
}

namespace {

struct Writer {
  std::ostringstream topo, backups, scenarios;
  int backup_n = 0, scenario_n = 0;

  void Backup(const std::string& item, const std::string& server, const std::string& procedure = "") {
    backups << "    <backup id=\"b" << ++backup_n << "\" item=\"" << item << "\" server=\"" << server
            << "\" owner=\"ops\" schedule=\"daily 02:00\" retention=\"P30D\" locations=\""
            << (backup_n % 3 == 0 ? "bk" : "bk vault") << "\""  // every third backup stays on site
            << (procedure.empty() ? "" : " procedure=\"" + procedure + "\"") << "/>\n";
  }
  void Scenario(const std::string& tmpl, const std::string& covers) {
    scenarios << "    <scenario id=\"s" << ++scenario_n << "\"" << (tmpl.empty() ? "" : " template=\"" + tmpl + "\"")
              << " title=\"" << (tmpl.empty() ? "vendor restore" : tmpl) << " of "
              << covers << "\" rto=\"P5D\" decider=\"im\" new-hardware=\"no\" covers=\"" << covers << "\">\n"
              << "      <criteria>It failed.</criteria>\n"
              << "      <step id=\"do\" title=\"Follow the procedure\" role=\"ops\" estimate=\"PT8H\"/>\n"
              << "    </scenario>\n";
  }
};

// An Enterprise Edition Front End pool: Front Ends, a Back End (and its mirror), a file server.
void EnterprisePool(Writer& w, const std::string& id, const std::string& paired_with, int fes, bool cms, bool mirror,
                    bool monitoring, bool first) {
  const std::string d = ".example.com";
  w.topo << "      <pool id=\"" << id << "\" fqdn=\"" << id << d << "\" edition=\"enterprise\" kind=\"front-end\""
         << (paired_with.empty() ? "" : " paired-with=\"" + paired_with + "\"") << ">\n";
  std::string fe_list;
  for (int i = 1; i <= fes; ++i) {
    std::string fe = id + "-fe" + std::to_string(i) + d;
    w.topo << "        <server fqdn=\"" << fe << "\" roles=\"front-end\"/>\n";
    fe_list += (fe_list.empty() ? "" : " ") + fe;
  }
  const std::string be = id + "-be" + d, mir = id + "-bem" + d, fs = id + "-fs" + d;
  w.topo << "        <server fqdn=\"" << be << "\" roles=\"back-end\" instance=\"rtc\">"
         << (cms ? "<service type=\"CentralMgmtStore\"/>" : "")
         << "<service type=\"UserStore\"/><service type=\"ApplicationStore\"/>"
         << (monitoring ? "<service type=\"ArchivingStore\"/><service type=\"MonitoringStore\"/>" : "") << "</server>\n";
  if (mirror) w.topo << "        <server fqdn=\"" << mir << "\" roles=\"back-end-mirror\" mirror-of=\"" << be << "\" instance=\"rtc\"/>\n";
  w.topo << "        <server fqdn=\"" << fs << "\" roles=\"file-server\"><service type=\"FileStore\" share=\"Share-" << id
         << "\"/></server>\n      </pool>\n";
  if (cms) {
    w.Backup("xds", be);
    w.Backup("lis", be);
  }
  w.Backup("rtcxds", be);
  w.Backup("rgsconfig", be);
  if (mirror) w.Backup("sql-logs", be);  // mirrored databases are in the full recovery model
  if (monitoring) {
    w.Backup("lcslog", be);
    w.Backup("lcscdr", be);
    w.Backup("qoemetrics", be);
  }
  w.Backup("file-store", fs);
  w.Scenario(cms ? "cms-host" : "back-end", be + (mirror ? " " + mir : std::string()));
  w.Scenario("member-server", fe_list);
  w.Scenario("file-store", fs);
  w.Scenario("whole-pool", id);
  w.Scenario("response-group", id);
  if (mirror) {
    w.Scenario("mirror-primary", be);
    w.Scenario("mirror-secondary", mir);
  }
  if (monitoring) w.Scenario("monitoring-archiving-db", be);
  if (!paired_with.empty() && first) {
    w.Scenario("pool-failover", id);
    w.Scenario("pool-failback", id);
    if (cms) w.Scenario("cms-move", id);
  }
}

// A Standard Edition pool of one server, with its File Store.
void StandardPool(Writer& w, const std::string& id, bool cms) {
  const std::string se = id + ".example.com";
  w.topo << "      <pool id=\"" << id << "\" fqdn=\"" << se << "\" edition=\"standard\" kind=\"front-end\">\n"
         << "        <server fqdn=\"" << se << "\" roles=\"standard-edition\">"
         << (cms ? "<service type=\"CentralMgmtStore\"/>" : "")
         << "<service type=\"UserStore\"/><service type=\"ApplicationStore\"/><service type=\"FileStore\" share=\"LyncShare\"/></server>\n"
         << "      </pool>\n";
  if (cms) {
    w.Backup("xds", se);
    w.Backup("lis", se);
  }
  w.Backup("rtcxds", se);
  w.Backup("rgsconfig", se);
  w.Backup("file-store", se);
  w.Scenario(cms ? "cms-host" : "standard-edition", se);
  w.Scenario("file-store", se);
  w.Scenario("whole-pool", id);
}

}  // namespace

std::string TopologyPlan(const TopologyShape& s) {
  Writer w;
  const std::string second_site = s.paired == 2 || s.branch ? "s2" : "";
  w.topo << "    <site id=\"s1\" name=\"Main site\">\n";
  if (s.enterprise) {
    EnterprisePool(w, "pool1", s.paired ? "pool2" : "", s.front_ends, s.holds_cms, s.mirrored, s.monitoring, true);
  } else {
    StandardPool(w, "se1", s.holds_cms);
  }
  if (!s.holds_cms) StandardPool(w, "secms", true);
  if (s.paired == 1) EnterprisePool(w, "pool2", "pool1", 2, false, false, false, false);
  if (s.persistent_chat) {
    w.topo << "      <pool id=\"pc1\" fqdn=\"pc1.example.com\" edition=\"enterprise\" kind=\"persistent-chat\">\n"
           << "        <server fqdn=\"pc1-a.example.com\" roles=\"persistent-chat\"/>\n"
           << "        <server fqdn=\"pc1-sql.example.com\" roles=\"sql\" instance=\"pchat\"><service type=\"PersistentChatStore\" instance=\"pchat\"/>"
              "<service type=\"PersistentChatComplianceStore\" instance=\"pchat\"/></server>\n";
    // With mirroring in the shape, mgc also has a log-shipping standby to fail over to.
    if (s.mirrored) w.topo << "        <server fqdn=\"pc1-sqlb.example.com\" roles=\"sql\" mirror-of=\"pc1-sql.example.com\" instance=\"pchat\"/>\n";
    w.topo << "      </pool>\n";
    w.Backup("mgc", "pc1-sql.example.com", s.chat_by_sql ? "backup-sql-database" : "");
    w.Scenario("persistent-chat-db", "pc1-sql.example.com");
    if (s.mirrored) w.Scenario("persistent-chat-failover", "pc1-sql.example.com pc1-sqlb.example.com");
    w.Scenario("member-server", "pc1-a.example.com");
    w.Scenario("whole-pool", "pc1");
  }
  if (s.edge) {
    w.topo << "      <pool id=\"edge1\" fqdn=\"edge1.example.com\" edition=\"enterprise\" kind=\"edge\">\n"
           << "        <server fqdn=\"edge1-a.example.com\" roles=\"edge\"/>\n"
           << "        <server fqdn=\"edge1-b.example.com\" roles=\"edge\"/>\n"
           << "      </pool>\n";
    w.Scenario("edge-server", "edge1");
    w.Scenario("whole-pool", "edge1");
  }
  w.topo << "    </site>\n";
  if (!second_site.empty()) {
    w.topo << "    <site id=\"s2\" name=\"Second site\">\n";
    if (s.paired == 2) EnterprisePool(w, "pool2", "pool1", 2, false, false, false, false);
    if (s.edge) {
      // A second Edge pool in the other site takes federation over from the first.
      w.topo << "      <pool id=\"edge2\" fqdn=\"edge2.example.com\" edition=\"enterprise\" kind=\"edge\">\n"
             << "        <server fqdn=\"edge2-a.example.com\" roles=\"edge\"/>\n"
             << "      </pool>\n";
      w.Scenario("edge-failover", "edge1");
      w.Scenario("edge-server", "edge2");
    }
    if (s.branch) {
      w.topo << "      <pool id=\"sba1\" fqdn=\"sba1.example.com\" edition=\"standard\" kind=\"sba\">\n"
             << "        <server fqdn=\"sba1-a.example.com\" roles=\"sba\"/>\n"
             << "      </pool>\n";
      w.Scenario("", "sba1-a.example.com");  // the appliance vendor's procedure: no profile template
    }
    w.topo << "    </site>\n";
  }
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
       "<plan xmlns=\"urn:plangen:plan:1\" id=\"shape\" version=\"1\" profile=\"lync-server-2013\">\n"
       "  <title>" << s.Name() << "</title>\n"
       "  <roles>\n"
       "    <role id=\"ops\" kind=\"team\" name=\"Operations\" department=\"UC\" role-kind=\"lync-admin\"><contact type=\"email\">ops@example.com</contact></role>\n"
       "    <role id=\"dba\" kind=\"team\" name=\"Databases\" department=\"Data\" role-kind=\"database\"><contact type=\"email\">dba@example.com</contact></role>\n"
       "    <role id=\"storage\" kind=\"team\" name=\"Storage\" department=\"Infrastructure\" role-kind=\"storage\"><contact type=\"email\">st@example.com</contact></role>\n"
       "    <role id=\"im\" kind=\"individual\" name=\"Incident Manager\" department=\"ITSM\"><contact type=\"email\">im@example.com</contact></role>\n"
       "    <role id=\"arch\" kind=\"individual\" name=\"Architect\" department=\"UC\"><contact type=\"email\">arch@example.com</contact></role>\n"
       "    <role id=\"dir\" kind=\"individual\" name=\"Director\" department=\"IT\"><contact type=\"email\">dir@example.com</contact></role>\n"
       "    <role id=\"cio\" kind=\"individual\" name=\"CIO\" department=\"Executive\"><contact type=\"email\">cio@example.com</contact></role>\n"
       "  </roles>\n"
       "  <governance reviewer=\"arch\" validator=\"im\" change-approver=\"dir\" review-interval=\"P6M\" last-reviewed=\"2026-10-15\">\n"
       "    <approval kind=\"business\" by=\"cio\" date=\"2026-10-20\" plan-version=\"1\"/>\n"
       "    <approval kind=\"technical\" by=\"dir\" date=\"2026-10-19\" plan-version=\"1\"/>\n"
       "    <decision-criteria><criterion>Restore after troubleshooting fails.</criterion></decision-criteria>\n"
       "  </governance>\n"
       "  <locations>\n"
       "    <location id=\"bk\" path=\"\\\\bk.example.com\\LyncBackup\" host=\"bk.example.com\" types=\"settings database file-store\" secure=\"yes\" offsite=\"no\"/>\n"
       "    <location id=\"vault\" path=\"\\\\vault.example.net\\lync\" host=\"vault.example.net\" types=\"settings database file-store\" secure=\"yes\" offsite=\"yes\"/>\n"
       "  </locations>\n"
       "  <topology>\n" << w.topo.str() << "  </topology>\n"
       "  <backups>\n" << w.backups.str() << "  </backups>\n"
       "  <scenarios>\n" << w.scenarios.str() << "  </scenarios>\n"
       "  <validations>\n"
       "    <check id=\"v1\" kind=\"V1\" interval=\"P1D\" owner=\"ops\" records=\"log\"/>\n"
       "    <check id=\"v2\" kind=\"V2\" interval=\"P7D\" owner=\"storage\" records=\"log\"/>\n"
       "    <check id=\"v3\" kind=\"V3\" interval=\"P1M\" owner=\"im\" records=\"log\"/>\n"
       "    <check id=\"v4\" kind=\"V4\" interval=\"P3M\" owner=\"arch\" records=\"log\"/>\n"
       "    <check id=\"v5\" kind=\"V5\" interval=\"P3M\" owner=\"ops\" records=\"log\"/>\n"
       "    <check id=\"m1\" kind=\"M1\" interval=\"P6M\" owner=\"arch\" records=\"log\"/>\n"
       "  </validations>\n"
       "</plan>\n";
  return x.str();
}

}  // namespace plangen::testing

// plangen init: plan skeletons from topologies, and what 'plangen check' then says about them.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "driver/commands.h"
#include "driver/compile.h"
#include "load/profile_loader.h"
#include "temp_tree.h"
#include "test_paths.h"
#include "topology/plan_skeleton.h"

using namespace plangen;
namespace fs = std::filesystem;

namespace {

using plangen::testing::TempDir;
using plangen::testing::ReadAll;

const char* const kContoso = "corpus/lync-topology/Contoso.tbxml";

void WriteAll(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// Runs 'plangen init' as the command line does.
int Init(const std::vector<std::string>& args) {
  std::vector<std::string> all{"init"};
  all.insert(all.end(), args.begin(), args.end());
  Environment env;
  env.today = *ParseDate("2026-12-01");
  return RunCommandLine(all, env);
}

// The skeleton for a topology file, written without the command line.
std::string Skeleton(const std::string& rel, topo::SkeletonSummary* summary = nullptr) {
  SourceManager sm;
  DiagEngine diags(sm);
  Profile profile;
  BOOST_REQUIRE(LoadProfile("lync-server-2013", ProfileSearchPath(""), Loc{}, &profile, sm, diags));
  topo::Topology t;
  BOOST_REQUIRE(topo::ReadTopology(testing::DataPath(rel), rel, &t, sm, diags));
  topo::SkeletonOptions o;
  o.topology_file = testing::DataPath(rel);
  o.topology_name = rel;
  return topo::PlanSkeleton(t, profile, o, summary);
}

struct Checked {
  std::map<std::string, int> codes;   // code -> count, every severity
  std::vector<std::string> errors;    // "line:col CODE message" of every error
  std::vector<std::string> decisions; // PG5101 messages
  std::set<std::string> others;       // "line CODE" of every other finding
  std::vector<std::string> messages;  // "line:col CODE message" of every other finding
};

Checked Check(const fs::path& plan) {
  Compilation c;
  CompileOptions o;
  o.plan_path = plan.string();
  o.as_of = *ParseDate("2026-12-01");
  o.max_errors = 0;
  Compile(o, c);
  Checked out;
  for (const Diagnostic* d : c.diags.Sorted()) {
    std::string code = CodeString(d->id);
    ++out.codes[code];
    ResolvedLoc r = c.sources.Resolve(d->loc);
    if (d->severity == Severity::kError) out.errors.push_back(std::to_string(r.line) + ":" + std::to_string(r.column) + " " + code + " " + d->message);
    if (d->id == DiagId::err_decision_left) {
      out.decisions.push_back(d->message);
    } else {
      out.others.insert(std::to_string(r.line) + " " + code);
      out.messages.push_back(std::to_string(r.line) + ":" + std::to_string(r.column) + " " + code + " " + d->message);
    }
  }
  return out;
}

// Structural findings are PG1xxx (plan and profile reading); topology and drift findings are PG50xx/PG51xx.
int Structural(const Checked& c) {
  int n = 0;
  for (const auto& [code, count] : c.codes) {
    if (code.compare(0, 3, "PG1") == 0 || code.compare(0, 3, "PG0") == 0 || code.compare(0, 4, "PG50") == 0 ||
        (code.compare(0, 4, "PG51") == 0 && code != "PG5101"))
      n += count;
  }
  return n;
}

// Replaces every placeholder with a real decision, as a person would.
std::string FillIn(std::string plan) {
  static const std::vector<std::pair<std::string, std::string>> kValues = {
      {"owner=\"TODO-owner\"", "owner=\"lync-admins\""},
      {"schedule=\"TODO-schedule\"", "schedule=\"daily 02:00\""},
      {"retention=\"TODO-retention\"", "retention=\"P30D\""},
      {"locations=\"TODO-locations\"", "locations=\"backup-share offsite-copy\""},
      {"name=\"TODO-name\"", "name=\"Operations\""},
      {"department=\"TODO-department\"", "department=\"IT Operations\""},
      {">TODO-contact<", ">ops@example.com<"},
      {"reviewer=\"TODO-reviewer\"", "reviewer=\"lync-admins\""},
      {"validator=\"TODO-validator\"", "validator=\"incident-manager\""},
      {"change-approver=\"TODO-change-approver\"", "change-approver=\"technical-approver\""},
      {"review-interval=\"TODO-review-interval\"", "review-interval=\"P6M\""},
      {"interval=\"TODO-review-interval\"", "interval=\"P6M\""},
      {"date=\"TODO-approval-date\"", "date=\"2026-11-20\""},
      {"last-reviewed=\"TODO-last-reviewed\"", "last-reviewed=\"2026-11-20\""},
      // Two locations: one on-site, one in another building.
      {"path=\"TODO-path\"", "path=\"\\\\backup.example.com\\lync\""},
      {"path=\"TODO-path\"", "path=\"\\\\vault.example.net\\lync\""},
      {"secure=\"TODO-secure\"", "secure=\"yes\""},
      {"source=\"TODO-source\"", "source=\"Hardware support contract\""},
      {"lead-time=\"TODO-lead-time\"", "lead-time=\"PT4H\""},
      {"contact=\"TODO-contact\"", "contact=\"storage-admins\""},
      {"rto=\"TODO-rto\"", "rto=\"P2D\""},
      {"decider=\"TODO-decider\"", "decider=\"incident-manager\""},
      {"role=\"TODO-role\"", "role=\"lync-admins\""},
      {"estimate=\"TODO-estimate\"", "estimate=\"PT20M\""},
      {"interval=\"TODO-interval\"", "interval=\"P1M\""},
  };
  for (size_t i = 0; i < kValues.size(); ++i) {
    const auto& [from, to] = kValues[i];
    // A value listed twice fills its first place only; the next entry fills the rest.
    bool once = i + 1 < kValues.size() && kValues[i + 1].first == from;
    for (size_t p; (p = plan.find(from)) != std::string::npos;) {
      plan.replace(p, from.size(), to);
      if (once) break;
    }
  }
  plan = std::regex_replace(plan, std::regex(">TODO-criteria: ([^<]*)<"), ">Decided by the incident manager: $1<");
  return plan;
}


// A small topology as 'Get-CsTopology -AsXml' prints it. Site 1 has a Front End pool of two servers
// (pool01), its Back End SQL Server (sqlbe01: UserStore, ApplicationStore, CentralMgmtStore) and a
// file server (fs01). `monitoring` adds a stand-alone SQL Server (sqlmon01) holding the Monitoring
// store; `second_site` adds a site with a second Front End pool and its own Back End and file server.
std::string SmallTopology(bool monitoring, bool second_site) {
  std::string clusters, sql, services;
  auto cluster = [&](int site, int number, const std::string& fqdn, std::vector<std::string> machines) {
    clusters += "    <Cluster Fqdn=\"" + fqdn + "\">\n      <ClusterId SiteId=\"" + std::to_string(site) + "\" Number=\"" +
                std::to_string(number) + "\" />\n";
    int n = 1;
    for (const std::string& m : machines) {
      clusters += "      <Machine OrdinalInCluster=\"" + std::to_string(n++) + "\" Fqdn=\"" + m + "\" />\n";
    }
    clusters += "    </Cluster>\n";
  };
  auto instance = [&](int site, int number, const std::string& name) {
    sql += "    <SqlInstance>\n      <SqlInstanceId Name=\"" + name + "\">\n        <ClusterId SiteId=\"" + std::to_string(site) +
           "\" Number=\"" + std::to_string(number) + "\" />\n      </SqlInstanceId>\n    </SqlInstance>\n";
  };
  // on: "cluster S N" or "sql S N NAME"; deps: "S Role" pairs.
  auto service = [&](int site, const std::string& role, const std::string& on, const std::vector<std::string>& deps,
                     const std::string& extra = "") {
    std::string s = std::to_string(site);
    services += "    <Service RoleVersion=\"1\" ServiceVersion=\"6\">\n      <ServiceId SiteId=\"" + s + "\" RoleName=\"" + role +
                "\" Instance=\"1\" />\n      <DependsOn>\n";
    for (const std::string& d : deps) {
      services += "        <Dependency Usage=\"Default\"><ServiceId SiteId=\"" + s + "\" RoleName=\"" + d + "\" Instance=\"1\" /></Dependency>\n";
    }
    services += "      </DependsOn>\n      <InstalledOn>" + on + "</InstalledOn>\n" + extra + "    </Service>\n";
  };
  auto on_cluster = [](int site, int number) {
    return "<ClusterId SiteId=\"" + std::to_string(site) + "\" Number=\"" + std::to_string(number) + "\" />";
  };
  auto on_sql = [](int site, int number, const std::string& name) {
    return "<SqlInstanceId Name=\"" + name + "\"><ClusterId SiteId=\"" + std::to_string(site) + "\" Number=\"" +
           std::to_string(number) + "\" /></SqlInstanceId>";
  };
  const std::string ns = " xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.ServiceRoles.2008\"";
  std::string sites = "    <CentralSite SiteId=\"1\"><Name>Head Office</Name></CentralSite>\n";
  for (int site : second_site ? std::vector<int>{1, 2} : std::vector<int>{1}) {
    std::string n = std::to_string(site);
    cluster(site, 1, "pool0" + n + ".example.org", {"fe0" + n + "a.example.org", "fe0" + n + "b.example.org"});
    cluster(site, 2, "sqlbe0" + n + ".example.org", {"sqlbe0" + n + ".example.org"});
    cluster(site, 3, "fs0" + n + ".example.org", {"fs0" + n + ".example.org"});
    instance(site, 2, "rtc");
    service(site, "UserStore", on_sql(site, 2, "rtc"), {});
    service(site, "ApplicationStore", on_sql(site, 2, "rtc"), {});
    if (site == 1) service(site, "CentralMgmtStore", on_sql(site, 2, "rtc"), {});
    service(site, "FileStore", on_cluster(site, 3), {}, "      <FileStoreService ShareName=\"LyncShare\"" + ns + " />\n");
    service(site, "UserServices", on_cluster(site, 1), {"UserStore", "FileStore"});
    service(site, "Registrar", on_cluster(site, 1), {"UserServices"}, "      <RegistrarService IsDirector=\"false\"" + ns + " />\n");
    service(site, "WebServices", on_cluster(site, 1), {"FileStore", "UserServices"});
    service(site, "ApplicationServer", on_cluster(site, 1), {"ApplicationStore", "FileStore"});
    if (site == 1) service(site, "CentralMgmt", on_cluster(site, 1), {"CentralMgmtStore", "FileStore"});
  }
  if (second_site) sites += "    <CentralSite SiteId=\"2\"><Name>Standby</Name></CentralSite>\n";
  if (monitoring) {
    cluster(1, 4, "sqlmon01.example.org", {"sqlmon01.example.org"});
    instance(1, 4, "mon");
    service(1, "MonitoringStore", on_sql(1, 4, "mon"), {});
  }
  return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
         "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008\">\n"
         "  <InternalDomains AllowAllDomains=\"false\" DefaultDomain=\"example.org\">\n"
         "    <InternalDomain Name=\"example.org\" Authoritative=\"false\" AllowSubDomains=\"false\" />\n"
         "  </InternalDomains>\n  <Sites>\n" + sites + "  </Sites>\n  <Clusters>\n" + clusters +
         "  </Clusters>\n  <SqlInstances>\n" + sql + "  </SqlInstances>\n  <Services>\n" + services + "  </Services>\n</Topology>\n";
}

// The template of every scenario init wrote, with what it covers: "whole-pool pool01.example.org".
std::set<std::string> Scenarios(const std::string& plan) {
  std::set<std::string> out;
  std::regex re("<scenario [^>]*?(?:template=\"([^\"]*)\"[^>]*?)?covers=\"([^ \"]*)");
  for (auto it = std::sregex_iterator(plan.begin(), plan.end(), re); it != std::sregex_iterator(); ++it) {
    out.insert(((*it)[1].matched ? (*it)[1].str() : std::string("lost")) + " " + (*it)[2].str());
  }
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(init)

BOOST_AUTO_TEST_CASE(contoso_skeleton_backs_up_the_sql_stores_and_both_shares) {
  topo::SkeletonSummary s;
  std::string plan = Skeleton(kContoso, &s);
  BOOST_TEST(s.sites == 1);
  BOOST_TEST(s.pools == 6);
  BOOST_TEST(s.servers == 11);
  // The SQL stores on xSQL1 through the profile: UserStore, ApplicationStore, ArchivingStore,
  // MonitoringStore; the no-backup items (rtcdyn, rtcab, rgsdyn, cpsdyn) are left out.
  for (const char* item : {"rtcxds", "rgsconfig", "lcslog", "lcscdr", "qoemetrics"}) {
    BOOST_TEST(plan.find(std::string("item=\"") + item + "\" server=\"xSQL1.contoso.com\"") != std::string::npos, item);
  }
  for (const char* item : {"rtcdyn", "rtcab", "rgsdyn", "cpsdyn"}) {
    BOOST_TEST(plan.find(std::string("item=\"") + item + "\"") == std::string::npos, item);
  }
  BOOST_TEST(plan.find("item=\"file-store\" server=\"xFile1.contoso.com\"") != std::string::npos);
  BOOST_TEST(plan.find("item=\"file-store\" server=\"xFile2.contoso.com\"") != std::string::npos);
  BOOST_TEST(plan.find("<service type=\"FileStore\" share=\"Data1\"/>") != std::string::npos);
  BOOST_TEST(plan.find("<service type=\"FileStore\" share=\"Data2\"/>") != std::string::npos);
  BOOST_TEST(plan.find("<server fqdn=\"xSQL1.contoso.com\" roles=\"back-end\">") != std::string::npos);
  BOOST_TEST(plan.find("<pool id=\"frontendpool\" fqdn=\"frontendpool.contoso.com\" edition=\"enterprise\" kind=\"front-end\">") != std::string::npos);
  BOOST_TEST(plan.find("<pool id=\"edgepool\" fqdn=\"edgepool.contoso.com\" kind=\"edge\">") != std::string::npos);
  // Scenarios cover the Front End pool and the Edge pool.
  BOOST_TEST(std::regex_search(plan, std::regex("<scenario [^>]*covers=\"frontendpool.contoso.com[ \"]")));
  BOOST_TEST(std::regex_search(plan, std::regex("<scenario [^>]*covers=\"edgepool.contoso.com[ \"]")));
  BOOST_TEST(s.backups == 10);
  // Deterministic.
  BOOST_TEST(Skeleton(kContoso) == plan);
}

BOOST_AUTO_TEST_CASE(contoso_init_then_check_lists_only_decisions_then_is_clean) {
  TempDir d;
  BOOST_TEST_REQUIRE(Init({(d / "out").string(), "--topology", testing::DataPath(kContoso)}) == 0);
  fs::path plan = d / "out" / "plan.xml";
  Checked first = Check(plan);
  BOOST_TEST(Structural(first) == 0);
  BOOST_TEST(first.decisions.size() > 50u);
  for (const std::string& e : first.errors) BOOST_TEST(e.find("PG5101") != std::string::npos, e);
  // Each decision is at its line and column and names what to decide.
  auto has = [&](const std::string& m) { return std::find(first.decisions.begin(), first.decisions.end(), m) != first.decisions.end(); };
  BOOST_TEST(has("decision left to make: 'owner' of backup 'xsql1-rtcxds'; one of: lync-admins, database-admins, "
                 "storage-admins, network-admins, incident-manager, business-approver, technical-approver"));
  BOOST_TEST(has("decision left to make: 'date' of approval 'business'"));
  BOOST_TEST(has("decision left to make: 'reviewer' of governance; one of: lync-admins, database-admins, "
                 "storage-admins, network-admins, incident-manager, business-approver, technical-approver"));
  BOOST_TEST(std::regex_search(first.errors.front(), std::regex("^[0-9]+:[0-9]+ PG5101 ")));

  WriteAll(plan, FillIn(ReadAll(plan)));
  Checked filled = Check(plan);
  BOOST_TEST(Structural(filled) == 0);
  BOOST_TEST(filled.codes.count("PG5101") == 0u);
  BOOST_TEST(!std::regex_search(ReadAll(plan), std::regex("[\">]TODO")));
  // No hidden second round: whatever is left once the decisions are made was already reported
  // beside them, at the same line, or comes from how this test made them: approvals dated by hand
  // record no digest ('plangen approve' records it), and this filling gives some roles no duty.
  for (const std::string& m : filled.messages) {
    std::string key = m.substr(0, m.find(':')) + " " + m.substr(m.find(' ') + 1, 6);
    if (key.find("PG2304") != std::string::npos || key.find("PG3101") != std::string::npos) continue;
    BOOST_TEST(first.others.count(key) == 1u, "only after filling in: " << m);
  }
  // What is left is about the topology itself (never published, so it has no Central Management
  // store) and about how the decisions were filled in here.
  std::set<std::string> left;
  for (const auto& [code, n] : filled.codes) left.insert(code);
  BOOST_TEST(left == (std::set<std::string>{"PG2304", "PG2315", "PG2316", "PG3101"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(contoso_init_reports_only_decisions_and_the_topology_file_itself) {
  TempDir d;
  BOOST_TEST_REQUIRE(Init({(d / "out").string(), "--topology", testing::DataPath(kContoso)}) == 0);
  std::string text = ReadAll(d / "out" / "plan.xml");
  // The plan is the organisation's (the default SIP domain contoso.com), not its first site's.
  BOOST_TEST(text.find("<plan xmlns=\"urn:plangen:plan:1\" id=\"contoso-lync\"") != std::string::npos);
  BOOST_TEST(text.find("<title>contoso.com backup and restoration plan</title>") != std::string::npos);
  // The review date is a decision too.
  BOOST_TEST(text.find("last-reviewed=\"TODO-last-reviewed\"") != std::string::npos);
  // xSQL1 is a SQL Server: restored by the Back End scenario, never by "whole pool lost".
  std::set<std::string> scenarios = Scenarios(text);
  BOOST_TEST(scenarios.count("whole-pool frontendpool.contoso.com") == 1u);
  BOOST_TEST(scenarios.count("back-end xSQL1.contoso.com") == 1u);
  BOOST_TEST(scenarios.count("whole-pool xSQL1.contoso.com") == 0u);
  Checked c = Check(d / "out" / "plan.xml");
  // Besides the decisions, only what is true of the topology file: Contoso.tbxml was never
  // published, so it has no Central Management store.
  std::set<std::string> codes;
  for (const auto& [code, n] : c.codes) codes.insert(code);
  BOOST_TEST(codes == (std::set<std::string>{"PG2315", "PG2316", "PG5101"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(small_topologies_get_only_the_scenarios_they_support) {
  TempDir d;
  const struct {
    const char* name;
    bool monitoring, second_site;
    std::set<std::string> scenarios;
  } cases[] = {
      // One Front End pool, its Back End (holding the Central Management store) and a file server.
      {"one-pool", false, false,
       {"member-server pool01.example.org", "whole-pool pool01.example.org", "cms-host sqlbe01.example.org",
        "file-store fs01.example.org"}},
      // A stand-alone SQL Server for Monitoring: its database is restored, no pool is.
      {"monitoring", true, false,
       {"member-server pool01.example.org", "whole-pool pool01.example.org", "cms-host sqlbe01.example.org",
        "file-store fs01.example.org", "monitoring-archiving-db sqlmon01.example.org"}},
      // Two Front End pools in two sites, not paired: no failover, no failback, no CMS move.
      {"two-pools", false, true,
       {"member-server pool01.example.org", "whole-pool pool01.example.org", "cms-host sqlbe01.example.org",
        "file-store fs01.example.org", "member-server pool02.example.org", "whole-pool pool02.example.org",
        "back-end sqlbe02.example.org", "file-store fs02.example.org"}},
  };
  for (const auto& k : cases) {
    BOOST_TEST_CONTEXT(k.name) {
      fs::path topology = d / (std::string(k.name) + ".xml");
      WriteAll(topology, SmallTopology(k.monitoring, k.second_site));
      fs::path out = d / k.name;
      BOOST_TEST_REQUIRE(Init({out.string(), "--topology", topology.string()}) == 0);
      std::string text = ReadAll(out / "plan.xml");
      BOOST_TEST(Scenarios(text) == k.scenarios, boost::test_tools::per_element());
      BOOST_TEST(text.find("id=\"example-lync\"") != std::string::npos);
      BOOST_TEST(text.find("paired-with") == std::string::npos);
      // After init, check reports the decisions and nothing else.
      Checked c = Check(out / "plan.xml");
      BOOST_TEST(c.codes.size() == 1u);
      BOOST_TEST(c.codes.count("PG5101") == 1u);
      for (const std::string& m : c.messages) BOOST_TEST(false, "not a decision: " << m);
      // Where the value is one of a closed set, the decision lists it.
      auto has = [&](const std::string& m) { return std::find(c.decisions.begin(), c.decisions.end(), m) != c.decisions.end(); };
      const std::string roles = "lync-admins, database-admins, storage-admins, incident-manager, business-approver, technical-approver";
      BOOST_TEST(has("decision left to make: 'owner' of backup 'sqlbe01-rtcxds'; one of: " + roles));
      BOOST_TEST(has("decision left to make: 'reviewer' of governance; one of: " + roles));
      BOOST_TEST(has("decision left to make: 'role' of step 'restore' of scenario 'fs01-file-store'; one of: " + roles));
      BOOST_TEST(has("decision left to make: 'locations' of backup 'sqlbe01-rtcxds'; one or more of: backup-share, offsite-copy"));
      BOOST_TEST(has("decision left to make: 'secure' of location 'backup-share'; one of: yes, no"));
      BOOST_TEST(has("decision left to make: 'last-reviewed' of governance"));
      BOOST_TEST(has("decision left to make: 'schedule' of backup 'sqlbe01-rtcxds'"));  // an open set: no list
      // Once decided, the plan is clean of decisions and of structural findings.
      WriteAll(out / "plan.xml", FillIn(text));
      Checked filled = Check(out / "plan.xml");
      BOOST_TEST(filled.codes.count("PG5101") == 0u);
      BOOST_TEST(Structural(filled) == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(fabrikam_mirrored_back_end_branch_and_persistent_chat) {
  topo::SkeletonSummary s;
  std::string plan = Skeleton("topology/Fabrikam.tbxml", &s);
  BOOST_TEST(s.sites == 3);
  // The PSTN gateway is left out and said so.
  BOOST_TEST(s.left_out.size() == 1u);
  BOOST_TEST(plan.find("Not in the plan (back them up with their vendor's procedures): gw01.fabrikam.com (pstn-gateway)") != std::string::npos);
  BOOST_TEST(plan.find("roles=\"back-end-mirror\" mirror-of=\"sqlbe01.fabrikam.com\" instance=\"rtc\"") != std::string::npos);
  BOOST_TEST(plan.find("item=\"xds\" server=\"sqlbe01.fabrikam.com\"") != std::string::npos);
  BOOST_TEST(plan.find("item=\"mgc\" server=\"sqlpc01.fabrikam.com\"") != std::string::npos);
  BOOST_TEST(plan.find("item=\"mgccomp\"") == std::string::npos);  // no backup needed
  BOOST_TEST(plan.find("edition=\"standard\" kind=\"front-end\"") != std::string::npos);
  BOOST_TEST(plan.find("<server fqdn=\"se01.fabrikam.com\" roles=\"standard-edition\" instance=\"rtc\">") != std::string::npos);
  BOOST_TEST(plan.find("kind=\"sba\"") != std::string::npos);
  // Both forms of the same topology give the same plan, apart from the file named and the order
  // (each follows its file's order).
  std::string published = Skeleton("topology/Fabrikam-AsXml.xml");
  auto lines = [](const std::string& t) {
    std::vector<std::string> out;
    std::istringstream in(std::regex_replace(t, std::regex("topology/Fabrikam[-A-Za-z]*\\.[a-z]+"), "X"));
    for (std::string l; std::getline(in, l);) out.push_back(l);
    std::sort(out.begin(), out.end());
    return out;
  };
  BOOST_TEST(lines(published) == lines(plan), boost::test_tools::per_element());

  TempDir d;
  BOOST_TEST_REQUIRE(Init({(d / "f").string(), "--topology", testing::DataPath("topology/Fabrikam.tbxml")}) == 0);
  fs::path p = d / "f" / "plan.xml";
  Checked first = Check(p);
  // A published topology: after init, the decisions and nothing else. The mirrored Back End has a
  // scenario for each case (primary alone, mirror alone, both), so no PG2208.
  BOOST_TEST(first.codes.size() == 1u);
  for (const std::string& m : first.messages) BOOST_TEST(false, "not a decision: " << m);
  std::set<std::string> scenarios = Scenarios(ReadAll(p));
  BOOST_TEST(scenarios.count("mirror-primary sqlbe01.fabrikam.com") == 1u);
  BOOST_TEST(scenarios.count("mirror-secondary sqlbe02.fabrikam.com") == 1u);
  BOOST_TEST(std::regex_search(ReadAll(p), std::regex("template=\"cms-host\"[^>]*covers=\"sqlbe01.fabrikam.com sqlbe02.fabrikam.com\"")));
  BOOST_TEST(scenarios.count("whole-pool sqlbe01.fabrikam.com") == 0u);
  WriteAll(p, FillIn(ReadAll(p)));
  Checked filled = Check(p);
  BOOST_TEST(Structural(filled) == 0);
  BOOST_TEST(filled.codes.count("PG5101") == 0u);
  for (const std::string& m : filled.messages) {
    std::string key = m.substr(0, m.find(':')) + " " + m.substr(m.find(' ') + 1, 6);
    // How this test fills in: approvals dated by hand (no digest), roles given no duty.
    if (key.find("PG2304") != std::string::npos || key.find("PG3101") != std::string::npos) continue;
    BOOST_TEST(first.others.count(key) == 1u, "only after filling in: " << m);
  }
  BOOST_TEST(filled.errors.empty());
}

BOOST_AUTO_TEST_CASE(starter_plan_without_topology) {
  TempDir d;
  BOOST_TEST_REQUIRE(Init({(d / "s").string()}) == 0);
  fs::path p = d / "s" / "plan.xml";
  std::string text = ReadAll(p);
  BOOST_TEST(text.find("<!--") != std::string::npos);
  Checked c = Check(p);
  BOOST_TEST(Structural(c) == 0);
  BOOST_TEST(c.codes["PG5101"] > 10);
}

BOOST_AUTO_TEST_CASE(refuses_to_overwrite_without_force) {
  TempDir d;
  fs::path p = d / "plan.xml";
  WriteAll(p, "mine");
  BOOST_TEST(Init({d.path, "--topology", testing::DataPath(kContoso)}) == 2);
  BOOST_TEST(ReadAll(p) == "mine");
  BOOST_TEST(Init({d.path, "--topology", testing::DataPath(kContoso), "--force"}) == 0);
  BOOST_TEST(ReadAll(p).find("frontendpool.contoso.com") != std::string::npos);
  BOOST_TEST(Init({}) == 2);  // no folder
}

BOOST_AUTO_TEST_CASE(bad_topologies_write_nothing) {
  TempDir d;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"malformed.xml", "<TopologyBuilder xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008\"><NewTopology>"},
      {"hostile.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><Topology>&a;</Topology>"},
      {"version.xml", "<Topology xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2019\"/>"},
      {"wrong.xml", "<plan xmlns=\"urn:plangen:plan:1\"/>"},
  };
  for (const auto& [name, text] : cases) {
    WriteAll(d / name, text);
    fs::path out = d / ("out-" + name);
    BOOST_TEST(Init({out.string(), "--topology", (d / name).string()}) == 2, name);
    BOOST_TEST(!fs::exists(out / "plan.xml"), name);
  }
  BOOST_TEST(Init({(d / "none").string(), "--topology", (d / "missing.tbxml").string()}) == 2);
}

BOOST_AUTO_TEST_CASE(decisions_are_reported_where_they_are_written) {
  TempDir d;
  fs::path p = d / "plan.xml";
  WriteAll(p,
           "<plan xmlns=\"urn:plangen:plan:1\" id=\"p\" version=\"1\" profile=\"lync-server-2013\">\n"
           "  <title>t</title>\n"
           "  <roles><role id=\"ops\" kind=\"team\"/></roles>\n"
           "  <governance reviewer=\"ops\" validator=\"  TODO-validator\" review-interval=\"TODO\">\n"
           "    <decision-criteria><criterion>\n      TODO: when</criterion></decision-criteria>\n"
           "  </governance>\n"
           "  <locations><location id=\"l\" path=\"x\" types=\"database\" secure=\"TODO-secure\" offsite=\"yes\"/></locations>\n"
           "</plan>\n");
  Checked c = Check(p);
  std::vector<std::string> decisions;
  for (const std::string& e : c.errors) {
    if (e.find("PG5101") != std::string::npos) decisions.push_back(e);
  }
  BOOST_TEST_REQUIRE(decisions.size() == 4u);
  BOOST_TEST(decisions[0] == "4:43 PG5101 decision left to make: 'validator' of governance; one of: ops");
  BOOST_TEST(decisions[1] == "4:76 PG5101 decision left to make: 'review-interval' of governance");
  BOOST_TEST(decisions[2] == "6:7 PG5101 decision left to make: the text of criterion of governance");
  BOOST_TEST(decisions[3] == "8:65 PG5101 decision left to make: 'secure' of location 'l'; one of: yes, no");
  // No cascade: no bad-duration, bad-value or dangling-reference finding on the placeholders.
  BOOST_TEST(Structural(c) == 0);
  // A value that merely contains TODO is not a placeholder.
  WriteAll(p, "<plan xmlns=\"urn:plangen:plan:1\" id=\"p\" version=\"1\" profile=\"lync-server-2013\"><title>a TODO list</title></plan>\n");
  BOOST_TEST(Check(p).codes.count("PG5101") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

// Property tests over hundreds of generated topologies (topology_plans.h): for each, the plan has
// no error (so the runbook lint is clean), and the runbooks hold exactly what the topology needs:
// no placeholder left, no restore of the configuration store as a SQL database, one service stop
// and one start per Front End server, the Central Management store restored with the whole pool
// that holds it and only there, Standard Edition steps only on Standard Edition, Persistent Chat
// restored the way it was backed up, Edge servers never told to keep a domain account, and the
// Edge next hop moved the way its site calls for.
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "diag/printers.h"
#include "driver/compile.h"
#include "emit/emitters.h"
#include "emit/procedure_expansion.h"
#include "test_paths.h"
#include "tmpl/templates.h"
#include "topology_plans.h"

namespace plangen {

bool EmitMarkdownRunbooks(const EmitContext& ctx, OutputSet& out);

namespace {

using testing::SourceRoot;
using testing::TopologyShape;

struct ShapeBuild {
  CompileOptions options;
  Compilation c;
  explicit ShapeBuild(const TopologyShape& shape) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("plangen-shape-" + std::to_string(getpid()) + ".xml")).string();
    std::ofstream(path, std::ios::binary) << testing::TopologyPlan(shape);
    options.plan_path = path;
    options.as_of = *ParseDate("2026-12-01");
    Compile(options, c);
    std::filesystem::remove(path);
  }
  std::string Errors() const {
    std::string out;
    for (const Diagnostic* d : c.diags.Sorted()) {
      if (d->severity == Severity::kError) out += FormatText(c.diags, *d);
    }
    return out;
  }
};

// Every command of every expanded step of a run, in order.
std::vector<std::string> Commands(const ExpandedRun& run) {
  std::vector<std::string> out;
  for (const ExpandedStep& e : run.steps) {
    if (!e.command.empty()) out.push_back(e.command);
  }
  return out;
}

std::string AllText(const ExpandedRun& run) {
  std::string s;
  for (const ExpandedStep& e : run.steps) s += e.text + "\n" + e.command + "\n" + e.verify + "\n";
  return s;
}

// Servers of a pool with a role.
std::vector<std::string> WithRole(const Plan& plan, const Pool& pool, const std::string& role) {
  std::vector<std::string> out;
  for (int i : pool.servers) {
    const Server& s = plan.topology.servers[i];
    for (const auto& r : s.roles) {
      if (r.value == role) out.push_back(s.fqdn.value);
    }
  }
  return out;
}

bool PoolHolds(const Plan& plan, const Pool& pool, const std::string& service) {
  for (int i : pool.servers) {
    for (const auto& sv : plan.topology.servers[i].services) {
      if (sv.type.value == service) return true;
    }
  }
  return false;
}

// -ComputerName values of the Stop-CsWindowsService (or Start-) commands of a run.
std::multiset<std::string> ServiceTargets(const ExpandedRun& run, const std::string& cmdlet) {
  static const std::regex re(R"((Stop|Start)-CsWindowsService -ComputerName (\S+?)(;|$))");
  std::multiset<std::string> out;
  for (const std::string& c : Commands(run)) {
    for (std::sregex_iterator it(c.begin(), c.end(), re), end; it != end; ++it) {
      if ((*it)[1] == cmdlet) out.insert((*it)[2]);
    }
  }
  return out;
}

void CheckShape(const TopologyShape& shape, int* runs_checked) {
  ShapeBuild b(shape);
  BOOST_REQUIRE(b.c.profile_read);
  BOOST_TEST(b.c.diags.errors() == 0, shape.Name() << ":\n" << b.Errors());
  const Plan& plan = b.c.plan;
  // Each backup run writes a dated folder; only a backup with an off-site location copies it
  // there, checks the copy and prunes it there.
  for (const Backup& bk : plan.backups) {
    const ProfileProcedure* p = b.c.profile.FindProcedure(BackupProcedureId(b.c.profile, bk));
    if (!p) continue;
    ExpandedProcedure ex = ExpandBackup(plan, b.c.profile, bk, *p);
    std::string commands;
    for (const ExpandedRun& run : ex.runs)
      for (const ExpandedStep& e : run.steps) commands += e.command + "\n";
    const bool offsite = bk.locations.size() > 1;
    const std::string where = shape.Name() + " backup " + bk.id.value;
    BOOST_TEST(ex.problems.empty(), where);
    BOOST_TEST(commands.find("$RunDate") != std::string::npos, where);
    BOOST_TEST((commands.find("vault.example.net") != std::string::npos) == offsite, where);
  }
  for (const Scenario& s : plan.scenarios) {
    ExpandedProcedure ex = ExpandScenario(plan, b.c.profile, s);
    if (!ex.procedure) continue;
    const std::string where = shape.Name() + " scenario " + s.title.value;
    BOOST_TEST(ex.problems.empty(), where << ": " << (ex.problems.empty() ? "" : ex.problems[0].why));
    BOOST_TEST(!ex.runs.empty(), where);
    for (const ExpandedRun& run : ex.runs) {
      ++*runs_checked;
      const Pool& pool = *run.context.pool;
      const std::string text = AllText(run);
      // One stop and one start per Front End server of the pool (or of the Standard Edition
      // server), never a bare cmdlet that acts on the local machine.
      std::multiset<std::string> stops = ServiceTargets(run, "Stop"), starts = ServiceTargets(run, "Start");
      BOOST_TEST(!std::regex_search(text, std::regex(R"(CsWindowsService(?! -ComputerName))")), where);
      if (!stops.empty()) {
        std::vector<std::string> expected = pool.edition.value == "standard" ? WithRole(plan, pool, "standard-edition")
                                                                              : WithRole(plan, pool, "front-end");
        BOOST_TEST((stops == std::multiset<std::string>(expected.begin(), expected.end())), where << ": one stop per Front End");
        BOOST_TEST((starts == stops), where << ": one start per stop");
      }
      // The configuration store is never restored as a SQL database, and only a database the
      // plan backs up is.
      BOOST_TEST(text.find("[Xds]") == std::string::npos, where);
      BOOST_TEST(!std::regex_search(text, std::regex(R"(\{[a-z0-9-]+\})")), where << ": no placeholder left");
      // Edition: Standard Edition steps only on Standard Edition, and the other way round.
      if (pool.edition.value == "enterprise") {
        BOOST_TEST(text.find("Prepare first Standard Edition server") == std::string::npos, where);
      } else {
        BOOST_TEST(text.find("install SQL Server 2012") == std::string::npos, where);
      }
      // The whole-pool restore runs the store's restore exactly when the pool holds the store,
      // and rebuilds each Front End by its own name.
      if (s.template_id.value == "whole-pool") {
        const bool cms = PoolHolds(plan, pool, "CentralMgmtStore");
        for (const char* cmd : {"Install-CsDatabase -CentralManagementDatabase", "Set-CsConfigurationStoreLocation",
                                "Import-CsConfiguration -FileName \"C:\\Restore\\xds-", "Import-CsLisConfiguration"}) {
          BOOST_TEST((text.find(cmd) != std::string::npos) == cms, where << ": " << cmd);
        }
        for (const std::string& fe : WithRole(plan, pool, "front-end")) {
          BOOST_TEST(text.find("clean computer named " + fe) != std::string::npos, where << ": rebuilds " << fe);
        }
      }
      // Persistent Chat comes back the way it was backed up, and only where it runs (a failover
      // to the log-shipping standby restores no backup).
      const bool chat_here = text.find("mgc") != std::string::npos;
      if (chat_here) BOOST_TEST(PoolHolds(plan, pool, "PersistentChatStore"), where);
      if (chat_here && s.template_id.value != "persistent-chat-failover") {
        BOOST_TEST((text.find("RESTORE DATABASE [mgc]") != std::string::npos) == shape.chat_by_sql, where);
        BOOST_TEST((text.find("Import-CsPersistentChatData") != std::string::npos) == !shape.chat_by_sql, where);
      }
      // Edge servers are not domain members.
      if (pool.kind.value == "edge") BOOST_TEST(text.find("computer account in Active Directory") == std::string::npos, where);
      // Federation fails over to the plan's other Edge pool, never to the failed one.
      if (s.template_id.value == "edge-failover") {
        BOOST_TEST(text.find("edge2.example.com") != std::string::npos, where);
        BOOST_TEST(text.find("-XmppExternalFederationRoute \"edge1.example.com\"") == std::string::npos, where);
      }
      // Persistent Chat fails over on its standby, never on the lost primary.
      if (s.template_id.value == "persistent-chat-failover") {
        BOOST_TEST(text.find("sqlcmd -S \"pc1-sqlb.example.com\\pchat\"") != std::string::npos, where);
        BOOST_TEST(text.find("-S \"pc1-sql.example.com") == std::string::npos, where);
        BOOST_TEST(text.find("-PoolState FailedOver") != std::string::npos, where);
      }
      // The store moves to the paired pool's Back End.
      if (s.template_id.value == "cms-move") {
        BOOST_TEST(text.find("Move-CsManagementServer") != std::string::npos, where);
        BOOST_TEST(text.find("-SqlServerFqdn pool2-be.example.com") != std::string::npos, where);
      }
      // The Edge next hop moves with Set-CsEdgeServer only to a pool in another site.
      if (s.template_id.value == "pool-failover") {
        const bool other_site = shape.paired == 2;
        BOOST_TEST((text.find("Set-CsEdgeServer") != std::string::npos) == (shape.edge && other_site), where);
        BOOST_TEST((text.find("set Next Hop to") != std::string::npos) == (shape.edge && !other_site), where);
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(runbook_properties)

BOOST_AUTO_TEST_CASE(every_generated_topology_gets_exact_runbooks) {
  std::vector<TopologyShape> shapes = testing::AllShapes();
  BOOST_TEST(shapes.size() > 200u);
  int runs = 0;
  for (const TopologyShape& shape : shapes) CheckShape(shape, &runs);
  BOOST_TEST_MESSAGE("runbook properties: " << shapes.size() << " topologies, " << runs << " procedure runs checked");
  BOOST_TEST(runs > 1000);
}

// The rendered runbooks of a few shapes: what a reader sees has no placeholder, no list of steps
// that do not apply, and no bare service command.
BOOST_AUTO_TEST_CASE(rendered_runbooks_of_generated_topologies_are_clean) {
  std::vector<TopologyShape> shapes = testing::AllShapes();
  TemplateSet templates("", SourceRoot() + "/templates");
  for (size_t i = 0; i < shapes.size(); i += 17) {
    ShapeBuild b(shapes[i]);
    BOOST_REQUIRE(b.c.diags.errors() == 0);
    EmitContext ctx{b.c.plan, b.c.profile, b.options.as_of, false, templates, b.c.diags, b.c.sources};
    OutputSet out;
    BOOST_REQUIRE(EmitMarkdownRunbooks(ctx, out));
    for (const auto& [path, bytes] : out.files()) {
      const std::string where = shapes[i].Name() + " " + path;
      BOOST_TEST(!std::regex_search(bytes, std::regex(R"(\{[a-z0-9-]+\})")), where);
      BOOST_TEST(bytes.find("do not apply") == std::string::npos, where);
      BOOST_TEST(bytes.find("[Xds]") == std::string::npos, where);
      // Commands only: the "Tools:" line names the cmdlets without parameters.
      const std::string commands = std::regex_replace(bytes, std::regex(R"((^|\n)Tools: [^\n]*)"), "$1");
      BOOST_TEST(!std::regex_search(commands, std::regex(R"(CsWindowsService(?! -ComputerName))")), where);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

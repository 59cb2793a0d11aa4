// Drift (M1): the plan compared with the topology, both ways, each finding with a note at the other side.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "driver/compile.h"
#include "load/profile_loader.h"
#include "temp_tree.h"
#include "test_paths.h"
#include "topology/plan_skeleton.h"

using namespace plangen;
namespace fs = std::filesystem;

namespace {

using plangen::testing::TempDir;

const char* const kContoso = "corpus/lync-topology/Contoso.tbxml";

void WriteAll(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// The Contoso skeleton, with its <topology file> pointing at `topology_file` (may be empty).
std::string ContosoPlan(const std::string& topology_file) {
  SourceManager sm;
  DiagEngine diags(sm);
  Profile profile;
  BOOST_REQUIRE(LoadProfile("lync-server-2013", ProfileSearchPath(""), Loc{}, &profile, sm, diags));
  topo::Topology t;
  BOOST_REQUIRE(topo::ReadTopology(testing::DataPath(kContoso), kContoso, &t, sm, diags));
  topo::SkeletonOptions o;
  o.topology_file = topology_file;
  return topo::PlanSkeleton(t, profile, o);
}

void Replace(std::string& s, const std::string& from, const std::string& to) {
  size_t p = s.find(from);
  BOOST_REQUIRE_MESSAGE(p != std::string::npos, "not found: " + from);
  s.replace(p, from.size(), to);
}

// Every drift, topology-reader and I/O finding as "file:line:col CODE message", notes indented.
std::string Drift(const fs::path& plan, const std::string& topology) {
  Compilation c;
  CompileOptions o;
  o.plan_path = plan.string();
  o.as_of = *ParseDate("2026-12-01");
  o.max_errors = 0;
  o.topology = topology;
  Compile(o, c);
  auto at = [&](const Loc& l) {
    ResolvedLoc r = c.sources.Resolve(l);
    return fs::path(r.file).filename().string() + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
  };
  std::string out;
  for (const Diagnostic* d : c.diags.Sorted()) {
    std::string code = CodeString(d->id);
    if (code == "PG5101" || !(code.compare(0, 3, "PG5") == 0 || code.compare(0, 3, "PG0") == 0 || code.compare(0, 4, "PG10") == 0)) continue;
    out += at(d->loc) + " " + code + " " + d->message + "\n";
    for (const Note& n : d->notes) out += "  " + at(n.loc) + " " + n.message + "\n";
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(drift)

BOOST_AUTO_TEST_CASE(a_fresh_skeleton_has_no_drift) {
  TempDir d;
  fs::path plan = d / "plan.xml";
  WriteAll(plan, ContosoPlan(""));
  BOOST_TEST(Drift(plan, testing::DataPath(kContoso)) == "");
  // Through the plan's own reference, relative to the plan file.
  WriteAll(plan, ContosoPlan(fs::relative(testing::DataPath(kContoso), d.path).string()));
  BOOST_TEST(Drift(plan, "") == "");
}

BOOST_AUTO_TEST_CASE(each_kind_of_drift_both_ways_with_both_locations) {
  TempDir d;
  fs::path plan = d / "plan.xml";
  std::string text = ContosoPlan("");
  // Topology has it, plan lacks it: a server, a whole file server, a share, a data store.
  Replace(text, "        <server fqdn=\"xfrontend4.contoso.com\" roles=\"front-end\"/>\n", "");
  size_t b = text.find("      <pool id=\"xfile2\"");
  size_t e = text.find("</pool>", b) + 8;
  text.erase(b, e - b);
  Replace(text, "share=\"Data1\"", "share=\"Data9\"");
  Replace(text, "          <service type=\"MonitoringStore\"/>\n", "");
  // Plan has it, topology lacks it: a pool, a server, a service.
  Replace(text, "        <server fqdn=\"xedge3.contoso.com\" roles=\"edge\"/>\n",
          "        <server fqdn=\"xedge3.contoso.com\" roles=\"edge\"/>\n        <server fqdn=\"xedge9.contoso.com\" roles=\"edge\"/>\n");
  Replace(text, "    </site>\n",
          "      <pool id=\"old\" fqdn=\"oldpool.contoso.com\" kind=\"front-end\">\n"
          "        <server fqdn=\"old1.contoso.com\" roles=\"front-end\"/>\n"
          "      </pool>\n    </site>\n");
  Replace(text, "<service type=\"UserStore\"/>", "<service type=\"UserStore\"/>\n          <service type=\"CentralMgmtStore\"/>");
  WriteAll(plan, text);
  std::string got = Drift(plan, testing::DataPath(kContoso));
  const std::string root = "the topology '" + testing::DataPath(kContoso) + "' defines no such ";
  BOOST_TEST(got ==
             "plan.xml:70:23 PG5105 server 'xedge9.contoso.com' is in the plan but not in the topology\n"
             "  Contoso.tbxml:2:1 " + root + "computer\n"
             "plan.xml:78:26 PG5109 service 'CentralMgmtStore' on 'xSQL1.contoso.com' is in the plan but not in the topology\n"
             "  Contoso.tbxml:69:13 'xSQL1.contoso.com' in the topology is here\n"
             "plan.xml:85:44 PG5107 file share '\\\\xFile1.contoso.com\\Data9' is in the plan but not in the topology\n"
             "  Contoso.tbxml:77:13 'xFile1.contoso.com' in the topology is here\n"
             "plan.xml:88:28 PG5104 pool 'oldpool.contoso.com' is in the plan but not in the topology\n"
             "  Contoso.tbxml:2:1 " + root + "pool\n"
             "Contoso.tbxml:38:17 PG5103 server 'xfrontend4.contoso.com' of pool 'frontendpool.contoso.com' is in the topology but not in the plan\n"
             "  plan.xml:61:7 pool 'frontendpool.contoso.com' in the plan is here\n"
             "Contoso.tbxml:83:153 PG5102 file server 'xFile2.contoso.com' is in the topology but not in the plan\n"
             "  plan.xml:59:3 the plan's topology is here\n"
             "Contoso.tbxml:162:40 PG5106 file share '\\\\xFile1.contoso.com\\Data1' is in the topology but not in the plan\n"
             "  plan.xml:84:9 server 'xFile1.contoso.com' in the plan is here\n"
             "Contoso.tbxml:293:9 PG5108 data store 'MonitoringStore' on 'xSQL1.contoso.com' is in the topology but not in the plan\n"
             "  plan.xml:76:9 server 'xSQL1.contoso.com' in the plan is here\n");
  // The old pool's server is not reported again.
  BOOST_TEST(got.find("old1.contoso.com") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_sample_plan_against_another_deployment_and_unreadable_topologies) {
  std::string sample = testing::SourceRoot() + "/samples/contoso/plan.xml";
  std::string got = Drift(sample, testing::DataPath(kContoso));
  BOOST_TEST(got.find("PG5102 Front End pool 'frontendpool.contoso.com' is in the topology but not in the plan") != std::string::npos);
  BOOST_TEST(got.find("PG5104 pool 'pool01.contoso.com' is in the plan but not in the topology") != std::string::npos);
  BOOST_TEST(got.find("fe01.contoso.com") == std::string::npos);  // servers of a missing pool: one finding
  TempDir d;
  WriteAll(d / "bad.tbxml", "<TopologyBuilder xmlns=\"urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008\"><NewTopology>");
  std::string bad = Drift(sample, (d / "bad.tbxml").string());
  BOOST_TEST(bad.find("bad.tbxml:1:102 PG1001 malformed XML") == 0u);
  BOOST_TEST(bad.find("PG510") == std::string::npos);
  Compilation c;
  CompileOptions o;
  o.plan_path = sample;
  o.as_of = *ParseDate("2026-12-01");
  o.topology = (d / "missing.tbxml").string();
  Compile(o, c);
  BOOST_TEST(c.unreadable);  // exit 2
}


BOOST_AUTO_TEST_SUITE_END()

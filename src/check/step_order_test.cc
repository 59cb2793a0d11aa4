// PG2219: a step is not ordered before the step that produces what it needs (the restore topics'
// order: the Back End before the Front End servers, mirroring removed before the failed server is
// rebuilt, the File Store copied back before its ACLs are set).
#include <boost/test/unit_test.hpp>

#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

// CleanPlan with a Front End pool (one Front End, one Back End, a mirror) and one more scenario.
std::string PoolPlan(const std::string& scenario) {
  std::string xml = Replace(CleanPlan(), "    </site>", R"(      <pool id="p" fqdn="p.example.com" edition="enterprise" kind="front-end">
        <server fqdn="fe1.example.com" roles="front-end"/>
        <server fqdn="sql1.example.com" roles="back-end"><service type="UserStore"/></server>
        <server fqdn="sql2.example.com" roles="back-end-mirror" mirror-of="sql1.example.com"/>
      </pool>
    </site>)");
  return Replace(xml, "</scenarios>", scenario + "\n  </scenarios>");
}

const char* const kWholePool = R"(<scenario id="pool" title="Whole pool lost" rto="P2D" decider="boss" new-hardware="no" covers="p.example.com">
      <criteria>Every server of the pool is lost.</criteria>
      <step id="backend" title="Rebuild the Back End and restore its databases" role="dba" estimate="PT4H"/>
      <step id="frontends" title="Deploy the Front End servers with the Deployment Wizard" role="ops" estimate="PT4H" after="backend"/>
    </scenario>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(step_order)

BOOST_AUTO_TEST_CASE(step_ordered_before_what_it_needs) {
  std::string xml = Replace(CleanPlan(), R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>
      <step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>)",
                            R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H" after="restore"/>
      <step id="restore" title="Copy the File Store back" role="ops" estimate="PT1H"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG221") ==
                 (Lines{At(xml, "<step id=\"restore\"") +
                            ": error: step 'restore' of scenario 'lost' is ordered before step 'prepare', which produces the clean server it needs [PG2219]",
                        At(xml, "<step id=\"prepare\"") + ": note: step 'prepare' produces the clean server here, and waits for step 'restore'"}),
             boost::test_tools::per_element());
  // Through a step in between: the same.
  std::string chain = Replace(xml, R"(after="restore"/>)", R"(after="notify"/>
      <step id="notify" title="Tell the users" role="ops" estimate="PT5M" after="restore"/>)");
  BOOST_TEST(Findings(*CompilePlanText(chain), "PG2219").size() == 2u);
  // The right order: nothing to say.
  std::string right = Replace(CleanPlan(), R"(title="Restore" role="ops")", R"(title="Copy the File Store back" role="ops")");
  BOOST_TEST(Findings(*CompilePlanText(right), "PG221") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(back_end_comes_before_the_front_end_servers) {
  BOOST_TEST(Findings(*CompilePlanText(PoolPlan(kWholePool)), "PG221") == Lines{}, boost::test_tools::per_element());
  // The Front End servers first: they name other servers than the Back End, and still need it.
  std::string scenario = Replace(kWholePool, R"(estimate="PT4H"/>)", R"(estimate="PT4H" after="frontends"/>)");
  scenario = Replace(scenario, R"(estimate="PT4H" after="backend"/>)", R"(estimate="PT4H"/>)");
  std::string xml = PoolPlan(scenario);
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG221") ==
                 (Lines{At(xml, "<step id=\"frontends\"") +
                            ": error: step 'frontends' of scenario 'pool' is ordered before step 'backend', which produces the back end it needs [PG2219]",
                        At(xml, "<step id=\"backend\"") + ": note: step 'backend' produces the back end here, and waits for step 'frontends'"}),
             boost::test_tools::per_element());
  // Not ordered at all: they can start together, which PG2216 reports.
  xml = PoolPlan(Replace(kWholePool, R"( after="backend")", ""));
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG221") ==
                 (Lines{At(xml, "<step id=\"frontends\"") +
                            ": error: step 'frontends' of scenario 'pool' can start before step 'backend', which produces the back end it needs [PG2216]",
                        At(xml, "<step id=\"backend\"") + ": note: step 'backend' produces the back end here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(mirroring_is_removed_before_the_failed_mirror_is_rebuilt) {
  // Fact sheet 3.E: the mirror failed; remove mirroring, then build the clean server.
  const std::string right = R"(<scenario id="mirror" title="Mirror sql2 lost" rto="P1D" decider="boss" new-hardware="no" covers="sql2.example.com">
      <criteria>The mirror is lost.</criteria>
      <step id="unmirror" title="Remove mirroring for every database type with Uninstall-CsMirrorDatabase" role="ops" estimate="PT30M"/>
      <step id="rebuild" title="Build a clean sql2 with the same FQDN and SQL Server instance" role="dba" estimate="PT2H" after="unmirror"/>
      <step id="remirror" title="Create the mirror databases in Topology Builder" role="dba" estimate="PT1H" after="rebuild"/>
    </scenario>)";
  BOOST_TEST(Findings(*CompilePlanText(PoolPlan(right)), "PG221") == Lines{}, boost::test_tools::per_element());
  std::string wrong = Replace(right, R"(estimate="PT30M"/>)", R"(estimate="PT30M" after="rebuild"/>)");
  wrong = Replace(wrong, R"(estimate="PT2H" after="unmirror"/>)", R"(estimate="PT2H"/>)");
  std::string xml = PoolPlan(wrong);
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG221") ==
                 (Lines{At(xml, "<step id=\"rebuild\"") +
                            ": error: step 'rebuild' of scenario 'mirror' is ordered before step 'unmirror', which produces the unmirrored store it needs [PG2219]",
                        At(xml, "<step id=\"unmirror\"") + ": note: step 'unmirror' produces the unmirrored store here, and waits for step 'rebuild'"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_file_store_is_copied_back_before_its_acls_are_set) {
  // Fact sheet 3.B on a Standard Edition server: the File Store is restored before the Central
  // Management store is imported and Enable-CsTopology sets the ACLs.
  const std::string right = R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>
      <step id="files" title="Restore the File Store to the same path and share name" role="ops" estimate="PT1H" after="prepare"/>
      <step id="cms" title="Import-CsConfiguration and Enable-CsTopology" role="ops" estimate="PT1H" after="files"/>)";
  const std::string old = R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>
      <step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>)";
  BOOST_TEST(Findings(*CompilePlanText(Replace(CleanPlan(), old, right)), "PG221") == Lines{}, boost::test_tools::per_element());
  std::string wrong = Replace(right, R"(estimate="PT1H" after="prepare"/>)", R"(estimate="PT1H" after="cms"/>)");
  wrong = Replace(wrong, R"(estimate="PT1H" after="files"/>)", R"(estimate="PT1H" after="prepare"/>)");
  std::string xml = Replace(CleanPlan(), old, wrong);
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG221") ==
                 (Lines{At(xml, "<step id=\"cms\"") +
                            ": error: step 'cms' of scenario 'lost' is ordered before step 'files', which produces the file store it needs [PG2219]",
                        At(xml, "<step id=\"files\"") + ": note: step 'files' produces the file store here, and waits for step 'cms'"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_check_may_run_early_on_purpose) {
  // A check ordered first is a precondition, not a verification run too early.
  std::string xml = Replace(CleanPlan(), R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>)",
                            R"(<step id="check" title="Check that the backup files can be opened" role="ops" estimate="PT15M"/>
      <step id="prepare" title="Prepare" role="dba" estimate="PT1H" after="check"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG221") == Lines{}, boost::test_tools::per_element());
  // Not ordered at all, it may run before the server exists: PG2216 as before.
  xml = Replace(xml, R"(estimate="PT1H" after="check"/>)", R"(estimate="PT1H"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2216").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(clean_server_and_worksheets)

BOOST_AUTO_TEST_CASE(new_hardware_starts_from_a_clean_server) {
  BOOST_TEST(Findings(*CompilePlanText(CleanPlan()), "PG2223") == Lines{}, boost::test_tools::per_element());
  std::string xml = Replace(CleanPlan(), R"(title="Prepare" role="dba")", R"(title="Repair the server in place" role="dba")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2223") ==
                 Lines{At(xml, "new-hardware=\"yes\"", 14) + ": error: scenario 'lost' restores onto new hardware, but no step prepares a clean server [PG2223]"},
             boost::test_tools::per_element());
  // Nothing rebuilt: nothing to prepare.
  BOOST_TEST(Findings(*CompilePlanText(Replace(xml, R"(new-hardware="yes")", R"(new-hardware="no")")), "PG2223") == Lines{},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(worksheets_are_kept_in_a_secure_place_outside_the_deployment) {
  const std::string v4 = R"(<check id="v4" kind="V4" interval="P3M" owner="boss"/>)";
  std::string ok = Replace(CleanPlan(), v4, R"x(<check id="v4" kind="V4" interval="P3M" owner="boss" records="SharePoint: IT/Worksheets (restricted)"/>)x");
  BOOST_TEST(Findings(*CompilePlanText(ok), "PG2405") == Lines{}, boost::test_tools::per_element());
  std::string xml = Replace(CleanPlan(), v4, R"(<check id="v4" kind="V4" interval="P3M" owner="boss" records="\\se.example.com\Worksheets"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2405") ==
                 Lines{At(xml, "records=", 9) +
                       ": error: check 'v4' keeps the worksheets at '\\\\se.example.com\\Worksheets', on server 'se.example.com', one of the servers they are needed to restore [PG2405]"},
             boost::test_tools::per_element());
  // A neighbour: a share outside the deployment that its records call public.
  xml = Replace(CleanPlan(), v4, R"(<check id="v4" kind="V4" interval="P3M" owner="boss" records="\\nas.example.com\Public\Worksheets"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2405") ==
                 Lines{At(xml, "records=", 9) +
                       ": error: check 'v4' keeps the worksheets at '\\\\nas.example.com\\Public\\Worksheets', a place its records describe as open ('Public') [PG2405]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

// Restoration rules (PG22xx), the critical path and the hand-offs, on small inline plans.
#include <boost/test/unit_test.hpp>

#include "check/critical_path.h"
#include "check/handoffs.h"
#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

const char* kScenario = R"(    <scenario id="lost" title="Server lost" rto="PT4H" rpo="P1D" decider="boss" new-hardware="yes" spare="spare" covers="se.example.com">
      <criteria>The server is lost.</criteria>
      <step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>
      <step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>
    </scenario>
)";

std::string WithScenario(const std::string& scenario) { return Replace(CleanPlan(), kScenario, scenario); }

// A mirrored Back End pool beside the Standard Edition server; `scenarios` replaces the plan's.
std::string MirroredPlan(const std::string& scenarios) {
  std::string xml = Replace(CleanPlan(), "    </site>", R"(      <pool id="be" fqdn="be.example.com" edition="enterprise" kind="sql">
        <server fqdn="db1.example.com" roles="back-end"><service type="ArchivingStore"/></server>
        <server fqdn="db2.example.com" roles="back-end-mirror" mirror-of="db1.example.com"/>
      </pool>
    </site>)");
  xml = Replace(xml, "  </backups>", R"(    <backup id="arch" item="lcslog" server="db1.example.com" owner="dba" schedule="daily 03:00" retention="P1Y" locations="local vault"/>
  </backups>)");
  return Replace(xml, kScenario, std::string(kScenario) + scenarios);
}

std::string Db(const char* id, const char* covers, const char* rpo = "P1D") {
  return std::string(R"(    <scenario id=")") + id + R"(" title="x" rto="PT8H" rpo=")" + rpo +
         R"(" decider="boss" new-hardware="no" covers=")" + covers + R"(">
      <criteria>Lost.</criteria>
      <step id="fix" title="Fix" role="dba" estimate="PT1H"/>
    </scenario>
)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(restoration)

BOOST_AUTO_TEST_CASE(scenario_without_steps) {
  std::string xml = WithScenario(R"(    <scenario id="lost" title="Server lost" rto="PT4H" decider="boss" new-hardware="no" covers="se.example.com">
      <criteria>The server is lost.</criteria>
    </scenario>
)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") == Lines{At(xml, "<scenario id=\"lost\"") + ": error: scenario 'lost' has no steps [PG2201]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(three_hour_path_over_a_two_hour_rto_names_the_path) {
  std::string xml = WithScenario(R"(    <scenario id="lost" title="Server lost" rto="PT2H" decider="boss" new-hardware="no" covers="se.example.com">
      <criteria>The server is lost.</criteria>
      <step id="a" title="A" role="ops" estimate="PT1H"/>
      <step id="b" title="B" role="ops" estimate="PT1H" after="a"/>
      <step id="c" title="C" role="ops" estimate="PT1H" after="b"/>
    </scenario>
)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "PT2H") + ": error: critical path a -> b -> c takes 3 h, more than the RTO of 2 h [PG2202]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(parallel_steps_the_path_not_the_sum_decides) {
  // The estimates add up to 3 h, but a and b run side by side: the path is 2 h.
  std::string xml = WithScenario(R"(    <scenario id="lost" title="Server lost" rto="PT2H" decider="boss" new-hardware="no" covers="se.example.com">
      <criteria>The server is lost.</criteria>
      <step id="a" title="A" role="ops" estimate="PT1H"/>
      <step id="b" title="B" role="ops" estimate="PT1H"/>
      <step id="c" title="C" role="ops" estimate="PT1H" after="a b"/>
    </scenario>
)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") == Lines{}, boost::test_tools::per_element());
  // One minute more on b makes b the critical branch.
  xml = Replace(xml, R"(<step id="b" title="B" role="ops" estimate="PT1H"/>)", R"(<step id="b" title="B" role="ops" estimate="PT1H1M"/>)");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "PT2H") + ": error: critical path b -> c takes 2 h 1 min, more than the RTO of 2 h [PG2202]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spare_lead_time_counts_when_new_hardware_is_needed) {
  std::string xml = Replace(CleanPlan(), R"(rto="PT4H")", R"(rto="PT2H30M")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 (Lines{At(xml, "PT2H30M") + ": error: critical path lead time of spare 'spare' -> prepare -> restore takes 3 h, more than the RTO of 2 h 30 min [PG2202]",
                        At(xml, "PT1H\" contact") + ": note: spare 'spare' takes 1 h to arrive"}),
             boost::test_tools::per_element());
  // Without new hardware the lead time does not count: 2 h fits.
  c = CompilePlanText(Replace(xml, R"(new-hardware="yes")", R"(new-hardware="no")"));
  BOOST_TEST(Findings(*c, "PG22") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dependency_cycle_is_an_error) {
  std::string xml = Replace(CleanPlan(), R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>)",
                            R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H" after="restore"/>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "<step id=\"restore\"") + ": error: steps of scenario 'lost' wait for each other in a cycle: restore -> prepare -> restore [PG2203]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(new_hardware_without_spare) {
  std::string xml = Replace(CleanPlan(), R"( spare="spare")", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "yes\" covers") + ": error: scenario 'lost' needs new hardware but names no spare [PG2204]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(backup_interval_over_the_rpo) {
  std::string xml = Replace(CleanPlan(), R"(schedule="daily 02:00")", R"(schedule="weekly sun 02:00")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 (Lines{At(xml, "weekly sun") + ": error: backup 'files' runs up to 7 days apart, more than the RPO of 1 day of scenario 'lost' [PG2205]",
                        At(xml, "P1D\" decider") + ": note: scenario 'lost' sets its RPO here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(monthly_gaps_come_from_the_calendar) {
  // The 30th is missing in February: the runs on 30 January and 30 March of a leap year are 60
  // days apart, not "a month". A monthly RPO of 31 days is therefore broken; 61 days holds.
  std::string xml = Replace(CleanPlan(), R"(schedule="daily 02:00")", R"(schedule="monthly 30 02:00")");
  xml = Replace(xml, R"(rpo="P1D")", R"(rpo="P31D")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2205") ==
                 (Lines{At(xml, "monthly 30") + ": error: backup 'files' runs up to 60 days apart, more than the RPO of 31 days of scenario 'lost' [PG2205]",
                        At(xml, "P31D\" decider") + ": note: scenario 'lost' sets its RPO here"}),
             boost::test_tools::per_element());
  xml = Replace(xml, R"(rpo="P31D")", R"(rpo="P61D")");
  xml = Replace(xml, R"(schedule="monthly 30 02:00")", R"(schedule="FREQ=MONTHLY;BYMONTHDAY=31;BYHOUR=2;BYMINUTE=0")");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2205").empty());
  xml = Replace(xml, R"(rpo="P61D")", R"(rpo="P60D")");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2205").size() == 2u);
}

BOOST_AUTO_TEST_CASE(mirror_that_survives_exempts_the_primary_from_the_rpo) {
  // db1 alone with an RPO of 1 h: the mirror keeps the data, so the daily backup is no finding;
  // losing both with the same RPO is.
  std::string xml = MirroredPlan(Db("primary", "db1.example.com", "PT1H") + Db("mirror", "db2.example.com") +
                                 Db("both", "db1.example.com db2.example.com", "PT1H"));
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 (Lines{At(xml, "daily 03:00") + ": error: backup 'arch' runs up to 1 day apart, more than the RPO of 1 h of scenario 'both' [PG2205]",
                        At(xml, "<scenario id=\"both\"", 46) + ": note: scenario 'both' sets its RPO here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(mirror_cases_each_need_a_scenario) {
  std::string all = Db("primary", "db1.example.com") + Db("mirror", "db2.example.com") + Db("both", "db1.example.com db2.example.com");
  auto c = CompilePlanText(MirroredPlan(all));
  BOOST_TEST(Findings(*c, "PG22") == Lines{}, boost::test_tools::per_element());

  std::string xml = MirroredPlan(Db("both", "db1.example.com db2.example.com"));
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 (Lines{At(xml, "<server fqdn=\"db1") + ": warning: no scenario covers the loss of 'db1.example.com' alone, while its mirror 'db2.example.com' keeps running [PG2208]",
                        At(xml, "<server fqdn=\"db2") + ": warning: no scenario covers the loss of mirror 'db2.example.com' alone, while its primary 'db1.example.com' keeps running [PG2208]"}),
             boost::test_tools::per_element());

  xml = MirroredPlan(Db("primary", "db1.example.com") + Db("mirror", "db2.example.com") + Db("pool", "be"));
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "<server fqdn=\"db1") + ": warning: no scenario covers the loss of both 'db1.example.com' and its mirror 'db2.example.com' [PG2208]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(server_not_covered) {
  std::string xml = Replace(CleanPlan(), R"( covers="se.example.com")", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "<server fqdn=\"se") + ": error: server 'se.example.com' is not covered by any restoration scenario [PG2206]"},
             boost::test_tools::per_element());
  // Listing the Standard Edition pool by id covers its server.
  c = CompilePlanText(Replace(CleanPlan(), R"(covers="se.example.com")", R"(covers="se")"));
  BOOST_TEST(Findings(*c, "PG22") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(front_end_pool_needs_member_and_whole_pool_scenarios) {
  std::string base = Replace(CleanPlan(), "    </site>", R"(      <pool id="fe" fqdn="fe.example.com" edition="enterprise" kind="front-end">
        <server fqdn="fe1.example.com" roles="front-end"/>
        <server fqdn="fe2.example.com" roles="front-end"/>
      </pool>
    </site>)");
  std::string xml = Replace(base, kScenario, std::string(kScenario) + Db("pool", "fe.example.com"));
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 (Lines{At(xml, "<server fqdn=\"fe1") + ": error: server 'fe1.example.com' is not covered by any restoration scenario [PG2206]",
                        At(xml, "<server fqdn=\"fe2") + ": error: server 'fe2.example.com' is not covered by any restoration scenario [PG2206]"}),
             boost::test_tools::per_element());
  xml = Replace(base, kScenario, std::string(kScenario) + Db("member", "fe1.example.com fe2.example.com"));
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "<pool id=\"fe\"") + ": warning: no scenario covers the loss of the whole pool 'fe.example.com' [PG2207]"},
             boost::test_tools::per_element());
  c = CompilePlanText(Replace(base, kScenario, std::string(kScenario) + Db("member", "fe1.example.com fe2.example.com") + Db("pool", "fe")));
  BOOST_TEST(Findings(*c, "PG22") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(role_without_department) {
  std::string xml = Replace(CleanPlan(), R"(name="Database" department="Data")", R"(name="Database")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "dba\" estimate") + ": warning: role 'dba' has no department, so the hand-offs of scenario 'lost' cannot be listed [PG2209]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(handoff_to_a_role_without_contact) {
  std::string xml = Replace(CleanPlan(), R"(<contact type="email">ops@example.com</contact>)", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "<step id=\"restore\"") + ": warning: scenario 'lost' hands off from 'dba' to 'ops', but role 'ops' has no contact [PG2210]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(spare_without_contact) {
  std::string xml = Replace(CleanPlan(), R"( contact="ops")", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") == Lines{At(xml, "<spare id") + ": warning: spare 'spare' names no contact [PG2211]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_decision_criteria) {
  std::string xml = Replace(CleanPlan(), "    <decision-criteria><criterion>Restore when troubleshooting fails.</criterion></decision-criteria>\n", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") ==
                 Lines{At(xml, "<governance") + ": warning: the plan states no criteria for deciding when and how to restore service [PG2212]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(procedure_without_tools) {
  std::string xml = Replace(CleanPlan(), "      <tool>Robocopy</tool>\n", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG22") == Lines{At(xml, "<procedure id=\"drill\"") + ": warning: procedure 'drill' names no tools [PG2213]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(handoffs_follow_dependencies_across_departments) {
  auto c = CompilePlanText(WithScenario(R"(    <scenario id="lost" title="Server lost" rto="PT9H" decider="boss" new-hardware="no" covers="se.example.com">
      <criteria>The server is lost.</criteria>
      <step id="a" title="A" role="dba" estimate="PT1H"/>
      <step id="b" title="B" role="dba" estimate="PT1H" after="a"/>
      <step id="c" title="C" role="ops" estimate="PT1H" after="a b"/>
      <step id="d" title="D" role="boss" estimate="PT1H"/>
    </scenario>
)"));
  const plangen::Scenario& sc = c->plan.scenarios.at(0);
  auto h = plangen::check::ScenarioHandoffs(c->plan, sc);
  BOOST_REQUIRE_EQUAL(h.size(), 2u);
  BOOST_TEST(sc.steps[h[0].from_step].id.value == "a");
  BOOST_TEST(sc.steps[h[0].to_step].id.value == "c");
  BOOST_TEST(h[0].from_role->id.value == "dba");
  BOOST_TEST(h[0].to_role->id.value == "ops");
  BOOST_TEST(sc.steps[h[1].from_step].id.value == "b");
  BOOST_TEST(plangen::check::PlanHandoffs(c->plan).at(0).size() == 2u);

  auto path = plangen::check::ComputeCriticalPath(sc, nullptr);
  BOOST_TEST(plangen::check::DescribePath(sc, path, nullptr) == "a -> b -> c");
  BOOST_TEST(path.seconds == 3 * 3600);
  BOOST_TEST(path.start[3] == 0);  // d waits for nothing
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

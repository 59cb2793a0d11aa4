// PG2218: a pool that holds the Central Management store fails over only after the store does.
#include <boost/test/unit_test.hpp>

#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

// Two paired Front End pools at two sites; p1's Back End holds the Central Management store.
std::string PairedPlan(const std::string& scenario) {
  std::string xml = Replace(CleanPlan(), R"(<site id="s" name="Site">)", R"(<site id="s" name="Site">
      <pool id="p1" fqdn="p1.example.com" edition="enterprise" kind="front-end" paired-with="p2">
        <server fqdn="fe1.example.com" roles="front-end"/>
        <server fqdn="sql1.example.com" roles="back-end"><service type="CentralMgmtStore"/><service type="UserStore"/></server>
      </pool>
    </site>
    <site id="t" name="Other site">
      <pool id="p2" fqdn="p2.example.com" edition="enterprise" kind="front-end" paired-with="p1">
        <server fqdn="fe2.example.com" roles="front-end"/>
        <server fqdn="sql2.example.com" roles="back-end"><service type="UserStore"/></server>
      </pool>
    </site>
    <site id="f" name="Files">)");
  return Replace(xml, "</scenarios>", scenario + "\n  </scenarios>");
}

const char* const kFailover = R"(<scenario id="fo" template="pool-failover" title="Fail p1 over" rto="PT2H" decider="boss" new-hardware="no" covers="p1.example.com">
      <criteria>p1 is down.</criteria>
      <step id="declare" title="Declare the disaster" role="boss" estimate="PT15M"/>
      <step id="cms" title="Fail the Central Management store over with Invoke-CsManagementServerFailover" role="ops" estimate="PT15M" after="declare"/>
      <step id="failover" title="Invoke-CsPoolFailover -PoolFQDN p1.example.com -DisasterMode" role="ops" estimate="PT30M" after="cms"/>
    </scenario>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(failovers)

BOOST_AUTO_TEST_CASE(the_store_fails_over_before_the_pool_that_holds_it) {
  BOOST_TEST(Findings(*CompilePlanText(PairedPlan(kFailover)), "PG2218") == Lines{}, boost::test_tools::per_element());
  // No step fails the store over.
  std::string xml = PairedPlan(kFailover);
  xml = Replace(xml, R"(      <step id="cms" title="Fail the Central Management store over with Invoke-CsManagementServerFailover" role="ops" estimate="PT15M" after="declare"/>
)", "");
  xml = Replace(xml, R"(estimate="PT30M" after="cms")", R"(estimate="PT30M" after="declare")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2218") ==
                 Lines{At(xml, "<step id=\"failover\"") +
                       ": error: step 'failover' of scenario 'fo' fails over pool 'p1', which holds the Central Management store, but waits for no step that fails the store over [PG2218]"},
             boost::test_tools::per_element());
  // A step fails it over, but the pool failover does not wait for it.
  xml = Replace(PairedPlan(kFailover), R"(estimate="PT30M" after="cms")", R"(estimate="PT30M" after="declare")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2218") ==
                 (Lines{At(xml, "<step id=\"failover\"") +
                            ": error: step 'failover' of scenario 'fo' fails over pool 'p1', which holds the Central Management store, but waits for no step that fails the store over [PG2218]",
                        At(xml, "<step id=\"cms\"") + ": note: step 'cms' fails the store over here, but step 'failover' does not wait for it"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_pool_without_the_store_fails_over_directly) {
  std::string scenario = Replace(kFailover, R"(covers="p1.example.com")", R"(covers="p2.example.com")");
  scenario = Replace(scenario, R"(      <step id="cms" title="Fail the Central Management store over with Invoke-CsManagementServerFailover" role="ops" estimate="PT15M" after="declare"/>
)", "");
  scenario = Replace(scenario, R"(after="cms")", R"(after="declare")");
  BOOST_TEST(Findings(*CompilePlanText(PairedPlan(scenario)), "PG2218") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_step_that_follows_a_procedure_is_read_with_it) {
  // The store failover is written in the plan's own procedure that the step follows.
  std::string xml = Replace(PairedPlan(kFailover), R"(title="Fail the Central Management store over with Invoke-CsManagementServerFailover" role="ops" estimate="PT15M" after="declare")",
                            R"(title="Move the store" role="ops" estimate="PT15M" after="declare" procedure="cms-move")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2218").size() == 1u);
  xml = Replace(xml, "</procedures>", R"(  <procedure id="cms-move" kind="restore" title="Move the Central Management store" last-changed="2026-06-01" last-tested="2026-11-01" tested-by="ops">
      <tool>Invoke-CsManagementServerFailover</tool>
      <step role="ops">Fail the store over to the partner's Back End.</step>
    </procedure>
  </procedures>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2218") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

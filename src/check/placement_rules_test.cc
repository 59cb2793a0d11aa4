// Where copies are kept and which pools stand in for each other (PG2116, PG2117, PG2317, PG2318,
// and the RPO of a failover to the paired pool): a failing and a passing case for each, with the
// exact text and location.
#include <boost/test/unit_test.hpp>

#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

// Two Front End pools at two sites, each with a Back End that holds the user store; the first
// also holds the Central Management store.
const char* const kPoolSite = R"(<site id="s" name="Site">)";
const char* const kPools = R"(<site id="s" name="Site">
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
    <site id="f" name="Files">)";

std::string WithPools() { return Replace(CleanPlan(), kPoolSite, kPools); }

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(placement_rules)

// --- PG2116: every location that keeps a copy is secure -----------------------------------------

BOOST_AUTO_TEST_CASE(a_location_that_keeps_copies_is_secure) {
  std::string xml = Replace(CleanPlan(), R"(host="bk.example.com" types="settings database file-store" secure="yes")",
                            R"(host="bk.example.com" types="settings database file-store" secure="no")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG21") ==
                 (Lines{At(xml, "no\" offsite=\"no\"") + ": warning: location 'local' is not secure, but backup 'files' keeps copies there [PG2116]",
                        At(xml, "local vault\"") + ": note: backup 'files' keeps copies in location 'local' here"}),
             boost::test_tools::per_element());
  // Reported once per location, however many backups use it.
  std::string two = Replace(xml, "</backups>", R"(  <backup id="files2" item="file-store" server="se.example.com" owner="ops" schedule="daily 03:00" retention="P30D" locations="local vault"/>
  </backups>)");
  BOOST_TEST(Findings(*CompilePlanText(two), "PG2116").size() == 2u);
  // A backup with no secure location at all is reported once, as such (PG2104).
  std::string none = Replace(xml, R"(host="vault.example.com" types="settings database file-store" secure="yes")",
                             R"(host="vault.example.com" types="settings database file-store" secure="no")");
  BOOST_TEST(Findings(*CompilePlanText(none), "PG211") == Lines{}, boost::test_tools::per_element());
  // An insecure location that keeps no copy is not judged.
  std::string unused = Replace(xml, R"(locations="local vault")", R"(locations="vault")");
  BOOST_TEST(Findings(*CompilePlanText(unused), "PG2116") == Lines{}, boost::test_tools::per_element());
}

// --- PG2117: a backup is declared on a server that holds its item -------------------------------

BOOST_AUTO_TEST_CASE(a_backup_names_a_server_that_holds_its_item) {
  std::string xml = Replace(CleanPlan(), R"(<service type="FileStore" share="share"/>
        </server>)", R"(<service type="FileStore" share="share"/>
        </server>
        <server fqdn="other.example.com" roles="file-server"/>)");
  xml = Replace(xml, R"(item="file-store" server="se.example.com")", R"(item="file-store" server="other.example.com")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2117") ==
                 (Lines{At(xml, "other.example.com\" owner") + ": error: backup 'files' of data item 'file-store' is declared on server 'other.example.com', which does not hold it [PG2117]",
                        At(xml, "<server fqdn=\"se.example.com\"") + ": note: 'file-store' is held by server 'se.example.com' here"}),
             boost::test_tools::per_element());
  BOOST_TEST(Findings(*CompilePlanText(CleanPlan()), "PG2117") == Lines{}, boost::test_tools::per_element());
  // An item no server of the plan is recorded as holding is not judged.
  std::string unknown = Replace(xml, R"(<service type="FileStore" share="share"/>)", "");
  BOOST_TEST(Findings(*CompilePlanText(unknown), "PG2117") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_item_of_a_pool_or_the_deployment_may_be_backed_up_from_its_pool) {
  const std::string xml = WithPools();
  // The Central Management store, backed up from a Front End of the pool that holds it: fine.
  std::string fe = Replace(xml, "</backups>", R"(  <backup id="xds" item="xds" server="fe1.example.com" owner="ops" schedule="daily 01:00" retention="P30D" locations="local vault"/>
  </backups>)");
  BOOST_TEST(Findings(*CompilePlanText(fe), "PG2117") == Lines{}, boost::test_tools::per_element());
  // The same backup declared in the other pool names the wrong server.
  std::string other = Replace(fe, R"(item="xds" server="fe1.example.com")", R"(item="xds" server="sql2.example.com")");
  BOOST_TEST(Findings(*CompilePlanText(other), "PG2117") ==
                 (Lines{At(other, "sql2.example.com\" owner") + ": error: backup 'xds' of data item 'xds' is declared on server 'sql2.example.com', which does not hold it [PG2117]",
                        At(other, "<server fqdn=\"sql1.example.com\"") + ": note: 'xds' is held by server 'sql1.example.com' here"}),
             boost::test_tools::per_element());
}

// --- PG2317, PG2318: pool pairing -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(paired_pools_name_each_other) {
  const std::string xml = WithPools();
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG231") == Lines{}, boost::test_tools::per_element());
  // The partner names no pool.
  std::string one_way = Replace(xml, R"(kind="front-end" paired-with="p1")", R"(kind="front-end")");
  BOOST_TEST(Findings(*CompilePlanText(one_way), "PG231") ==
                 (Lines{At(one_way, "p2\">") + ": error: pool 'p1' is paired with 'p2', but 'p2' names no paired pool [PG2317]",
                        At(one_way, "<pool id=\"p2\"") + ": note: pool 'p2' is defined here"}),
             boost::test_tools::per_element());
  // The partner names a third pool.
  std::string third = Replace(xml, R"(kind="front-end" paired-with="p1")", R"(kind="front-end" paired-with="se")");
  auto lines = Findings(*CompilePlanText(third), "PG2317");
  BOOST_REQUIRE(lines.size() >= 2u);
  BOOST_TEST(lines[0] == At(third, "p2\">") + ": error: pool 'p1' is paired with 'p2', but 'p2' is paired with 'se' [PG2317]");
  BOOST_TEST(lines[1] == At(third, "paired-with=\"se\"", 13) + ": note: pool 'p2' names its partner here");
}

BOOST_AUTO_TEST_CASE(paired_pools_are_front_end_pools_at_separate_sites_with_one_ha_method) {
  const std::string xml = WithPools();
  // One site for both.
  std::string same_site = Replace(xml, R"(</pool>
    </site>
    <site id="t" name="Other site">
)", R"(</pool>
)");
  BOOST_TEST(Findings(*CompilePlanText(same_site), "PG231") ==
                 Lines{At(same_site, "p2\">") + ": warning: pools 'p1' and 'p2' are paired, but both are at site 's', and a pool pair survives a site's loss only at separate sites [PG2318]"},
             boost::test_tools::per_element());
  // A mirrored Back End in one pool only.
  std::string mirrored = Replace(xml, R"(<server fqdn="sql2.example.com" roles="back-end"><service type="UserStore"/></server>)",
                                 R"(<server fqdn="sql2.example.com" roles="back-end"><service type="UserStore"/></server>
        <server fqdn="sql2m.example.com" roles="back-end-mirror" mirror-of="sql2.example.com"/>)");
  BOOST_TEST(Findings(*CompilePlanText(mirrored), "PG231") ==
                 Lines{At(mirrored, "p2\">") + ": warning: pools 'p1' and 'p2' are paired, but 'p2' has a mirrored Back End and 'p1' has not, and paired pools use the same Back End high-availability method [PG2318]"},
             boost::test_tools::per_element());
  // A pool that is not a Front End pool.
  std::string edge = Replace(xml, R"(fqdn="p2.example.com" edition="enterprise" kind="front-end")", R"(fqdn="p2.example.com" edition="enterprise" kind="edge")");
  BOOST_TEST(Findings(*CompilePlanText(edge), "PG2318") ==
                 Lines{At(edge, "p2\">") + ": warning: pools 'p1' and 'p2' are paired, but only Front End pools are paired, and 'p2' is a pool of kind 'edge' [PG2318]"},
             boost::test_tools::per_element());
}

// --- A failover to the paired pool restores nothing from backups ------------------------------------

BOOST_AUTO_TEST_CASE(failover_rpo_is_not_judged_against_backup_intervals) {
  std::string xml = Replace(WithPools(), "</backups>", R"(  <backup id="users" item="rtcxds" server="sql1.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
  </backups>)");
  const char* const kScenario = R"(<scenario id="fo" template="TEMPLATE" title="Fail p1 over" rto="PT2H" rpo="PT30M" decider="boss" new-hardware="no" covers="p1.example.com">
      <criteria>p1 is down.</criteria>
      <step id="failover" title="Invoke-CsPoolFailover" role="ops" estimate="PT30M"/>
    </scenario>
  </scenarios>)";
  std::string failover = Replace(xml, "</scenarios>", Replace(kScenario, "TEMPLATE", "pool-failover"));
  BOOST_TEST(Findings(*CompilePlanText(failover), "PG2205") == Lines{}, boost::test_tools::per_element());
  // The same RPO on a restore from backup is judged.
  std::string restore = Replace(xml, "</scenarios>", Replace(kScenario, "TEMPLATE", "whole-pool"));
  BOOST_TEST(Findings(*CompilePlanText(restore), "PG2205") ==
                 (Lines{At(restore, "daily 02:00\" retention=\"P30D\" locations=\"local vault\"/>\n  </backups>") +
                            ": error: backup 'users' runs up to 1 day apart, more than the RPO of 30 min of scenario 'fo' [PG2205]",
                        At(restore, "PT30M\" decider") + ": note: scenario 'fo' sets its RPO here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

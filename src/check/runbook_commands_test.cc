// PG2224-PG2231: the commands and steps of a restoration are right for the topology: failover
// names the failed pool, the Central Management store is failed over before it is moved, listings
// after a failover carry -Owner or -ShowAll, a rebuilt pool's Response Group import carries
// -OverwriteOwner, nothing the profile forbids, a rebuilt server keeps its FQDN, an Edge server's
// rebuild exports the configuration, and an RPO the method cannot keep.
#include <boost/test/unit_test.hpp>

#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

// CleanPlan with two paired Front End pools (p1 holds the Central Management store), an Edge
// pool, and `scenario` added.
std::string Plan(const std::string& scenario) {
  std::string xml = Replace(CleanPlan(), "    </site>", R"(      <pool id="p1" fqdn="p1.example.com" edition="enterprise" kind="front-end" paired-with="p2">
        <server fqdn="fe1.example.com" roles="front-end"/>
        <server fqdn="sql1.example.com" roles="back-end"><service type="UserStore"/><service type="CentralMgmtStore"/></server>
      </pool>
      <pool id="p2" fqdn="p2.example.com" edition="enterprise" kind="front-end" paired-with="p1">
        <server fqdn="fe2.example.com" roles="front-end"/>
        <server fqdn="sql2.example.com" roles="back-end"><service type="UserStore"/></server>
      </pool>
      <pool id="edge" fqdn="edge.example.com" edition="enterprise" kind="edge">
        <server fqdn="edge1.example.com" roles="edge"/>
      </pool>
    </site>)");
  return Replace(xml, "</scenarios>", scenario + "\n  </scenarios>");
}

std::string Scenario(const std::string& attrs, const std::string& steps) {
  return R"(<scenario id="x" title="X" rto="P2D" decider="boss" )" + attrs + R"(>
      <criteria>Lost.</criteria>
)" + steps + "\n    </scenario>";
}

std::string Step(const std::string& id, const std::string& title, const std::string& after = "") {
  return R"(      <step id=")" + id + R"(" title=")" + title + R"(" role="ops" estimate="PT1H")" + (after.empty() ? "" : " after=\"" + after + "\"") + "/>";
}

Lines Codes(const std::string& xml, const std::string& code) {
  Lines out;
  for (const std::string& l : Findings(*CompilePlanText(xml), code)) {
    if (l.find(": note: ") == std::string::npos) out.push_back(l);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(runbook_commands)

BOOST_AUTO_TEST_CASE(failover_names_the_failed_pool) {
  const std::string bad = Plan(Scenario(R"(new-hardware="no" covers="p1.example.com")",
                                        Step("go", "Invoke-CsPoolFailover -PoolFQDN p2.example.com -DisasterMode")));
  BOOST_TEST(Codes(bad, "PG2226") ==
                 Lines{At(bad, "<step id=\"go\"") +
                       ": error: step 'go' of scenario 'x' runs Invoke-CsPoolFailover -PoolFQDN p2.example.com, but scenario 'x' is about 'p1.example.com' [PG2226]"},
             boost::test_tools::per_element());
  // Failback names the same pool; a pool id counts too.
  BOOST_TEST(Codes(Plan(Scenario(R"(new-hardware="no" covers="p1")", Step("back", "Invoke-CsPoolFailback -PoolFqdn p2"))), "PG2226").size() == 1u);
  // The failed pool, a placeholder, or a scenario that covers a server of the pool: nothing to say.
  for (const char* ok : {"Invoke-CsPoolFailover -PoolFQDN p1.example.com -DisasterMode", "Invoke-CsPoolFailover -PoolFQDN {pool} -DisasterMode",
                         "Invoke-CsPoolFailover -PoolFQDN &lt;Pool1 FQDN&gt; -DisasterMode"}) {
    BOOST_TEST(Codes(Plan(Scenario(R"(new-hardware="no" covers="p1.example.com")", Step("go", ok))), "PG2226") == Lines{}, ok);
  }
  BOOST_TEST(Codes(Plan(Scenario(R"(new-hardware="no" covers="fe1.example.com")", Step("go", "Invoke-CsPoolFailover -PoolFQDN p1.example.com"))), "PG2226") ==
             Lines{});
}

BOOST_AUTO_TEST_CASE(store_moved_from_a_store_that_is_down) {
  const std::string bad = Plan(Scenario(R"(new-hardware="no" covers="p1.example.com")",
                                        Step("cms", "Move-CsManagementServer -ConfigurationFileName C:\\c.zip -Force")));
  BOOST_TEST(Codes(bad, "PG2227") ==
                 Lines{At(bad, "<step id=\"cms\"") +
                       ": error: step 'cms' of scenario 'x' runs Move-CsManagementServer, which needs CentralMgmtStore running, but scenario 'x' has "
                       "lost 'sql1.example.com', which runs it; run Invoke-CsManagementServerFailover first [PG2227]"},
             boost::test_tools::per_element());
  // Failed over first, then moved on: right. The store's pool intact: right.
  const std::string failed_over = Plan(Scenario(R"(new-hardware="no" covers="p1.example.com")",
                                                Step("fo", "Invoke-CsManagementServerFailover -BackupSqlServerFqdn sql2.example.com -Force") + "\n" +
                                                    Step("cms", "Move-CsManagementServer -Force", "fo")));
  BOOST_TEST(Codes(failed_over, "PG2227") == Lines{});
  BOOST_TEST(Codes(Plan(Scenario(R"(new-hardware="no" covers="p2.example.com")", Step("cms", "Move-CsManagementServer -Force"))), "PG2227") == Lines{});
}

BOOST_AUTO_TEST_CASE(listing_after_a_failover_needs_owner_or_show_all) {
  const std::string bad = Plan(Scenario(R"(new-hardware="no" covers="p1.example.com")",
                                        Step("go", "Invoke-CsPoolFailover -PoolFQDN p1.example.com -DisasterMode") + "\n" +
                                            Step("rgs", "Get-CsRgsWorkflow -Identity service:ApplicationServer:p2.example.com", "go")));
  BOOST_TEST(Codes(bad, "PG2228") ==
                 Lines{At(bad, "<step id=\"rgs\"") +
                       ": warning: step 'rgs' of scenario 'x' runs Get-CsRgsWorkflow without -Owner or -ShowAll, after the failover of scenario 'x' [PG2228]"},
             boost::test_tools::per_element());
  // A list of cmdlets with the parameters after the last one: each has them.
  const std::string listed = Plan(Scenario(R"(new-hardware="no" covers="p1.example.com")",
                                           Step("go", "Invoke-CsPoolFailover -PoolFQDN p1.example.com -DisasterMode") + "\n" +
                                               Step("rgs", "Check with Get-CsRgsWorkflow, Get-CsRgsQueue and Get-CsRgsAgentGroup -Identity x -ShowAll", "go")));
  BOOST_TEST(Codes(listed, "PG2228") == Lines{});
  // Two sentences are not a list.
  const std::string apart = Replace(listed, "Get-CsRgsQueue and", "Get-CsRgsQueue. Then run");
  BOOST_TEST(Codes(apart, "PG2228").size() == 2u);
  // No failover in the scenario: a plain listing is right.
  BOOST_TEST(Codes(Plan(Scenario(R"(new-hardware="no" covers="p1.example.com")", Step("rgs", "Get-CsRgsWorkflow -Identity x"))), "PG2228") == Lines{});
}

BOOST_AUTO_TEST_CASE(rebuilt_pool_imports_response_groups_with_overwrite_owner) {
  const std::string bad = Plan(Scenario(R"(new-hardware="yes" spare="spare" covers="p1.example.com")",
                                        Step("prep", "Prepare a clean server") + "\n" +
                                            Step("rgs", "Import-CsRgsConfiguration -Destination service:ApplicationServer:p1.example.com -FileName C:\\r.zip", "prep")));
  BOOST_TEST(Codes(bad, "PG2225") ==
                 Lines{At(bad, "<step id=\"rgs\"") +
                       ": error: step 'rgs' of scenario 'x' runs Import-CsRgsConfiguration without -OverwriteOwner, which scenario 'x' needs: it "
                       "restores onto new hardware [PG2225]"},
             boost::test_tools::per_element());
  BOOST_TEST(Codes(Replace(bad, "-FileName C:", "-OverwriteOwner -FileName C:"), "PG2225") == Lines{});
  // A failover into the backup pool imports without it.
  BOOST_TEST(Codes(Replace(bad, R"(new-hardware="yes" spare="spare" covers="p1)", R"(new-hardware="no" covers="p1)"), "PG2225") == Lines{});
}

BOOST_AUTO_TEST_CASE(never_delete_the_computer_account) {
  const std::string bad = Plan(Scenario(R"(new-hardware="yes" spare="spare" covers="fe1.example.com")",
                                        Step("prep", "Delete the failed server's computer account from Active Directory, then prepare a clean server")));
  BOOST_TEST(Codes(bad, "PG2229") ==
                 Lines{At(bad, "<step id=\"prep\"") +
                       ": error: step 'prep' of scenario 'x' does what a restoration must never do (delete-computer-account): a server is rebuilt "
                       "with the failed server's FQDN and keeps its Active Directory computer account, with its group memberships and permissions "
                       "(fact sheet 3.1) [PG2229]"},
             boost::test_tools::per_element());
  BOOST_TEST(Codes(Replace(bad, "Delete the failed server's computer account from Active Directory", "Remove-ADComputer fe1"), "PG2229").size() == 1u);
  BOOST_TEST(Codes(Replace(bad, "Delete the failed server's computer account from Active Directory",
                           "Removes the computer object of the failed server"), "PG2229").size() == 1u);
  // Saying not to: right. Another sentence about accounts: right.
  BOOST_TEST(Codes(Replace(bad, "Delete the failed", "Do not delete the failed"), "PG2229") == Lines{});
  BOOST_TEST(Codes(Replace(bad, "Delete the failed server's computer account from Active Directory", "Check the computer account. Delete old files"),
                   "PG2229") == Lines{});
}

BOOST_AUTO_TEST_CASE(rebuilt_server_keeps_its_fqdn) {
  const std::string bad = Plan(Scenario(R"(new-hardware="yes" spare="spare" covers="fe1.example.com")",
                                        Step("prep", "Prepare the spare as fe01b.example.com with certificates")));
  BOOST_TEST(Codes(bad, "PG2230") ==
                 Lines{At(bad, "<step id=\"prep\"") +
                       ": warning: step 'prep' of scenario 'x' names 'fe01b.example.com', which is no server of the plan: scenario 'x' rebuilds "
                       "'fe1.example.com' under its own FQDN [PG2230]"},
             boost::test_tools::per_element());
  // The server's own name, another known server, a name far from it, another domain, a file name.
  for (const char* ok : {"Prepare fe1.example.com", "Copy from fe2.example.com", "Point DNS at lyncdiscover.example.com",
                         "Prepare fe2.other.org", "Run setup.exe and read log.txt"}) {
    BOOST_TEST(Codes(Replace(bad, "Prepare the spare as fe01b.example.com with certificates", ok), "PG2230") == Lines{}, ok);
  }
}

BOOST_AUTO_TEST_CASE(edge_rebuild_exports_the_configuration) {
  const std::string bad = Plan(Scenario(R"(new-hardware="yes" spare="spare" covers="edge.example.com")",
                                        Step("prep", "Prepare a clean server") + "\n" + Step("deploy", "Run Deployment Wizard Steps 1 to 4", "prep")));
  BOOST_TEST(Codes(bad, "PG2231") ==
                 Lines{At(bad, "<scenario id=\"x\"") +
                       ": error: scenario 'x' rebuilds edge server 'edge1.example.com', but has no export-configuration step [PG2231]"},
             boost::test_tools::per_element());
  for (const char* ok : {"Export the configuration on the internal side", "Export-CsConfiguration -FileName C:\\e.zip"}) {
    BOOST_TEST(Codes(Replace(bad, "Prepare a clean server", std::string("Prepare a clean server. ") + ok), "PG2231") == Lines{}, ok);
  }
  // Not rebuilt (a failover of the Edge pool): nothing to export.
  BOOST_TEST(Codes(Replace(bad, R"(new-hardware="yes" spare="spare" covers="edge)", R"(new-hardware="no" covers="edge)"), "PG2231") == Lines{});
}

BOOST_AUTO_TEST_CASE(rpo_below_what_failover_keeps) {
  const std::string bad = Plan(Scenario(R"(template="pool-failover" rpo="PT5M" new-hardware="no" covers="p1.example.com")",
                                        Step("go", "Invoke-CsPoolFailover -PoolFQDN p1.example.com -DisasterMode")));
  BOOST_TEST(Codes(bad, "PG2224") ==
                 Lines{At(bad, "rpo=\"PT5M\"", 5) + ": warning: scenario 'x' promises an RPO of 5 min, but pool-failover loses up to 30 min [PG2224]"},
             boost::test_tools::per_element());
  BOOST_TEST(Codes(Replace(bad, "PT5M", "PT30M"), "PG2224") == Lines{});
  // A restore from backups may promise what its backups keep.
  BOOST_TEST(Codes(Replace(Replace(bad, R"(template="pool-failover" )", ""), "PT5M", "PT1H"), "PG2224") == Lines{});
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

// Rules a careful reviewer applies (PG2110-PG2115, PG2214-PG2217, PG2309-PG2316, PG3101 from the
// check): a failing and a passing case for each, with the exact text and location.
#include <boost/test/unit_test.hpp>

#include "check/plan_digest.h"
#include "check_test_support.h"
#include "test_paths.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

const char* const kBackup =
    R"(<backup id="files" item="file-store" server="se.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>)";

std::string WithBackup(const std::string& backup) { return Replace(CleanPlan(), kBackup, backup); }

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(reviewer_rules)

BOOST_AUTO_TEST_CASE(clean_plan_has_no_finding) {
  BOOST_TEST(Findings(*CompilePlanText(CleanPlan())) == Lines{}, boost::test_tools::per_element());
}

// --- Rule 2: retention against the schedule and the checks -------------------------------------

BOOST_AUTO_TEST_CASE(retention_shorter_than_the_gap_between_runs) {
  std::string xml = WithBackup(R"(<backup id="files" item="file-store" server="se.example.com" owner="ops" schedule="weekly sun 02:00" retention="P3D" locations="local vault"/>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2110") == (Lines{At(xml, "P3D") + ": error: backup 'files' keeps each copy for 3 days, but its runs are up to 7 days apart [PG2110]",
                                              At(xml, "weekly sun") + ": note: the schedule is here"}),
             boost::test_tools::per_element());
  // Equal to the gap: a copy always exists.
  xml = Replace(xml, "P3D", "P7D");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2110") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(retention_shorter_than_the_v2_and_v3_intervals) {
  std::string xml = WithBackup(Replace(kBackup, "P30D", "P5D"));
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG211") ==
                 (Lines{At(xml, "P5D") + ": warning: backup 'files' keeps each copy for 5 days, less than the 7 days between runs of V2 check 'v2' [PG2111]",
                        At(xml, "P7D\" owner") + ": note: check 'v2' sets its interval here",
                        At(xml, "P5D") + ": warning: backup 'files' keeps each copy for 5 days, less than the 1 month between runs of V3 check 'v3' [PG2111]",
                        At(xml, "P1M\" owner") + ": note: check 'v3' sets its interval here"}),
             boost::test_tools::per_element());
  // Checks whose target names another backup do not apply to this one.
  xml = Replace(xml, "locations=\"local vault\"/>", "locations=\"local vault\"/>\n    " +
                Replace(kBackup, "id=\"files\"", "id=\"files2\"") );
  xml = Replace(xml, R"(kind="V3" interval="P1M")", R"(kind="V3" interval="P1M" target="files2")");
  xml = Replace(xml, R"(kind="V2" interval="P7D")", R"(kind="V2" interval="P7D" target="files2")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG211") == Lines{}, boost::test_tools::per_element());
}

// --- Rule 3: approvals against change dates; dates in the future -------------------------------

BOOST_AUTO_TEST_CASE(approval_dated_before_the_plans_last_change_is_stale) {
  std::string xml = Replace(CleanPlan(), R"(id="t" version="1")", R"(id="t" version="1" last-changed="2026-10-02")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG23") == Lines{}, boost::test_tools::per_element());  // same day: fine
  xml = Replace(xml, "last-changed=\"2026-10-02\"", "last-changed=\"2026-11-15\"");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG23") ==
                 (Lines{At(xml, "2026-10-02\" plan") + ": error: business approval by 'boss' dated 2026-10-02 is stale: the plan changed on 2026-11-15 [PG2309]",
                        At(xml, "2026-11-15") + ": note: the plan records its last change here",
                        At(xml, "2026-10-03\" plan") + ": error: technical approval by 'ops' dated 2026-10-03 is stale: the plan changed on 2026-11-15 [PG2309]",
                        At(xml, "2026-11-15") + ": note: the plan records its last change here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(approval_dated_before_a_procedure_change_is_stale_once_naming_the_latest) {
  std::string xml = Replace(CleanPlan(), R"(id="t" version="1")", R"(id="t" version="1" last-changed="2026-10-02")");
  xml = Replace(xml, R"(last-changed="2026-06-01")", R"(last-changed="2026-10-10")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2309") ==
                 (Lines{At(xml, "2026-10-02\" plan") + ": error: business approval by 'boss' dated 2026-10-02 is stale: procedure 'drill' changed on 2026-10-10 [PG2309]",
                        At(xml, "2026-10-10") + ": note: procedure 'drill' records its last change here",
                        At(xml, "2026-10-03\" plan") + ": error: technical approval by 'ops' dated 2026-10-03 is stale: procedure 'drill' changed on 2026-10-10 [PG2309]",
                        At(xml, "2026-10-10") + ": note: procedure 'drill' records its last change here"}),
             boost::test_tools::per_element());
  // The stale digest is not reported as well, and not before the other errors are fixed.
  BOOST_TEST(Findings(*c, "PG2303") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dates_in_the_future_are_errors) {
  std::string xml = Replace(CleanPlan(), R"(date="2026-10-03")", R"(date="2026-12-05")");
  xml = Replace(xml, R"(last-reviewed="2026-10-01")", R"(last-reviewed="2027-01-01")");
  xml = Replace(xml, R"(last-tested="2026-11-01")", R"(last-tested="2026-12-02")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2310") ==
                 (Lines{At(xml, "2027-01-01") + ": error: the plan's last review is dated 2027-01-01, after the as-of date 2026-12-01 [PG2310]",
                        At(xml, "2026-12-05") + ": error: technical approval by 'ops' is dated 2026-12-05, after the as-of date 2026-12-01 [PG2310]",
                        At(xml, "2026-12-02") + ": error: the last test of procedure 'drill' is dated 2026-12-02, after the as-of date 2026-12-01 [PG2310]"}),
             boost::test_tools::per_element());
  BOOST_TEST(Findings(*CompilePlanText(xml, "2027-01-01"), "PG2310") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(digest_findings_wait_until_the_plan_has_no_other_error) {
  const std::string old = "sha256:" + std::string(64, '0');
  std::string xml = Replace(CleanPlan(), R"(plan-version="1" digest="@DIGEST@"/>
    <approval kind="technical")", R"(plan-version="1" digest=")" + old + R"("/>
    <approval kind="technical")");
  // The stale digest and its note naming 'plangen diff'.
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2303").size() == 2u);
  // Another error (an uncovered server) makes the plan change again: the digest waits.
  std::string broken = Replace(xml, R"( covers="se.example.com")", "");
  auto c = CompilePlanText(broken);
  BOOST_TEST(Findings(*c, "PG2303") == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(Findings(*c, "PG2206").size() == 1u);
}

// --- Rule 9: governance completeness --------------------------------------------------------

BOOST_AUTO_TEST_CASE(review_interval_is_required) {
  std::string xml = Replace(CleanPlan(), R"( review-interval="P6M")", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG231") == (Lines{At(xml, "<governance") + ": error: the plan sets no review interval [PG2311]",
                                             At(xml, "P6M\" owner") + ": note: the M1 check runs every 6 months"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(m1_interval_agrees_with_the_review_interval) {
  std::string xml = Replace(CleanPlan(), R"(kind="M1" interval="P6M")", R"(kind="M1" interval="P1Y")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2312") == (Lines{At(xml, "P1Y") + ": warning: the M1 check runs every 1 year, but the plan is reviewed every 6 months [PG2312]",
                                              At(xml, "P6M\" last") + ": note: the review interval is set here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(role_kind_must_be_one_of_the_profile) {
  std::string xml = Replace(CleanPlan(), R"(role-kind="database")", R"(role-kind="databse")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG1203") == Lines{At(xml, "databse") + ": error: role kind 'databse' is not defined; did you mean 'database'? [PG1203]"},
             boost::test_tools::per_element());
  xml = Replace(CleanPlan(), R"(role-kind="database")", R"(role-kind="cook")");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG1203") ==
                 Lines{At(xml, "cook") + ": error: role kind 'cook' is not defined; the profile defines 'database', 'incident', 'lync-admin', 'management', 'network', 'server' and 'storage' [PG1203]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(unknown_ids_list_what_is_defined_when_nothing_is_close) {
  std::string xml = Replace(CleanPlan(), R"(owner="ops" schedule)", R"(owner="storage-team" schedule)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG1203") == Lines{At(xml, "storage-team") + ": error: role 'storage-team' is not defined; the plan defines 'boss', 'dba' and 'ops' [PG1203]"},
             boost::test_tools::per_element());
  xml = Replace(CleanPlan(), R"(item="file-store")", R"(item="meetings")");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG1504").size() == 1u);
  BOOST_TEST(Findings(*c, "PG1504").front().find("; it defines 'announcement-audio', 'archiving-file-store',") != std::string::npos,
             Findings(*c, "PG1504").front());
}

BOOST_AUTO_TEST_CASE(a_topology_with_users_has_a_central_management_store) {
  std::string xml = Replace(CleanPlan(), R"(edition="standard" kind="file")", R"(edition="standard" kind="front-end")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2315") ==
                 Lines{At(xml, "<topology>") + ": warning: no server of the topology runs service 'CentralMgmtStore', which holds data item 'xds' [PG2315]"},
             boost::test_tools::per_element());
  xml = Replace(xml, R"(<service type="FileStore" share="share"/>)", R"(<service type="FileStore" share="share"/><service type="CentralMgmtStore"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2315") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unpublished_topology_file_is_reported) {
  const std::string contoso = plangen::testing::DataPath("corpus/lync-topology/Contoso.tbxml");
  std::string xml = Replace(CleanPlan(), "<topology>", "<topology file=\"" + contoso + "\">");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2316") == Lines{At(xml, contoso) + ": warning: topology file '" + contoso + "' has never been published [PG2316]"},
             boost::test_tools::per_element());
  const std::string fabrikam = plangen::testing::DataPath("topology/Fabrikam.tbxml");
  xml = Replace(CleanPlan(), "<topology>", "<topology file=\"" + fabrikam + "\">");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2316") == Lines{}, boost::test_tools::per_element());
}

// --- Rule 1: separation of duties --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(decider_is_not_the_only_one_doing_the_steps) {
  std::string xml = Replace(CleanPlan(), R"(role="dba" estimate="PT1H"/>)", R"(role="boss" estimate="PT1H"/>)");
  xml = Replace(xml, R"(role="ops" estimate="PT1H" after)", R"(role="boss" estimate="PT1H" after)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2214") ==
                 Lines{At(xml, "boss\" new-hardware") + ": warning: role 'boss' decides scenario 'lost' and also carries out every one of its steps [PG2214]"},
             boost::test_tools::per_element());
  // One step by another role is enough.
  xml = Replace(xml, R"(role="boss" estimate="PT1H" after)", R"(role="ops" estimate="PT1H" after)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2214") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(change_approver_is_not_the_validator) {
  std::string xml = Replace(CleanPlan(), R"(change-approver="boss")", R"(change-approver="dba")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2313") == (Lines{At(xml, "dba\" review-interval") + ": warning: change approver 'dba' is also the validator of the plan [PG2313]",
                                              At(xml, "dba\" change-approver") + ": note: the validator is named here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(business_and_technical_approvals_by_two_roles) {
  std::string xml = Replace(CleanPlan(), R"(kind="technical" by="ops")", R"(kind="technical" by="boss")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2314") == (Lines{At(xml, "boss\" date=\"2026-10-03") + ": warning: business and technical approvals are both given by 'boss' [PG2314]",
                                              At(xml, "boss\" date=\"2026-10-02") + ": note: the business approval is given here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_role_named_nowhere_is_noted_by_check) {
  std::string xml = Replace(CleanPlan(), "  </roles>", "    <role id=\"idle\" kind=\"team\"/>\n  </roles>");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG3101") == Lines{At(xml, "<role id=\"idle\"") + ": note: role 'idle' has no duty in the plan, so it gets no runbook [PG3101]"},
             boost::test_tools::per_element());
}

// --- Rule 4: the profile's exclusions ---------------------------------------------------------

BOOST_AUTO_TEST_CASE(file_store_copy_must_leave_out_meeting_active) {
  const std::string proc = R"(<procedure id="copy" kind="backup" title="Copy the share" last-changed="2026-06-01" last-tested="2026-11-01" tested-by="ops">
      <tool>Robocopy</tool>
      <step role="ops">Robocopy the share to the backup location.</step>
    </procedure>
    )";
  std::string xml = WithBackup(Replace(kBackup, R"(locations="local vault")", R"(locations="local vault" procedure="copy")"));
  xml = Replace(xml, "<procedure id=\"drill\"", proc + "<procedure id=\"drill\"");
  auto c = CompilePlanText(xml);
  const std::string profile = plangen::testing::ReadSourceFile("worksheets/lync-server-2013/profile.xml");
  size_t at = profile.find("Meeting.Active</exclude>");
  int line = 1 + static_cast<int>(std::count(profile.begin(), profile.begin() + static_cast<long>(at), '\n'));
  int col = static_cast<int>(at - profile.rfind('\n', at));
  BOOST_TEST(Findings(*c, "PG2112") ==
                 (Lines{At(xml, "copy\"/>") + ": error: procedure 'copy' of backup 'files' does not leave out 'Meeting.Active', which the profile's procedure 'backup-file-store' excludes [PG2112]",
                        "profile.xml:" + std::to_string(line) + ":" + std::to_string(col) + ": note: the profile's procedure 'backup-file-store' leaves out 'Meeting.Active' here"}),
             boost::test_tools::per_element());
  BOOST_TEST(Findings(*CompilePlanText(Replace(xml, "<tool>Robocopy</tool>", "<tool>Robocopy</tool>\n      <exclude>Meeting.Active</exclude>")), "PG2112") == Lines{},
             boost::test_tools::per_element());
  BOOST_TEST(Findings(*CompilePlanText(Replace(xml, "backup location.", "backup location with /XF Meeting.Active.")), "PG2112") == Lines{},
             boost::test_tools::per_element());
}

// --- Rule 5: locations judged by their host ---------------------------------------------------

BOOST_AUTO_TEST_CASE(unc_path_names_the_protected_server) {
  std::string xml = Replace(CleanPlan(), R"(path="\\bk\share" host="bk.example.com")", R"(path="\\se\backup")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2105") == (Lines{At(xml, "local vault") + ": error: location 'local' is on 'se', the server that backup 'files' protects [PG2105]",
                                              At(xml, "\\\\se\\backup") + ": note: location 'local' names its host in its path here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(offsite_location_on_the_host_of_an_onsite_one) {
  std::string xml = Replace(CleanPlan(), R"(path="\\vault\share" host="vault.example.com")", R"(path="\\BK.example.com\offsite")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG211") == (Lines{At(xml, "\\\\BK.example.com") + ": error: location 'vault' is marked offsite, but it is on 'BK.example.com', the same host as on-site location 'local' [PG2113]",
                                             At(xml, "bk.example.com\" types") + ": note: location 'local' names its host here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(host_and_path_must_agree) {
  std::string xml = Replace(CleanPlan(), R"(path="\\bk\share")", R"(path="\\nas\share")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG211") == (Lines{At(xml, "bk.example.com\" types") + ": error: location 'local' names host 'bk.example.com', but its path is on 'nas' [PG2115]",
                                             At(xml, "\\\\nas") + ": note: the path names 'nas' here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(location_on_a_server_of_a_pool) {
  std::string xml = Replace(CleanPlan(), R"(path="\\bk\share" host="bk.example.com")", R"(path="\\app01\share")");
  xml = Replace(xml, "    </site>", R"(      <pool id="app" fqdn="app.example.com" edition="standard" kind="mediation">
        <server fqdn="app01.example.com" roles="mediation"/>
      </pool>
    </site>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2114") == (Lines{At(xml, "\\\\app01") + ": warning: location 'local' is on 'app01', a server of pool 'app.example.com' [PG2114]",
                                              At(xml, "<server fqdn=\"app01") + ": note: server 'app01.example.com' is here"}),
             boost::test_tools::per_element());
}

// --- Rule 6: spares where they are needed ----------------------------------------------------

BOOST_AUTO_TEST_CASE(spare_kept_at_another_site) {
  std::string xml = Replace(CleanPlan(), "  </topology>", "    <site id=\"tokyo\" name=\"Tokyo office\"/>\n  </topology>");
  std::string named = Replace(xml, R"(source="Cold spare")", R"(source="Cold spare" site="tokyo")");
  auto c = CompilePlanText(named);
  BOOST_TEST(Findings(*c, "PG2215") ==
                 (Lines{At(named, "spare\" covers") + ": error: scenario 'lost' restores servers at site 's', but spare 'spare' is kept at site 'tokyo' and the plan gives no transport time [PG2215]",
                        At(named, "tokyo\" lead") + ": note: spare 'spare' is kept at site 'tokyo'"}),
             boost::test_tools::per_element());
  // Said in its source instead: the same.
  std::string said = Replace(xml, R"(source="Cold spare")", R"(source="Cold spare in the Tokyo office")");
  BOOST_TEST(Findings(*CompilePlanText(said), "PG2215").size() == 2u);
  // With a transport time it counts against the RTO: 1 h lead + 3 h transport + 2 h of steps > 4 h.
  std::string moved = Replace(named, R"(site="tokyo")", R"(site="tokyo" transport="PT3H")");
  c = CompilePlanText(moved);
  BOOST_TEST(Findings(*c, "PG22") ==
                 (Lines{At(moved, "PT4H") + ": error: critical path lead time of spare 'spare' -> prepare -> restore takes 6 h, more than the RTO of 4 h [PG2202]",
                        At(moved, "PT3H") + ": note: spare 'spare' takes 1 h to arrive, and 3 h more to reach the site"}),
             boost::test_tools::per_element());
  // Kept at the scenario's own site: nothing to say.
  BOOST_TEST(Findings(*CompilePlanText(Replace(named, R"(site="tokyo")", R"(site="s")")), "PG22") == Lines{}, boost::test_tools::per_element());
}

// --- Rule 7: steps wait for what they use ----------------------------------------------------

BOOST_AUTO_TEST_CASE(step_that_uses_what_another_produces_waits_for_it) {
  std::string xml = Replace(CleanPlan(), R"(<step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>)",
                            R"(<step id="restore" title="Import user data" role="ops" estimate="PT1H"/>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2216") ==
                 (Lines{At(xml, "<step id=\"restore\"") + ": error: step 'restore' of scenario 'lost' can start before step 'prepare', which produces the clean server it needs [PG2216]",
                        At(xml, "<step id=\"prepare\"") + ": note: step 'prepare' produces the clean server here"}),
             boost::test_tools::per_element());
  BOOST_TEST(Findings(*CompilePlanText(Replace(xml, R"(estimate="PT1H"/>
    </scenario>)", R"(estimate="PT1H" after="prepare"/>
    </scenario>)")), "PG2216") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(steps_on_different_servers_do_not_wait_for_each_other) {
  // Two servers; the File Store restore names the file server, the rebuild names the Front End.
  std::string xml = Replace(CleanPlan(), "    </site>", R"(      <pool id="fe" fqdn="fe.example.com" edition="standard" kind="mediation">
        <server fqdn="fe01.example.com" roles="front-end"/>
      </pool>
    </site>)");
  xml = Replace(xml, R"(covers="se.example.com")", R"(covers="se.example.com fe01.example.com")");
  xml = Replace(xml, R"(<step id="prepare" title="Prepare" role="dba" estimate="PT1H"/>)",
                R"(<step id="prepare" title="Rebuild the Front End server" role="dba" estimate="PT1H"/>)");
  xml = Replace(xml, R"(<step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>)",
                R"(<step id="restore" title="Restore the File Store on se" role="ops" estimate="PT1H"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2216") == Lines{}, boost::test_tools::per_element());
  // A step that names no server needs the rebuilt one.
  xml = Replace(xml, "Restore the File Store on se", "Import user data");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2216").size() == 2u);
}

// --- Rule 8: RPO per data item --------------------------------------------------------------

BOOST_AUTO_TEST_CASE(rpo_applies_to_the_items_a_scenario_restores) {
  std::string xml = Replace(CleanPlan(), R"(<service type="FileStore" share="share"/>)",
                            R"(<service type="FileStore" share="share"/><service type="MonitoringStore"/>)");
  xml = Replace(xml, kBackup, std::string(kBackup) + "\n    " +
                                  R"(<backup id="qoe" item="qoemetrics" server="se.example.com" owner="dba" schedule="weekly sun 03:00" retention="P30D" locations="local vault"/>)");
  // Without a template the scenario restores everything on the server: the weekly QoE backup fails its RPO.
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2205") == (Lines{At(xml, "weekly sun 03:00") + ": error: backup 'qoe' runs up to 7 days apart, more than the RPO of 1 day of scenario 'lost' [PG2205]",
                                              At(xml, "P1D\" decider") + ": note: scenario 'lost' sets its RPO here"}),
             boost::test_tools::per_element());
  // A File Store scenario restores the File Store only.
  std::string templ = Replace(xml, R"(title="Server lost")", R"(title="Server lost" template="file-store")");
  BOOST_TEST(Findings(*CompilePlanText(templ), "PG2205") == Lines{}, boost::test_tools::per_element());
  std::string items = Replace(xml, R"(title="Server lost")", R"(title="Server lost" items="file-store")");
  BOOST_TEST(Findings(*CompilePlanText(items), "PG22") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(items_a_scenario_restores_have_a_backup) {
  std::string xml = Replace(CleanPlan(), R"(title="Server lost")", R"(title="Server lost" items="file-store lcslog")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2217") == Lines{At(xml, "lcslog\" rto") + ": error: scenario 'lost' restores data item 'lcslog', but no server it covers has a backup of it [PG2217]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

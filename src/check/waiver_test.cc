// Severity control: -W, --werror and the plan's <waivers>, and what the reports show of them.
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "check_test_support.h"
#include "diag/printers.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

// The clean plan with one warning: the backup has no offsite location.
std::string OneWarning() { return Replace(CleanPlan(), R"(locations="local vault")", R"(locations="local")"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(waivers)

BOOST_AUTO_TEST_CASE(command_line_turns_a_code_off_with_its_reason) {
  std::string xml = OneWarning();
  auto c = CompilePlanText(xml, "2026-12-01", {"PG2103=off:the vault contract starts in January"});
  BOOST_TEST(Findings(*c) == Lines{At(xml, "local\"/>") + ": waived: backup 'files' has no offsite location [PG2103] (reason: the vault contract starts in January)"},
             boost::test_tools::per_element());
  BOOST_TEST(c->diags.warnings() == 0);
  std::ostringstream text, json, sarif;
  plangen::PrintText(c->diags, text, plangen::TextOptions{});
  plangen::PrintJson(c->diags, json);
  plangen::PrintSarif(c->diags, sarif, "test");
  BOOST_TEST(text.str().find("waived: backup 'files' has no offsite location (reason: the vault contract starts in January) [PG2103]") != std::string::npos);
  BOOST_TEST(text.str().find("no findings (1 waived)") != std::string::npos);
  BOOST_TEST(json.str().find("\"reason\": \"the vault contract starts in January\"") != std::string::npos);
  BOOST_TEST(sarif.str().find("\"justification\": \"the vault contract starts in January\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(command_line_changes_a_severity_and_says_why) {
  std::string xml = OneWarning();
  auto c = CompilePlanText(xml, "2026-12-01", {"PG2103=error:offsite copies are mandatory here"});
  BOOST_TEST(Findings(*c) == (Lines{At(xml, "local\"/>") + ": error: backup 'files' has no offsite location [PG2103]",
                                    "plangen: note: severity changed from warning to error: offsite copies are mandatory here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(werror_makes_warnings_errors) {
  auto c = CompilePlanText(OneWarning(), "2026-12-01", {}, true);
  BOOST_TEST(c->diags.errors() == 1);
  BOOST_TEST(c->diags.warnings() == 0);
  c = CompilePlanText(OneWarning(), "2026-12-01", {}, false);
  BOOST_TEST(c->diags.errors() == 0);
  BOOST_TEST(c->diags.warnings() == 1);
}

// The plan with <waivers> holding `waives` (one <waive .../> per line).
std::string WithWaivers(const std::string& xml, const std::string& waives) {
  return Replace(xml, "</plan>", "  <waivers>\n" + waives + "  </waivers>\n</plan>");
}

const char* kVaultWaiver =
    R"(    <waive id="no-vault" code="PG2103" severity="note" reason="accepted by the CIO until the vault is ready" owner="boss" expires="2027-03-31" scope="files"/>
)";

BOOST_AUTO_TEST_CASE(plan_waivers_are_shown_with_their_reason_and_place) {
  std::string xml = WithWaivers(OneWarning(), kVaultWaiver);
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c) == (Lines{At(xml, "local\"/>") + ": note: backup 'files' has no offsite location [PG2103]",
                                    At(xml, "<waive ") + ": note: severity changed from warning to note: accepted by the CIO until the vault is ready"}),
             boost::test_tools::per_element());
  xml = Replace(xml, R"(severity="note")", R"(severity="off")");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c) == Lines{At(xml, "local\"/>") + ": waived: backup 'files' has no offsite location [PG2103] (reason: accepted by the CIO until the vault is ready)"},
             boost::test_tools::per_element());
  // The command line wins over the plan.
  c = CompilePlanText(xml, "2026-12-01", {"PG2103=warning"});
  BOOST_TEST(c->diags.warnings() == 1);
}

BOOST_AUTO_TEST_CASE(a_waiver_needs_an_owner_a_reason_an_expiry_and_a_scope) {
  std::string xml = WithWaivers(OneWarning(), R"(    <waive id="w" code="PG2103" reason="later"/>
)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG1103") == (Lines{At(xml, "<waive ") + ": error: 'waive' needs a value for attribute 'owner' [PG1103]",
                                              At(xml, "<waive ") + ": error: 'waive' needs a value for attribute 'expires' [PG1103]",
                                              At(xml, "<waive ") + ": error: 'waive' needs a value for attribute 'scope' [PG1103]"}),
             boost::test_tools::per_element());
  xml = WithWaivers(OneWarning(), Replace(kVaultWaiver, R"(owner="boss")", R"(owner="bos")"));
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG1203") == Lines{At(xml, "bos\"") + ": error: role 'bos' is not defined; did you mean 'boss'? [PG1203]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_waiver_that_matches_no_finding_is_a_warning_at_the_waiver) {
  // The clean plan has no finding with PG2103: the waiver is stale.
  std::string xml = WithWaivers(CleanPlan(), kVaultWaiver);
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c) == Lines{At(xml, "<waive ") + ": warning: waiver 'no-vault' of PG2103 matches no finding [PG2901]"},
             boost::test_tools::per_element());
  // With the finding it covers, it is used and says nothing of itself.
  xml = WithWaivers(OneWarning(), kVaultWaiver);
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2901").empty());
}

BOOST_AUTO_TEST_CASE(a_waiver_covers_only_the_elements_of_its_scope) {
  std::string xml = WithWaivers(OneWarning(), Replace(kVaultWaiver, R"(scope="files")", R"(scope="users")"));
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c) == (Lines{At(xml, "local\"/>") + ": warning: backup 'files' has no offsite location [PG2103]",
                                    At(xml, "<waive ") + ": warning: waiver 'no-vault' of PG2103 matches no finding [PG2901]"}),
             boost::test_tools::per_element());
  // FQDNs and ids in a scope are compared without regard to case.
  xml = WithWaivers(OneWarning(), Replace(kVaultWaiver, R"(scope="files")", R"(scope="users FILES")"));
  c = CompilePlanText(xml);
  BOOST_TEST(c->diags.warnings() == 0);
}

BOOST_AUTO_TEST_CASE(an_expired_waiver_stops_applying_with_a_warning) {
  std::string xml = WithWaivers(OneWarning(), Replace(kVaultWaiver, "2027-03-31", "2026-11-30"));
  auto c = CompilePlanText(xml, "2026-12-01");
  BOOST_TEST(Findings(*c) == (Lines{At(xml, "local\"/>") + ": warning: backup 'files' has no offsite location [PG2103]",
                                    At(xml, "2026-11-30") + ": warning: waiver 'no-vault' of PG2103 expired on 2026-11-30; its findings count again [PG2902]"}),
             boost::test_tools::per_element());
  // On the day it expires it still applies.
  c = CompilePlanText(xml, "2026-11-30");
  BOOST_TEST(c->diags.warnings() == 0);
  BOOST_TEST(c->diags.notes() == 1);
}

BOOST_AUTO_TEST_CASE(data_safety_findings_need_a_business_approval_to_go_below_warning) {
  // No backup of the file store at all: PG2101, about the data itself.
  std::string xml = Replace(CleanPlan(), R"(    <backup id="files" item="file-store" server="se.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
)", "");
  xml = WithWaivers(xml, R"(    <waive id="no-files" code="PG2101" severity="off" reason="the share is rebuilt from the source system" owner="ops" expires="2027-06-30" scope="se.example.com"/>
)");
  auto c = CompilePlanText(xml);
  Lines got = Findings(*c, "PG2101");
  Lines want{At(xml, "<service type=\"FileStore\"") + ": warning: no backup of data item 'file-store' on server 'se.example.com' [PG2101]",
             At(xml, "<waive ") + ": note: severity changed from error to warning: the share is rebuilt from the source system"};
  BOOST_REQUIRE(got.size() >= 2u);  // then the profile's note on the data item
  BOOST_TEST(Lines(got.begin(), got.begin() + 2) == want, boost::test_tools::per_element());
  BOOST_TEST(Findings(*c, "PG2903") == Lines{At(xml, "off\" reason") + ": warning: waiver 'no-files' would lower PG2101 below warning, but no business approval names it; it applies as a warning [PG2903]"},
             boost::test_tools::per_element());
  // A technical approval is not enough; the business approval naming the waiver is.
  std::string technical = Replace(xml, R"(<approval kind="technical")", R"(<approval kind="technical" waivers="no-files")");
  c = CompilePlanText(technical);
  BOOST_TEST(Findings(*c, "PG2903").size() == 1u);
  // (before digest="...", which the test support fills in after the columns are known)
  std::string business = Replace(xml, R"(<approval kind="business")", R"(<approval kind="business" waivers="no-files")");
  c = CompilePlanText(business);
  BOOST_TEST(Findings(*c, "PG2903").empty());
  BOOST_TEST(Findings(*c, "PG2101") == Lines{At(business, "<service type=\"FileStore\"") + ": waived: no backup of data item 'file-store' on server 'se.example.com' [PG2101] (reason: the share is rebuilt from the source system)"},
             boost::test_tools::per_element());
  // An approval naming a waiver that does not exist is a dangling reference.
  std::string dangling = Replace(business, R"(waivers="no-files")", R"(waivers="no-file")");
  c = CompilePlanText(dangling);
  BOOST_TEST(Findings(*c, "PG1203") == Lines{At(dangling, "no-file\"") + ": error: waiver 'no-file' is not defined; did you mean 'no-files'? [PG1203]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

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

BOOST_AUTO_TEST_CASE(plan_waivers_are_shown_with_their_reason_and_place) {
  std::string xml = Replace(OneWarning(), "</plan>", R"(  <waivers>
    <waive code="PG2103" severity="note" reason="accepted by the CIO until the vault is ready"/>
  </waivers>
</plan>)");
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

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

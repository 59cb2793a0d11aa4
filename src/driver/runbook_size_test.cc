// A runbook stays the size of its role's work, however many roles the plan has: a role that does
// one step of a scenario of many roles sees its step, the steps next to it and gaps for the rest,
// and the contacts of the roles it works with; the role that decides sees the whole scenario.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "audit/zip_reader.h"
#include "outside_program.h"
#include "pdf_text.h"
#include "plangen_process.h"
#include "synthetic_plan.h"
#include "temp_tree.h"

namespace plangen {
namespace {

using testing::ReadAll;
using testing::TempDir;

// Builds what role `role` needs (--role) of the plan of `roles` roles (role rN does step N+1 of
// one chain) and returns the bytes of the output `path`: a runbook is the same whether the build
// makes every role's outputs or only this one's, and a build of one role stays small however many
// roles the plan has. Each plan, role and --pdf is built once and its outputs read from there.
std::string OutputOf(int roles, const std::string& role, const std::string& path) {
  const bool pdf = path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0;
  static std::map<std::tuple<int, std::string, bool>, std::unique_ptr<TempDir>> built;
  std::unique_ptr<TempDir>& tmp = built[{roles, role, pdf}];
  if (!tmp) {
    auto dir = std::make_unique<TempDir>("plangen-runbook-size");
    std::ofstream(dir->path + "/plan.xml", std::ios::binary) << bench::RolesPlan(roles);
    std::vector<std::string> args = {"build", "plan.xml", "--as-of", "2026-12-01", "--quiet", "-o", "out", "--role", role};
    if (pdf) args.push_back("--pdf");
    ProcessResult r = RunPlangen(dir->path, args, 300);
    BOOST_TEST_REQUIRE(r.exit == 0, r.out << r.err);
    tmp = std::move(dir);
  }
  return ReadAll(tmp->path + "/out/" + path);
}

std::string RunbookOf(int roles, const std::string& role, const std::string& ext = ".md") {
  return OutputOf(roles, role, "runbooks/" + role + ext);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(runbook_size)

BOOST_AUTO_TEST_CASE(a_role_of_a_long_chain_sees_its_step_its_neighbours_and_gaps) {
  const std::string md = RunbookOf(120, "r60");
  BOOST_TEST(md.find("| 61\\* | Step of team 60 | **") != std::string::npos, md.substr(0, 4000));
  BOOST_TEST(md.find("| 60\\* | Step of team 59 |") != std::string::npos);
  BOOST_TEST(md.find("| 62\\* | Step of team 61 |") != std::string::npos);
  BOOST_TEST(md.find("Step of team 10 ") == std::string::npos);
  BOOST_TEST(md.find("| … | *Steps 1 to 59, by 59 roles: not yours, not next to yours.* |") != std::string::npos);
  BOOST_TEST(md.find("| … | *Steps 63 to 120, by 58 roles: not yours, not next to yours.* |") != std::string::npos);
  BOOST_TEST(md.find("The scenario has 120 steps; 117 of them") != std::string::npos);
  // The contacts of the roles it does not work with are one line.
  BOOST_TEST(md.find("| r10 |") == std::string::npos);
  BOOST_TEST(md.find("other roles | no duty next to yours: not listed here | contacts: in the runbook of ") !=
             std::string::npos);
  const std::string html = RunbookOf(120, "r60", ".html");
  BOOST_TEST(html.find("<li class=\"gap\" style=\"list-style: none\"><em>Steps 1 to 59, by 59 roles") != std::string::npos);
  BOOST_TEST(html.find("<li value=\"60\"") != std::string::npos);
  BOOST_TEST(html.find("<title>Step 10: ") == std::string::npos);
  BOOST_TEST(html.find("<title>Step 61: ") != std::string::npos);
  // The Word runbook shows the same steps and gaps.
  std::string document;
  for (const auto& e : audit::ReadZipBytes(RunbookOf(120, "r60", ".docx"), audit::ZipLimits{}).entries)
    if (e.name == "word/document.xml") document = e.data;
  BOOST_TEST(document.find(">Steps 1 to 59, by 59 roles: not yours, not next to yours.<") != std::string::npos);
  BOOST_TEST(document.find(">Step of team 60<") != std::string::npos);
  BOOST_TEST(document.find(">Step of team 10<") == std::string::npos);
  BOOST_TEST(document.find(">The scenario has 120 steps; 117 of them") != std::string::npos);
}

// The PDF runbook: the same gaps, and a timeline of the steps shown (its size does not grow).
BOOST_AUTO_TEST_CASE(its_pdf_runbook_has_the_gaps_and_does_not_grow) {
  const std::string small = OutputOf(100, "r50", "runbooks/r50.pdf");
  const std::string large = OutputOf(400, "r50", "runbooks/r50.pdf");
  BOOST_TEST(large.size() < small.size() + small.size() / 5, small.size() << " then " << large.size());
  if (!testing::HaveOutsideProgram("pdftotext (poppler-utils)", "command -v pdftotext")) return;
  TempDir tmp("plangen-runbook-size-pdf");
  std::ofstream(tmp.path + "/r50.pdf", std::ios::binary) << large;
  const std::string text = testing::PdfText(tmp.path + "/r50.pdf", /*raw=*/true);
  BOOST_TEST(text.find("Steps 1 to 49, by 49 roles: not yours, not next to yours.") != std::string::npos, text.substr(0, 3000));
  BOOST_TEST(text.find("Step of team 50") != std::string::npos);
  BOOST_TEST(text.find("Step of team 10\n") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(its_runbook_does_not_grow_with_the_number_of_roles) {
  const size_t small = RunbookOf(100, "r50").size();
  const size_t large = RunbookOf(400, "r50").size();
  BOOST_TEST_MESSAGE("runbook of one step's role: " << small << " bytes with 100 roles, " << large << " with 400");
  BOOST_TEST(large < small + small / 10, small << " then " << large);
}

BOOST_AUTO_TEST_CASE(its_restoration_script_waits_only_for_the_steps_before_its_own) {
  const std::string ps = OutputOf(120, "r60", "scripts/restore/chain/r60.ps1");
  BOOST_TEST(ps.find("Wait-HandOff 60 'Step of team 59' 'Team 59'") != std::string::npos, ps.substr(0, 2000));
  BOOST_TEST(ps.find("Invoke-ManualStep 61 's60' 'Step of team 60'") != std::string::npos);
  BOOST_TEST(ps.find("Wait-HandOff 62 ") != std::string::npos);
  BOOST_TEST(ps.find("Wait-HandOff 10 ") == std::string::npos);
  const size_t small = OutputOf(100, "r50", "scripts/restore/chain/r50.ps1").size();
  const size_t large = OutputOf(400, "r50", "scripts/restore/chain/r50.ps1").size();
  BOOST_TEST(large < small + small / 10, small << " then " << large);
  // A short scenario: the script walks every step.
  const std::string all = OutputOf(30, "r15", "scripts/restore/chain/r15.ps1");
  BOOST_TEST(all.find("Wait-HandOff 1 'Step of team 0'") != std::string::npos);
  BOOST_TEST(all.find("Wait-HandOff 30 'Step of team 29'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_role_that_decides_and_a_short_scenario_show_every_step) {
  const std::string im = RunbookOf(60, "im");
  BOOST_TEST(im.find("| 1\\* | Step of team 0 |") != std::string::npos);
  BOOST_TEST(im.find("| 60\\* | Step of team 59 |") != std::string::npos);
  BOOST_TEST(im.find("| … |") == std::string::npos);
  // 40 steps: every role sees all of them.
  const std::string md = RunbookOf(40, "r20");
  BOOST_TEST(md.find("| 1\\* | Step of team 0 |") != std::string::npos);
  BOOST_TEST(md.find("| 40\\* | Step of team 39 |") != std::string::npos);
  BOOST_TEST(md.find("| … |") == std::string::npos);
  // A plan of few roles lists every other role's contacts in every runbook.
  const std::string few = RunbookOf(8, "r4");
  BOOST_TEST(few.find("| Team 0 | other role |") != std::string::npos);
  BOOST_TEST(few.find("not listed here") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

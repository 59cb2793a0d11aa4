// plangen approve: the edit is one element, byte for byte; and plangen diff against a package.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check/plan_digest.h"
#include "driver/approval_edit.h"
#include "driver/commands.h"
#include "driver/compile.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;
using namespace plangen;

namespace {

using plangen::testing::ReadAll;
using plangen::testing::TempDir;

ApprovalRecord Record() {
  ApprovalRecord r;
  r.kind = "business";
  r.by = "cio";
  r.date = "2026-12-01";
  r.plan_version = "5";
  r.digest = "sha256:ab";
  return r;
}

std::string Edit(const std::string& text, ApprovalRecord r = Record()) {
  ApprovalEdit e;
  std::string error;
  size_t at = text.find("<governance");
  if (at == std::string::npos) at = text.find("<p:governance");
  BOOST_REQUIRE_MESSAGE(EditApproval(text, at, r, &e, &error), error);
  return e.text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(approve)

BOOST_AUTO_TEST_CASE(goes_after_the_last_approval_with_its_indentation) {
  const std::string in = "<plan>\n  <governance reviewer=\"a\">\n    <approval kind=\"technical\" by=\"cto\" date=\"2026-01-01\" "
                         "plan-version=\"5\">ok</approval>\n    <decision-criteria/>\n  </governance>\n</plan>\n";
  const std::string out = "<plan>\n  <governance reviewer=\"a\">\n    <approval kind=\"technical\" by=\"cto\" date=\"2026-01-01\" "
                          "plan-version=\"5\">ok</approval>\n    <approval kind=\"business\" by=\"cio\" date=\"2026-12-01\" "
                          "plan-version=\"5\" digest=\"sha256:ab\"/>\n    <decision-criteria/>\n  </governance>\n</plan>\n";
  BOOST_TEST(Edit(in) == out);
}

BOOST_AUTO_TEST_CASE(goes_first_with_tabs_crlf_and_the_namespace_prefix) {
  const std::string in = "<p:plan xmlns:p=\"urn:plangen:plan:1\">\r\n\t<p:governance>\r\n\t\t<!-- <approval> -->\r\n"
                         "\t\t<p:decision-criteria/>\r\n\t</p:governance>\r\n</p:plan>\r\n";
  ApprovalRecord r = Record();
  r.comment = "A & B <ok>";
  const std::string out = "<p:plan xmlns:p=\"urn:plangen:plan:1\">\r\n\t<p:governance>\r\n\t\t<!-- <approval> -->\r\n"
                          "\t\t<p:approval kind=\"business\" by=\"cio\" date=\"2026-12-01\" plan-version=\"5\" "
                          "digest=\"sha256:ab\">A &amp; B &lt;ok&gt;</p:approval>\r\n\t\t<p:decision-criteria/>\r\n"
                          "\t</p:governance>\r\n</p:plan>\r\n";
  BOOST_TEST(Edit(in, r) == out);
}

BOOST_AUTO_TEST_CASE(opens_an_empty_governance_element) {
  BOOST_TEST(Edit("<plan>\n  <governance reviewer=\"a\" />\n</plan>\n") ==
             "<plan>\n  <governance reviewer=\"a\">\n    <approval kind=\"business\" by=\"cio\" date=\"2026-12-01\" "
             "plan-version=\"5\" digest=\"sha256:ab\"/>\n  </governance>\n</plan>\n");
  BOOST_TEST(Edit("<plan>\n  <governance></governance>\n</plan>\n") ==
             "<plan>\n  <governance>\n    <approval kind=\"business\" by=\"cio\" date=\"2026-12-01\" "
             "plan-version=\"5\" digest=\"sha256:ab\"/>\n  </governance>\n</plan>\n");
}

BOOST_AUTO_TEST_CASE(replaces_the_same_roles_approval_of_the_same_version) {
  const std::string in = "<plan>\n  <governance>\n    <approval by=\"cio\" kind=\"business\" date=\"2026-01-01\" "
                         "plan-version=\"5\" digest=\"sha256:00\">old</approval>\n  </governance>\n</plan>\n";
  BOOST_TEST(Edit(in) == "<plan>\n  <governance>\n    <approval kind=\"business\" by=\"cio\" date=\"2026-12-01\" "
                         "plan-version=\"5\" digest=\"sha256:ab\"/>\n  </governance>\n</plan>\n");
  // An approval of another version stays, and the new one follows it.
  const std::string v4 = "<plan>\n  <governance>\n    <approval by=\"cio\" kind=\"business\" date=\"2026-01-01\" "
                         "plan-version=\"4\"/>\n  </governance>\n</plan>\n";
  BOOST_TEST(Edit(v4).find("plan-version=\"4\"/>\n    <approval kind=\"business\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_sample_gains_one_line_and_nothing_else_changes) {
  const TempDir tmp("plangen-approve-test");
  const fs::path dir = tmp.path;
  const fs::path plan = dir / "plan.xml";
  const std::string before = ReadAll(fs::path(testing::SourceRoot()) / "samples/contoso/plan.xml");
  std::ofstream(plan, std::ios::binary) << before;
  Environment env;
  env.today = *ParseDate("2026-12-01");
  int code = RunCommandLine({"approve", plan.string(), "--role", "network", "--kind", "technical", "--comment", "Checked."}, env);
  BOOST_TEST(code == 0);
  const std::string after = ReadAll(plan);
  // The new text is the old one with exactly one line inserted.
  size_t line_start = 0;
  while (line_start < before.size() && before.compare(0, line_start, after, 0, line_start) == 0) {
    size_t next = before.find('\n', line_start);
    if (next == std::string::npos || before.compare(0, next + 1, after, 0, next + 1) != 0) break;
    line_start = next + 1;
  }
  size_t inserted_end = after.find('\n', line_start) + 1;
  const std::string inserted = after.substr(line_start, inserted_end - line_start);
  BOOST_TEST(after.substr(0, line_start) + after.substr(inserted_end) == before);
  BOOST_TEST(inserted.find("    <approval kind=\"technical\" by=\"network\" date=\"2026-12-01\" plan-version=\"4\" digest=\"sha256:") == 0u);
  BOOST_TEST(inserted.find("\">Checked.</approval>\n") != std::string::npos);
  // No temporary file is left beside it.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  BOOST_TEST(files == 1);
}

BOOST_AUTO_TEST_CASE(a_plan_with_errors_is_left_alone) {
  const TempDir tmp("plangen-approve-test");
  const fs::path dir = tmp.path;
  const fs::path plan = dir / "plan.xml";
  std::string text = ReadAll(fs::path(testing::SourceRoot()) / "samples/contoso/plan.xml");
  text.replace(text.find("owner=\"lync-ops\""), 16, "owner=\"nobody\"");
  std::ofstream(plan, std::ios::binary) << text;
  Environment env;
  env.today = *ParseDate("2026-12-01");
  BOOST_TEST(RunCommandLine({"approve", plan.string(), "--role", "cio", "--kind", "business"}, env) == 1);
  BOOST_TEST(ReadAll(plan) == text);
}

BOOST_AUTO_TEST_CASE(diff_takes_an_audit_package_as_the_old_version) {
  const TempDir tmp("plangen-approve-test");
  const fs::path dir = tmp.path;
  Environment env;
  env.today = *ParseDate("2026-12-01");
  const std::string sample = testing::SourceRoot() + "/samples/contoso/plan.xml";
  BOOST_REQUIRE(RunCommandLine({"build", sample, "-o", (dir / "out").string(), "--as-of", "2026-12-01", "--quiet"}, env) == 0);
  fs::path package;
  for (const auto& e : fs::directory_iterator(dir / "out/audit")) package = e.path();
  BOOST_REQUIRE(!package.empty());
  BOOST_TEST(RunCommandLine({"diff", package.string(), sample}, env) == 0);
  BOOST_TEST(RunCommandLine({"diff", package.string(), testing::SourceRoot() + "/tests/data/diff/changed.xml"}, env) == 1);
  BOOST_TEST(RunCommandLine({"diff", sample, package.string()}, env) == 0);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(digest)

namespace {

std::string DigestOf(const fs::path& plan) {
  CompileOptions o;
  o.plan_path = plan.string();
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  BOOST_REQUIRE(c.plan_read);
  return check::PlanDigest(c.plan);
}

// The sample plan naming a topology file beside it, spelled `spelling`.
void WritePlanWithTopology(const fs::path& dir, const std::string& spelling) {
  fs::create_directories(dir);
  std::string text = ReadAll(fs::path(testing::SourceRoot()) / "samples/contoso/plan.xml");
  text.replace(text.find("<topology>"), 10, "<topology file=\"" + spelling + "\">");
  std::ofstream(dir / "plan.xml", std::ios::binary) << text;
  fs::copy_file(fs::path(testing::SourceRoot()) / "tests/data/topology/Fabrikam.tbxml", dir / "topo.tbxml",
                fs::copy_options::overwrite_existing);
}

}  // namespace

BOOST_AUTO_TEST_CASE(follows_the_topology_file_not_its_path_or_the_plans_folder) {
  const TempDir tmp("plangen-approve-test");
  const fs::path root = tmp.path;
  WritePlanWithTopology(root / "a", "topo.tbxml");
  const std::string first = DigestOf(root / "a/plan.xml");
  // The folder moves elsewhere: same digest.
  fs::create_directories(root / "elsewhere/deeper");
  fs::rename(root / "a", root / "elsewhere/deeper/b");
  BOOST_TEST(DigestOf(root / "elsewhere/deeper/b/plan.xml") == first);
  // The same file spelled another way, or by its absolute path: same digest.
  WritePlanWithTopology(root / "c", "./../c/topo.tbxml");
  BOOST_TEST(DigestOf(root / "c/plan.xml") == first);
  WritePlanWithTopology(root / "d", (root / "d/topo.tbxml").string());
  BOOST_TEST(DigestOf(root / "d/plan.xml") == first);
  // Another topology: another digest.
  std::ofstream(root / "d/topo.tbxml", std::ios::app) << "<!-- one more line -->\n";
  BOOST_TEST(DigestOf(root / "d/plan.xml") != first);
}

BOOST_AUTO_TEST_SUITE_END()

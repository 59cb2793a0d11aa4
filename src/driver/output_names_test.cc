// Outputs name their inputs from the plan's folder: the same plan built from any folder, by a
// relative or an absolute path, gives the same bytes, and nothing written names the folder the
// build ran in.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <stdlib.h>

#include "plangen_process.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::ReadAll;
using testing::Tree;

// The sample plan in a fresh folder (work/deploy/plan), its returned worksheets beside it
// (work/deploy/returned), and an empty folder elsewhere to run from.
struct Workspace {
  fs::path root;
  Workspace() {
    char templ[] = "/tmp/plangen-output-names.XXXXXX";
    BOOST_REQUIRE(mkdtemp(templ));
    root = templ;
    fs::create_directories(root / "work/deploy");
    fs::create_directories(root / "elsewhere");
    fs::copy(testing::SourceRoot() + "/samples/contoso", root / "work/deploy/plan", fs::copy_options::recursive);
    fs::rename(root / "work/deploy/plan/returned", root / "work/deploy/returned");
  }
  ~Workspace() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(output_names)

BOOST_AUTO_TEST_CASE(outputs_are_the_same_however_the_plan_path_is_typed_and_wherever_plangen_runs) {
  Workspace w;
  const std::string abs_plan = (w.root / "work/deploy/plan/plan.xml").string();
  // From the plan's folder, by its file name.
  ProcessResult a = RunPlangen((w.root / "work/deploy/plan").string(),
                               {"build", "plan.xml", "--as-of", "2026-12-01", "--worksheets", "../returned", "-o",
                                (w.root / "out-a").string()},
                               300);
  // From an unrelated folder, by absolute paths.
  ProcessResult b = RunPlangen((w.root / "elsewhere").string(),
                               {"build", abs_plan, "--as-of", "2026-12-01", "--worksheets",
                                (w.root / "work/deploy/returned").string(), "-o", (w.root / "out-b").string()},
                               300);
  // From above, by a relative path spelt with ./ and ..
  ProcessResult c = RunPlangen((w.root / "work").string(),
                               {"build", "./deploy/../deploy/plan/plan.xml", "--as-of", "2026-12-01", "--worksheets",
                                "deploy/returned", "-o", "../out-c"},
                               300);
  BOOST_REQUIRE_MESSAGE(a.exit == 0, a.err);
  BOOST_REQUIRE_MESSAGE(b.exit == 0, b.err);
  BOOST_REQUIRE_MESSAGE(c.exit == 0, c.err);
  auto ta = Tree(w.root / "out-a"), tb = Tree(w.root / "out-b"), tc = Tree(w.root / "out-c");
  BOOST_TEST(ta.size() > 30u);
  BOOST_REQUIRE(ta.size() == tb.size());
  BOOST_REQUIRE(ta.size() == tc.size());
  for (const auto& [name, bytes] : ta) {
    BOOST_TEST((tb.count(name) && tb.at(name) == bytes), name << " differs when the plan is given by an absolute path");
    BOOST_TEST((tc.count(name) && tc.at(name) == bytes), name << " differs when built from another folder");
    // Nothing distributed names the builder's folders.
    BOOST_TEST(bytes.find(w.root.string()) == std::string::npos, name << " names " << w.root.string());
  }
  // Inputs are named from the plan's folder: the plan by its name, plangen's own profile by its
  // path in plangen's data (util tests cover a file outside both).
  const std::string& findings = ta.at("report/findings.json");
  BOOST_TEST(ta.at("runbooks/dba.md").find(": plan.xml:153:5. Steps: 1 [plan.xml:155:7]") != std::string::npos);
  BOOST_TEST(ta.at("runbooks/dba.md").find("worksheets/lync-server-2013/profile.xml:") != std::string::npos);
  BOOST_TEST(findings.find("\"file\": \"plan.xml\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(diagnostics_on_the_terminal_keep_the_path_as_typed) {
  // What plangen prints is for the person at the terminal: the path they typed, which they can open.
  Workspace w;
  ProcessResult r = RunPlangen((w.root / "work").string(),
                               {"build", "deploy/plan/plan.xml", "--as-of", "2027-06-01", "-o", "../out"}, 300);
  BOOST_TEST(r.exit == 0);
  BOOST_TEST((r.out + r.err).find("deploy/plan/plan.xml:57:135: warning: plan review is overdue") != std::string::npos,
             r.out + r.err);
  const std::string findings = ReadAll(w.root / "out/report/findings.txt");
  BOOST_TEST(!findings.empty());
  BOOST_TEST(findings.find("deploy/plan/plan.xml") == std::string::npos, findings);
  BOOST_TEST(findings.rfind("plan.xml:", 0) == 0, findings);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

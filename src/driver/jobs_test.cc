// build --jobs: the outputs, the audit package and the findings are the same bytes whatever the
// number of threads the emitters run on.
#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "plangen_process.h"
#include "synthetic_plan.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;
using testing::ReadAll;
using testing::Tree;

// Builds `args` into <tmp>/jN for each N of `jobs` and checks that every run printed the same
// findings, exited the same way and wrote the same files byte for byte. Returns the first run.
ProcessResult BuildWithJobs(const std::string& cwd, const std::string& tmp, std::vector<std::string> args,
                            const std::vector<std::string>& jobs) {
  ProcessResult first;
  std::map<std::string, std::string> first_tree;
  for (size_t i = 0; i < jobs.size(); ++i) {
    const std::string out = tmp + "/j" + jobs[i];
    std::vector<std::string> a = args;
    a.insert(a.end(), {"-o", out, "--jobs", jobs[i]});
    ProcessResult r = RunPlangen(cwd, a, 300);
    // Outputs name nothing of where they were written: the directory is the only difference.
    auto tree = Tree(out);
    if (i == 0) {
      first = r;
      first_tree = tree;
      continue;
    }
    BOOST_TEST(r.exit == first.exit, "--jobs " << jobs[i]);
    BOOST_TEST(r.out == first.out, "--jobs " << jobs[i] << " printed other findings");
    BOOST_TEST(tree.size() == first_tree.size(), "--jobs " << jobs[i]);
    for (const auto& [path, bytes] : first_tree) {
      BOOST_TEST((tree.count(path) && tree[path] == bytes), "--jobs " << jobs[i] << ": " << path);
    }
  }
  return first;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jobs)

BOOST_AUTO_TEST_CASE(sample_builds_the_same_bytes_with_one_and_four_jobs) {
  TempDir tmp;
  ProcessResult r = BuildWithJobs(testing::SourceRoot(), tmp.path,
                                  {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "--quiet"}, {"1", "4"});
  BOOST_TEST(r.exit == 0, r.out << r.err);
  auto tree = Tree(tmp.path + "/j1");
  BOOST_TEST(tree.count("worksheets/all.xlsx") == 1u);
  bool package = false;
  for (const auto& [path, bytes] : tree) package = package || path.rfind("audit/", 0) == 0;
  BOOST_TEST(package);
}

BOOST_AUTO_TEST_CASE(a_plan_of_many_pools_builds_the_same_bytes_with_one_and_four_jobs) {
  TempDir tmp;
  std::ofstream(tmp.path + "/plan.xml", std::ios::binary) << bench::CleanSyntheticPlan(200);
  ProcessResult r = BuildWithJobs(tmp.path, tmp.path, {"build", "plan.xml", "--as-of", "2026-12-01", "--quiet"}, {"1", "4"});
  BOOST_TEST(r.exit == 0, r.out << r.err);
  size_t workbooks = 0;
  for (const auto& [path, bytes] : Tree(tmp.path + "/j1")) workbooks += path.rfind("worksheets/", 0) == 0;
  BOOST_TEST(workbooks > 15u);
}

BOOST_AUTO_TEST_CASE(a_draft_with_findings_prints_them_in_the_same_order_with_any_jobs) {
  TempDir tmp;
  ProcessResult r = BuildWithJobs(
      testing::SourceRoot(), tmp.path,
      {"build", "samples/contoso-defects/plan.xml", "--as-of", "2026-12-01", "--quiet", "--draft"}, {"1", "4"});
  BOOST_TEST(r.exit == 1, r.out << r.err);
  BOOST_TEST(r.out.find("error") != std::string::npos);
  BOOST_TEST(Tree(tmp.path + "/j1").count("index.html") == 1u);
}

BOOST_AUTO_TEST_CASE(template_errors_from_emitters_side_by_side_are_reported_in_one_order) {
  TempDir tmp;
  // Three emitters fail at once, each on a template of the user's folder.
  const std::string user = tmp.path + "/templates";
  fs::create_directories(user + "/runbook");
  fs::create_directories(user + "/checklist");
  fs::create_directories(user + "/scripts");
  std::ofstream(user + "/runbook/runbook.md.mustache") << "# {{plan_title}}\n{{no_such_key}}\n";
  std::ofstream(user + "/checklist/validation.html.mustache") << "<p>{{#unclosed}}</p>\n";
  std::ofstream(user + "/scripts/backup.ps1.mustache") << "# {{another_missing_key}}\n";
  ProcessResult r = BuildWithJobs(
      testing::SourceRoot(), tmp.path,
      {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "--quiet", "--templates", user}, {"1", "3"});
  BOOST_TEST(r.exit == 1, r.out << r.err);
  BOOST_TEST(r.out.find("no_such_key") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("another_missing_key") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("validation.html.mustache") != std::string::npos, r.out);
  BOOST_TEST(!fs::exists(tmp.path + "/j1/index.html"));
}

BOOST_AUTO_TEST_CASE(jobs_takes_a_number_of_threads) {
  TempDir tmp;
  for (const char* bad : {"0", "2.5", "many", "3x", "1000"}) {
    ProcessResult r = RunPlangen(testing::SourceRoot(),
                                 {"build", "samples/contoso/plan.xml", "-o", tmp.path + "/out", "--jobs", bad}, 60);
    BOOST_TEST(r.exit == 2, bad);
    BOOST_TEST(r.err.find("--jobs takes a number of threads from 1 to 256, not '" + std::string(bad) + "'") !=
                   std::string::npos,
               r.err);
    BOOST_TEST(!fs::exists(tmp.path + "/out"));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

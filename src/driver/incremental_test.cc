// Incremental builds: a build whose inputs and options match the record of the output directory
// writes nothing; any change gives the tree a clean build gives, byte for byte.
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "driver/build_record.h"
#include "plangen_process.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;
using testing::ReadAll;
using testing::Tree;

void WriteAll(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// A time no build writes: set on every file (and the top folder's inode kept) after a build, so a
// file a later build writes again is seen.
constexpr time_t kSentinel = 946684800;  // 2000-01-01

void StampSentinel(const std::string& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const struct timespec t[2] = {{kSentinel, 0}, {kSentinel, 0}};
    BOOST_REQUIRE(utimensat(AT_FDCWD, e.path().c_str(), t, AT_SYMLINK_NOFOLLOW) == 0);
  }
}

// Relative path -> modification time (seconds).
std::map<std::string, time_t> Times(const std::string& dir) {
  std::map<std::string, time_t> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    struct stat st;
    if (lstat(e.path().c_str(), &st) == 0) out[fs::relative(e.path(), dir).generic_string()] = st.st_mtime;
  }
  return out;
}

ino_t Inode(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

const char* kNoChange = "nothing changed since the last build";

// The sample plan and its returned worksheets, copied where a test may change them.
std::string CopySample(const std::string& tmp) {
  const std::string plan_dir = tmp + "/plan";
  fs::copy(testing::SourceRoot() + "/samples/contoso", plan_dir, fs::copy_options::recursive);
  return plan_dir;
}

std::vector<std::string> BuildArgs(const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> a = {"build", "plan.xml", "-o", out, "--worksheets", "returned"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

// Builds incrementally into `out` (built before with other inputs) and cleanly into a new folder,
// and checks both trees are the same bytes and that the incremental build did write.
void RebuildMatchesClean(const std::string& cwd, const std::string& out, const std::string& clean,
                         const std::vector<std::string>& extra, int exit) {
  auto before = Tree(out);
  StampSentinel(out);
  ProcessResult inc = RunPlangen(cwd, BuildArgs(out, extra), 300);
  ProcessResult full = RunPlangen(cwd, BuildArgs(clean, extra), 300);
  BOOST_TEST(inc.exit == exit, inc.out << inc.err);
  BOOST_TEST(full.exit == exit, full.out << full.err);
  BOOST_TEST(inc.out == full.out);
  BOOST_TEST(inc.err.find(kNoChange) == std::string::npos, inc.err);
  auto got = Tree(out), want = Tree(clean);
  BOOST_TEST(got.size() == want.size());
  for (const auto& [path, bytes] : want) BOOST_TEST((got.count(path) && got[path] == bytes), path);
  BOOST_TEST(got.count("plangen-output-record.json") == 1u);
  // Files whose bytes did not change keep their time; the others (the record at least) are
  // written anew.
  auto times = Times(out);
  size_t changed = 0;
  for (const auto& [path, bytes] : got) {
    auto old = before.find(path);
    const bool same = old != before.end() && old->second == bytes;
    changed += !same;
    BOOST_TEST((times[path] == kSentinel) == same, path);
  }
  BOOST_TEST(changed > 0u);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(incremental)

BOOST_AUTO_TEST_CASE(a_second_build_of_the_same_inputs_writes_nothing_and_prints_the_same_findings) {
  TempDir tmp;
  const std::string cwd = testing::SourceRoot(), out = tmp.path + "/out";
  const std::vector<std::string> args = {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "-o", out};
  ProcessResult first = RunPlangen(cwd, args, 300);
  BOOST_TEST(first.exit == 0, first.out << first.err);
  BOOST_TEST(first.err.find(kNoChange) == std::string::npos, first.err);
  auto tree = Tree(out);
  BOOST_TEST(tree.count("plangen-output-record.json") == 1u);
  StampSentinel(out);
  const ino_t inode = Inode(out);
  ProcessResult second = RunPlangen(cwd, args, 300);
  BOOST_TEST(second.exit == first.exit);
  BOOST_TEST(second.out == first.out);
  BOOST_TEST(second.err.find(kNoChange) != std::string::npos, second.err);
  BOOST_TEST(Inode(out) == inode, "the output directory was swapped");
  for (const auto& [path, t] : Times(out)) BOOST_TEST(t == kSentinel, path << " was written again");
  BOOST_TEST((Tree(out) == tree));
  // --quiet says nothing of it; the findings are still printed.
  std::vector<std::string> quiet = args;
  quiet.push_back("--quiet");
  ProcessResult third = RunPlangen(cwd, quiet, 300);
  BOOST_TEST(third.exit == first.exit);
  BOOST_TEST(third.out == first.out);
  BOOST_TEST(third.err.empty(), third.err);
  // --no-incremental writes everything again, the same bytes.
  std::vector<std::string> forced = args;
  forced.push_back("--no-incremental");
  ProcessResult fourth = RunPlangen(cwd, forced, 300);
  BOOST_TEST(fourth.exit == first.exit);
  BOOST_TEST(fourth.err.find(kNoChange) == std::string::npos, fourth.err);
  BOOST_TEST((Tree(out) == tree));
}

BOOST_AUTO_TEST_CASE(a_draft_with_errors_is_skipped_with_the_same_findings_and_exit_status) {
  TempDir tmp;
  const std::string cwd = testing::SourceRoot(), out = tmp.path + "/out";
  const std::vector<std::string> args = {"build", "samples/contoso-defects/plan.xml", "--as-of", "2026-12-01", "--draft", "-o", out};
  ProcessResult first = RunPlangen(cwd, args, 300);
  BOOST_TEST(first.exit == 1, first.out << first.err);
  BOOST_TEST(first.out.find("error") != std::string::npos);
  StampSentinel(out);
  ProcessResult second = RunPlangen(cwd, args, 300);
  BOOST_TEST(second.exit == 1);
  BOOST_TEST(second.out == first.out);
  BOOST_TEST(second.err.find(kNoChange) != std::string::npos, second.err);
  for (const auto& [path, t] : Times(out)) BOOST_TEST(t == kSentinel, path << " was written again");
}

BOOST_AUTO_TEST_CASE(the_number_of_jobs_changes_nothing) {
  TempDir tmp;
  const std::string cwd = testing::SourceRoot(), out = tmp.path + "/out";
  std::vector<std::string> args = {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "-o", out, "--jobs"};
  args.push_back("1");
  ProcessResult first = RunPlangen(cwd, args, 300);
  BOOST_TEST(first.exit == 0, first.out << first.err);
  StampSentinel(out);
  args.back() = "4";
  ProcessResult second = RunPlangen(cwd, args, 300);
  BOOST_TEST(second.exit == 0);
  BOOST_TEST(second.err.find(kNoChange) != std::string::npos, second.err);
  for (const auto& [path, t] : Times(out)) BOOST_TEST(t == kSentinel, path << " was written again");
}

BOOST_AUTO_TEST_CASE(every_kind_of_change_rebuilds_the_tree_of_a_clean_build) {
  TempDir tmp;
  const std::string cwd = CopySample(tmp.path), out = tmp.path + "/out";
  ProcessResult first = RunPlangen(cwd, BuildArgs(out, {"--as-of", "2026-12-01"}), 300);
  BOOST_REQUIRE_MESSAGE(first.exit == 0, first.out << first.err);
  int n = 0;
  auto clean = [&] { return tmp.path + "/clean" + std::to_string(++n); };
  // An option that changes bytes.
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-01", "--paper", "letter"}, 0);
  // A template of the user's folder, then a change to it.
  const std::string user = tmp.path + "/templates";
  fs::create_directories(user);
  const std::string index = ReadAll(testing::SourceRoot() + "/templates/index.html.mustache");
  WriteAll(user + "/index.html.mustache", index + "<!-- a -->\n");
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-01", "--templates", user}, 0);
  WriteAll(user + "/index.html.mustache", index + "<!-- b -->\n");
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-01", "--templates", user}, 0);
  // A file added to the template folder counts, whether or not it is used (here it is not: only
  // the tree's record changes).
  WriteAll(user + "/unused.mustache", "x\n");
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-01", "--templates", user}, 0);
  // --draft, then the plan's text (a new title makes the approvals stale: errors, so a draft).
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-01", "--draft"}, 0);
  std::string plan = ReadAll(cwd + "/plan.xml");
  const std::string title = "<title>Contoso Lync Server 2013 backup and restoration plan</title>";
  BOOST_REQUIRE(plan.find(title) != std::string::npos);
  plan.replace(plan.find(title), title.size(), "<title>Contoso Lync Server 2013 plan, revised</title>");
  WriteAll(cwd + "/plan.xml", plan);
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-01", "--draft"}, 1);
  // A returned worksheet.
  fs::remove(cwd + "/returned/se01.dublin.contoso.com.xml");
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-01", "--draft"}, 1);
  // --as-of.
  RebuildMatchesClean(cwd, out, clean(), {"--as-of", "2026-12-02", "--draft"}, 1);
}

BOOST_AUTO_TEST_CASE(a_corrupt_record_or_a_changed_tree_gives_a_full_build) {
  TempDir tmp;
  const std::string cwd = testing::SourceRoot(), out = tmp.path + "/out", clean = tmp.path + "/clean";
  const std::vector<std::string> base = {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "-o"};
  auto args = [&](const std::string& dir) {
    std::vector<std::string> a = base;
    a.push_back(dir);
    return a;
  };
  BOOST_REQUIRE(RunPlangen(cwd, args(clean), 300).exit == 0);
  const auto want = Tree(clean);
  const std::string record = out + "/plangen-output-record.json";
  const std::string full_record = want.at("plangen-output-record.json");
  // Each damage to a copy of a built tree (with its record), then a build: it must write (not say
  // nothing changed) and give the clean tree.
  const std::string built = tmp.path + "/built";
  BOOST_REQUIRE(RunPlangen(cwd, args(built), 300).exit == 0);
  auto damaged = [&](const std::string& what, const std::function<void()>& damage) {
    std::error_code ec;
    fs::remove_all(out, ec);
    fs::copy(built, out, fs::copy_options::recursive);
    damage();
    ProcessResult r = RunPlangen(cwd, args(out), 300);
    BOOST_TEST(r.exit == 0, what << ": " << r.out << r.err);
    BOOST_TEST(r.err.find(kNoChange) == std::string::npos, what);
    BOOST_TEST((Tree(out) == want), what);
  };
  damaged("truncated record", [&] { WriteAll(record, full_record.substr(0, full_record.size() / 2)); });
  damaged("empty record", [&] { WriteAll(record, ""); });
  damaged("record of another shape", [&] { WriteAll(record, "{\"plangen_output_record\": 1, \"key\": 7, \"files\": {}}"); });
  damaged("record not JSON", [&] { WriteAll(record, std::string("\0\xff\xfe garbage", 11)); });
  damaged("record is a folder", [&] {
    fs::remove(record);
    fs::create_directory(record);
  });
  damaged("record gone", [&] { fs::remove(record); });
  damaged("an output deleted", [&] { fs::remove(out + "/index.html"); });
  damaged("an output edited, same size", [&] {
    std::string b = ReadAll(out + "/index.html");
    b[b.size() / 2] = b[b.size() / 2] == 'x' ? 'y' : 'x';
    WriteAll(out + "/index.html", b);
  });
  damaged("a file added", [&] { WriteAll(out + "/notes.txt", "mine\n"); });
  damaged("a folder added", [&] { fs::create_directory(out + "/mine"); });
  // The copy itself, undamaged, is up to date: the record does not depend on where the tree is.
  fs::remove_all(out);
  fs::copy(built, out, fs::copy_options::recursive);
  ProcessResult r = RunPlangen(cwd, args(out), 300);
  BOOST_TEST(r.exit == 0);
  BOOST_TEST(r.err.find(kNoChange) != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(an_output_edited_in_place_with_its_time_put_back_gives_a_full_build) {
  TempDir tmp;
  const std::string cwd = testing::SourceRoot(), out = tmp.path + "/out", clean = tmp.path + "/clean";
  const std::vector<std::string> env = {"XDG_CACHE_HOME=" + tmp.path + "/cache"};
  auto args = [&](const std::string& dir) {
    return std::vector<std::string>{"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "-o", dir};
  };
  BOOST_REQUIRE(RunPlangen(cwd, args(clean), 300, env).exit == 0);
  BOOST_REQUIRE(RunPlangen(cwd, args(out), 300, env).exit == 0);
  BOOST_REQUIRE(fs::exists(tmp.path + "/cache/plangen/stamps"));
  // The tree that was built, not a copy: its files are at the inodes and times the stamps give.
  const std::string page = out + "/index.html";
  struct stat before;
  BOOST_REQUIRE(lstat(page.c_str(), &before) == 0);
  std::string b = ReadAll(page);
  b[b.size() / 2] = b[b.size() / 2] == 'x' ? 'y' : 'x';
  WriteAll(page, b);
  const struct timespec times[2] = {before.st_atim, before.st_mtim};
  BOOST_REQUIRE(utimensat(AT_FDCWD, page.c_str(), times, 0) == 0);
  ProcessResult r = RunPlangen(cwd, args(out), 300, env);
  BOOST_TEST(r.exit == 0, r.out << r.err);
  BOOST_TEST(r.err.find(kNoChange) == std::string::npos, r.err);
  BOOST_TEST((Tree(out) == Tree(clean)));
}

BOOST_AUTO_TEST_CASE(a_tree_untouched_since_its_build_is_not_read_again) {
  TempDir tmp;
  const std::string cwd = testing::SourceRoot(), out = tmp.path + "/out";
  const std::string cache = tmp.path + "/cache";
  BOOST_REQUIRE(RunPlangen(cwd, {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "-o", out}, 300,
                           {"XDG_CACHE_HOME=" + cache})
                    .exit == 0);
  // The record's key is what a build of the same inputs works out.
  const std::string record = ReadAll(out + "/plangen-output-record.json");
  const size_t at = record.find("\"key\": \"") + 8;
  BuildInputs inputs;
  inputs.key = record.substr(at, 64);
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(out)) files += e.is_regular_file();
  --files;  // the record
  const char* had = getenv("XDG_CACHE_HOME");
  const std::string saved = had ? had : "";
  setenv("XDG_CACHE_HOME", cache.c_str(), 1);
  size_t hashed = 0;
  BOOST_TEST(OutputTreeUpToDate(out, inputs, &hashed));
  // Only files written in the clock tick of the record, if any, are read.
  BOOST_TEST(hashed * 4 < files, hashed << " of " << files << " files hashed");
  // Without the stamps every file is read, and the tree is still up to date.
  fs::remove_all(cache);
  hashed = 0;
  BOOST_TEST(OutputTreeUpToDate(out, inputs, &hashed));
  BOOST_TEST(hashed == files);
  // A copy has other inodes, and no stamps: read whole.
  fs::copy(out, tmp.path + "/copy", fs::copy_options::recursive);
  hashed = 0;
  BOOST_TEST(OutputTreeUpToDate(tmp.path + "/copy", inputs, &hashed));
  BOOST_TEST(hashed == files);
  had ? setenv("XDG_CACHE_HOME", saved.c_str(), 1) : unsetenv("XDG_CACHE_HOME");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

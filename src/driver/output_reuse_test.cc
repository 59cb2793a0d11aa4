// Per-output reuse: a rebuild copies from the previous build the pool workbooks made from the same
// data, makes the others, and writes the tree a clean build writes.
#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "plangen_process.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char templ[] = "/tmp/plangen-output-reuse-test.XXXXXX";
    BOOST_REQUIRE(mkdtemp(templ));
    path = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteAll(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

std::map<std::string, std::string> Tree(const std::string& dir) {
  std::map<std::string, std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = ReadAll(e.path());
  }
  return files;
}

// The pool workbooks of a tree (all.xlsx holds every pool's rows: it is never reused).
std::vector<std::string> PoolWorkbooks(const std::map<std::string, std::string>& tree) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : tree) {
    if (path.rfind("worksheets/", 0) == 0 && path != "worksheets/all.xlsx" && path.size() > 5 &&
        path.compare(path.size() - 5, 5, ".xlsx") == 0)
      out.push_back(path);
  }
  return out;
}

// What a build says of the outputs it reused.
std::string ReuseLine(size_t reused, size_t of) {
  return "plangen build: " + std::to_string(reused) + " of " + std::to_string(of) +
         " outputs made from the same data as in the last build were reused; " + std::to_string(of - reused) +
         " were made again";
}

std::vector<std::string> Args(const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> a = {"build", "plan.xml", "--as-of", "2026-12-01", "-o", out};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

// The sample, copied where a test may change it.
std::string CopySample(const std::string& tmp) {
  const std::string plan_dir = tmp + "/plan";
  fs::copy(testing::SourceRoot() + "/samples/contoso", plan_dir, fs::copy_options::recursive);
  return plan_dir;
}

// Moves the Dublin pool's Response Group backup a few minutes and approves the plan again (its
// approvals carry the new digest), so the plan stays clean: only se01's workbook shows the change.
void ChangeDublinBackup(const std::string& cwd) {
  std::string plan = ReadAll(cwd + "/plan.xml");
  const std::string before = "id=\"dub-rgs\" item=\"rgsconfig\" server=\"se01.dublin.contoso.com\" owner=\"dublin-it\" schedule=\"daily 02:15\"";
  const size_t at = plan.find(before);
  BOOST_REQUIRE(at != std::string::npos);
  plan.replace(at + before.size() - 3, 2, "20");
  // The digest the sample's approvals carry.
  const size_t approved = plan.find("digest=\"sha256:");
  BOOST_REQUIRE(approved != std::string::npos);
  const std::string old_digest = plan.substr(approved + 8, 7 + 64);
  WriteAll(cwd + "/plan.xml", plan);
  ProcessResult digest = RunPlangen(cwd, {"check", "plan.xml", "--as-of", "2026-12-01", "--digest"}, 120);
  const std::string label = "plan digest: ";
  const size_t d = digest.out.find(label);
  BOOST_REQUIRE_MESSAGE(d != std::string::npos, digest.out << digest.err);
  const std::string new_digest = digest.out.substr(d + label.size(), old_digest.size());
  BOOST_REQUIRE(new_digest != old_digest);
  for (size_t p = plan.find(old_digest); p != std::string::npos; p = plan.find(old_digest, p))
    plan.replace(p, old_digest.size(), new_digest);
  WriteAll(cwd + "/plan.xml", plan);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(output_reuse)

BOOST_AUTO_TEST_CASE(a_change_to_one_pool_makes_its_workbook_again_and_reuses_the_others) {
  TempDir tmp;
  const std::string cwd = CopySample(tmp.path), out = tmp.path + "/out", clean = tmp.path + "/clean";
  ProcessResult first = RunPlangen(cwd, Args(out), 300);
  BOOST_REQUIRE_MESSAGE(first.exit == 0, first.out << first.err);
  // The first build had nothing to reuse, and says nothing of it.
  BOOST_TEST(first.err.find("were reused") == std::string::npos, first.err);
  const auto before = Tree(out);
  const std::vector<std::string> books = PoolWorkbooks(before);
  BOOST_REQUIRE(books.size() >= 3u);

  ChangeDublinBackup(cwd);
  ProcessResult again = RunPlangen(cwd, Args(out), 300);
  ProcessResult full = RunPlangen(cwd, Args(clean), 300);
  BOOST_REQUIRE_MESSAGE(again.exit == 0, again.out << again.err);
  BOOST_REQUIRE_MESSAGE(full.exit == 0, full.out << full.err);
  BOOST_TEST(again.err.find(ReuseLine(books.size() - 1, books.size())) != std::string::npos, again.err);
  BOOST_TEST(again.out == full.out);
  const auto got = Tree(out), want = Tree(clean);
  BOOST_TEST(got.size() == want.size());
  for (const auto& [path, bytes] : want) BOOST_TEST((got.count(path) && got.at(path) == bytes), path);
  // The one workbook made again is Dublin's, and its bytes did change.
  for (const std::string& book : books) {
    const bool dublin = book == "worksheets/se01.dublin.contoso.com.xlsx";
    BOOST_TEST((got.at(book) != before.at(book)) == dublin, book);
  }

  // An option every output depends on: nothing is reused.
  ProcessResult letter = RunPlangen(cwd, Args(out, {"--paper", "letter"}), 300);
  BOOST_REQUIRE_MESSAGE(letter.exit == 0, letter.out << letter.err);
  BOOST_TEST(letter.err.find(ReuseLine(0, books.size())) != std::string::npos, letter.err);
  // --no-incremental reuses nothing either, and says nothing of it.
  ProcessResult forced = RunPlangen(cwd, Args(out, {"--no-incremental"}), 300);
  BOOST_REQUIRE_MESSAGE(forced.exit == 0, forced.out << forced.err);
  BOOST_TEST(forced.err.find("were reused") == std::string::npos, forced.err);
  BOOST_TEST((Tree(out) == want));
}

BOOST_AUTO_TEST_CASE(an_edited_or_missing_previous_workbook_is_made_again) {
  TempDir tmp;
  const std::string cwd = CopySample(tmp.path), out = tmp.path + "/out", clean = tmp.path + "/clean";
  BOOST_REQUIRE(RunPlangen(cwd, Args(out), 300).exit == 0);
  BOOST_REQUIRE(RunPlangen(cwd, Args(clean), 300).exit == 0);
  const auto want = Tree(clean);
  const std::vector<std::string> books = PoolWorkbooks(want);
  BOOST_REQUIRE(books.size() >= 3u);
  // One workbook edited in place (same size, so only its digest tells), one deleted.
  std::string edited = ReadAll(out + "/" + books[0]);
  edited[edited.size() / 2] = static_cast<char>(edited[edited.size() / 2] ^ 1);
  WriteAll(out + "/" + books[0], edited);
  fs::remove(out + "/" + books[1]);
  ProcessResult r = RunPlangen(cwd, Args(out), 300);
  BOOST_REQUIRE_MESSAGE(r.exit == 0, r.out << r.err);
  BOOST_TEST(r.err.find(ReuseLine(books.size() - 2, books.size())) != std::string::npos, r.err);
  BOOST_TEST((Tree(out) == want));
  // A record whose key for a workbook is not the key of its data: that workbook is made again.
  const std::string record_path = out + "/plangen-output-record.json";
  std::string record = ReadAll(record_path);
  const std::string entry = "\"path\": \"" + books[2] + "\"";
  const size_t at = record.find(entry);
  BOOST_REQUIRE(at != std::string::npos);
  const size_t key = record.find("\"render_key\": \"", at);
  BOOST_REQUIRE(key != std::string::npos);
  const size_t digit = key + std::string("\"render_key\": \"").size();
  record[digit] = record[digit] == '0' ? '1' : '0';
  WriteAll(record_path, record);
  fs::remove(out + "/index.html");  // so the tree is not up to date as a whole
  ProcessResult k = RunPlangen(cwd, Args(out), 300);
  BOOST_REQUIRE_MESSAGE(k.exit == 0, k.out << k.err);
  BOOST_TEST(k.err.find(ReuseLine(books.size() - 1, books.size())) != std::string::npos, k.err);
  BOOST_TEST((Tree(out) == want));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

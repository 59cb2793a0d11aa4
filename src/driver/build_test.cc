// plangen build and verify end to end: all-or-nothing output, reproducible bytes, the audit
// package and what verify says when a member is changed, removed or added.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "audit/package.h"
#include "audit/zip_reader.h"
#include "audit/zip_writer.h"
#include "driver/audit_package.h"
#include "driver/build_record.h"
#include "driver/commands.h"
#include "driver/write_outputs.h"
#include "plangen_process.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;
using testing::ReadAll;
using testing::Tree;

// Builds run from the source root with relative input paths, as a user in a plan folder would.
struct InSourceRoot {
  fs::path saved = fs::current_path();
  InSourceRoot() { fs::current_path(testing::SourceRoot()); }
  ~InSourceRoot() { fs::current_path(saved); }
};

int Run(std::vector<std::string> args) {
  Environment env;
  env.today = *ParseDate("2026-12-01");
  std::streambuf* saved = std::cout.rdbuf();
  std::ostringstream sink;
  std::cout.rdbuf(sink.rdbuf());  // findings are not what these tests look at
  int code = RunCommandLine(args, env);
  std::cout.rdbuf(saved);
  return code;
}

const char* kSample = "samples/contoso/plan.xml";
// The package's name follows the plan's id and version: find it rather than spell it.
std::string PackageIn(const std::string& out) {
  std::vector<std::string> zips;
  for (const auto& e : fs::directory_iterator(out + "/audit")) zips.push_back(e.path().filename().string());
  BOOST_REQUIRE(zips.size() == 1u);
  return "audit/" + zips[0];
}

int BuildSample(const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"build", kSample, "--as-of", "2026-12-01", "--quiet", "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  return Run(args);
}

// The ids of every finding VerifyPackage reports, with their first argument.
std::vector<std::pair<DiagId, std::string>> VerifyFindings(const std::string& zip, const std::string& key = "") {
  SourceManager sm;
  DiagEngine diags(sm);
  audit::VerifyOptions vo;
  vo.public_key_path = key;
  audit::VerifyPackage(zip, vo, sm, diags);
  std::vector<std::pair<DiagId, std::string>> out;
  for (const Diagnostic* d : diags.Sorted()) {
    std::string msg = d->message;
    size_t q = msg.find('\'');
    size_t e = q == std::string::npos ? q : msg.find('\'', q + 1);
    out.push_back({d->id, e == std::string::npos ? "" : msg.substr(q + 1, e - q - 1)});
  }
  return out;
}

std::vector<audit::ZipMember> Members(const std::string& zip) {
  audit::ZipContents z = audit::ReadZipFile(zip, audit::ZipLimits());
  std::vector<audit::ZipMember> m;
  for (auto& e : z.entries) m.push_back({e.name, e.data});
  return m;
}

void Rewrite(const std::string& zip, const std::vector<audit::ZipMember>& members) {
  std::string err;
  BOOST_REQUIRE_MESSAGE(audit::WriteZip(zip, members, audit::ZipWriteOptions(), &err), err);
}

OutputSet TwoFiles() {
  OutputSet o;
  o.Add("a.txt", "new a");
  o.Add("sub/b.txt", "new b");
  return o;
}

// A previous build's output directory, to prove it survives.
void MakePrevious(const std::string& dir) {
  fs::create_directories(dir + "/old");
  std::ofstream(dir + "/old/kept.txt") << "previous";
  std::ofstream(dir + "/a.txt") << "old a";
  std::ofstream(dir + "/" + kOutputMarker) << "written by plangen";
}

size_t StagingLeftovers(const std::string& parent) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(parent))
    if (e.path().filename().string().find(".plangen-staging.") != std::string::npos) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(build)

BOOST_AUTO_TEST_CASE(outputs_replace_the_previous_directory_whole) {
  TempDir t;
  std::string out = t.path + "/out";
  MakePrevious(out);
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WriteOutputs(TwoFiles(), out, sm, diags));
  auto tree = Tree(out);
  BOOST_TEST(tree.size() == 3u);  // the old file is gone: the directory was replaced, not merged
  BOOST_TEST(tree.count(kOutputMarker) == 1u);
  BOOST_TEST(tree["a.txt"] == "new a");
  BOOST_TEST(tree["sub/b.txt"] == "new b");
  BOOST_TEST(StagingLeftovers(t.path) == 0u);
}

BOOST_AUTO_TEST_CASE(a_folder_plangen_did_not_write_is_never_replaced) {
  TempDir t;
  std::string out = t.path + "/docs";
  fs::create_directories(out + "/photos");
  std::ofstream(out + "/thesis.odt") << "years of work";
  auto before = Tree(out);
  InSourceRoot here;
  BOOST_TEST(BuildSample(out) == 2);
  BOOST_TEST((Tree(out) == before));
  BOOST_TEST(StagingLeftovers(t.path) == 0u);
  // The library call refuses it too, with what would be lost.
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_TEST(!WriteOutputs(TwoFiles(), out, sm, diags));
  BOOST_REQUIRE(diags.Sorted().size() == 1u);
  BOOST_TEST(CodeString(diags.Sorted()[0]->id) == "PG0003");
  BOOST_TEST(diags.Sorted()[0]->message ==
             "cannot write '" + out + "': it is not empty and plangen did not write it (it has no plangen-output.txt): "
             "a build would replace its 2 entries (photos/, thesis.odt); choose a new or empty directory, or give "
             "--force");
  BOOST_TEST((Tree(out) == before));
}

BOOST_AUTO_TEST_CASE(an_output_directory_carries_the_marker_and_is_rebuilt) {
  TempDir t;
  std::string out = t.path + "/out";
  InSourceRoot here;
  BOOST_REQUIRE(BuildSample(out) == 0);
  BOOST_TEST(ReadAll(out + "/" + kOutputMarker).find("written by plangen build") != std::string::npos);
  std::ofstream(out + "/stray.txt") << "left by hand";
  BOOST_TEST(BuildSample(out) == 0);  // plangen's own directory: replaced whole
  BOOST_TEST(!fs::exists(out + "/stray.txt"));
  BOOST_TEST(fs::exists(out + "/" + kOutputMarker));
  // An empty directory is fine too.
  fs::create_directories(t.path + "/empty");
  BOOST_TEST(BuildSample(t.path + "/empty") == 0);
  // A marker that is not a regular file does not count.
  fs::create_directories(t.path + "/fake/" + kOutputMarker);
  BOOST_TEST(BuildSample(t.path + "/fake") == 2);
  BOOST_TEST(fs::is_directory(t.path + "/fake/" + kOutputMarker));
}

BOOST_AUTO_TEST_CASE(force_replaces_a_folder_plangen_did_not_write) {
  TempDir t;
  std::string out = t.path + "/docs";
  fs::create_directories(out);
  std::ofstream(out + "/notes.txt") << "mine";
  InSourceRoot here;
  BOOST_TEST(BuildSample(out, {"--force"}) == 0);
  BOOST_TEST(!fs::exists(out + "/notes.txt"));
  BOOST_TEST(fs::exists(out + "/" + kOutputMarker));
  BOOST_TEST(BuildSample(out) == 0);  // and from now on it is plangen's
}

BOOST_AUTO_TEST_CASE(unsafe_output_path_is_refused_before_anything_is_written) {
  for (const char* bad : {"../escape.txt", "/etc/x", "runbooks/C:evil.md", "runbooks/NUL.md", "a/../../b"}) {
    TempDir t;
    std::string out = t.path + "/out";
    MakePrevious(out);
    OutputSet o = TwoFiles();
    o.Add(bad, "x");
    SourceManager sm;
    DiagEngine diags(sm);
    BOOST_TEST(!WriteOutputs(o, out, sm, diags));
    BOOST_REQUIRE(diags.Sorted().size() == 1u);
    BOOST_TEST(CodeString(diags.Sorted()[0]->id) == "PG0004");
    BOOST_TEST(diags.Sorted()[0]->message.find(bad) != std::string::npos);
    BOOST_TEST(ReadAll(out + "/a.txt") == "old a");
    BOOST_TEST(StagingLeftovers(t.path) == 0u);
    BOOST_TEST(!fs::exists(t.path + "/escape.txt"));
  }
}

BOOST_AUTO_TEST_CASE(failure_halfway_leaves_the_previous_output) {
  TempDir t;
  std::string out = t.path + "/out";
  MakePrevious(out);
  auto before = Tree(out);
  SourceManager sm;
  DiagEngine diags(sm);
  WriteOptions wo;
  wo.after_file = [](size_t written) { return written < 1; };
  BOOST_TEST(!WriteOutputs(TwoFiles(), out, sm, diags, wo));
  BOOST_TEST(CodeString(diags.Sorted().at(0)->id) == "PG0003");
  BOOST_TEST((Tree(out) == before));
  BOOST_TEST(StagingLeftovers(t.path) == 0u);
}

BOOST_AUTO_TEST_CASE(sigkill_halfway_leaves_the_previous_output) {
  TempDir t;
  std::string out = t.path + "/out";
  MakePrevious(out);
  auto before = Tree(out);
  pid_t pid = fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    SourceManager sm;
    DiagEngine diags(sm);
    WriteOptions wo;
    wo.after_file = [](size_t) {
      kill(getpid(), SIGKILL);
      return true;
    };
    WriteOutputs(TwoFiles(), out, sm, diags, wo);
    _exit(0);  // not reached
  }
  int status = 0;
  waitpid(pid, &status, 0);
  BOOST_TEST((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL));
  BOOST_TEST((Tree(out) == before));
  BOOST_TEST(StagingLeftovers(t.path) == 1u);  // the killed build's half-written staging dir
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WriteOutputs(TwoFiles(), out, sm, diags));
  BOOST_TEST(StagingLeftovers(t.path) == 0u);  // the next build cleared it
  BOOST_TEST(Tree(out).size() == 3u);
}

BOOST_AUTO_TEST_CASE(sigkill_of_the_real_binary_leaves_the_previous_output) {
  // A killed `plangen build` (the binary, at a random moment of its run) never leaves a mixed tree:
  // the output is either the previous one or the complete new one.
  // unit_tests lives in <build>/tests/, plangen in <build>/.
  std::error_code ec;
  std::string exe = (fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "plangen").string();
  if (const char* bin = std::getenv("PLANGEN_BIN")) exe = bin;
  if (ec || !fs::exists(exe)) {
    BOOST_TEST_MESSAGE("no plangen binary; skipped");
    return;
  }
  InSourceRoot root;
  TempDir t;
  std::string out = t.path + "/out";
  MakePrevious(out);
  auto before = Tree(out);
  TempDir ref;
  // Built by the same program: the tree's record names the program that wrote it.
  BOOST_REQUIRE(RunPlangen(testing::SourceRoot(), {"build", kSample, "--as-of", "2026-12-01", "--quiet", "-o", ref.path + "/out"},
                           300).exit == 0);
  auto complete = Tree(ref.path + "/out");
  for (int delay_ms : {5, 20, 60, 150, 400, 1000, 5000}) {
    pid_t pid = fork();
    BOOST_REQUIRE(pid >= 0);
    if (pid == 0) {
      int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
      execl(exe.c_str(), exe.c_str(), "build", kSample, "--as-of", "2026-12-01", "-o", out.c_str(), (char*)nullptr);
      _exit(127);
    }
    usleep(delay_ms * 1000);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    auto now = Tree(out);
    BOOST_TEST_MESSAGE("killed after " << delay_ms << " ms: " << (now == before ? "previous" : "new") << " output");
    BOOST_TEST((now == before || now == complete));
    if (now == complete) break;
  }
}

BOOST_AUTO_TEST_CASE(two_builds_give_identical_bytes_and_verify) {
  InSourceRoot root;
  TempDir a, b;
  BOOST_REQUIRE(BuildSample(a.path + "/one") == 0);
  BOOST_REQUIRE(BuildSample(b.path + "/deeper/two") == 0);
  auto one = Tree(a.path + "/one"), two = Tree(b.path + "/deeper/two");
  BOOST_TEST(one.size() == two.size());
  for (const auto& [path, bytes] : one) BOOST_TEST((two.count(path) && two[path] == bytes), path);
  const std::string kPackage = PackageIn(a.path + "/one");
  BOOST_TEST(one.count("summary.html"));
  std::string zip = a.path + "/one/" + kPackage;
  BOOST_TEST(VerifyFindings(zip).empty());
  BOOST_TEST(Run({"verify", zip}) == 0);
  BOOST_TEST(Run({"verify", zip, "--plan", kSample}) == 0);
  // Nothing in the package names the folder it was built in, or any absolute path.
  for (const auto& m : Members(zip)) {
    BOOST_TEST(m.data.find(a.path) == std::string::npos, m.name);
    BOOST_TEST(m.data.find(testing::SourceRoot()) == std::string::npos, m.name);
  }
}

BOOST_AUTO_TEST_CASE(package_holds_inputs_outputs_reports_and_manifest) {
  InSourceRoot root;
  TempDir t;
  BOOST_REQUIRE(BuildSample(t.path + "/out") == 0);
  std::map<std::string, std::string> m;
  for (auto& z : Members(t.path + "/out/" + PackageIn(t.path + "/out"))) m[z.name] = z.data;
  BOOST_TEST(m.count("MANIFEST"));
  BOOST_TEST(m.count("summary.html"));
  BOOST_TEST(m["inputs/plan.xml"] == ReadAll(kSample));
  BOOST_TEST(m["inputs/profile/lync-server-2013/profile.xml"] == ReadAll("worksheets/lync-server-2013/profile.xml"));
  BOOST_TEST(m.count("reports/findings.txt"));
  BOOST_TEST(m.count("reports/findings.json"));
  BOOST_TEST(m.count("reports/findings.sarif"));
  BOOST_TEST(m.count("reports/approvals.json"));
  BOOST_TEST(m.count("outputs/index.html"));
  BOOST_TEST(m.count("outputs/summary.html"));
  // every output of the build is in the package, byte for byte
  for (const auto& [path, bytes] : Tree(t.path + "/out")) {
    // The marker and the build's record are no outputs.
    if (path.compare(0, 6, "audit/") == 0 || path == kOutputMarker || path == kBuildRecord) continue;
    std::string member = path.compare(0, 7, "report/") == 0 ? "reports/" + path.substr(7) : "outputs/" + path;
    BOOST_TEST((m.count(member) && m[member] == bytes), member);
  }
  BOOST_TEST(m["MANIFEST"].find("# as-of: 2026-12-01\n# paper: a4\n") != std::string::npos);
}

// --paper sets the @page size of the HTML pages and is recorded in the MANIFEST, so that verify
// rebuilds for the same paper; another value is refused before anything is written.
BOOST_AUTO_TEST_CASE(paper_is_applied_and_recorded) {
  InSourceRoot root;
  TempDir t;
  BOOST_REQUIRE(BuildSample(t.path + "/letter", {"--paper", "letter"}) == 0);
  BOOST_REQUIRE(BuildSample(t.path + "/a4") == 0);
  for (const char* page : {"runbooks/lync-ops.html", "checklists/validation.html", "summary.html", "index.html"}) {
    BOOST_TEST(ReadAll(t.path + "/letter/" + page).find("  size: letter;\n") != std::string::npos, page);
    BOOST_TEST(ReadAll(t.path + "/a4/" + page).find("  size: A4;\n") != std::string::npos, page);
  }
  const std::string zip = t.path + "/letter/" + PackageIn(t.path + "/letter");
  std::map<std::string, std::string> m;
  for (auto& z : Members(zip)) m[z.name] = z.data;
  BOOST_TEST(m["MANIFEST"].find("# as-of: 2026-12-01\n# paper: letter\n") != std::string::npos);
  BOOST_TEST(Run({"verify", zip, "--plan", kSample}) == 0);
  // The A4 package rebuilt for A4 matches too; the two differ in their HTML pages.
  BOOST_TEST(Run({"verify", t.path + "/a4/" + PackageIn(t.path + "/a4"), "--plan", kSample}) == 0);
  BOOST_TEST(ReadAll(t.path + "/a4/runbooks/dba.md") == ReadAll(t.path + "/letter/runbooks/dba.md"));
  BOOST_TEST(BuildSample(t.path + "/b5", {"--paper", "b5"}) == 2);
  BOOST_TEST(!fs::exists(t.path + "/b5"));
}

BOOST_AUTO_TEST_CASE(verify_names_each_changed_removed_or_added_member) {
  InSourceRoot root;
  TempDir t;
  BOOST_REQUIRE(BuildSample(t.path + "/out") == 0);
  const std::string zip = t.path + "/out/" + PackageIn(t.path + "/out"), copy = t.path + "/copy.zip";
  const auto members = Members(zip);
  BOOST_REQUIRE(members.size() > 10u);
  for (size_t i = 0; i < members.size(); ++i) {
    if (members[i].name == "MANIFEST" || members[i].data.empty()) continue;
    auto changed = members;
    changed[i].data[changed[i].data.size() / 2] ^= 0x01;
    Rewrite(copy, changed);
    auto f = VerifyFindings(copy);
    BOOST_TEST(f.size() == 1u, members[i].name);
    BOOST_TEST((!f.empty() && f[0].first == DiagId::err_member_changed && f[0].second == members[i].name),
               members[i].name);
    BOOST_TEST(Run({"verify", copy}) == 1);
  }
  auto removed = members;
  std::string gone = removed[3].name;
  removed.erase(removed.begin() + 3);
  Rewrite(copy, removed);
  auto f = VerifyFindings(copy);
  BOOST_TEST((f.size() == 1u && f[0].first == DiagId::err_member_missing && f[0].second == gone));
  auto added = members;
  added.push_back({"outputs/runbooks/extra.md", "not built by plangen"});
  Rewrite(copy, added);
  f = VerifyFindings(copy);
  BOOST_TEST((f.size() == 1u && f[0].first == DiagId::err_member_extra && f[0].second == "outputs/runbooks/extra.md"));
  BOOST_TEST(Run({"verify", copy}) == 1);
  BOOST_TEST(Run({"verify", t.path + "/nothing.zip"}) == 2);
  BOOST_TEST(Run({"verify", kSample}) == 2);
}

BOOST_AUTO_TEST_CASE(verify_rebuild_names_members_that_differ) {
  InSourceRoot root;
  TempDir t;
  BOOST_REQUIRE(BuildSample(t.path + "/out") == 0);
  const std::string zip = t.path + "/out/" + PackageIn(t.path + "/out");
  // A plan changed after the build: the package is intact, but a rebuild differs in the plan.
  std::string plan = ReadAll(kSample);
  fs::create_directories(t.path + "/p");
  std::string changed = t.path + "/p/plan.xml";
  size_t at = plan.find("</plan>");
  BOOST_REQUIRE(at != std::string::npos);
  std::ofstream(changed, std::ios::binary) << plan.substr(0, at) << "<!-- changed -->\n" << plan.substr(at);
  BOOST_TEST(Run({"verify", zip, "--plan", changed}) == 1);
  // Another as-of date gives other outputs.
  BOOST_TEST(Run({"verify", zip, "--plan", kSample, "--as-of", "2027-06-01"}) == 1);
  BOOST_TEST(Run({"verify", zip, "--plan", kSample, "--as-of", "2026-12-01"}) == 0);
}

BOOST_AUTO_TEST_CASE(outside_tools_accept_the_package) {
  InSourceRoot root;
  TempDir t;
  BOOST_REQUIRE(BuildSample(t.path + "/out") == 0);
  const std::string zip = t.path + "/out/" + PackageIn(t.path + "/out");
  BOOST_TEST(std::system(("unzip -tq '" + zip + "' >/dev/null").c_str()) == 0);
  BOOST_TEST(std::system(("/usr/bin/python3 -m zipfile -t '" + zip + "' >/dev/null").c_str()) == 0);
  std::string x = t.path + "/x";
  BOOST_TEST(std::system(("mkdir '" + x + "' && cd '" + x + "' && unzip -q '" + zip +
                          "' && sha256sum -c --strict --quiet MANIFEST").c_str()) == 0);
  // ...and notice a changed member.
  BOOST_TEST(std::system(("cd '" + x + "' && echo x >> inputs/plan.xml && sha256sum -c --strict --quiet MANIFEST "
                          ">/dev/null 2>&1").c_str()) != 0);
}

BOOST_AUTO_TEST_CASE(signed_package_verifies_with_its_key_only) {
  InSourceRoot root;
  TempDir t;
  std::string key = t.path + "/k.pem", pub = t.path + "/k.pub.pem", other = t.path + "/o.pem", opub = t.path + "/o.pub.pem";
  BOOST_REQUIRE(std::system(("openssl genpkey -algorithm ed25519 -out '" + key + "' && openssl pkey -in '" + key +
                             "' -pubout -out '" + pub + "' && openssl genpkey -algorithm ed25519 -out '" + other +
                             "' && openssl pkey -in '" + other + "' -pubout -out '" + opub + "'").c_str()) == 0);
  BOOST_REQUIRE(BuildSample(t.path + "/a", {"--sign", key}) == 0);
  BOOST_REQUIRE(BuildSample(t.path + "/b", {"--sign", key}) == 0);
  const std::string kPackage = PackageIn(t.path + "/a");
  const std::string zip = t.path + "/a/" + kPackage;
  BOOST_TEST(ReadAll(zip) == ReadAll(t.path + "/b/" + kPackage));  // Ed25519 is deterministic
  BOOST_TEST(VerifyFindings(zip, pub).empty());
  BOOST_TEST(Run({"verify", zip, "--key", pub}) == 0);
  auto f = VerifyFindings(zip, opub);
  BOOST_TEST((f.size() == 1u && f[0].first == DiagId::err_signature_invalid));
  BOOST_TEST(Run({"verify", zip, "--key", opub}) == 1);
  // An unsigned package with a key given: PG3011.
  BOOST_REQUIRE(BuildSample(t.path + "/u") == 0);
  f = VerifyFindings(t.path + "/u/" + kPackage, pub);
  BOOST_TEST((f.size() == 1u && f[0].first == DiagId::err_signature_missing));
  // A key that is not a key: the build fails and the previous output stays.
  std::ofstream(t.path + "/bad.pem") << "not a key\n";
  auto before = Tree(t.path + "/a");
  BOOST_TEST(BuildSample(t.path + "/a", {"--sign", t.path + "/bad.pem"}) != 0);
  BOOST_TEST((Tree(t.path + "/a") == before));
}

BOOST_AUTO_TEST_CASE(input_member_names_stay_inside_inputs) {
  BOOST_TEST(PlanInputMemberName("samples/contoso/plan.xml", "samples/contoso/plan.xml") == "inputs/plan.xml");
  BOOST_TEST(PlanInputMemberName("samples/contoso/plan.xml", "samples/contoso/parts/roles.xml") ==
             "inputs/parts/roles.xml");
  BOOST_TEST(PlanInputMemberName("plan.xml", "parts/roles.xml") == "inputs/parts/roles.xml");
  BOOST_TEST(PlanInputMemberName("a/plan.xml", "common/x.xml") == "inputs/parent-dir/common/x.xml");
  BOOST_TEST(PlanInputMemberName("/abs/a/plan.xml", "/abs/a/p.xml") == "inputs/p.xml");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

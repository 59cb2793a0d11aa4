// A build reads each input once, and its audit package holds exactly the bytes that were checked:
// a file changed on disk after the check does not slip into the package. The binary itself is
// watched too: run under tests/support/open_log.c, it opens each input file once.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "driver/audit_package.h"
#include "driver/compile.h"
#include "emit/emitters.h"
#include "tmpl/templates.h"
#include "util/data_dir.h"
#include "util/scratch_file.h"
#include "plangen_process.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::ReadAll;

void WriteAll(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// The shipped sample with an included part, its returned worksheets and a topology, copied into
// a temporary folder.
struct SampleCopy {
  fs::path dir;
  SampleCopy() {
    char templ[] = "/tmp/plangen-input-read-test.XXXXXX";
    BOOST_REQUIRE(mkdtemp(templ));
    dir = templ;
    fs::copy(testing::SourceRoot() + "/samples/contoso", dir, fs::copy_options::recursive);
    std::string plan = ReadAll(dir / "plan.xml");
    size_t roles = plan.find("  <roles>");
    BOOST_REQUIRE(roles != std::string::npos);
    plan.insert(roles, "  <include href=\"parts/waivers.xml\"/>\n");
    WriteAll(dir / "plan.xml", plan);
    fs::create_directories(dir / "parts");
    WriteAll(dir / "parts/waivers.xml", "<plan-part xmlns=\"urn:plangen:plan:1\">\n  <waivers/>\n</plan-part>\n");
    fs::copy_file(testing::DataPath("topology/Fabrikam.tbxml"), dir / "topology.tbxml");
  }
  ~SampleCopy() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  CompileOptions Options() const {
    CompileOptions o;
    o.plan_path = (dir / "plan.xml").string();
    o.as_of = *ParseDate("2026-12-01");
    o.worksheets = {(dir / "returned").string()};
    o.topology = (dir / "topology.tbxml").string();
    return o;
  }
};

// What `plangen build` does after checking, up to the bytes it would write: every emitter, then
// the audit package.
bool EmitAndPackage(const CompileOptions& o, Compilation& c, AuditPackage* package) {
  TemplateSet templates("", DataDir() + "/templates");
  EmitContext ectx{c.plan, c.profile, o.as_of, false, templates, c.diags, c.sources,
                   c.has_worksheets ? &c.returned : nullptr};
  OutputSet outputs;
  return RunEmitters(ectx, outputs) && AssembleAuditPackage(o, ectx, outputs, package);
}

std::map<std::string, std::string> InputMembers(const AuditPackage& p) {
  std::map<std::string, std::string> out;
  for (const auto& m : p.members) {
    if (m.role == audit::MemberRole::kInput) out[m.path] = m.bytes();
  }
  return out;
}

// Runs the plangen binary in `cwd` with `args` under the open-logging library
// (tests/support/open_log.c) and returns the paths it opened, as given to open/fopen; -1 in
// `exit` when it did not exit normally.
std::vector<std::string> OpenedBy(const std::string& cwd, const std::vector<std::string>& args, int* exit) {
  std::error_code ec;
  const fs::path build = fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path();
  std::string lib = (build / "tests/libopen_log.so").string();
  if (const char* l = std::getenv("PLANGEN_OPEN_LOG_LIB")) lib = l;
  BOOST_REQUIRE_MESSAGE(fs::exists(lib), "the open-logging library is built beside the tests: " << lib);
  const std::string log = cwd + "/opened.log";
  ProcessResult r = RunPlangen(cwd, args, 120, {"LD_PRELOAD=" + lib, "PLANGEN_OPEN_LOG=" + log});
  *exit = r.exit >= 0 && r.exit < 128 ? r.exit : -1;
  BOOST_TEST_MESSAGE(r.out + r.err);
  std::vector<std::string> opened;
  std::istringstream lines(ReadAll(log));
  for (std::string line; std::getline(lines, line);) opened.push_back(line);
  return opened;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(input_reads)

BOOST_AUTO_TEST_CASE(build_reads_each_input_once_and_packages_those_bytes) {
  SampleCopy sample;
  CompileOptions o = sample.Options();
  Compilation c;
  Compile(o, c);
  BOOST_REQUIRE(c.plan_read && c.profile_read);
  AuditPackage package;
  BOOST_REQUIRE(EmitAndPackage(o, c, &package));

  // Every input, and only inputs, went through the source manager, each exactly once.
  std::vector<std::string> names;
  for (const auto& [path, input] : c.sources.Inputs()) {
    BOOST_TEST(input.reads == 1, path << " was read " << input.reads << " times");
    names.push_back(fs::path(path).filename().string());
  }
  std::sort(names.begin(), names.end());
  BOOST_TEST(names == (std::vector<std::string>{"pchat01.contoso.com.xlsx", "plan.xml", "pool01.contoso.com.xlsx",
                                                "profile.xml", "se01.dublin.contoso.com.xml", "topology.tbxml",
                                                "waivers.xml"}),
             boost::test_tools::per_element());

  // The package's inputs are those bytes, which are also the files on disk.
  std::map<std::string, std::string> inputs = InputMembers(package);
  BOOST_TEST(inputs.size() == c.sources.Inputs().size());
  auto same = [&](const std::string& member, const fs::path& file) {
    BOOST_TEST_CONTEXT(member) {
      BOOST_REQUIRE(inputs.count(member));
      const std::string* kept = c.sources.InputBytes(file.string());
      BOOST_REQUIRE(kept);
      BOOST_TEST(inputs[member] == *kept);
      BOOST_TEST(inputs[member] == ReadAll(file));
    }
  };
  same("inputs/plan.xml", sample.dir / "plan.xml");
  same("inputs/parts/waivers.xml", sample.dir / "parts/waivers.xml");
  same("inputs/worksheets/pool01.contoso.com.xlsx", sample.dir / "returned/pool01.contoso.com.xlsx");
  same("inputs/topology/topology.tbxml", sample.dir / "topology.tbxml");
}

BOOST_AUTO_TEST_CASE(package_holds_what_was_checked_when_files_change_after_the_check) {
  SampleCopy sample;
  CompileOptions o = sample.Options();
  const std::string plan = ReadAll(sample.dir / "plan.xml");
  const std::string part = ReadAll(sample.dir / "parts/waivers.xml");
  const std::string book = ReadAll(sample.dir / "returned/se01.dublin.contoso.com.xml");
  const std::string topology = ReadAll(sample.dir / "topology.tbxml");
  Compilation c;
  Compile(o, c);
  BOOST_REQUIRE(c.plan_read && c.profile_read);

  const std::string pchat = ReadAll(sample.dir / "returned/pchat01.contoso.com.xlsx");

  // Between the check and the package, every input changes on disk, two disappear, and a
  // workbook that was not checked appears in the folder of returned worksheets.
  WriteAll(sample.dir / "plan.xml", plan + "<!-- changed after the check -->\n");
  WriteAll(sample.dir / "returned/se01.dublin.contoso.com.xml", "not what was checked");
  WriteAll(sample.dir / "topology.tbxml", "");
  fs::remove(sample.dir / "parts/waivers.xml");
  fs::remove(sample.dir / "returned/pchat01.contoso.com.xlsx");
  WriteAll(sample.dir / "returned/late.xml", "not checked");

  AuditPackage package;
  BOOST_REQUIRE(EmitAndPackage(o, c, &package));
  std::map<std::string, std::string> inputs = InputMembers(package);
  BOOST_TEST(inputs["inputs/plan.xml"] == plan);
  BOOST_TEST(inputs["inputs/parts/waivers.xml"] == part);
  BOOST_TEST(inputs["inputs/worksheets/se01.dublin.contoso.com.xml"] == book);
  BOOST_TEST(inputs["inputs/topology/topology.tbxml"] == topology);
  BOOST_TEST(inputs["inputs/worksheets/pchat01.contoso.com.xlsx"] == pchat);
  BOOST_TEST(inputs.count("inputs/worksheets/late.xml") == 0u);
  BOOST_TEST(inputs.size() == c.sources.Inputs().size());
  for (const auto& [path, input] : c.sources.Inputs()) BOOST_TEST(input.reads == 1, path);
}

BOOST_AUTO_TEST_CASE(a_worksheet_that_cannot_be_read_is_refused_at_its_one_opening) {
  SampleCopy sample;
  BOOST_REQUIRE(mkfifo((sample.dir / "pipe.xml").c_str(), 0600) == 0);
  CompileOptions o = sample.Options();
  o.worksheets.push_back((sample.dir / "pipe.xml").string());
  o.worksheets.push_back((sample.dir / "missing.xlsx").string());
  Compilation c;
  Compile(o, c);
  // Each is reported by the reader (PG0001), the run exits 2, and neither counts as read.
  BOOST_TEST(c.unreadable);
  int unreadable = 0;
  for (const Diagnostic* d : c.diags.Sorted()) unreadable += d->id == DiagId::err_file_unreadable;
  BOOST_TEST(unreadable == 2);
  BOOST_TEST(c.sources.InputBytes((sample.dir / "pipe.xml").string()) == nullptr);
  BOOST_TEST(c.sources.InputBytes((sample.dir / "missing.xlsx").string()) == nullptr);
  for (const auto& [path, input] : c.sources.Inputs()) BOOST_TEST(input.reads == 1, path);
}

BOOST_AUTO_TEST_CASE(plangen_build_opens_each_input_file_once) {
  // The binary itself, watched at the C library: whatever path the code takes, each input file
  // (plan, part, profile, every returned workbook) is opened exactly once, and so is the folder
  // of returned worksheets.
  SampleCopy sample;
  const fs::path work = sample.dir;
  int exit = -1;
  std::vector<std::string> opened =
      OpenedBy(work.string(), {"build", "plan.xml", "--as-of", "2026-12-01", "--worksheets", "returned", "-o", "out"}, &exit);
  BOOST_REQUIRE(exit == 0);
  BOOST_REQUIRE(fs::exists(work / "out/audit"));
  std::map<std::string, int> opens;
  for (const std::string& p : opened) {
    std::error_code ec;
    fs::path full = fs::path(p).is_absolute() ? fs::path(p) : work / p;
    opens[fs::weakly_canonical(full, ec).string()]++;
  }
  auto canonical = [](const fs::path& p) { return fs::weakly_canonical(p).string(); };
  std::vector<fs::path> inputs = {work / "plan.xml", work / "parts/waivers.xml", work / "returned",
                                  fs::path(testing::SourceRoot()) / "worksheets/lync-server-2013/profile.xml"};
  for (const auto& e : fs::directory_iterator(work / "returned")) inputs.push_back(e.path());
  BOOST_TEST(inputs.size() == 7u);
  for (const fs::path& p : inputs) BOOST_TEST(opens[canonical(p)] == 1, p.string() << " was opened " << opens[canonical(p)] << " times");
}

BOOST_AUTO_TEST_CASE(workbook_parts_are_written_in_memory_or_beside_the_output_never_in_tmpdir) {
  // libxlsxwriter writes each part of a workbook to a temporary file: a build points it at a
  // memory file system when there is one, else at a scratch directory beside the output (removed
  // by the next build if this one is killed), so a killed build never litters $TMPDIR.
  const std::string memory = MemoryFileSystemDir();
  BOOST_TEST_MESSAGE("workbook parts go to " << (memory.empty() ? "the scratch directory beside the output" : memory));
  SampleCopy sample;
  const fs::path work = sample.dir;
  int exit = -1;
  std::vector<std::string> opened =
      OpenedBy(work.string(), {"build", "plan.xml", "--as-of", "2026-12-01", "--quiet", "-o", "out"}, &exit);
  BOOST_REQUIRE(exit == 0);
  size_t in_scratch = 0;
  for (const std::string& p : opened) {
    if (fs::path(p).filename().string().rfind("tmp.", 0) != 0) continue;
    const bool scratch = memory.empty() ? p.find("/.out.plangen-staging.") != std::string::npos
                                        : p.compare(0, memory.size() + 1, memory + "/") == 0;
    BOOST_TEST(scratch, p << " is a temporary file outside " << (memory.empty() ? "the scratch directory" : memory));
    if (scratch) ++in_scratch;
  }
  BOOST_TEST(in_scratch > 20u, in_scratch << " workbook parts written where they belong");
  for (const auto& e : fs::directory_iterator(work)) {
    BOOST_TEST(e.path().filename().string().find("plangen-staging") == std::string::npos, e.path());
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

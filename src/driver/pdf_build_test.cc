// plangen build --pdf end to end: the PDF files it adds to the output, the MANIFEST, the index and
// the role bundles, a rebuild that verify accepts, and a machine without the fonts.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "audit/zip_reader.h"
#include "driver/commands.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace fs = std::filesystem;

namespace plangen {
namespace {

using testing::TempDir;
using testing::ReadAll;

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
  std::cout.rdbuf(sink.rdbuf());
  int code = RunCommandLine(args, env);
  std::cout.rdbuf(saved);
  return code;
}

int BuildSample(const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"build", "samples/contoso/plan.xml", "--as-of", "2026-12-01", "--quiet", "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  return Run(args);
}

std::string PackageIn(const std::string& out) {
  std::vector<std::string> zips;
  for (const auto& e : fs::directory_iterator(out + "/audit")) zips.push_back(e.path().string());
  BOOST_REQUIRE(zips.size() == 1u);
  return zips[0];
}

// The member paths the MANIFEST lists ("<sha256>  <path>" lines).
std::set<std::string> ManifestPaths(const std::string& zip) {
  audit::ZipContents z = audit::ReadZipFile(zip, audit::ZipLimits());
  std::set<std::string> paths;
  for (const auto& e : z.entries) {
    if (e.name != "MANIFEST") continue;
    std::istringstream lines(e.data);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t sep = line.find("  ");
      if (sep != std::string::npos) paths.insert(line.substr(sep + 2));
    }
  }
  return paths;
}

std::set<std::string> ZipNames(const std::string& zip) {
  std::set<std::string> names;
  for (const auto& e : audit::ReadZipFile(zip, audit::ZipLimits()).entries) names.insert(e.name);
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_build)

// --pdf adds exactly a PDF runbook per role and the PDF checklist, in the output directory, the
// MANIFEST, the index and each role's bundle; every other output keeps its bytes.
BOOST_AUTO_TEST_CASE(pdf_adds_exactly_the_pdf_files) {
  InSourceRoot root;
  TempDir t;
  const std::string plain = t.path + "/plain", with = t.path + "/with";
  BOOST_REQUIRE(BuildSample(plain) == 0);
  BOOST_REQUIRE(BuildSample(with, {"--pdf"}) == 0);
  std::set<std::string> before = ManifestPaths(PackageIn(plain)), after = ManifestPaths(PackageIn(with));
  std::set<std::string> added;
  for (const std::string& p : after)
    if (!before.count(p)) added.insert(p);
  std::set<std::string> expected;
  for (const auto& e : fs::directory_iterator(plain + "/runbooks")) {
    if (e.path().extension() == ".html") expected.insert("outputs/runbooks/" + e.path().stem().string() + ".pdf");
  }
  BOOST_TEST(expected.size() == 8u);
  expected.insert("outputs/checklists/validation.pdf");
  BOOST_TEST(added == expected);
  for (const std::string& p : before) BOOST_TEST(after.count(p) == 1u, p);
  for (const std::string& p : expected) BOOST_TEST(fs::exists(with + "/" + p.substr(8)), p);
  const std::string index = ReadAll(with + "/index.html");
  BOOST_TEST(index.find("runbooks/lync-ops.pdf") != std::string::npos);
  BOOST_TEST(ReadAll(plain + "/index.html").find(".pdf") == std::string::npos);
  // The bundle holds the PDF beside the role's other runbooks.
  std::set<std::string> bundle = ZipNames(with + "/distribution/lync-ops.zip");
  BOOST_TEST(bundle.count("runbooks/lync-ops.pdf") == 1u);
  BOOST_TEST(bundle.count("runbooks/lync-ops.html") == 1u);
  BOOST_TEST(ZipNames(plain + "/distribution/lync-ops.zip").count("runbooks/lync-ops.pdf") == 0u);
  // verify rebuilds with --pdf, as the package's PDF members say, and finds the same bytes.
  BOOST_TEST(Run({"verify", PackageIn(with), "--plan", "samples/contoso/plan.xml"}) == 0);
  // A build for one role also makes its PDF.
  const std::string one = t.path + "/one";
  BOOST_REQUIRE(BuildSample(one, {"--pdf", "--role", "dba"}) == 0);
  BOOST_TEST(ReadAll(one + "/runbooks/dba.pdf") == ReadAll(with + "/runbooks/dba.pdf"));
}

// Without the pinned fonts (fontconfig given no font folder), the build says which font is
// missing, exits 1 and writes nothing.
BOOST_AUTO_TEST_CASE(missing_font_fails_the_build_and_writes_nothing) {
  std::error_code ec;
  std::string exe = (fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "plangen").string();
  if (const char* bin = std::getenv("PLANGEN_BIN")) exe = bin;
  BOOST_REQUIRE_MESSAGE(!ec && fs::exists(exe), "no plangen binary at " << exe);
  InSourceRoot root;
  TempDir t;
  const std::string conf = t.path + "/fonts.conf", out = t.path + "/out", log = t.path + "/log";
  std::ofstream(conf) << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n<cachedir>" +
                             t.path + "/cache</cachedir>\n</fontconfig>\n";
  const std::string cmd = "FONTCONFIG_FILE=" + conf + " '" + exe +
                          "' build samples/contoso/plan.xml --as-of 2026-12-01 --quiet --pdf -o " + out + " >" + log + " 2>&1";
  int status = std::system(cmd.c_str());
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 1);
  const std::string said = ReadAll(log);
  BOOST_TEST(said.find("PG3180") != std::string::npos, said);
  BOOST_TEST(said.find("the font 'DejaVu Sans' is not installed") != std::string::npos, said);
  BOOST_TEST(!fs::exists(out + "/index.html"));
  BOOST_TEST(!fs::exists(out + "/runbooks"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

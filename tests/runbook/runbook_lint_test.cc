// The runbook lint and the profile's step conditions: a profile that would put each forbidden
// thing into a runbook gets each finding once, with the plan and profile locations; a profile
// with malformed conditions is reported where it is wrong; and the Contoso sample's runbooks hold
// the commands its topology needs and nothing else.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "diag/printers.h"
#include "driver/compile.h"
#include "emit/procedure_expansion.h"
#include "load/profile_loader.h"
#include "test_paths.h"

namespace plangen {
namespace {

using testing::DataPath;
using testing::SourceRoot;

// Findings of the given code block ("PG316", "PG151"), in order, as the text printer writes them.
std::string FindingsOf(const DiagEngine& diags, const std::string& prefix) {
  std::string out;
  for (const Diagnostic* d : diags.Sorted()) {
    std::string text = FormatText(diags, *d);
    if (text.find("[" + prefix) == std::string::npos) continue;
    // Paths relative to the source tree, as a reader of the test sees them.
    const std::string root = SourceRoot() + "/";
    for (size_t at = text.find(root); at != std::string::npos; at = text.find(root)) text.erase(at, root.size());
    out += text;
  }
  return out;
}

// The expected findings, kept beside the inputs that produce them. PLANGEN_UPDATE_GOLDEN=1 writes
// them anew (read the diff).
std::string Expected(const std::string& rel, const std::string& actual) {
  const std::string path = DataPath(rel);
  if (const char* u = std::getenv("PLANGEN_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Compiled {
  CompileOptions options;
  Compilation c;
  Compiled(const std::string& plan, const std::string& profiles) {
    options.plan_path = plan;
    options.profiles_dir = profiles;
    options.as_of = *ParseDate("2026-12-01");
    Compile(options, c);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(runbook_lint)

BOOST_AUTO_TEST_CASE(each_forbidden_runbook_step_is_an_error_located_in_plan_and_profile) {
  Compiled k(DataPath("profiles/lint/plan.xml"), DataPath("profiles/lint"));
  BOOST_REQUIRE(k.c.profile_read);
  const std::string found = FindingsOf(k.c.diags, "PG316");
  BOOST_TEST(found == Expected("profiles/lint/expected-findings.txt", found));
  // Every code of the lint, each where the profile puts it; the step filtered out by its
  // condition ("when=paired") and the step bound to a database backup give none.
  for (const char* code : {"PG3160", "PG3161", "PG3162", "PG3163", "PG3164"}) {
    BOOST_TEST(found.find(code) != std::string::npos, code);
  }
  BOOST_TEST(found.find("step 2 of procedure 'restore-server'") == std::string::npos);
  BOOST_TEST(found.find("step 4 of procedure 'restore-server'") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_conditions_are_reported_where_they_are_written) {
  SourceManager sm;
  DiagEngine diags(sm);
  Profile p;
  const std::string display = "tests/data/profiles/bad-conditions/profile.xml";
  BOOST_REQUIRE(LoadProfileFile(DataPath("profiles/bad-conditions/profile.xml"), display, &p, sm, diags));
  std::string out;
  for (const Diagnostic* d : diags.Sorted()) out += FormatText(diags, *d);
  BOOST_TEST(out == Expected("profiles/bad-conditions/expected-findings.txt", out));
  BOOST_TEST(out.find("PG1510") != std::string::npos);
  BOOST_TEST(out.find("PG1511") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

// The returned Validation Log reaches the outputs: status in the checklists, history in the
// auditor's summary.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "driver/compile.h"
#include "emit/emitters.h"
#include "test_paths.h"
#include "util/data_dir.h"

using namespace plangen;

namespace {

struct Built {
  Compilation c;
  OutputSet out;
  Built(bool with_worksheets, const std::string& as_of) {
    CompileOptions o;
    o.plan_path = "samples/contoso/plan.xml";
    o.as_of = *ParseDate(as_of);
    if (with_worksheets) o.worksheets = {"samples/contoso/returned"};
    char cwd[4096];
    bool moved = getcwd(cwd, sizeof cwd) != nullptr && chdir(testing::SourceRoot().c_str()) == 0;
    Compile(o, c);
    TemplateSet templates("", testing::SourceRoot() + "/templates");
    EmitContext ctx{c.plan, c.profile, o.as_of, false, templates, c.diags, c.sources,
                    c.has_worksheets ? &c.returned : nullptr};
    RunEmitters(ctx, out);
    if (moved && chdir(cwd) != 0) return;
  }
  const std::string& Get(const std::string& p) const { return out.files().at(p); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(worksheets)

BOOST_AUTO_TEST_CASE(validation_log_fills_checklist_status_and_summary_history) {
  Built b(true, "2026-12-01");
  const std::string& md = b.Get("checklists/validation.md");
  BOOST_TEST(md.find("| Validation Log sheet | passed on 2026-11-30 by lync-ops (PT20M) |") != std::string::npos,
             md.substr(0, 2000));
  // V4's records are kept elsewhere, and nobody logged it: the checklist says so.
  BOOST_TEST(md.find("not in the Validation Log") != std::string::npos);
  const std::string& summary = b.Get("summary.html");
  BOOST_TEST(summary.find("<li>2026-11-14: V3 of file-store by Dana Whitfield (incident-manager): pass, 4 h 10 min</li>") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(entries_after_as_of_do_not_count) {
  Built b(true, "2026-11-20");
  const std::string& md = b.Get("checklists/validation.md");
  BOOST_TEST(md.find("passed on 2026-11-30") == std::string::npos);
  BOOST_TEST(md.find("passed on 2026-11-14 by incident-manager") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(without_worksheets_status_stays_empty) {
  Built b(false, "2026-12-01");
  BOOST_TEST(b.Get("checklists/validation.md").find("Validation Log |") == std::string::npos);
  BOOST_TEST(b.Get("summary.html").find("No worksheets were given to this build") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

#include <boost/test/unit_test.hpp>

#include "diag/printers.h"
#include "plan_fixture.h"
#include "test_paths.h"
#include "tmpl/templates.h"

using namespace plangen;

namespace {

std::string Findings(const DiagEngine& diags) {
  std::string out;
  for (const Diagnostic* d : diags.Sorted()) out += CodeString(d->id) + " " + d->message + "\n";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(user_folder_overrides_one_template_and_keeps_the_others) {
  testing::TempDir dir;
  dir.Write("runbook/runbook.md.mustache", "CUSTOM {{role_name}}\n");
  TemplateSet set(dir.path(), testing::SourceRoot() + "/templates");
  SourceManager sm;
  DiagEngine diags(sm);
  TemplateData data;
  data.set("role_name", std::string("Ops *team*"));
  std::string out;
  BOOST_TEST(set.Render("runbook/runbook.md.mustache", data, &out, diags, sm));
  BOOST_TEST(out == "CUSTOM Ops \\*team\\*\n");  // Markdown escaping follows the file's format
  // A template the folder does not override comes from plangen's own set.
  dir.Write("x.html.mustache", "<p>{{role_name}}</p>");
  BOOST_TEST(set.Render("x.html.mustache", data, &out, diags, sm));
  BOOST_TEST(out == "<p>Ops *team*</p>");
  BOOST_TEST(Findings(diags) == "");
}

BOOST_AUTO_TEST_CASE(missing_key_syntax_error_and_missing_template_are_findings) {
  testing::TempDir dir;
  dir.Write("a.md.mustache", "{{role_nmae}}");
  dir.Write("b.md.mustache", "{{#open}}never closed");
  TemplateSet set(dir.path(), testing::SourceRoot() + "/templates");
  SourceManager sm;
  DiagEngine diags(sm);
  TemplateData data;
  data.set("role_name", std::string("x"));
  std::string out;
  BOOST_TEST(!set.Render("a.md.mustache", data, &out, diags, sm));
  BOOST_TEST(!set.Render("b.md.mustache", data, &out, diags, sm));
  BOOST_TEST(!set.Render("none.md.mustache", data, &out, diags, sm));
  std::string f = Findings(diags);
  BOOST_TEST(f.find("PG3053 template uses 'role_nmae', which the data for this output does not have") != std::string::npos, f);
  BOOST_TEST(f.find("PG3052 template syntax error: Unclosed section \"open\" at 0") != std::string::npos, f);
  BOOST_TEST(f.find("PG3051 template 'none.md.mustache' was not found") != std::string::npos, f);
}

BOOST_AUTO_TEST_CASE(escapes_per_format) {
  BOOST_TEST(EscapeHtml("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;");
  BOOST_TEST(EscapeMarkdown("a|b](c)*d\ne") == "a\\|b\\](c)\\*d<br>e");
  BOOST_TEST(EscapeMarkdown("- item") == "\\- item");
}

BOOST_AUTO_TEST_CASE(xml_escaping_leaves_out_what_xml_forbids) {
  BOOST_TEST(EscapeXml("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
  // Tab and line feed stay; other C0 controls, carriage returns, U+FFFE and U+FFFF go.
  BOOST_TEST(EscapeXml(std::string("x\ty\nz\r\x01\x0b\x1f") + "\xEF\xBF\xBE\xEF\xBF\xBFw") == "x\ty\nzw");
  // Other characters, U+FFFD and the rest of UTF-8, are kept.
  BOOST_TEST(EscapeXml("\xEF\xBF\xBD \xC3\xA9") == "\xEF\xBF\xBD \xC3\xA9");
}

BOOST_AUTO_TEST_SUITE_END()

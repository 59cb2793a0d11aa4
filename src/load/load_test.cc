#include <boost/test/unit_test.hpp>

#include <chrono>

#include "load/xml_input.h"
#include "plan_fixture.h"

using namespace plangen;
using plangen::testing::CheckPlanText;

namespace {

const char* kHead = "<plan xmlns=\"urn:plangen:plan:1\" id=\"p\" version=\"1\" profile=\"lync-server-2013\">\n";

std::string PlanXml(const std::string& body) { return std::string(kHead) + "  <title>T</title>\n" + body + "</plan>\n"; }

// Parses `bytes` as an XML file and returns the findings as text.
std::string ParseText(const std::string& bytes, bool* ok = nullptr) {
  SourceManager sm;
  DiagEngine diags(sm);
  XmlDocument doc;
  bool r = ParseXml("in.xml", bytes, &doc, sm, diags);
  if (ok) *ok = r;
  std::string out;
  for (const Diagnostic* d : diags.Sorted()) out += FormatText(diags, *d);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(load)

BOOST_AUTO_TEST_CASE(unknown_element_with_suggestion_and_caret) {
  std::string out = CheckPlanText(PlanXml("  <roles>\n    <rol id=\"a\" kind=\"team\"/>\n  </roles>\n"));
  BOOST_TEST(out ==
             "plan.xml:4:5: error: unknown element 'rol' in 'roles'; did you mean 'role'? [PG1101]\n"
             "    <rol id=\"a\" kind=\"team\"/>\n"
             "    ^\n");
}

BOOST_AUTO_TEST_CASE(unknown_attribute_points_at_the_attribute) {
  std::string out = CheckPlanText(PlanXml("  <roles>\n    <role id=\"a\" kind=\"team\" nme=\"A\"/>\n  </roles>\n"));
  BOOST_TEST(out ==
             "plan.xml:4:30: error: unknown attribute 'nme' on 'role'; did you mean 'name'? [PG1102]\n"
             "    <role id=\"a\" kind=\"team\" nme=\"A\"/>\n"
             "                             ^\n");
}

BOOST_AUTO_TEST_CASE(duplicate_id_has_a_note_at_the_first) {
  std::string out = CheckPlanText(PlanXml("  <roles>\n    <role id=\"a\" kind=\"team\"/>\n    <role id=\"a\" kind=\"team\"/>\n  </roles>\n"));
  BOOST_TEST(out ==
             "plan.xml:5:15: error: duplicate role 'a' [PG1201]\n"
             "    <role id=\"a\" kind=\"team\"/>\n"
             "              ^\n"
             "plan.xml:4:15: note: previous definition is here\n"
             "    <role id=\"a\" kind=\"team\"/>\n"
             "              ^\n");
}

BOOST_AUTO_TEST_CASE(dangling_reference_suggests) {
  std::string out = CheckPlanText(PlanXml("  <roles>\n    <role id=\"ops\" kind=\"team\"/>\n  </roles>\n"
                                       "  <governance reviewer=\"opss\"/>\n"));
  BOOST_TEST(out ==
             "plan.xml:6:25: error: role 'opss' is not defined; did you mean 'ops'? [PG1203]\n"
             "  <governance reviewer=\"opss\"/>\n"
             "                        ^\n");
}

BOOST_AUTO_TEST_CASE(bad_duration_date_and_schedule) {
  std::string out = CheckPlanText(PlanXml("  <governance review-interval=\"PT\" last-reviewed=\"2026-13-01\"/>\n"));
  BOOST_TEST(out ==
             "plan.xml:3:32: error: 'PT' is not an ISO 8601 duration [PG1301]\n"
             "  <governance review-interval=\"PT\" last-reviewed=\"2026-13-01\"/>\n"
             "                               ^\n"
             "plan.xml:3:51: error: '2026-13-01' is not an ISO 8601 date; that day does not exist [PG1302]\n"
             "  <governance review-interval=\"PT\" last-reviewed=\"2026-13-01\"/>\n"
             "                                                  ^\n");
}

BOOST_AUTO_TEST_CASE(missing_required_value) {
  std::string out = CheckPlanText(std::string(kHead) + "</plan>\n");
  BOOST_TEST(out ==
             "plan.xml:1:1: error: 'plan' needs a 'title' element [PG1103]\n" + std::string(kHead) + "^\n");
}

BOOST_AUTO_TEST_CASE(wrong_namespace) {
  std::string out = CheckPlanText("<plan xmlns=\"urn:plangen:plan:2\"/>\n");
  BOOST_TEST(out ==
             "plan.xml:1:1: error: root element is 'plan' in namespace 'urn:plangen:plan:2'; expected 'plan' in "
             "namespace 'urn:plangen:plan:1' [PG1010]\n"
             "<plan xmlns=\"urn:plangen:plan:2\"/>\n"
             "^\n");
}

BOOST_AUTO_TEST_CASE(malformed_xml_has_line_and_column) {
  std::string out = ParseText("<a>\n  <b>\n</a>\n");
  BOOST_TEST(out ==
             "in.xml:3:3: error: malformed XML: start-end tags mismatch [PG1001]\n"
             "</a>\n"
             "  ^\n");
}

BOOST_AUTO_TEST_CASE(utf16_plan_reads_like_utf8_with_the_same_positions) {
  std::string utf8 = PlanXml("  <roles>\n    <rol id=\"é\" kind=\"team\"/>\n  </roles>\n");
  std::string utf16 = "\xFF\xFE";
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    size_t len = 1;
    if (c >= 0xC0) { cp = ((c & 0x1F) << 6) | (utf8[i + 1] & 0x3F); len = 2; }
    utf16.push_back(static_cast<char>(cp & 0xFF));
    utf16.push_back(static_cast<char>(cp >> 8));
    i += len;
  }
  BOOST_TEST(CheckPlanText(utf16) == CheckPlanText(utf8));
  BOOST_TEST(CheckPlanText("\xEF\xBB\xBF" + utf8) == CheckPlanText(utf8));
}

BOOST_AUTO_TEST_CASE(hostile_doctype_with_nested_entities) {
  bool ok = true;
  std::string out = ParseText(
      "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n<a>&lol2;</a>", &ok);
  BOOST_TEST(!ok);
  BOOST_TEST(out.find("in.xml:2:1: error: document type declarations are not allowed [PG1002]") == 0);
}

BOOST_AUTO_TEST_CASE(hostile_external_entity) {
  bool ok = true;
  std::string out = ParseText("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", &ok);
  BOOST_TEST(!ok);
  BOOST_TEST(out.find("[PG1002]") != std::string::npos);
  BOOST_TEST(out.find("root:") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(hostile_truncated_empty_not_xml_and_nul) {
  bool ok = true;
  BOOST_TEST(ParseText("<plan xmlns=\"urn:plangen:plan:1\"><title>", &ok).find("in.xml:1:40: error: malformed XML: start-end tags mismatch") == 0);
  BOOST_TEST(!ok);
  BOOST_TEST(ParseText("", &ok) == "in.xml:1:1: error: file is empty [PG1004]\n");
  BOOST_TEST(ParseText("PK\x03\x04 this is a zip, not XML", &ok).find("error: malformed XML") != std::string::npos);
  BOOST_TEST(ParseText(std::string("<a>x\0y</a>", 10), &ok) ==
             "in.xml:1:5: error: file contains a NUL byte [PG1003]\n<a>x\n    ^\n");
}

BOOST_AUTO_TEST_CASE(hostile_million_nested_elements) {
  std::string deep;
  deep.reserve(9000000);
  deep += std::string(kHead) + "<title>T</title><roles>";
  for (int i = 0; i < 1000000; ++i) deep += "<r>";
  for (int i = 0; i < 1000000; ++i) deep += "</r>";
  deep += "</roles></plan>";
  int errors = 0;
  std::string out = CheckPlanText(deep, "2026-12-01", &errors);
  BOOST_TEST(errors == 1);  // the first unknown element only: nothing below it is walked
  BOOST_TEST(out.find("unknown element 'r' in 'roles'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hostile_hundred_megabyte_text_node) {
  std::string big = std::string(kHead) + "<title>" + std::string(100u << 20, 'x') + "</title></plan>";
  int errors = 0;
  std::string out = CheckPlanText(big, "2026-12-01", &errors);
  BOOST_TEST(errors == 1);
  BOOST_TEST(out.find("error: the text of 'title' is 104857600 characters long, more than the limit of 32767 [PG1105]") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(include_cycle_and_missing_part) {
  plangen::testing::TempDir dir;
  dir.Write("part.xml", "<plan-part xmlns=\"urn:plangen:plan:1\"><include href=\"part.xml\"/></plan-part>");
  std::string main = dir.Write("plan.xml", PlanXml("  <include href=\"part.xml\"/>\n  <include href=\"gone.xml\"/>\n"));
  CompileOptions o;
  o.plan_path = main;
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  std::string out;
  for (const Diagnostic* d : c.diags.Sorted()) out += c.diags.sources().Name(d->loc.file) + ": " + d->message + "\n";
  BOOST_TEST(out.find("cannot include 'gone.xml': no such file") != std::string::npos);
  BOOST_TEST(out.find("cannot include 'part.xml': it includes itself (a cycle)") != std::string::npos);
}

// A part in parts/ including its neighbour: findings name parts/b.xml, the file that holds them.
BOOST_AUTO_TEST_CASE(findings_in_a_nested_part_name_its_own_path) {
  plangen::testing::TempDir dir;
  dir.Write("parts/a.xml", "<plan-part xmlns=\"urn:plangen:plan:1\"><include href=\"b.xml\"/></plan-part>");
  dir.Write("parts/b.xml", "<plan-part xmlns=\"urn:plangen:plan:1\">\n<roles><role id=\"x\" kind=\"crew\"/></roles></plan-part>");
  std::string main = dir.Write("plan.xml", PlanXml("  <include href=\"parts/a.xml\"/>\n"));
  CompileOptions o;
  o.plan_path = main;
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  std::vector<std::string> files;
  for (const Diagnostic* d : c.diags.Sorted()) {
    if (d->id == DiagId::err_xml_bad_value) files.push_back(c.diags.sources().Name(d->loc.file));
  }
  BOOST_TEST(files == std::vector<std::string>{dir.path() + "/parts/b.xml"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

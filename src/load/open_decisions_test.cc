// The loader records every TODO placeholder of a plan and its parts as an open decision: where,
// which element, which attribute, and the allowed values where the attribute takes a closed set.
#include <boost/test/unit_test.hpp>

#include "load/plan_loader.h"
#include "plan_fixture.h"

using namespace plangen;
using plangen::testing::CheckPlanText;
using plangen::testing::TempDir;

namespace {

const char* kPlan = R"(<plan xmlns="urn:plangen:plan:1" id="p" version="1" profile="lync-server-2013">
  <title>T</title>
  <include href="part.xml"/>
  <roles>
    <role id="ops" kind="TODO-kind" name="Operations"/>
  </roles>
  <governance>
    <decision-criteria><criterion>  TODO: when to restore</criterion></decision-criteria>
  </governance>
  <locations>
    <location id="vault" path="\\vault\share" types="TODO" secure="TODO-secure" offsite="no" extra="TODO-x"/>
  </locations>
</plan>
)";

const char* kPart = R"(<plan-part xmlns="urn:plangen:plan:1">
  <backups>
    <backup id="b1" item="xds" server="fe.example.com" owner="TODO-owner" schedule="daily 02:00" retention="P30D" locations="vault"/>
  </backups>
</plan-part>
)";

struct Seen {
  std::string where, element, attribute, allowed;
};

std::vector<Seen> Decisions(const std::string& dir) {
  SourceManager sm;
  DiagEngine diags(sm);
  Plan plan;
  LoadPlan(dir + "/plan.xml", "plan.xml", &plan, sm, diags);
  std::vector<Seen> out;
  for (const OpenDecision& d : plan.decisions) {
    ResolvedLoc r = sm.Resolve(d.loc);
    std::string allowed;
    for (const std::string& a : d.allowed) allowed += (allowed.empty() ? "" : " ") + a;
    out.push_back({r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column), d.element, d.attribute, allowed});
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(open_decisions)

BOOST_AUTO_TEST_CASE(loader_records_each_placeholder_with_place_element_attribute_and_choices) {
  TempDir dir;
  dir.Write("plan.xml", kPlan);
  dir.Write("part.xml", kPart);
  std::vector<Seen> got = Decisions(dir.path());
  BOOST_REQUIRE_EQUAL(got.size(), 6u);
  auto is = [&](size_t i, const std::string& where, const std::string& element, const std::string& attribute,
                const std::string& allowed) {
    BOOST_TEST_CONTEXT("decision " << i) {
      BOOST_TEST(got[i].where == where);
      BOOST_TEST(got[i].element == element);
      BOOST_TEST(got[i].attribute == attribute);
      BOOST_TEST(got[i].allowed == allowed);
    }
  };
  // The main file in document order, then the part.
  is(0, "plan.xml:5:26", "role 'ops'", "kind", "team individual");
  is(1, "plan.xml:8:37", "criterion of governance", "", "");
  is(2, "plan.xml:11:54", "location 'vault'", "types", "settings database file-store");
  is(3, "plan.xml:11:68", "location 'vault'", "secure", "yes no");
  is(4, "plan.xml:11:101", "location 'vault'", "extra", "");  // an attribute the model does not keep
  is(5, "part.xml:3:63", "backup 'b1'", "owner", "");
}

BOOST_AUTO_TEST_CASE(decisions_pass_reports_the_recorded_decisions_at_their_place) {
  std::string out = CheckPlanText(
      "<plan xmlns=\"urn:plangen:plan:1\" id=\"p\" version=\"1\" profile=\"lync-server-2013\">\n"
      "  <title>T</title>\n"
      "  <roles><role id=\"ops\" kind=\"team\" name=\"TODO-name\"/></roles>\n"
      "</plan>\n",
      "2026-12-01", nullptr, 5101, 5101);
  BOOST_TEST(out ==
             "plan.xml:3:43: error: decision left to make: 'name' of role 'ops' [PG5101]\n"
             "  <roles><role id=\"ops\" kind=\"team\" name=\"TODO-name\"/></roles>\n"
             "                                          ^\n");
}

BOOST_AUTO_TEST_SUITE_END()

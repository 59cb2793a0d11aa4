// schema/plan.xsd and the loader's schema (plan_schema.cc) describe the same format.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <set>

#include <pugixml.hpp>

#include "load/plan_schema.h"
#include "test_paths.h"

using namespace plangen;

BOOST_AUTO_TEST_SUITE(plan_xsd)

BOOST_AUTO_TEST_CASE(xsd_and_loader_name_the_same_elements_and_attributes) {
  pugi::xml_document xsd;
  BOOST_REQUIRE(xsd.load_file((plangen::testing::SourceRoot() + "/schema/plan.xsd").c_str()));
  std::set<std::string> in_xsd_elements, in_xsd_attrs;
  for (pugi::xpath_node n : xsd.select_nodes("//*[local-name()='element'][@name]")) {
    in_xsd_elements.insert(n.node().attribute("name").value());
  }
  for (pugi::xpath_node n : xsd.select_nodes("//*[local-name()='attribute'][@name]")) {
    in_xsd_attrs.insert(n.node().attribute("name").value());
  }
  std::set<std::string> loader_elements{"plan-part"}, loader_attrs;
  for (const auto& [path, rule] : PlanSchema().rules()) {
    loader_elements.insert(path.substr(path.rfind('/') + 1));
    for (const auto& a : rule.attrs) loader_attrs.insert(a.name);
  }
  BOOST_TEST(in_xsd_elements == loader_elements, boost::test_tools::per_element());
  BOOST_TEST(in_xsd_attrs == loader_attrs, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sample_plan_is_valid_against_the_xsd) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
    const char* ci = std::getenv("CI");
    BOOST_REQUIRE_MESSAGE(!(ci && std::string(ci) == "true"), "xmllint is required in CI (libxml2-utils)");
    BOOST_TEST_MESSAGE("SKIPPED: xmllint is not installed (apt-get install libxml2-utils)");
    return;
  }
  std::string root = plangen::testing::SourceRoot();
  std::string cmd = "xmllint --noout --schema '" + root + "/schema/plan.xsd' '" + root +
                    "/samples/contoso/plan.xml' >/dev/null 2>&1";
  BOOST_TEST(std::system(cmd.c_str()) == 0);
  cmd = "xmllint --noout --schema '" + root + "/schema/plan.xsd' '" + root +
        "/samples/contoso-defects/plan.xml' >/dev/null 2>&1";
  BOOST_TEST(std::system(cmd.c_str()) != 0);
}

BOOST_AUTO_TEST_SUITE_END()

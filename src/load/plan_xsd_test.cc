// schema/plan.xsd and the loader's schema (plan_schema.cc) describe the same format.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <map>
#include <set>

#include <pugixml.hpp>

#include "load/plan_schema.h"
#include "outside_program.h"
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

namespace {

using AttrSets = std::map<std::string, std::set<std::string>>;  // element name -> "attr" or "attr!"

// The attributes of one XSD element: those of its own or its named complex type, not those of
// the elements nested in it.
void XsdAttributes(const pugi::xml_document& xsd, pugi::xml_node n, std::set<std::string>* out) {
  for (pugi::xml_node c : n.children()) {
    std::string local = c.name();
    local = local.substr(local.find(':') + 1);
    if (local == "element") continue;
    if (local == "attribute" && c.attribute("name")) {
      out->insert(std::string(c.attribute("name").value()) + (std::string(c.attribute("use").value()) == "required" ? "!" : ""));
      continue;
    }
    XsdAttributes(xsd, c, out);
  }
  std::string type = n.attribute("type").value();
  if (std::string(n.name()).find("element") != std::string::npos && type.rfind("p:", 0) == 0) {
    std::string q = "//*[local-name()='complexType'][@name='" + type.substr(2) + "']";
    if (pugi::xpath_node t = xsd.select_node(q.c_str())) XsdAttributes(xsd, t.node(), out);
  }
}

}  // namespace

// Element by element, the same attributes, and the same ones required (elements of one name in
// several places, such as step or contact, are compared as the union of their attributes).
BOOST_AUTO_TEST_CASE(xsd_and_loader_agree_on_each_elements_attributes_and_what_is_required) {
  pugi::xml_document xsd;
  BOOST_REQUIRE(xsd.load_file((plangen::testing::SourceRoot() + "/schema/plan.xsd").c_str()));
  AttrSets in_xsd, in_loader;
  for (pugi::xpath_node n : xsd.select_nodes("//*[local-name()='element'][@name]")) {
    std::string name = n.node().attribute("name").value();
    if (name == "plan-part") continue;
    XsdAttributes(xsd, n.node(), &in_xsd[name]);
  }
  for (const auto& [path, rule] : PlanSchema().rules()) {
    std::set<std::string>& attrs = in_loader[path.substr(path.rfind('/') + 1)];
    for (const auto& a : rule.attrs) attrs.insert(a.name + (a.required ? "!" : ""));
  }
  for (const auto& [name, attrs] : in_loader) {
    BOOST_TEST_CONTEXT("element '" << name << "'") {
      BOOST_TEST(in_xsd[name] == attrs, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(sample_plan_is_valid_against_the_xsd) {
  if (!plangen::testing::HaveOutsideProgram("xmllint (libxml2-utils)", "command -v xmllint")) return;
  std::string root = plangen::testing::SourceRoot();
  std::string cmd = "xmllint --noout --schema '" + root + "/schema/plan.xsd' '" + root +
                    "/samples/contoso/plan.xml' >/dev/null 2>&1";
  BOOST_TEST(std::system(cmd.c_str()) == 0);
  cmd = "xmllint --noout --schema '" + root + "/schema/plan.xsd' '" + root +
        "/samples/contoso-defects/plan.xml' >/dev/null 2>&1";
  BOOST_TEST(std::system(cmd.c_str()) != 0);
}

BOOST_AUTO_TEST_SUITE_END()

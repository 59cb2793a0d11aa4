#include "diff/plan_diff.h"

#include <boost/test/unit_test.hpp>

#include "load/plan_loader.h"
#include "test_paths.h"

using namespace plangen;

namespace {

Plan Sample() {
  SourceManager sm;
  DiagEngine diags(sm);
  Plan plan;
  const std::string path = testing::SourceRoot() + "/tests/data/diff/base.xml";
  BOOST_REQUIRE(LoadPlan(path, path, &plan, sm, diags));
  return plan;
}

std::vector<std::string> Lines(const Plan& a, const Plan& b) {
  std::vector<std::string> out;
  for (const diff::PlanChange& c : diff::DiffPlans(a, b)) out.push_back(c.Describe());
  return out;
}

Backup* FindBackup(Plan& p, const std::string& id) {
  for (Backup& b : p.backups) {
    if (b.id.value == id) return &b;
  }
  BOOST_FAIL("no backup " + id);
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_diff)

BOOST_AUTO_TEST_CASE(same_plan_has_no_changes) {
  Plan a = Sample();
  BOOST_TEST(Lines(a, Sample()).empty());
}

BOOST_AUTO_TEST_CASE(id_keyed_lists_and_sets_ignore_order_and_fqdn_case) {
  Plan a = Sample();
  Plan b = Sample();
  std::reverse(b.backups.begin(), b.backups.end());
  std::reverse(b.roles.begin(), b.roles.end());
  std::reverse(FindBackup(b, "red-users")->locations.begin(), FindBackup(b, "red-users")->locations.end());
  FindBackup(b, "red-users")->server.value = "SQL01.Contoso.com";
  BOOST_TEST(Lines(a, b).empty());
}

BOOST_AUTO_TEST_CASE(a_changed_value_is_one_line_with_the_plans_own_spelling) {
  Plan a = Sample();
  Plan b = Sample();
  Backup* users = FindBackup(b, "red-users");
  users->schedule.text.value = "weekly sun 03:00";
  users->schedule.value = ParseSchedule("weekly sun 03:00");
  auto lines = Lines(a, b);
  BOOST_TEST(lines.size() == 1u);
  BOOST_TEST(lines.at(0) == "backup 'red-users': schedule daily 02:00 -> weekly sun 03:00");
  auto changes = diff::DiffPlans(a, b);
  BOOST_TEST(changes.at(0).roles == std::vector<std::string>{"lync-ops"});
}

BOOST_AUTO_TEST_CASE(added_and_removed_elements) {
  Plan a = Sample();
  Plan b = Sample();
  Backup extra = *FindBackup(b, "red-users");
  extra.id.value = "red-extra";
  b.backups.push_back(extra);
  b.checks.erase(b.checks.begin());
  auto lines = Lines(a, b);
  BOOST_TEST(lines.size() == 2u);
  BOOST_TEST(lines.at(0) == "backup 'red-extra' added");
  BOOST_TEST(lines.at(1) == "validation '" + a.checks.front().id.value + "' removed");
}

BOOST_AUTO_TEST_CASE(step_order_is_a_change) {
  Plan a = Sample();
  Plan b = Sample();
  Scenario* s = nullptr;
  for (Scenario& x : b.scenarios) {
    if (x.id.value == "se-server") s = &x;
  }
  BOOST_REQUIRE(s);
  std::swap(s->steps[1], s->steps[2]);
  auto lines = Lines(a, b);
  BOOST_TEST(lines.size() == 1u);
  BOOST_TEST(lines.at(0) ==
             "scenario 'se-server': steps reordered: prepare, files, deploy, users, verify -> prepare, deploy, files, users, verify");
}

BOOST_AUTO_TEST_CASE(procedure_steps_without_ids_compare_in_sequence) {
  Plan a = Sample();
  Plan b = Sample();
  BOOST_REQUIRE(!b.procedures.empty());
  Procedure& p = b.procedures.front();
  BOOST_REQUIRE(p.steps.size() >= 2);
  std::swap(p.steps[0], p.steps[1]);
  auto lines = Lines(a, b);
  BOOST_TEST(lines.size() == 2u);
  BOOST_TEST(lines.at(0).find("procedure '" + p.id.value + "': step ") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

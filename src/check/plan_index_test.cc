// The check's lookup tables: what the index looked up once when it was built is what a lookup by
// name gives, in any case, and an element that is not the plan's own is looked up by name.
#include <boost/test/unit_test.hpp>

#include "check/plan_index.h"
#include "check_test_support.h"

using namespace plangen;
using namespace plangen::testing;

namespace {

// The clean plan with a second pool, a backup whose server is written in capitals and a scenario
// covering a pool by id, a pool by FQDN, a server in another case and a name that is neither.
std::string TwoPoolPlan() {
  std::string xml = Replace(CleanPlan(), "      <pool id=\"se\"", R"(      <pool id="edge" fqdn="edge.example.com" edition="standard" kind="file">
        <server fqdn="edge1.example.com" roles="file-server"/>
      </pool>
      <pool id="se")");
  xml = Replace(xml, "  </backups>", R"(    <backup id="edge-files" item="file-store" server="EDGE1.Example.COM" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
  </backups>)");
  return Replace(xml, R"(covers="se.example.com")", R"(covers="se.example.com edge EDGE.example.com Edge1.example.com nowhere.example.com")");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(plan_index)

BOOST_AUTO_TEST_CASE(backups_and_covers_resolve_as_their_names_do) {
  auto c = CompilePlanText(TwoPoolPlan());
  const Plan& plan = c->plan;
  check::PlanIndex pi(plan);
  BOOST_REQUIRE_EQUAL(plan.backups.size(), 2u);
  for (const Backup& b : plan.backups) {
    BOOST_TEST(pi.server_of(b) == pi.server(b.server.value));
    BOOST_TEST(pi.server_of(b) >= 0);
  }
  BOOST_TEST(plan.topology.servers[pi.server_of(plan.backups[1])].fqdn.value == "edge1.example.com");

  const Scenario& sc = plan.scenarios.at(0);
  BOOST_REQUIRE_EQUAL(sc.covers.size(), 5u);
  for (const Ref& cover : sc.covers) {
    BOOST_TEST(pi.server_of(sc, cover) == pi.server(cover.value), cover.value);
    BOOST_TEST(pi.pool_of(sc, cover) == pi.pool(cover.value), cover.value);
  }
  // se.example.com is both a Standard Edition pool and its server.
  BOOST_TEST(pi.server_of(sc, sc.covers[0]) >= 0);
  BOOST_TEST(pi.pool_of(sc, sc.covers[0]) >= 0);
  BOOST_TEST(pi.server_of(sc, sc.covers[1]) == -1);
  BOOST_TEST(plan.topology.pools[pi.pool_of(sc, sc.covers[1])].id.value == "edge");
  BOOST_TEST(pi.pool_of(sc, sc.covers[2]) == pi.pool_of(sc, sc.covers[1]));
  BOOST_TEST(plan.topology.servers[pi.server_of(sc, sc.covers[3])].fqdn.value == "edge1.example.com");
  BOOST_TEST(pi.server_of(sc, sc.covers[4]) == -1);
  BOOST_TEST(pi.pool_of(sc, sc.covers[4]) == -1);
}

BOOST_AUTO_TEST_CASE(elements_that_are_not_the_plans_own_are_looked_up_by_name) {
  auto c = CompilePlanText(TwoPoolPlan());
  const Plan& plan = c->plan;
  check::PlanIndex pi(plan);
  Backup copy = plan.backups[0];
  copy.server.value = "edge1.example.com";
  BOOST_TEST(pi.server_of(copy) == pi.server("edge1.example.com"));
  BOOST_TEST(pi.server_of(copy) != pi.server_of(plan.backups[0]));

  // A scenario of the plan with a ref that is not one of its covers, and a scenario that is not
  // the plan's with the plan's own ref.
  const Scenario& sc = plan.scenarios.at(0);
  Ref other = sc.covers[1];
  other.value = "se.example.com";
  BOOST_TEST(pi.server_of(sc, other) == pi.server("se.example.com"));
  Scenario lone = sc;
  lone.covers = {sc.covers[0]};
  lone.covers[0].value = "edge";
  BOOST_TEST(pi.pool_of(lone, lone.covers[0]) == pi.pool("edge"));
  BOOST_TEST(pi.server_of(lone, lone.covers[0]) == -1);
}

BOOST_AUTO_TEST_CASE(pool_lookups_fold_the_case_of_fqdns_and_of_lower_case_ids) {
  auto c = CompilePlanText(TwoPoolPlan());
  check::PlanIndex pi(c->plan);
  const int edge = pi.pool("edge");
  BOOST_REQUIRE(edge >= 0);
  BOOST_TEST(pi.pool("edge.example.com") == edge);
  BOOST_TEST(pi.pool("Edge.Example.Com") == edge);
  BOOST_TEST(pi.pool("EDGE") == edge);
  BOOST_TEST(pi.pool("edge1.example.com") == -1);
  BOOST_TEST(pi.pool("") == -1);
}

BOOST_AUTO_TEST_CASE(profile_services_are_found_in_any_case) {
  auto c = CompilePlanText(TwoPoolPlan());
  check::ProfileIndex prof(c->profile);
  BOOST_REQUIRE(!c->profile.services.empty());
  const ServiceMapping& first = c->profile.services.front();
  BOOST_TEST(prof.service(first.service.value) == &first);
  BOOST_TEST(prof.service(AsciiLower(first.service.value)) == &first);
  std::string upper = first.service.value;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  BOOST_TEST(prof.service(upper) == &first);
  BOOST_TEST(prof.service("NoSuchService") == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

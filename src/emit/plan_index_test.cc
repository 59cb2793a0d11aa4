// The plan's indexes (backups by pool, server, owner and item, scenarios by role, pools by kind
// and site) answer what a scan of the plan in plan order answers, and the placeholders and
// worksheet views built on them pick the same pools as before.
#include <boost/test/unit_test.hpp>

#include "emit/placeholders.h"
#include "model/plan.h"

namespace plangen {
namespace {

Text T(const std::string& s) { return Text{s, Loc()}; }

// Two sites; site 0 holds the Front End pool "fe0" and the Edge pools "edge0" and "edge1"; site 1
// holds the Front End pool "fe1" and the Edge pool "edge2"; "loose" is in no site. Each Front End
// pool has a server named "fe.<site>.example.com" and a Back End "be.<site>.example.com".
Plan TwoSites() {
  Plan plan;
  plan.topology.sites.resize(2);
  auto pool = [&](const std::string& id, const std::string& kind, int site) {
    Pool p;
    p.id = T(id);
    p.fqdn = T(id + ".example.com");
    p.kind = T(kind);
    p.site = site;
    plan.topology.pools.push_back(p);
    return static_cast<int>(plan.topology.pools.size() - 1);
  };
  auto server = [&](const std::string& fqdn, int pool) {
    Server s;
    s.fqdn = T(fqdn);
    s.pool = pool;
    plan.topology.servers.push_back(s);
    plan.topology.pools[pool].servers.push_back(static_cast<int>(plan.topology.servers.size() - 1));
  };
  int fe0 = pool("fe0", "front-end", 0);
  pool("edge0", "edge", 0);
  pool("edge1", "edge", 0);
  int fe1 = pool("fe1", "front-end", 1);
  pool("edge2", "edge", 1);
  pool("loose", "front-end", -1);
  server("fe.site0.example.com", fe0);
  server("be.site0.example.com", fe0);
  server("fe.site1.example.com", fe1);
  server("be.site1.example.com", fe1);
  auto backup = [&](const std::string& id, const std::string& item, const std::string& server, const std::string& owner) {
    Backup b;
    b.id = T(id);
    b.item = T(item);
    b.server = T(server);
    b.owner = T(owner);
    plan.backups.push_back(b);
  };
  backup("users1", "rtcxds", "BE.site1.example.com", "dba");
  backup("users0", "rtcxds", "be.site0.example.com", "dba");
  backup("xds", "xds", "be.site0.example.com", "ops");
  backup("nowhere", "file-store", "gone.example.com", "ops");
  Scenario s;
  s.id = T("lost");
  s.decider = T("im");
  for (const char* role : {"dba", "ops", "dba"}) {
    ScenarioStep st;
    st.role = T(role);
    s.steps.push_back(st);
  }
  plan.scenarios.push_back(s);
  Scenario t;
  t.id = T("other");
  t.decider = T("ops");
  plan.scenarios.push_back(t);
  return plan;
}

std::vector<std::string> Ids(const std::vector<const Backup*>& bs) {
  std::vector<std::string> out;
  for (const Backup* b : bs) out.push_back(b->id.value);
  return out;
}

std::vector<std::string> PoolIds(const std::vector<const Pool*>& ps) {
  std::vector<std::string> out;
  for (const Pool* p : ps) out.push_back(p->id.value);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_index)

BOOST_AUTO_TEST_CASE(backups_by_pool_owner_and_item_in_plan_order) {
  const Plan plan = TwoSites();
  BOOST_TEST(Ids(plan.BackupsInPool(0)) == (std::vector<std::string>{"users0", "xds"}), boost::test_tools::per_element());
  // The server is named in another case than the topology's: still the pool of site 1.
  BOOST_TEST(Ids(plan.BackupsInPool(3)) == (std::vector<std::string>{"users1"}), boost::test_tools::per_element());
  BOOST_TEST(plan.BackupsInPool(1).empty());
  BOOST_TEST(Ids(plan.BackupsOwnedBy("ops")) == (std::vector<std::string>{"xds", "nowhere"}), boost::test_tools::per_element());
  BOOST_TEST(plan.BackupsOwnedBy("storage").empty());
  BOOST_TEST(plan.FirstBackupOf("rtcxds")->id.value == "users1");
  BOOST_TEST(plan.FirstBackupOf("lis") == nullptr);
}

BOOST_AUTO_TEST_CASE(scenarios_by_role_once_each_in_plan_order) {
  const Plan plan = TwoSites();
  BOOST_REQUIRE_EQUAL(plan.ScenariosOf("dba").size(), 1u);  // two steps, one scenario
  BOOST_TEST(plan.ScenariosOf("dba").front()->id.value == "lost");
  BOOST_REQUIRE_EQUAL(plan.ScenariosOf("ops").size(), 2u);  // a step in one, decides the other
  BOOST_TEST(plan.ScenariosOf("ops")[1]->id.value == "other");
  BOOST_REQUIRE_EQUAL(plan.ScenariosOf("im").size(), 1u);
  BOOST_TEST(plan.ScenariosOf("storage").empty());
}

BOOST_AUTO_TEST_CASE(pools_by_kind_and_site) {
  const Plan plan = TwoSites();
  BOOST_TEST(PoolIds(plan.FirstPoolsOfKind("edge")) == (std::vector<std::string>{"edge0", "edge1"}), boost::test_tools::per_element());
  BOOST_TEST(PoolIds(plan.FirstPoolsOfKindInSite("edge", 1)) == (std::vector<std::string>{"edge2"}), boost::test_tools::per_element());
  // A pool in no site is the only one of its kind in "no site", not one of every site.
  BOOST_TEST(PoolIds(plan.FirstPoolsOfKindInSite("front-end", -1)) == (std::vector<std::string>{"loose"}), boost::test_tools::per_element());
  BOOST_TEST(plan.FirstPoolsOfKindInSite("edge", -1).empty());
  BOOST_TEST(plan.FirstPoolOfKindInAnotherSite("edge")->id.value == "edge2");
  BOOST_TEST(plan.FirstPoolOfKindInAnotherSite("director") == nullptr);
}

BOOST_AUTO_TEST_CASE(edge_placeholders_pick_the_pools_a_scan_would) {
  const Plan plan = TwoSites();
  const Profile profile;
  auto values = [&](int pool) {
    StepContext c;
    c.pool = &plan.topology.pools[pool];
    return ContextPlaceholders(plan, profile, c);
  };
  // The Edge pool of a Front End pool's own site.
  BOOST_TEST(values(0)["edge-pool"] == "edge0.example.com");
  BOOST_TEST(values(3)["edge-pool"] == "edge2.example.com");
  BOOST_TEST(values(5).count("edge-pool") == 0u);  // in no site: no Edge pool shares it
  // Take-over: an Edge pool in another site first, else another in the same site.
  BOOST_TEST(values(1)["takeover-edge-pool"] == "edge2.example.com");
  BOOST_TEST(values(2)["takeover-edge-pool"] == "edge2.example.com");
  BOOST_TEST(values(4)["takeover-edge-pool"] == "edge0.example.com");
  BOOST_TEST(values(0).count("takeover-edge-pool") == 0u);  // not an Edge pool
}

BOOST_AUTO_TEST_CASE(edge_takeover_within_one_site) {
  Plan plan = TwoSites();
  plan.topology.pools[4].site = 0;  // every Edge pool in site 0
  const Profile profile;
  StepContext c;
  c.pool = &plan.topology.pools[1];
  BOOST_TEST(ContextPlaceholders(plan, profile, c)["takeover-edge-pool"] == "edge1.example.com");
  c.pool = &plan.topology.pools[2];
  BOOST_TEST(ContextPlaceholders(plan, profile, c)["takeover-edge-pool"] == "edge0.example.com");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

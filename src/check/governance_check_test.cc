// Governance, approval, validation and procedure-test rules (PG23xx, PG24xx) and the digest.
#include <boost/test/unit_test.hpp>

#include "check/plan_digest.h"
#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(governance)

BOOST_AUTO_TEST_CASE(governance_roles_must_be_named) {
  std::string xml = Replace(CleanPlan(), R"(reviewer="ops" validator="dba" change-approver="boss" )", "");
  auto c = CompilePlanText(xml);
  std::string g = At(xml, "<governance");
  BOOST_TEST(Findings(*c, "PG23") == (Lines{g + ": error: the plan names no reviewer [PG2301]",
                                            g + ": error: the plan names no validator [PG2301]",
                                            g + ": error: the plan names no change approver [PG2301]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(change_approver_may_not_be_the_only_reviewer) {
  std::string xml = Replace(CleanPlan(), R"(change-approver="boss")", R"(change-approver="ops")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG23") == (Lines{At(xml, "ops\" review-interval") + ": warning: change approver 'ops' is also the only reviewer of the plan [PG2305]",
                                            At(xml, "ops\" validator") + ": note: the reviewer is named here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(review_overdue_as_of_the_given_date) {
  auto c = CompilePlanText(CleanPlan(), "2027-04-01");
  BOOST_TEST(Findings(*c, "PG23") == Lines{}, boost::test_tools::per_element());
  c = CompilePlanText(CleanPlan(), "2027-04-02");
  BOOST_TEST(Findings(*c, "PG23") ==
                 Lines{At(CleanPlan(), "2026-10-01\">") + ": warning: plan review is overdue: last reviewed on 2026-10-01, due on 2027-04-01 (every 6 months) [PG2306]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(review_interval_falls_back_to_the_m1_check) {
  std::string xml = Replace(CleanPlan(), R"( review-interval="P6M")", "");
  xml = Replace(xml, R"(kind="M1" interval="P6M")", R"(kind="M1" interval="P1M")");
  auto c = CompilePlanText(xml, "2026-11-02");
  BOOST_TEST(Findings(*c, "PG2306") ==
                 Lines{At(xml, "2026-10-01\">") + ": warning: plan review is overdue: last reviewed on 2026-10-01, due on 2026-11-01 (every 1 month) [PG2306]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(review_dates_must_be_given) {
  std::string xml = Replace(CleanPlan(), R"( review-interval="P6M" last-reviewed="2026-10-01")", "");
  xml = Replace(xml, "    <check id=\"m1\" kind=\"M1\" interval=\"P6M\" owner=\"boss\"/>\n", "");
  auto c = CompilePlanText(xml);
  std::string g = At(xml, "<governance");
  BOOST_TEST(Findings(*c, "PG23") == (Lines{g + ": warning: the plan does not say when it was last reviewed [PG2307]",
                                            g + ": error: the plan sets no review interval [PG2311]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(missing_approval_for_the_current_version) {
  std::string xml = Replace(CleanPlan(), R"(kind="business" by="boss" date="2026-10-02" plan-version="1")",
                            R"(kind="business" by="boss" date="2026-10-02" plan-version="0")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG23") == (Lines{At(xml, "<governance") + ": error: no business approval for plan version '1' [PG2302]",
                                            At(xml, "0\" digest") + ": note: business approval by 'boss' is for version '0'"}),
             boost::test_tools::per_element());
  xml = Replace(CleanPlan(), "    <approval kind=\"technical\" by=\"ops\" date=\"2026-10-03\" plan-version=\"1\" digest=\"@DIGEST@\"/>\n", "");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG23") == Lines{At(xml, "<governance") + ": error: no technical approval for plan version '1' [PG2302]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(approval_with_another_digest_is_stale_and_shows_both) {
  const std::string old = "sha256:" + std::string(64, '0');
  std::string xml = Replace(CleanPlan(), R"(plan-version="1" digest="@DIGEST@"/>
    <approval kind="technical")", R"(plan-version="1" digest=")" + old + R"("/>
    <approval kind="technical")");
  auto c = CompilePlanText(xml);
  const std::string now = plangen::check::PlanDigest(c->plan);
  const Lines expected{At(xml, old) + ": error: business approval by 'boss' is stale: it was given for digest '" + old +
                           "', but the plan's digest is now '" + now + "' [PG2303]",
                       At(xml, "<approval kind=\"business\"") +
                           ": note: 'plangen diff OLD PLAN', with OLD the approved plan or the audit package built from it, "
                           "says what changed since this approval; 'plangen approve' records a new one"};
  BOOST_TEST(Findings(*c, "PG23") == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(any_change_of_meaning_makes_an_approval_stale) {
  // Bind the approvals to the clean plan, then change one estimate.
  auto clean = CompilePlanText(CleanPlan());
  const std::string digest = plangen::check::PlanDigest(clean->plan);
  std::string xml = CleanPlan();
  for (size_t at; (at = xml.find("@DIGEST@")) != std::string::npos;) xml.replace(at, 8, digest);
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2303").empty());
  xml = Replace(xml, R"(role="ops" estimate="PT1H")", R"(role="ops" estimate="PT2H")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2303").size() == 4u);  // two findings, each with its note
}

BOOST_AUTO_TEST_CASE(approval_without_digest_asks_for_it) {
  std::string xml = Replace(CleanPlan(), R"(plan-version="1" digest="@DIGEST@"/>
    <approval kind="technical")", R"(plan-version="1"/>
    <approval kind="technical")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG23") ==
                 Lines{At(xml, "<approval kind=\"business\"") + ": warning: business approval by 'boss' records no plan digest; add digest='" +
                       plangen::check::PlanDigest(c->plan) + "' [PG2304]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(approval_older_than_the_review_interval) {
  std::string xml = CleanPlan();
  auto c = CompilePlanText(xml, "2027-04-03");
  BOOST_TEST(Findings(*c, "PG2308") ==
                 Lines{At(xml, "2026-10-02\" plan") + ": warning: business approval by 'boss' dated 2026-10-02 is older than the review interval of 6 months; it was due for renewal on 2027-04-02 [PG2308]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_validation_kind_is_planned) {
  std::string xml = Replace(CleanPlan(), "    <check id=\"v3\" kind=\"V3\" interval=\"P1M\" owner=\"dba\"/>\n", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG24") ==
                 Lines{At(xml, "<plan ") + ": error: no validation check of kind V3 (restoration can be done within the RTO) [PG2401]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(procedure_never_tested) {
  std::string xml = Replace(CleanPlan(), R"( last-tested="2026-11-01" tested-by="ops")", "");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG24") == Lines{At(xml, "<procedure id") + ": warning: procedure 'drill' has never been tested [PG2402]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(procedure_tested_before_its_last_change) {
  std::string xml = Replace(CleanPlan(), R"(last-changed="2026-06-01")", R"(last-changed="2026-11-02")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG24") ==
                 Lines{At(xml, "2026-11-01\" tested") + ": warning: procedure 'drill' was last tested on 2026-11-01, before its last change on 2026-11-02 [PG2403]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(procedure_test_overdue_by_the_v5_interval) {
  auto c = CompilePlanText(CleanPlan(), "2027-02-01");
  BOOST_TEST(Findings(*c, "PG24") == Lines{}, boost::test_tools::per_element());
  c = CompilePlanText(CleanPlan(), "2027-02-02");
  BOOST_TEST(Findings(*c, "PG24") ==
                 (Lines{At(CleanPlan(), "2026-11-01\" tested") + ": warning: procedure 'drill' was last tested on 2026-11-01; with the V5 interval of 3 months a test was due on 2027-02-01 [PG2404]",
                        At(CleanPlan(), "P3M\" owner=\"ops\"") + ": note: the V5 check sets the interval here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(digest_is_stable_under_reformatting) {
  auto a = CompilePlanText(CleanPlan());
  const std::string d = plangen::check::PlanDigest(a->plan);
  BOOST_TEST(d.size() == 7u + 64u);
  BOOST_TEST(d.rfind("sha256:", 0) == 0);
  // Comments, indentation, attribute order, character references, FQDN case, the order of
  // id-keyed elements and the approvals themselves do not count.
  std::string xml = Replace(CleanPlan(), "  <roles>\n", "  <!-- who -->\n  <roles>\n\n");
  xml = Replace(xml, R"(<role id="ops" kind="team" name="Operations")", R"(<role kind="team"   id="ops"
        name="&#79;perations")");
  xml = Replace(xml, R"(server="se.example.com")", R"(server="SE.Example.com")");
  std::string dba = R"(    <role id="dba" kind="team" name="Database" department="Data" role-kind="database"><contact type="email">dba@example.com</contact></role>
)";
  xml = Replace(Replace(xml, dba, ""), "  </roles>", dba + "  </roles>");
  xml = Replace(xml, R"(date="2026-10-02")", R"(date="2026-10-05")");
  xml = Replace(xml, "<criterion>Restore when troubleshooting fails.</criterion>",
                "<criterion>Restore   when\n      troubleshooting fails.</criterion>");
  auto b = CompilePlanText(xml);
  BOOST_TEST(Findings(*b, "PG1") == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(plangen::check::PlanDigest(b->plan) == d);
  BOOST_TEST(plangen::check::CanonicalPlanText(b->plan) == plangen::check::CanonicalPlanText(a->plan));
  // Any change of a value changes it.
  auto c = CompilePlanText(Replace(CleanPlan(), R"(secure="yes" offsite="no")", R"(secure="no" offsite="no")"));
  BOOST_TEST(plangen::check::PlanDigest(c->plan) != d);
}

BOOST_AUTO_TEST_CASE(sha256_of_known_text) {
  BOOST_TEST(plangen::check::Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

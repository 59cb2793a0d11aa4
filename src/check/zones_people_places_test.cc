// Time zones (PG2910-PG2912), people in roles (PG2921, PG2922) and where copies are kept
// (PG2931-PG2933), each with a failing and a passing case, on small inline plans.
#include <boost/test/unit_test.hpp>

#include "check_test_support.h"
#include "util/time_zone.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

std::string InZone(const std::string& zone, const std::string& schedule) {
  std::string xml = Replace(CleanPlan(), R"(<site id="s" name="Site">)", R"(<site id="s" name="Site" time-zone=")" + zone + R"(">)");
  return Replace(xml, R"(schedule="daily 02:00")", R"(schedule=")" + schedule + R"(")");
}

// The clean plan with people: `ops` and `dba` filled as given.
std::string WithPeople(const std::string& ops_members, const std::string& dba_members) {
  std::string xml = Replace(CleanPlan(), R"(<role id="ops" kind="team")", R"(<role id="ops" members=")" + ops_members + R"(" kind="team")");
  xml = Replace(xml, R"(<role id="dba" kind="team")", R"(<role id="dba" members=")" + dba_members + R"(" kind="team")");
  return Replace(xml, "</plan>", R"(  <people>
    <person id="ann" name="Ann Byrne"><contact type="phone">+353 1 555 0101</contact></person>
    <person id="bob" name="Bob Kelly"/>
  </people>
</plan>)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(zones_people_places)

BOOST_AUTO_TEST_CASE(a_site_zone_must_be_in_the_tz_database) {
  std::string xml = InZone("Europe/Dubln", "daily 02:00");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG29") ==
                 Lines{At(xml, "Europe/Dubln") + ": error: 'Europe/Dubln' is not a time zone of the tz database; did you mean 'Europe/Dublin'? [PG2910]"},
             boost::test_tools::per_element());
  xml = InZone("../../etc/passwd", "daily 02:00");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2910").size() == 1u);
  for (const char* good : {"Europe/Dublin", "America/New_York", "Asia/Kolkata", "UTC"}) {
    c = CompilePlanText(InZone(good, "daily 04:00"));
    BOOST_TEST(Findings(*c, "PG29").empty(), good);
  }
}

BOOST_AUTO_TEST_CASE(a_role_zone_must_be_in_the_tz_database) {
  const std::string role = R"(<role id="dba" kind="team")";
  std::string xml = Replace(CleanPlan(), role, R"(<role id="dba" time-zone="America/Los_Angles" kind="team")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG29") ==
                 Lines{At(xml, "America/Los_Angles") +
                       ": error: 'America/Los_Angles' is not a time zone of the tz database; did you mean 'America/Los_Angeles'? [PG2910]"},
             boost::test_tools::per_element());
  for (const char* good : {"America/Los_Angeles", "Asia/Kolkata", "UTC"}) {
    c = CompilePlanText(Replace(CleanPlan(), role, std::string(R"(<role id="dba" time-zone=")") + good + R"(" kind="team")"));
    BOOST_TEST(Findings(*c, "PG29").empty(), good);
  }
}

BOOST_AUTO_TEST_CASE(runs_in_the_hours_clocks_skip_or_repeat) {
  // Dublin: clocks go forward at 01:00 on 28 March 2027 and back at 02:00 on 31 October 2027.
  std::string xml = InZone("Europe/Dublin", "daily 01:30");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG29") ==
                 (Lines{At(xml, "daily 01:30") + ": warning: backup 'files' is due at 2027-03-28 01:30 in Europe/Dublin, a time that does not exist: clocks go forward from 01:00 to 02:00 [PG2911]",
                        At(xml, "Europe/Dublin") + ": note: site 's' keeps time in Europe/Dublin",
                        At(xml, "daily 01:30") + ": warning: backup 'files' is due at 2027-10-31 01:30 in Europe/Dublin, a time that happens twice: clocks go back from 02:00 to 01:00 [PG2912]",
                        At(xml, "Europe/Dublin") + ": note: site 's' keeps time in Europe/Dublin"}),
             boost::test_tools::per_element());
  // New York changes at 02:00: 02:30 is skipped in March, but never repeated.
  xml = InZone("America/New_York", "daily 02:30");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG291") ==
                 (Lines{At(xml, "daily 02:30") + ": warning: backup 'files' is due at 2027-03-14 02:30 in America/New_York, a time that does not exist: clocks go forward from 02:00 to 03:00 [PG2911]",
                        At(xml, "America/New_York") + ": note: site 's' keeps time in America/New_York"}),
             boost::test_tools::per_element());
  // Outside the changed hour, or in a zone without daylight saving time, there is nothing to say.
  BOOST_TEST(Findings(*CompilePlanText(InZone("Europe/Dublin", "daily 02:00")), "PG29").empty());
  BOOST_TEST(Findings(*CompilePlanText(InZone("America/New_York", "daily 03:00")), "PG29").empty());
  BOOST_TEST(Findings(*CompilePlanText(InZone("Asia/Kolkata", "daily 01:30")), "PG29").empty());
  // A job that runs every hour or every few hours only loses or repeats one run of many.
  BOOST_TEST(Findings(*CompilePlanText(InZone("Europe/Dublin", "hourly :30")), "PG291").empty());
  BOOST_TEST(Findings(*CompilePlanText(InZone("Europe/Dublin", "every 6 hours")), "PG291").empty());
  // A monthly run falls in the gap only when its day is the day of the change.
  BOOST_TEST(Findings(*CompilePlanText(InZone("Europe/Dublin", "monthly 28 01:30")), "PG2911").size() == 2u);
  BOOST_TEST(Findings(*CompilePlanText(InZone("Europe/Dublin", "monthly 27 01:30")), "PG291").empty());
}

BOOST_AUTO_TEST_CASE(zone_changes_come_from_the_tz_database) {
  std::string why;
  auto dublin = plangen::TimeZone::Find("Europe/Dublin", &why);
  BOOST_REQUIRE(dublin);
  auto shifts = dublin->Shifts(*plangen::ParseDate("2027-01-01"), *plangen::ParseDate("2028-01-01"));
  BOOST_REQUIRE(shifts.size() == 2u);
  BOOST_TEST(plangen::FormatLocalTime(shifts[0].first()) == "2027-03-28 01:00");
  BOOST_TEST(shifts[0].forward());
  BOOST_TEST(plangen::FormatLocalTime(shifts[1].first()) == "2027-10-31 01:00");
  BOOST_TEST(!shifts[1].forward());
  auto kolkata = plangen::TimeZone::Find("Asia/Kolkata", &why);
  BOOST_REQUIRE(kolkata);
  BOOST_TEST(kolkata->Shifts(*plangen::ParseDate("2027-01-01"), *plangen::ParseDate("2028-01-01")).empty());
  BOOST_TEST(plangen::FormatUtcOffset(kolkata->OffsetAtUtc(0)) == "+05:30");
}

BOOST_AUTO_TEST_CASE(a_person_in_two_roles_is_a_note) {
  std::string xml = WithPeople("ann", "ann bob");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG292") == Lines{At(xml, "<person id=\"ann\"") + ": note: person 'ann' fills roles 'ops' and 'dba' [PG2921]"},
             boost::test_tools::per_element());
  BOOST_TEST(Findings(*CompilePlanText(WithPeople("ann", "bob")), "PG292").empty());
  xml = WithPeople("ann", "anne");
  c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG1203") == Lines{At(xml, "anne\"") + ": error: person 'anne' is not defined; did you mean 'ann'? [PG1203]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(one_person_cannot_do_two_steps_at_once) {
  // prepare (dba) and a new step of ops both start at once; Ann is the only member of both roles.
  std::string xml = Replace(WithPeople("ann", "ann"), R"(<step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>)",
                            R"(<step id="restore" title="Restore" role="ops" estimate="PT1H" after="prepare"/>
      <step id="notify" title="Tell the users" role="ops" estimate="PT30M"/>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG2922") ==
                 (Lines{At(xml, "<step id=\"notify\"") + ": warning: person 'ann' would carry out steps 'prepare' and 'notify' of scenario 'lost' at the same time [PG2922]",
                        At(xml, "<step id=\"prepare\"") + ": note: step 'prepare' runs at the same time"}),
             boost::test_tools::per_element());
  // With Bob in ops as well, someone is free for each step.
  xml = Replace(xml, R"(members="ann" kind="team" name="Operations")", R"(members="ann bob" kind="team" name="Operations")");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2922").empty());
  // Steps one after the other are no clash, even for one person.
  BOOST_TEST(Findings(*CompilePlanText(WithPeople("ann", "ann")), "PG2922").empty());
}

BOOST_AUTO_TEST_CASE(a_cloud_vault_is_offsite) {
  std::string xml = Replace(CleanPlan(), R"(secure="yes" offsite="no"/>)", R"(secure="yes" offsite="no" kind="cloud-vault"/>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG293") == (Lines{At(xml, "no\" kind") + ": warning: location 'local' is a cloud vault but says offsite=\"no\" [PG2931]",
                                             At(xml, "cloud-vault") + ": note: its kind is set here"}),
             boost::test_tools::per_element());
  xml = Replace(CleanPlan(), R"(secure="yes" offsite="yes"/>)", R"(secure="yes" offsite="yes" kind="cloud-vault"/>)");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG293").empty());
}

BOOST_AUTO_TEST_CASE(copies_stay_in_the_regions_of_the_sites_residency) {
  std::string xml = Replace(CleanPlan(), R"(<site id="s" name="Site">)", R"(<site id="s" name="Site" residency="eu">)");
  xml = Replace(xml, R"(host="bk.example.com" types="settings database file-store" secure="yes" offsite="no")",
                R"(host="bk.example.com" types="settings database file-store" secure="yes" offsite="no" region="eu")");
  xml = Replace(xml, R"(host="vault.example.com" types="settings database file-store" secure="yes" offsite="yes")",
                R"(host="vault.example.com" types="settings database file-store" secure="yes" offsite="yes" region="us-east")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG293") ==
                 (Lines{At(xml, "vault\"/>") + ": error: backup 'files' keeps a copy in location 'vault' in region 'us-east', outside the regions where site 's' keeps its data (eu) [PG2932]",
                        At(xml, "eu\">") + ": note: site 's' keeps its data in eu"}),
             boost::test_tools::per_element());
  // A location that does not say where it is cannot be shown to comply.
  std::string unknown = Replace(xml, R"( region="us-east")", "");
  c = CompilePlanText(unknown);
  BOOST_TEST(Findings(*c, "PG293") ==
                 (Lines{At(unknown, "vault\"/>") + ": warning: location 'vault' of backup 'files' names no region, so it cannot be shown that site 's' keeps its data in eu [PG2933]",
                        At(unknown, "<location id=\"vault\"") + ": note: location 'vault' is defined here"}),
             boost::test_tools::per_element());
  // Both in listed regions (compared without regard to case): clean. A site without residency
  // may keep copies anywhere.
  BOOST_TEST(Findings(*CompilePlanText(Replace(xml, R"(residency="eu")", R"(residency="EU us-east")")), "PG293").empty());
  BOOST_TEST(Findings(*CompilePlanText(Replace(xml, R"( residency="eu")", "")), "PG293").empty());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

// A role's own time zone: its schedules read on its clock (with the weeks when the two zones'
// clocks change on different dates), the zones of the roles it calls, and its calendar's zone.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <functional>
#include <memory>
#include <string>

#include "driver/compile.h"
#include "emit/emitters.h"
#include "emit/runbook_view.h"
#include "emit/your_time.h"
#include "test_paths.h"
#include "view_reader.h"

namespace plangen {
bool EmitCalendars(const EmitContext& ctx, OutputSet& out);
}  // namespace plangen

using namespace plangen;
using kainjow::mustache::data;
using testing::ViewList;
using testing::ViewString;

namespace {

TimeZone Zone(const std::string& name) {
  std::string why;
  std::optional<TimeZone> z = TimeZone::Find(name, &why);
  BOOST_REQUIRE_MESSAGE(z, why);
  return *z;
}

std::string OnYourClock(const std::string& schedule, const std::string& site, const std::string& yours) {
  std::optional<Schedule> s = ParseSchedule(schedule);
  BOOST_REQUIRE(s);
  return ScheduleOnYourClock(*s, Zone(site), Zone(yours), *ParseDate("2026-12-01"));
}

// The sample compiled with `mutate` applied, ready to emit.
struct Sample {
  Compilation c;
  std::unique_ptr<TemplateSet> templates;
  std::unique_ptr<EmitContext> ctx;
  explicit Sample(const std::function<void(Plan&)>& mutate) {
    CompileOptions o;
    o.plan_path = "samples/contoso/plan.xml";
    o.as_of = *ParseDate("2026-12-01");
    char cwd[4096];
    bool moved = getcwd(cwd, sizeof cwd) != nullptr && chdir(testing::SourceRoot().c_str()) == 0;
    Compile(o, c);
    if (moved) BOOST_REQUIRE(chdir(cwd) == 0);
    mutate(c.plan);
    c.plan.ForgetIndexes();
    templates = std::make_unique<TemplateSet>("", testing::SourceRoot() + "/templates");
    ctx = std::make_unique<EmitContext>(EmitContext{c.plan, c.profile, o.as_of, false, *templates, c.diags, c.sources});
  }
  data View(const std::string& role) const { return RunbookView(*ctx, *c.plan.FindRole(role), false); }
};

std::string BackupSchedule(const data& view, const std::string& id) {
  for (const data& b : ViewList(view, "backups"))
    if (ViewString(b, "id") == id) return ViewString(Materialize(b), "schedule");
  return "(no backup " + id + ")";
}

// The "time zone" line of a role's row in the runbook's contacts.
std::string ZoneOfContact(const data& view, const std::string& role_id) {
  for (const data& r : ViewList(view, "contacts"))
    if (ViewString(r, "role_id") == role_id)
      for (const data& c : ViewList(r, "contacts"))
        if (ViewString(c, "type") == "time zone") return ViewString(c, "value");
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(emit)
BOOST_AUTO_TEST_SUITE(your_time)

BOOST_AUTO_TEST_CASE(a_daily_run_on_another_clock) {
  // 02:00 in Dublin is 18:00 the day before in Los Angeles in winter and in summer; in the three
  // weeks when only one of them keeps summer time (14-27 March and 31 October-6 November 2027),
  // it is 19:00.
  BOOST_TEST(OnYourClock("daily 02:00", "Europe/Dublin", "America/Los_Angeles") ==
             "18:00 the day before in America/Los_Angeles, your time; 19:00 the day before for 21 runs of the "
             "year, when the two zones change their clocks on different dates");
  // The other way round: midnight in Redmond is 08:00 in Dublin, 07:00 in those weeks.
  BOOST_TEST(OnYourClock("daily 00:00", "America/Los_Angeles", "Europe/Dublin") ==
             "08:00 in Europe/Dublin, your time; 07:00 for 21 runs of the year, when the two zones change "
             "their clocks on different dates");
  // A zone with no summer time and a half-hour offset: 02:00 in Dublin is 07:30 in Kolkata in
  // winter (UTC+0) and 06:30 in summer (UTC+1), the longer part of the year.
  std::string kolkata = OnYourClock("daily 02:00", "Europe/Dublin", "Asia/Kolkata");
  BOOST_TEST(kolkata.rfind("06:30 in Asia/Kolkata, your time; 07:30 for ", 0) == 0, kolkata);
  // A weekly run is counted by runs, not days.
  std::string weekly = OnYourClock("weekly sun 03:00", "Europe/Dublin", "America/New_York");
  BOOST_TEST(weekly.rfind("22:00 the day before in America/New_York, your time; 23:00 the day before for ", 0) == 0, weekly);
}

BOOST_AUTO_TEST_CASE(the_same_clock_says_nothing_more) {
  BOOST_TEST(OnYourClock("daily 02:00", "Europe/Dublin", "Europe/Dublin") == "");
  // Two names, one clock all year.
  BOOST_TEST(OnYourClock("daily 02:00", "Europe/Dublin", "Europe/London") == "");
  BOOST_TEST(OnYourClock("hourly :30", "Europe/Dublin", "Europe/London") == "");
}

BOOST_AUTO_TEST_CASE(a_job_of_many_runs_a_day_is_given_as_the_difference) {
  BOOST_TEST(OnYourClock("hourly :30", "Europe/Dublin", "America/Los_Angeles") ==
             "America/Los_Angeles, your time, is 8 hours behind; 7 hours behind for 21 days of the year, when "
             "the two zones change their clocks on different dates");
  BOOST_TEST(OnYourClock("every 6 hours", "UTC", "Asia/Kolkata") == "Asia/Kolkata, your time, is 5 hours 30 minutes ahead");
}

BOOST_AUTO_TEST_CASE(a_zone_in_the_contacts) {
  const Date as_of = *ParseDate("2026-12-01");
  TimeZone la = Zone("America/Los_Angeles");
  BOOST_TEST(ZoneForContacts(Zone("Europe/Dublin"), &la, as_of) ==
             "Europe/Dublin, UTC+00:00 on 2026-12-01, 8 hours ahead of yours");
  BOOST_TEST(ZoneForContacts(la, nullptr, as_of) == "America/Los_Angeles, UTC-08:00 on 2026-12-01");
  TimeZone dublin = Zone("Europe/Dublin");
  BOOST_TEST(ZoneForContacts(la, &dublin, as_of) == "America/Los_Angeles, UTC-08:00 on 2026-12-01, 8 hours behind yours");
  // The same offset that day: no difference to tell.
  BOOST_TEST(ZoneForContacts(Zone("Europe/London"), &dublin, as_of) == "Europe/London, UTC+00:00 on 2026-12-01");
}

BOOST_AUTO_TEST_CASE(a_runbook_reads_its_schedules_on_its_clock) {
  // Redmond's operations team takes over the Dublin user store backup.
  Sample s([](Plan& p) {
    for (Backup& b : p.backups)
      if (b.id.value == "dub-users") b.owner.value = "lync-ops";
  });
  data ops = s.View("lync-ops");
  BOOST_TEST(BackupSchedule(ops, "dub-users") ==
             "daily 02:00 (Europe/Dublin time; 18:00 the day before in America/Los_Angeles, your time; 19:00 the "
             "day before for 21 runs of the year, when the two zones change their clocks on different dates)");
  // Its own site's backups read the same on both clocks.
  BOOST_TEST(BackupSchedule(ops, "red-xds") == "daily 00:00 (America/Los_Angeles time)");
  // Who it calls in Dublin is eight hours ahead; its own row gives its zone only.
  BOOST_TEST(ZoneOfContact(ops, "dublin-it") == "Europe/Dublin, UTC+00:00 on 2026-12-01, 8 hours ahead of yours");
  BOOST_TEST(ZoneOfContact(ops, "lync-ops") == "America/Los_Angeles, UTC-08:00 on 2026-12-01");
  // A role without a zone: no line, and a reader without one gets no comparison.
  BOOST_TEST(ZoneOfContact(ops, "cio") == "");
  BOOST_TEST(ZoneOfContact(s.View("cio"), "dublin-it") == "Europe/Dublin, UTC+00:00 on 2026-12-01");
}

BOOST_AUTO_TEST_CASE(a_runbook_without_a_zone_reads_the_sites_clock_only) {
  Sample s([](Plan& p) {
    for (Role& r : p.roles) r.time_zone.value.clear();
    for (Backup& b : p.backups)
      if (b.id.value == "dub-users") b.owner.value = "lync-ops";
  });
  data ops = s.View("lync-ops");
  BOOST_TEST(BackupSchedule(ops, "dub-users") == "daily 02:00 (Europe/Dublin time)");
  BOOST_TEST(ZoneOfContact(ops, "dublin-it") == "");
}

BOOST_AUTO_TEST_CASE(a_calendar_names_its_roles_zone) {
  Sample s([](Plan& p) {
    for (Role& r : p.roles)
      if (r.id.value == "dba") r.time_zone.value.clear();
  });
  OutputSet out;
  BOOST_REQUIRE(EmitCalendars(*s.ctx, out));
  const std::string dublin = out.Bytes("calendar/dublin-it.ics");
  BOOST_TEST(dublin.find("\r\nX-WR-TIMEZONE:Europe/Dublin\r\n") != std::string::npos);
  const std::string ops = out.Bytes("calendar/lync-ops.ics");
  BOOST_TEST(ops.find("\r\nX-WR-TIMEZONE:America/Los_Angeles\r\n") != std::string::npos);
  BOOST_TEST(out.Bytes("calendar/dba.ics").find("X-WR-TIMEZONE") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

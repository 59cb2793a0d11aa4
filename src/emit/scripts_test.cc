// PowerShell scripts: plan text becomes literals, never code; each backup gets the action its
// procedure describes. (tests/scripts/run.sh parses every emitted script with a PowerShell grammar.)
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include "driver/compile.h"
#include "emit/emitters.h"
#include "emit/scripts_ps.h"
#include "emit/scripts_view.h"
#include "plan_fixture.h"
#include "test_paths.h"

using namespace plangen;

BOOST_AUTO_TEST_SUITE(scripts)

BOOST_AUTO_TEST_CASE(literals_double_every_quote_and_expand_nothing) {
  BOOST_TEST(PsLiteral("") == "''");
  BOOST_TEST(PsLiteral("\\\\bk01\\LyncBackup") == "'\\\\bk01\\LyncBackup'");
  BOOST_TEST(PsLiteral("it's") == "'it''s'");
  BOOST_TEST(PsLiteral("'; Remove-Item C:\\ -Recurse; '") == "'''; Remove-Item C:\\ -Recurse; '''");
  BOOST_TEST(PsLiteral("$(Stop-Computer) `n $env:x") == "'$(Stop-Computer) `n $env:x'");
  // U+2018 and U+2019 close a single-quoted string in PowerShell too: doubled.
  BOOST_TEST(PsLiteral("a\u2018b\u2019c") == "'a\u2018\u2018b\u2019\u2019c'");
  BOOST_TEST(PsLiteral("line 1\nline 2") == "'line 1\nline 2'");
  BOOST_TEST(PsLiteral(std::string("a\x01" "b", 3)) == "'a\xEF\xBF\xBD" "b'");
}

BOOST_AUTO_TEST_CASE(identifiers_and_xml_text) {
  BOOST_TEST(IsPsIdentifier("Export-CsUserData"));
  BOOST_TEST(IsPsIdentifier("RTCUniversalServerAdmins"));
  BOOST_TEST(!IsPsIdentifier("local Administrators"));
  BOOST_TEST(!IsPsIdentifier("x;y"));
  BOOST_TEST(!IsPsIdentifier("-x"));
  BOOST_TEST(!IsPsIdentifier(""));
  BOOST_TEST(PsIdentifierPart("users; rm -rf /") == "users-rm-rf");
  BOOST_TEST(PsIdentifierPart("$()") == "x");
  BOOST_TEST(XmlText("a<b>&\"c'\x01") == "a&lt;b&gt;&amp;&quot;c&apos;");
  BOOST_TEST(ScriptFileStem("sql01.contoso.com") == "sql01.contoso.com");
  BOOST_TEST(ScriptFileStem("..\\evil") != "..\\evil");
}

BOOST_AUTO_TEST_CASE(sample_backups_get_the_action_of_their_procedure) {
  CompileOptions o;
  o.plan_path = "samples/contoso/plan.xml";
  o.as_of = *ParseDate("2026-12-01");
  char cwd[4096];
  BOOST_REQUIRE(getcwd(cwd, sizeof cwd) != nullptr);
  BOOST_REQUIRE(chdir(testing::SourceRoot().c_str()) == 0);
  Compilation c;
  Compile(o, c);
  BOOST_REQUIRE(chdir(cwd) == 0);
  TemplateSet templates("", testing::SourceRoot() + "/templates");
  EmitContext ctx{c.plan, c.profile, o.as_of, false, templates, c.diags, c.sources};
  OutputSet out;
  BOOST_REQUIRE(RunEmitters(ctx, out));
  auto read = [&](const std::string& p) { return out.Has(p) ? out.files().at(p) : std::string(); };
  std::string sql01 = read("scripts/backup/sql01.contoso.com.ps1");
  BOOST_TEST(sql01.find("Set-StrictMode -Version Latest") != std::string::npos);
  BOOST_TEST(sql01.find("$ErrorActionPreference = 'Stop'") != std::string::npos);
  BOOST_TEST(sql01.find("[CmdletBinding(SupportsShouldProcess = $true)]") != std::string::npos);
  BOOST_TEST(sql01.find("        Id            = 'red-archiving'\n        Folder        = 'red-archiving'\n"
                        "        Item          = 'lcslog'\n        Procedure     = 'backup-sql-database'\n"
                        "        Action        = 'sql-full'\n") != std::string::npos);
  BOOST_TEST(sql01.find("SqlInstance   = 'sql01.contoso.com\\rtc'\n        Database      = 'LcsLog'") != std::string::npos);
  BOOST_TEST(sql01.find("Command       = 'Export-CsConfiguration'") != std::string::npos);
  // The mirrored Back End's log backup names no database: it runs for whichever partner is principal.
  BOOST_TEST(sql01.find("        Id            = 'red-logs'\n        Folder        = 'red-logs'\n"
                        "        Item          = 'sql-logs'\n        Procedure     = 'backup-sql-logs'\n"
                        "        Action        = 'sql-log-principals'\n") != std::string::npos);
  BOOST_TEST(sql01.find("Partners      = @('sql01.contoso.com\\rtc', 'sql02.contoso.com\\rtc')") != std::string::npos);
  BOOST_TEST(sql01.find("cannot be run by this script") == std::string::npos);
  BOOST_TEST(sql01.find("RetentionCutoff = { (Get-Date).AddYears(-1) }") != std::string::npos);
  BOOST_TEST(sql01.find("Id = 'vault'; Path = '\\\\vault.fabrikam-dr.com\\contoso\\lync'; Offsite = $true") !=
             std::string::npos);
  // The site's zone and its offsets (Pacific: -8 h, -7 h in summer), for the time zone check.
  BOOST_TEST(sql01.find("$SiteTimeZone = 'America/Los_Angeles'") != std::string::npos);
  BOOST_TEST(sql01.find("$ZoneOffsets = @(-28800, -25200, -28800, ") != std::string::npos);
  std::string se01 = read("scripts/backup/se01.dublin.contoso.com.ps1");
  BOOST_TEST(se01.find("$SiteTimeZone = 'Europe/Dublin'") != std::string::npos);
  BOOST_TEST(se01.find("Parameters    = @{ PoolFqdn = 'se01.dublin.contoso.com'; }") != std::string::npos);
  BOOST_TEST(se01.find("Parameters    = @{ Source = 'service:ApplicationServer:se01.dublin.contoso.com'; }") !=
             std::string::npos);
  std::string fs01 = read("scripts/backup/fs01.contoso.com.ps1");
  BOOST_TEST(fs01.find("SourceFolder  = '\\\\fs01.contoso.com\\LyncShare'\n        Exclude       = @('Meeting.Active')") !=
             std::string::npos);
  // Servers without backups get no script.
  BOOST_TEST(read("scripts/backup/fe01.contoso.com.ps1").empty());
}

// Task triggers are read from the schedule's RRULE: what Task Scheduler can repeat becomes a
// calendar trigger, anything else the coming runs one by one.
BOOST_AUTO_TEST_CASE(task_triggers_follow_the_rrule) {
  CompileOptions o;
  o.plan_path = "samples/contoso/plan.xml";
  o.as_of = *ParseDate("2026-12-01");
  char cwd[4096];
  BOOST_REQUIRE(getcwd(cwd, sizeof cwd) != nullptr);
  BOOST_REQUIRE(chdir(testing::SourceRoot().c_str()) == 0);
  Compilation c;
  Compile(o, c);
  BOOST_REQUIRE(chdir(cwd) == 0);
  TemplateSet templates("", testing::SourceRoot() + "/templates");
  EmitContext ctx{c.plan, c.profile, o.as_of, false, templates, c.diags, c.sources};
  BOOST_REQUIRE(!c.plan.backups.empty());
  auto task = [&](const std::string& schedule) {
    Backup b = c.plan.backups.front();
    b.schedule.value = ParseSchedule(schedule);
    b.schedule.text.value = schedule;
    std::string text;
    BOOST_REQUIRE(b.schedule.value);
    BOOST_REQUIRE(templates.Render("scripts/task.xml.mustache", TaskView(ctx, b), &text, c.diags, c.sources));
    return text;
  };
  std::string last_day = task("FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=1;BYMINUTE=0");
  BOOST_TEST(last_day.find("<StartBoundary>2026-12-31T01:00:00</StartBoundary>") != std::string::npos);
  BOOST_TEST(last_day.find("<Day>Last</Day>") != std::string::npos);
  BOOST_TEST(last_day.find("<December />") != std::string::npos);
  std::string last_friday = task("FREQ=MONTHLY;BYDAY=-1FR;BYHOUR=1;BYMINUTE=0");
  BOOST_TEST(last_friday.find("<ScheduleByMonthDayOfWeek>") != std::string::npos);
  BOOST_TEST(last_friday.find("<Week>Last</Week>") != std::string::npos);
  BOOST_TEST(last_friday.find("<StartBoundary>2026-12-25T01:00:00</StartBoundary>") != std::string::npos);
  std::string weekly = task("weekly mon,thu 22:00");
  BOOST_TEST(weekly.find("<WeeksInterval>1</WeeksInterval>") != std::string::npos);
  BOOST_TEST(weekly.find("<StartBoundary>2026-12-03T22:00:00</StartBoundary>") != std::string::npos);
  BOOST_TEST(weekly.find("<Monday />") != std::string::npos);
  BOOST_TEST(weekly.find("<Thursday />") != std::string::npos);
  BOOST_TEST(weekly.find("in the time zone America/Los_Angeles") != std::string::npos);
  // Every 7 hours does not divide a day: the next 48 runs, one trigger each, and a note to rebuild.
  std::string seven = task("every 7 hours");
  size_t n = 0;
  for (size_t at = seven.find("<TimeTrigger>"); at != std::string::npos; at = seven.find("<TimeTrigger>", at + 1)) ++n;
  BOOST_TEST(n == 48u);
  BOOST_TEST(seven.find("cannot repeat this schedule") != std::string::npos);
  BOOST_TEST(seven.find("<CalendarTrigger>") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

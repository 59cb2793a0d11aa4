// What lies outside the Lync backup reaches the people who back up and restore: the profile's
// reminders and the databases that need no backup (with the reason) are in their runbooks;
// restores list their tools as backups do; and the share of the Lync profile's procedure steps
// that carry a command is reported and kept at 80 % or more.
#include <boost/test/unit_test.hpp>

#include "driver/compile.h"
#include "emit/emitters.h"
#include "load/profile_loader.h"
#include "test_paths.h"
#include "tmpl/templates.h"

namespace plangen {
namespace {

using testing::SourceRoot;

struct SampleRunbooks {
  CompileOptions options;
  Compilation c;
  OutputSet out;
  SampleRunbooks() {
    options.plan_path = SourceRoot() + "/samples/contoso/plan.xml";
    options.as_of = *ParseDate("2026-12-01");
    Compile(options, c);
    BOOST_REQUIRE(c.plan_read && c.profile_read);
    TemplateSet templates("", SourceRoot() + "/templates");
    EmitContext ctx{c.plan, c.profile, options.as_of, c.diags.HasErrors(), templates, c.diags, c.sources};
    BOOST_REQUIRE(RunEmitters(ctx, out));
  }
  const std::string& Md(const std::string& role) const { return out.files().at("runbooks/" + role + ".md"); }
};

const SampleRunbooks& Sample() {
  static SampleRunbooks s;
  return s;
}

std::string Section(const std::string& md, const std::string& heading) {
  size_t start = md.find("\n## " + heading + "\n");
  if (start == std::string::npos) return "";
  size_t end = md.find("\n## ", start + 4);
  return md.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(runbook_reminders)

BOOST_AUTO_TEST_CASE(every_reminder_reaches_the_roles_that_back_up_or_restore) {
  const SampleRunbooks& s = Sample();
  BOOST_REQUIRE(s.c.profile.reminders.size() == 7u);
  for (const char* role : {"lync-ops", "dba", "storage", "dublin-it", "incident-manager"}) {
    const std::string outside = Section(s.Md(role), "Outside the Lync backup");
    BOOST_TEST(!outside.empty(), role);
    for (const Reminder& r : s.c.profile.reminders) {
      BOOST_TEST(outside.find("- **" + r.title.value + "**: ") != std::string::npos, role << ": " << r.id.value);
    }
    BOOST_TEST(s.Md(role).find("[Outside the Lync backup](#outside-the-lync-backup)") != std::string::npos);
  }
  // The plan reviewer backs up and restores nothing: no such section.
  BOOST_TEST(Section(s.Md("uc-architect"), "Outside the Lync backup").empty());
  BOOST_TEST(s.out.files().at("runbooks/dba.html").find("<h2>Outside the Lync backup</h2>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(databases_that_need_no_backup_are_named_with_their_reason_where_they_live) {
  const SampleRunbooks& s = Sample();
  const std::string dba = Section(s.Md("dba"), "Outside the Lync backup");
  BOOST_TEST(dba.find("- Transient user data (RtcDyn.mdf) on sql01.contoso.com: Endpoints, subscriptions") != std::string::npos);
  BOOST_TEST(dba.find("- Address Book (Rtcab.mdf) on sql01.contoso.com: Rebuilt automatically from Active Directory") != std::string::npos);
  BOOST_TEST(dba.find("- Persistent Chat compliance data (MgcComp.mdf) on sql03.contoso.com: Transient while") != std::string::npos);
  // Dublin IT backs up se01 only: its databases, not sql03's compliance database.
  const std::string dublin = Section(s.Md("dublin-it"), "Outside the Lync backup");
  BOOST_TEST(dublin.find("(RtcDyn.mdf) on se01.dublin.contoso.com") != std::string::npos);
  BOOST_TEST(dublin.find("MgcComp") == std::string::npos);
  // Every no-backup item of the profile reaches some runbook of the sample.
  std::string all;
  for (const auto& [path, bytes] : s.out.files()) all += bytes;
  for (const NoBackupItem& nb : s.c.profile.no_backup) BOOST_TEST(all.find(nb.reason.value) != std::string::npos, nb.id.value);
}

BOOST_AUTO_TEST_CASE(restores_list_their_tools) {
  const std::string& md = Sample().Md("dublin-it");
  size_t proc = md.find("Procedure: Restore a Standard Edition server");
  BOOST_REQUIRE(proc != std::string::npos);
  size_t tools = md.find("\nTools: ", proc);
  BOOST_REQUIRE(tools != std::string::npos);
  const std::string line = md.substr(tools + 1, md.find('\n', tools + 1) - tools - 1);
  BOOST_TEST(line.find("Import-CsUserData (RTCUniversalServerAdmins); ") != std::string::npos, line);
  BOOST_TEST(line.find("Deployment Wizard (RTCUniversalServerAdmins and local Administrators); ") != std::string::npos, line);
  BOOST_TEST(md.find("\n1. ", tools) != std::string::npos, "the tools come before the steps");
}

// The share of the profile's own steps (not the steps that run another procedure) that carry a
// command someone can paste.
BOOST_AUTO_TEST_CASE(most_lync_steps_are_scripted) {
  SourceManager sm;
  DiagEngine diags(sm);
  Profile p;
  BOOST_REQUIRE(LoadProfileFile(SourceRoot() + "/worksheets/lync-server-2013/profile.xml", "profile.xml", &p, sm, diags));
  int steps = 0, scripted = 0, backup_steps = 0, backup_scripted = 0;
  for (const ProfileProcedure& pr : p.procedures) {
    for (const ProfileStep& st : pr.steps) {
      if (!st.procedure.empty()) continue;
      ++steps;
      scripted += !st.command.empty();
      if (pr.kind.value == "backup") {
        ++backup_steps;
        backup_scripted += !st.command.empty();
      }
    }
  }
  const double share = 100.0 * scripted / steps;
  BOOST_TEST_MESSAGE("lync-server-2013: " << scripted << " of " << steps << " procedure steps carry a command ("
                                          << static_cast<int>(share * 10 + 0.5) / 10.0 << " %); backups " << backup_scripted
                                          << " of " << backup_steps);
  BOOST_TEST(share >= 80.0);
  BOOST_TEST(backup_scripted == backup_steps);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

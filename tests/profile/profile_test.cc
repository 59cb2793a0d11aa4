// The built-in Lync Server 2013 profile and the profile format: the profile loads clean, holds
// what the fact sheet lists, names only real cmdlets, avoids the known documentation errors, and
// fills every placeholder from a plan; a broken profile is reported with its location.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <unistd.h>

#include "diag/printers.h"
#include "driver/compile.h"
#include "emit/emitters.h"
#include "emit/placeholders.h"
#include "load/plan_loader.h"
#include "load/profile_loader.h"
#include "temp_tree.h"
#include "test_paths.h"
#include "tmpl/templates.h"

namespace plangen {
namespace {

using testing::DataPath;
using testing::ReadAll;
using testing::SourceRoot;

std::string LyncPath() { return SourceRoot() + "/worksheets/lync-server-2013/profile.xml"; }

struct Loaded {
  SourceManager sm;
  DiagEngine diags{sm};
  Profile profile;
  bool ok = false;
  explicit Loaded(const std::string& path, const std::string& display) {
    ok = LoadProfileFile(path, display, &profile, sm, diags);
  }
  std::string Findings() const {
    std::string out;
    for (const Diagnostic* d : diags.Sorted()) out += FormatText(diags, *d);
    return out;
  }
};

// Cmdlet names as the fact sheet (domain/lync-server-2013.md) writes them. PowerShell ignores
// case, and the fact sheet itself spells two of them both ways.
// The cmdlets of the fact sheet, and Invoke-CsManagementStoreReplication: the cmdlet that forces
// the replication Get-CsManagementStoreReplicationStatus reports on, run after moving the store.
const std::set<std::string> kFactSheetCmdlets = {
    "Invoke-CsManagementStoreReplication",
    "Backup-CsPool", "Convert-CsUserData", "Debug-CsIntraPoolReplication", "Enable-CsTopology",
    "Export-CsConfiguration", "Export-CsLisConfiguration", "Export-CsPersistentChatData",
    "Export-CsRgsConfiguration", "Export-CsUserData", "Get-CsAdminRole", "Get-CsBackupServiceConfiguration",
    "Get-CsBackupServiceStatus", "Get-CsCpsConfiguration", "Get-CsDatabaseMirrorState",
    "Get-CsManagementStoreReplicationStatus", "Get-CsPoolBackupRelationship", "Get-CsPoolFabricState",
    "Get-CsPoolUpgradeReadinessState", "Get-CsRgsAgentGroup", "Get-CsRgsHolidaySet", "Get-CsRgsHoursOfBusiness",
    "Get-CsRgsQueue", "Get-CsRgsWorkflow", "Get-CsService", "Get-CsUser", "Import-CsConfiguration",
    "Import-CsLisConfiguration", "Import-CsPersistentChatData", "Import-CsRgsConfiguration", "Import-CsUserData",
    "Install-CsDatabase", "Install-CsMirrorDatabase", "Invoke-CsBackupServiceSync", "Invoke-CsDatabaseFailover",
    "Invoke-CsManagementServerFailover", "Invoke-CsPoolFailBack", "Invoke-CsPoolFailOver", "Invoke-CsPoolFailback",
    "Invoke-CsPoolFailover", "Invoke-CsStorageServiceFlush", "Invoke-CsUCSRollback", "Move-CsApplicationEndpoint",
    "Move-CsConferenceDirectory", "Move-CsManagementServer", "Move-CsUser", "New-CsAnnouncement",
    "Publish-CsLisConfiguration", "Publish-CsTopology", "Remove-CsAnnouncement", "Remove-CsBackupServiceConfiguration",
    "Remove-CsUserStoreBackupData", "Set-CsBackupServiceConfiguration", "Set-CsCallParkOrbit",
    "Set-CsConfigurationStoreLocation", "Set-CsCpsConfiguration", "Set-CsEdgeServer",
    "Set-CsPersistentChatActiveServer", "Set-CsPersistentChatState", "Set-CsSite", "Set-CsUnassignedNumber",
    "Start-CsWindowsService", "Stop-CsWindowsService", "Sync-CsUserData", "Uninstall-CsMirrorDatabase",
    "Update-CsUserData",
};

// Every Verb-CsNoun token in a text ("Export-Csv" is not one: its noun does not start after "Cs").
std::vector<std::string> CmdletTokens(const std::string& text) {
  static const std::regex re(R"(\b[A-Z][a-z]+-Cs[A-Z][A-Za-z]*)");
  std::vector<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) out.push_back(it->str());
  return out;
}

// {name} placeholders still present in a text.
std::vector<std::string> Placeholders(const std::string& text) {
  static const std::regex re(R"(\{([a-z0-9-]+)\})");
  std::vector<std::string> out;
  for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

const ProfileProcedure& Proc(const Profile& p, const std::string& id) {
  const ProfileProcedure* pr = p.FindProcedure(id);
  BOOST_REQUIRE_MESSAGE(pr, "procedure " << id);
  return *pr;
}

std::string AllCommands(const ProfileProcedure& pr) {
  std::string s;
  for (const auto& st : pr.steps) s += st.command.value + "\n";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(profile)

BOOST_AUTO_TEST_CASE(lync_profile_loads_without_findings) {
  Loaded l(LyncPath(), "worksheets/lync-server-2013/profile.xml");
  BOOST_TEST(l.ok);
  BOOST_TEST(l.Findings() == "");
}

BOOST_AUTO_TEST_CASE(catalogue_is_complete) {
  Loaded l(LyncPath(), "profile.xml");
  const Profile& p = l.profile;
  BOOST_TEST(p.items.size() == 14u);  // the fact sheet's 13, and the mirrored Back End's transaction logs
  std::set<std::string> no_backup;
  for (const auto& n : p.no_backup) {
    no_backup.insert(n.id.value);
    BOOST_TEST(!n.reason.empty(), n.id.value << " gives its reason");
  }
  BOOST_TEST((no_backup == std::set<std::string>{"rtcdyn", "rtcab", "rgsdyn", "cpsdyn", "mgccomp"}));
  std::set<std::string> reminders;
  for (const auto& r : p.reminders) reminders.insert(r.id.value);
  for (const char* r : {"ad-ds", "certificates", "exchange", "pstn-gateways", "infrastructure"}) {
    BOOST_TEST(reminders.count(r) == 1u, r);
  }
  // Every item has a default backup procedure of kind backup whose steps use its backup tool.
  for (const auto& it : p.items) {
    const ProfileProcedure* pr = p.FindProcedure(it.backup_procedure.value);
    BOOST_REQUIRE_MESSAGE(pr, it.id.value << " has a backup procedure");
    BOOST_TEST(pr->kind.value == "backup");
    BOOST_TEST(!pr->permission.empty(), pr->id.value << " names its permission");
    bool uses_tool = false;
    for (const auto& st : pr->steps) {
      uses_tool = uses_tool || st.tool.value == it.backup_tool.value;
      for (const auto& alt : it.alt_backup_tools) uses_tool = uses_tool || st.tool.value == alt.value;
    }
    BOOST_TEST(uses_tool, it.id.value << " is backed up with its own tool");
  }
  const ProfileProcedure& files = Proc(p, "backup-file-store");
  BOOST_REQUIRE(files.excludes.size() == 1u);
  BOOST_TEST(files.excludes[0].value == "Meeting.Active");
  BOOST_TEST(AllCommands(files).find("/XF Meeting.Active") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_restoration_scenario_is_there) {
  Loaded l(LyncPath(), "profile.xml");
  const Profile& p = l.profile;
  const char* required[] = {"standard-edition", "cms-host",      "back-end",   "mirror-primary",
                            "mirror-secondary", "member-server", "edge-server", "whole-pool",
                            "file-store",       "monitoring-archiving-db",      "persistent-chat-db",
                            "response-group",   "pool-failover", "pool-failback"};
  for (const char* id : required) {
    const ProfileScenario* sc = p.FindScenario(id);
    BOOST_REQUIRE_MESSAGE(sc, "scenario " << id);
    BOOST_TEST(!sc->criteria.empty(), id << " has criteria");
    const ProfileProcedure& pr = Proc(p, sc->procedure.value);
    BOOST_TEST(pr.kind.value == "restore");
    BOOST_TEST(!pr.permission.empty(), pr.id.value << " names its permission");
    bool verified = !sc->verify.empty();
    for (const auto& st : pr.steps) {
      verified = verified || !st.verify.empty();
      BOOST_TEST(!st.role_kind.empty());
      BOOST_TEST(st.estimate.value.has_value(), pr.id.value << " step at offset " << st.loc.offset << " has an estimate");
      BOOST_TEST((!st.tool.empty() || !st.procedure.empty() || st.command.empty()));
    }
    BOOST_TEST(verified, id << " says how to verify it");
  }
  // Published targets: pool failover 30 minutes for both RTO and RPO.
  const ProfileScenario* fo = p.FindScenario("pool-failover");
  BOOST_TEST(fo->rto.text.value == "PT30M");
  BOOST_TEST(fo->rpo.text.value == "PT30M");
}

BOOST_AUTO_TEST_CASE(services_and_roles_map_to_items_and_scenarios) {
  Loaded l(LyncPath(), "profile.xml");
  const Profile& p = l.profile;
  auto items_of = [&](const char* service) {
    std::set<std::string> s;
    const ServiceMapping* m = p.FindService(service);
    BOOST_REQUIRE_MESSAGE(m, service);
    for (const auto& i : m->items) s.insert(i.value);
    return s;
  };
  BOOST_TEST((items_of("CentralMgmtStore") == std::set<std::string>{"xds", "lis"}));
  BOOST_TEST((items_of("UserStore") == std::set<std::string>{"rtcxds", "rtcdyn", "rtcab"}));
  BOOST_TEST((items_of("MonitoringStore") == std::set<std::string>{"lcscdr", "qoemetrics"}));
  BOOST_TEST((items_of("PersistentChatStore") == std::set<std::string>{"mgc"}));
  BOOST_TEST((items_of("FileStore") == std::set<std::string>{"file-store"}));
  for (const char* service : {"UserStore", "CentralMgmtStore", "ApplicationStore", "ArchivingStore", "MonitoringStore",
                              "FileStore", "PersistentChatStore", "Registrar", "EdgeServer", "MediationServer",
                              "Director", "PersistentChatServer"}) {
    BOOST_TEST(!p.FindService(service)->scenarios.empty(), service << " is covered by a scenario");
  }
  for (const char* role : {"front-end", "standard-edition", "back-end", "back-end-mirror", "edge", "director",
                           "mediation", "persistent-chat", "file-server", "sql"}) {
    const RoleMapping* r = p.FindRole(role);
    BOOST_REQUIRE_MESSAGE(r, role);
    BOOST_TEST(!r->scenarios.empty(), role << " is covered by a scenario");
  }
}

BOOST_AUTO_TEST_CASE(known_documentation_errors_are_not_reproduced) {
  const std::string text = ReadAll(LyncPath());
  Loaded l(LyncPath(), "profile.xml");
  const Profile& p = l.profile;
  // Import-CsRgsConfiguration's replace switch is -ReplaceExistingRgsSettings.
  BOOST_TEST(text.find("-ReplaceExistingSettings") == std::string::npos);
  BOOST_TEST(AllCommands(Proc(p, "restore-response-group")).find("-ReplaceExistingRgsSettings") != std::string::npos);
  for (const auto& pr : p.procedures) {
    for (const auto& st : pr.steps) {
      if (st.command.value.find("Import-CsRgsConfiguration") == std::string::npos) continue;
      BOOST_TEST(st.command.value.find("-Destination \"service:ApplicationServer:") != std::string::npos);
    }
  }
  // The Persistent Chat database is mgc.
  BOOST_TEST(p.FindItem("mgc")->store.value == "mgc.mdf");
  BOOST_TEST(AllCommands(Proc(p, "restore-persistent-chat")).find("[mgc]") != std::string::npos);
  for (const char* wrong : {"mgd.mdf", "Mgs.mdf", "mgd ", "Mgs ", "service: ApplicationServer", "Uninstall -CsMirrorDatabase",
                            "atl0cs", "ExportedUserDatal", "DBIMPEXP", "RTCXDS database", "imple recovery model"}) {
    BOOST_TEST(text.find(wrong) == std::string::npos, "'" << wrong << "' does not appear");
  }
  BOOST_TEST(text.find("Uninstall-CsMirrorDatabase -DatabaseType") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_cmdlet_is_one_of_the_fact_sheet) {
  Loaded l(LyncPath(), "profile.xml");
  const Profile& p = l.profile;
  std::set<std::string> seen;
  for (const auto& t : p.tools) {
    if (t.kind.value != "cmdlet") continue;
    BOOST_TEST(kFactSheetCmdlets.count(t.id.value) == 1u, "tool '" << t.id.value << "' is a fact-sheet cmdlet");
    seen.insert(t.id.value);
  }
  // Commands, step text, verification points, criteria, reminders: the whole file.
  for (const std::string& token : CmdletTokens(ReadAll(LyncPath()))) {
    BOOST_TEST(kFactSheetCmdlets.count(token) == 1u, "'" << token << "' is a fact-sheet cmdlet");
    seen.insert(token);
  }
  BOOST_TEST(seen.size() > 40u);
  // The scanner itself: it finds cmdlets and does not take Export-Csv for one.
  BOOST_TEST(CmdletTokens("Get-CsUser | Export-Csv x; Import-CsUserData -PoolFqdn p").size() == 2u);
  BOOST_TEST(kFactSheetCmdlets.count("Uninstall-CsMirrorDatabas") == 0u);
}

BOOST_AUTO_TEST_CASE(a_broken_profile_is_reported_with_its_location) {
  const std::string display = "tests/data/profiles/bad/profile.xml";
  Loaded l(DataPath("profiles/bad/profile.xml"), display);
  BOOST_TEST(l.ok);
  BOOST_TEST(l.Findings() ==
             display + ":10:15: error: duplicate data item 'xds' [PG1201]\n"
             "    <item id=\"xds\" name=\"Configuration again\" type=\"settings\" scope=\"global\" holder=\"CentralMgmtStore\" backup-tool=\"Export-CsConfiguration\" restore-tool=\"Export-CsConfiguration\"/>\n"
             "              ^\n" +
             display + ":9:15: note: previous definition is here\n"
             "    <item id=\"xds\" name=\"Configuration\" type=\"settings\" scope=\"global\" holder=\"CentralMgmtStore\" backup-tool=\"Export-CsConfiguration\" restore-tool=\"Export-CsConfiguration\" procedure=\"backup-xds\"/>\n"
             "              ^\n" +
             display + ":14:19: error: tool 'Export-CsConfigration' is not declared in the profile; did you mean 'Export-CsConfiguration'? [PG1502]\n"
             "      <step tool=\"Export-CsConfigration\" role-kind=\"lync-admin\">Export it.</step>\n"
             "                  ^\n" +
             display + ":15:7: error: step of procedure 'backup-xds' has no role kind [PG1503]\n"
             "      <step tool=\"Export-CsConfiguration\">Copy it.</step>\n"
             "      ^\n" +
             display + ":16:24: error: procedure 'backup-xd' is not defined; did you mean 'backup-xds'? [PG1203]\n"
             "      <step procedure=\"backup-xd\" role-kind=\"lync-admin\">Run it again.</step>\n"
             "                       ^\n");
}

BOOST_AUTO_TEST_CASE(a_second_profile_is_plain_data) {
  Loaded l(SourceRoot() + "/worksheets/sql-server-standalone/profile.xml", "profile.xml");
  BOOST_TEST(l.ok);
  BOOST_TEST(l.Findings() == "");
  BOOST_TEST(l.profile.id.value == "sql-server-standalone");
  BOOST_TEST(l.profile.FindScenario("server-lost") != nullptr);
  std::vector<std::string> path = ProfileSearchPath("");
  std::vector<std::string> names = AvailableProfiles(path);
  BOOST_TEST((std::find(names.begin(), names.end(), "sql-server-standalone") != names.end()));
}

// Every procedure of the profile, backup or restore, names only placeholders that the context of
// one of the backups of a plan with paired pools, a mirror, a File Store, an Edge pool and
// Persistent Chat can fill. (The runbook property tests check each step in its own context.)
BOOST_AUTO_TEST_CASE(every_procedure_fills_from_a_plan) {
  SourceManager sm;
  DiagEngine diags(sm);
  Plan plan;
  Profile profile;
  BOOST_REQUIRE(LoadPlan(DataPath("profiles/paired-plan.xml"), "paired-plan.xml", &plan, sm, diags));
  BOOST_REQUIRE(LoadProfileFile(LyncPath(), "profile.xml", &profile, sm, diags));
  ResolvePlan(plan, &profile, diags);
  BOOST_TEST(diags.errors() == 0);
  for (const auto& pr : profile.procedures) {
    // Each placeholder the procedure names is filled in the context of at least one backup.
    std::set<std::string> never;
    bool first = true;
    // Contexts: each backup on its server and pool, and each pool as a whole (scenarios).
    std::vector<StepContext> contexts;
    for (const Backup& b : plan.backups) {
      const Server* s = plan.FindServer(b.server.value);
      contexts.push_back({s && s->pool >= 0 ? &plan.topology.pools[s->pool] : nullptr, s, &b});
    }
    for (const Pool& pool : plan.topology.pools) contexts.push_back({&pool, nullptr, nullptr});
    for (const StepContext& context : contexts) {
      auto values = ContextPlaceholders(plan, profile, context);
      std::vector<std::string> unfilled;
      for (const auto& st : pr.steps) {
        FillPlaceholders(st.text.value, values, &unfilled);
        FillPlaceholders(st.command.value, values, &unfilled);
        FillPlaceholders(st.verify.value, values, &unfilled);
      }
      FillPlaceholders(pr.output.value, values, &unfilled);
      std::set<std::string> here(unfilled.begin(), unfilled.end());
      if (first) never = here;
      std::set<std::string> both;
      for (const auto& u : never)
        if (here.count(u)) both.insert(u);
      never = both;
      first = false;
    }
    std::string left;
    for (const auto& u : never) left += "{" + u + "} ";
    BOOST_TEST(never.empty(), pr.id.value << " leaves " << left);
  }
  // Spot checks of the values themselves.
  const Backup* users = nullptr;
  for (const Backup& b : plan.backups) {
    if (b.id.value == "users") users = &b;
  }
  BOOST_REQUIRE(users);
  const Server* be = plan.FindServer(users->server.value);
  BOOST_REQUIRE(be);
  auto v = ContextPlaceholders(plan, profile, {&plan.topology.pools[be->pool], be, users});
  BOOST_TEST(v["primary"] == "be1.example.com");
  BOOST_TEST(v["mirror"] == "be1m.example.com");
  BOOST_TEST(v["partner-pool"] == "pool2.example.com");
  BOOST_TEST(v["partner-back-end"] == "be2.example.com");
  BOOST_TEST(v["partner-sql-instance"] == "rtc2");
  BOOST_TEST(v["edge-pool"] == "edge1.example.com");
  BOOST_TEST(v["file-store"] == "\\\\fs1.example.com\\LyncShare");
  BOOST_TEST(v["rgsconfig-file"] == "rgsconfig-rgs.zip");
  BOOST_TEST(FillPlaceholders(Proc(profile, "restore-mirror-secondary").steps[0].command.value, v) ==
             "Uninstall-CsMirrorDatabase -DatabaseType User -SqlServerFqdn be1.example.com -SqlInstanceName rtc -Verbose");
}

// The sample plan's runbooks carry the profile's commands with the plan's own names filled in.
BOOST_AUTO_TEST_CASE(sample_runbooks_have_no_unfilled_placeholder) {
  CompileOptions options;
  options.plan_path = SourceRoot() + "/samples/contoso/plan.xml";
  options.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(options, c);
  BOOST_REQUIRE(c.plan_read);
  BOOST_REQUIRE(c.profile_read);
  TemplateSet templates("", SourceRoot() + "/templates");
  EmitContext ctx{c.plan, c.profile, options.as_of, c.diags.HasErrors(), templates, c.diags, c.sources};
  OutputSet out;
  BOOST_REQUIRE(RunEmitters(ctx, out));
  int runbooks = 0;
  bool saw_command = false;
  for (const auto& [path, bytes] : out.files()) {
    if (path.rfind("runbooks/", 0) != 0 || path.size() < 3 || path.substr(path.size() - 3) != ".md") continue;
    ++runbooks;
    std::vector<std::string> left = Placeholders(bytes);
    BOOST_TEST(left.empty(), path << " still has {" << (left.empty() ? "" : left[0]) << "}");
    saw_command = saw_command || bytes.find("Export-CsUserData -PoolFqdn \"pool01.contoso.com\"") != std::string::npos;
  }
  BOOST_TEST(runbooks > 0);
  BOOST_TEST(saw_command);
}

BOOST_AUTO_TEST_CASE(profile_locations_name_a_file_the_user_can_open) {
  namespace fs = std::filesystem;
  const fs::path was = fs::current_path();
  // From the source root (as the goldens run), the short name below it.
  fs::current_path(SourceRoot());
  std::vector<std::string> search{SourceRoot() + "/worksheets"};
  SourceManager sm;
  DiagEngine diags{sm};
  Profile p;
  BOOST_TEST(LoadProfile("lync-server-2013", search, Loc{}, &p, sm, diags));
  BOOST_TEST(sm.Name(p.file) == "worksheets/lync-server-2013/profile.xml");
  // From any other folder, the absolute path: a note into the profile can be opened from there.
  // A fresh folder is never an ancestor of the source tree (the tree itself may be under $TMPDIR).
  const fs::path elsewhere = fs::temp_directory_path() / ("plangen-elsewhere-" + std::to_string(getpid()));
  fs::create_directories(elsewhere);
  fs::current_path(elsewhere);
  Profile q;
  BOOST_TEST(LoadProfile("lync-server-2013", search, Loc{}, &q, sm, diags));
  const std::string name = sm.Name(q.file);
  fs::current_path(was);
  fs::remove_all(elsewhere);
  BOOST_TEST(fs::path(name).is_absolute());
  BOOST_TEST(fs::equivalent(name, LyncPath()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

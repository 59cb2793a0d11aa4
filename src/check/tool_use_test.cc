// PG2220: cmdlets run only with their parameters; PG2221: tools keep the steps that bracket them;
// PG2222: data is restored the way it was backed up.
#include <boost/test/unit_test.hpp>

#include "check/tool_mentions.h"
#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

// CleanPlan with a plan procedure `procedure` (inserted before the drill).
std::string WithProcedure(const std::string& procedure) {
  return Replace(CleanPlan(), "    <procedure id=\"drill\"", procedure + "\n    <procedure id=\"drill\"");
}

const char* const kRgs = R"(<procedure id="rgs" kind="restore" title="Restore Response Group settings" last-changed="2026-06-01" last-tested="2026-11-01" tested-by="ops">
      <tool>Import-CsRgsConfiguration</tool>
      <step role="ops" tool="Import-CsRgsConfiguration">Import-CsRgsConfiguration -Destination "service:ApplicationServer:se.example.com" -OverwriteOwner -ReplaceExistingRgsSettings -FileName C:\Restore\RgsConfig.zip -Verbose</step>
    </procedure>)";

const char* const kUsers = R"(<procedure id="users" kind="restore" title="Restore user data" last-changed="2026-06-01" last-tested="2026-11-01" tested-by="ops">
      <tool>Import-CsUserData</tool>
      <step role="ops">Stop the services on every Front End server with Stop-CsWindowsService.</step>
      <step role="ops" tool="Import-CsUserData">Import-CsUserData -PoolFqdn se.example.com -FileName C:\Restore\ExportedUserData.zip</step>
      <step role="ops">Start-CsWindowsService on every Front End server.</step>
    </procedure>)";

// CleanPlan with a Persistent Chat SQL Server, its backup `backup` and a scenario that restores it.
std::string ChatPlan(const std::string& backup, const std::string& restore_title) {
  std::string xml = Replace(CleanPlan(), "    </site>", R"(      <pool id="pc" fqdn="pc.example.com" edition="enterprise" kind="persistent-chat">
        <server fqdn="pcsql.example.com" roles="sql" instance="pchat"><service type="PersistentChatStore" instance="pchat"/></server>
      </pool>
    </site>)");
  xml = Replace(xml, "  </backups>", "    " + backup + "\n  </backups>");
  return Replace(xml, "</scenarios>", R"(<scenario id="chat" title="Chat database lost" rto="PT8H" decider="boss" new-hardware="no" covers="pcsql.example.com">
      <criteria>mgc is lost.</criteria>
      <step id="restore" title=")" + restore_title + R"(" role="dba" estimate="PT2H"/>
    </scenario>
  </scenarios>)");
}

const char* const kSqlBackup = R"(<backup id="chat" item="mgc" server="pcsql.example.com" owner="dba" schedule="daily 02:00" retention="P30D" locations="local vault" procedure="backup-sql-database"/>)";
const char* const kExportBackup = R"(<backup id="chat" item="mgc" server="pcsql.example.com" owner="dba" schedule="daily 02:00" retention="P30D" locations="local vault" procedure="backup-mgc"/>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(tool_use)

BOOST_AUTO_TEST_CASE(a_cmdlet_runs_only_with_its_parameters) {
  BOOST_TEST(Findings(*CompilePlanText(WithProcedure(kRgs)), "PG222") == Lines{}, boost::test_tools::per_element());
  // The disaster recovery topic's misspelling.
  std::string xml = WithProcedure(Replace(kRgs, "-ReplaceExistingRgsSettings", "-ReplaceExistingSettings"));
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG222") ==
                 (Lines{At(xml, "<step role=\"ops\" tool=\"Import-CsRgsConfiguration\"") +
                            ": error: procedure 'rgs' runs Import-CsRgsConfiguration with -ReplaceExistingSettings, a parameter Import-CsRgsConfiguration does not have; did you mean -ReplaceExistingRgsSettings? [PG2220]",
                        "profile.xml:15:5: note: Import-CsRgsConfiguration has -Destination, -FileName, -OverwriteOwner, -ReplaceExistingRgsSettings, -ResolveNameConflicts, -Force (and PowerShell's common parameters)"}),
             boost::test_tools::per_element());
  // A neighbour: Export-CsUserData in a scenario step title, with a parameter nothing is close to.
  std::string title = Replace(CleanPlan(), R"(title="Restore" role="ops")", R"(title="Export-CsUserData -PoolFqdn se.example.com -Everything -FileName 'C:\a -b.zip' | Out-Null" role="ops")");
  c = CompilePlanText(title);
  Lines found = Findings(*c, "PG2220");
  BOOST_TEST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0] == At(title, "<step id=\"restore\"") +
                             ": error: step 'restore' of scenario 'lost' runs Export-CsUserData with -Everything, a parameter Export-CsUserData does not have [PG2220]");
}

BOOST_AUTO_TEST_CASE(the_scanner_reads_commands_as_powershell_does) {
  auto c = CompilePlanText(CleanPlan());
  const plangen::Profile& profile = c->profile;
  using plangen::check::UnknownParameters;
  // Case does not matter; quoted text and what follows a pipe are not parameters; common
  // parameters are accepted.
  BOOST_TEST(UnknownParameters(profile, "import-csrgsconfiguration -destination \"x -Bad\" -FILENAME a.zip -WhatIf | Where -Bad").empty());
  BOOST_TEST(UnknownParameters(profile, "Import-CsRgsConfiguration -FileName a.zip; Get-CsRgsQueue -ShowAll").empty());
  BOOST_TEST(UnknownParameters(profile, "Import-CsRgsConfiguration -FileName a.zip Get-CsPool -Bad").empty());
  BOOST_TEST(UnknownParameters(profile, "Import-CsRgsConfiguration -Bad").size() == 1u);
  // Every command the profile itself writes passes.
  for (const plangen::ProfileProcedure& p : profile.procedures) {
    for (const plangen::ProfileStep& s : p.steps) {
      BOOST_TEST(UnknownParameters(profile, s.command.value).empty(), p.id.value << ": " << s.command.value);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_scanner_reads_each_parameter_value) {
  auto c = CompilePlanText(CleanPlan());
  using plangen::check::ToolCalls;
  auto calls = ToolCalls(c->profile, "Import-CsRgsConfiguration -Destination \"service:ApplicationServer:p1\" -OverwriteOwner -FileName C:\\r.zip; Get-CsRgsQueue");
  BOOST_TEST_REQUIRE(calls.size() == 2u);
  BOOST_TEST(calls[0].tool->id.value == "Import-CsRgsConfiguration");
  BOOST_TEST_REQUIRE(calls[0].arguments.size() == 3u);
  BOOST_TEST(calls[0].Find("destination")->value == "service:ApplicationServer:p1");
  BOOST_TEST(calls[0].Find("OverwriteOwner")->value == "");
  BOOST_TEST(calls[0].Find("FileName")->value == "C:\\r.zip");
  BOOST_TEST(!calls[0].Find("Force"));
  BOOST_TEST(calls[1].arguments.empty());
  // A list of cmdlets shares the parameters written after the last; a new sentence does not.
  calls = ToolCalls(c->profile, "Get-CsRgsWorkflow, Get-CsRgsQueue and Get-CsRgsAgentGroup -ShowAll");
  BOOST_TEST_REQUIRE(calls.size() == 3u);
  for (const auto& call : calls) BOOST_TEST(call.Find("ShowAll") != nullptr, call.tool->id.value);
  calls = ToolCalls(c->profile, "Run Get-CsRgsWorkflow. Then Get-CsRgsQueue -ShowAll");
  BOOST_TEST_REQUIRE(calls.size() == 2u);
  BOOST_TEST(calls[0].arguments.empty());
}

BOOST_AUTO_TEST_CASE(user_data_is_imported_with_the_services_stopped) {
  BOOST_TEST(Findings(*CompilePlanText(WithProcedure(kUsers)), "PG222") == Lines{}, boost::test_tools::per_element());
  std::string xml = WithProcedure(Replace(kUsers, R"(      <step role="ops">Stop the services on every Front End server with Stop-CsWindowsService.</step>
)", ""));
  xml = Replace(xml, "Start-CsWindowsService on every Front End server.", "Sign in a test user.");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG222") ==
                 (Lines{At(xml, "<step role=\"ops\" tool=\"Import-CsUserData\"") +
                            ": error: procedure 'users' runs Import-CsUserData, but no earlier step runs Stop-CsWindowsService [PG2221]",
                        "profile.xml:17:126: note: the profile runs Stop-CsWindowsService before Import-CsUserData here",
                        At(xml, "<step role=\"ops\" tool=\"Import-CsUserData\"") +
                            ": error: procedure 'users' runs Import-CsUserData, but no later step runs Start-CsWindowsService [PG2221]",
                        "profile.xml:17:162: note: the profile runs Start-CsWindowsService after Import-CsUserData here"}),
             boost::test_tools::per_element());
  // A neighbour: Update-CsUserData (the ABC failover's Survivable Branch Appliance step), with the
  // services started in a step before it rather than after.
  std::string update = WithProcedure(Replace(Replace(kUsers, "tool=\"Import-CsUserData\">Import-CsUserData", "tool=\"Update-CsUserData\">Update-CsUserData"),
                                             "Stop the services on every Front End server with Stop-CsWindowsService.",
                                             "Stop-CsWindowsService, then Start-CsWindowsService."));
  update = Replace(update, "Start-CsWindowsService on every Front End server.", "Sign in a test user.");
  BOOST_TEST(Findings(*CompilePlanText(update), "PG2221") ==
                 (Lines{At(update, "<step role=\"ops\" tool=\"Update-CsUserData\"") +
                            ": error: procedure 'users' runs Update-CsUserData, but no later step runs Start-CsWindowsService [PG2221]",
                        "profile.xml:18:136: note: the profile runs Start-CsWindowsService after Update-CsUserData here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(data_is_restored_the_way_it_was_backed_up) {
  // Matching methods: nothing to say.
  BOOST_TEST(Findings(*CompilePlanText(ChatPlan(kSqlBackup, "Restore mgc with SQL Server Management Studio")), "PG2222") == Lines{},
             boost::test_tools::per_element());
  BOOST_TEST(Findings(*CompilePlanText(ChatPlan(kExportBackup, "Restore mgc with Import-CsPersistentChatData")), "PG2222") == Lines{},
             boost::test_tools::per_element());
  // An export restored with SQL Server.
  std::string xml = ChatPlan(kExportBackup, "Restore mgc with SQL Server Management Studio");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2222") ==
                 (Lines{At(xml, "<step id=\"restore\" title=\"Restore mgc") +
                            ": error: step 'restore' of scenario 'chat' restores data item 'mgc' with SQL Server Management Studio, but backup 'chat' writes it with Export-CsPersistentChatData [PG2222]",
                        At(xml, "procedure=\"backup-mgc\"", 11) + ": note: backup 'chat' writes mgc with Export-CsPersistentChatData here"}),
             boost::test_tools::per_element());
  // The neighbour the other way round: a SQL Server backup read by Import-CsPersistentChatData,
  // the item named by its alias.
  xml = ChatPlan(kSqlBackup, "Import the Persistent Chat database with Import-CsPersistentChatData");
  BOOST_TEST(Findings(*CompilePlanText(xml), "PG2222") ==
                 (Lines{At(xml, "<step id=\"restore\" title=\"Import the") +
                            ": error: step 'restore' of scenario 'chat' restores data item 'mgc' with Import-CsPersistentChatData, but backup 'chat' writes it with sqlcmd [PG2222]",
                        At(xml, "procedure=\"backup-sql-database\"", 11) + ": note: backup 'chat' writes mgc with sqlcmd here"}),
             boost::test_tools::per_element());
  // A step that does not name the item is about other data.
  BOOST_TEST(Findings(*CompilePlanText(ChatPlan(kExportBackup, "Restore LcsLog with SQL Server Management Studio")), "PG2222") == Lines{},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

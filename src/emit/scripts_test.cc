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
  BOOST_TEST(sql01.find("RetentionCutoff = { (Get-Date).AddYears(-1) }") != std::string::npos);
  BOOST_TEST(sql01.find("Id = 'vault'; Path = '\\\\vault.fabrikam-dr.com\\contoso\\lync'; Offsite = $true") !=
             std::string::npos);
  std::string se01 = read("scripts/backup/se01.dublin.contoso.com.ps1");
  BOOST_TEST(se01.find("Parameters    = @{ PoolFqdn = 'se01.dublin.contoso.com'; }") != std::string::npos);
  BOOST_TEST(se01.find("Parameters    = @{ Source = 'service:ApplicationServer:se01.dublin.contoso.com'; }") !=
             std::string::npos);
  std::string fs01 = read("scripts/backup/fs01.contoso.com.ps1");
  BOOST_TEST(fs01.find("SourceFolder  = '\\\\fs01.contoso.com\\LyncShare'\n        Exclude       = @('Meeting.Active')") !=
             std::string::npos);
  // Servers without backups get no script.
  BOOST_TEST(read("scripts/backup/fe01.contoso.com.ps1").empty());
}

BOOST_AUTO_TEST_SUITE_END()

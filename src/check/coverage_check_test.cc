// Backup coverage rules (PG21xx) on small inline plans.
#include <boost/test/unit_test.hpp>

#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(coverage)

BOOST_AUTO_TEST_CASE(clean_plan_has_no_findings) {
  auto c = CompilePlanText(CleanPlan());
  BOOST_TEST(Findings(*c) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(missing_backup_names_item_and_server) {
  std::string xml = Replace(CleanPlan(), R"(<service type="FileStore" share="share"/>)",
                            R"(<service type="FileStore" share="share"/><service type="UserStore"/>)");
  auto c = CompilePlanText(xml);
  Lines want{At(xml, "<service type=\"UserStore\"") + ": error: no backup of data item 'rtcxds' on server 'se.example.com' [PG2101]"};
  Lines got = Findings(*c, "PG2101");
  BOOST_REQUIRE_EQUAL(got.size(), 2u);
  BOOST_TEST(got[0] == want[0]);
  BOOST_TEST(got[1].find(": note: 'rtcxds' is Persistent user data") != std::string::npos);
  BOOST_TEST(got[1].find("held by service 'UserStore'") != std::string::npos);
  BOOST_TEST(got[1].rfind("profile.xml:", 0) == 0);
}

BOOST_AUTO_TEST_CASE(no_backup_items_of_a_service_are_not_required) {
  // UserStore also holds rtcdyn and rtcab, which need no backup: only rtcxds is required.
  std::string xml = Replace(CleanPlan(), R"(<service type="FileStore" share="share"/>)",
                            R"(<service type="FileStore" share="share"/><service type="UserStore"/>)");
  xml = Replace(xml, "  </backups>",
                R"(    <backup id="users" item="rtcxds" server="se.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
  </backups>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pool_scope_item_may_be_backed_up_from_another_server_of_the_pool) {
  std::string xml = Replace(CleanPlan(), R"(<pool id="se" fqdn="se.example.com" edition="standard" kind="file">
        <server fqdn="se.example.com" roles="file-server">
          <service type="FileStore" share="share"/>
        </server>)", R"(<pool id="se" fqdn="se.example.com" edition="standard" kind="file">
        <server fqdn="se.example.com" roles="file-server">
          <service type="FileStore" share="share"/>
          <service type="ApplicationStore"/>
        </server>
        <server fqdn="other.example.com" roles="front-end"/>)");
  xml = Replace(xml, R"(covers="se.example.com")", R"(covers="se")");
  xml = Replace(xml, "  </backups>",
                R"(    <backup id="rgs" item="rgsconfig" server="other.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
  </backups>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG21") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(backup_of_no_backup_item_is_a_note) {
  std::string xml = Replace(CleanPlan(), "  </backups>",
                            R"(    <backup id="ab" item="rtcab" server="se.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
  </backups>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG21") ==
                 Lines{At(xml, "rtcab") + ": note: data item 'rtcab' needs no backup: Rebuilt automatically from Active "
                                          "Directory Domain Services (the global address list). [PG2102]"},
             boost::test_tools::per_element());
  BOOST_TEST(!c->diags.HasErrors());
}

BOOST_AUTO_TEST_CASE(no_offsite_location_is_a_warning) {
  std::string xml = Replace(CleanPlan(), R"(locations="local vault")", R"(locations="local")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG21") == Lines{At(xml, "local\"/>") + ": warning: backup 'files' has no offsite location [PG2103]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_secure_location_is_a_warning) {
  std::string xml = Replace(CleanPlan(), R"(types="settings database file-store" secure="yes" offsite="no")",
                            R"(types="settings database file-store" secure="no" offsite="no")");
  xml = Replace(xml, R"(types="settings database file-store" secure="yes" offsite="yes")",
                R"(types="settings database file-store" secure="no" offsite="yes")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG21") == Lines{At(xml, "local vault") + ": warning: backup 'files' has no secure location [PG2104]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(location_on_the_protected_server_is_an_error) {
  std::string xml = Replace(CleanPlan(), R"(host="bk.example.com")", R"(host="SE.example.com")");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG210") ==
                 (Lines{At(xml, "local vault") + ": error: location 'local' is on 'SE.example.com', the server that backup 'files' protects [PG2105]",
                        At(xml, "SE.example.com") + ": note: location 'local' names its host here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(location_not_accepting_the_data_type_is_an_error) {
  std::string xml = Replace(CleanPlan(), R"(types="settings database file-store" secure="yes" offsite="yes")",
                            R"(types="settings database" secure="yes" offsite="yes")");
  auto c = CompilePlanText(xml);
  // The vault cannot hold the copy, so the only offsite copy is gone as well.
  BOOST_TEST(Findings(*c, "PG21") ==
                 (Lines{At(xml, "local vault") + ": warning: backup 'files' has no offsite location [PG2103]",
                        At(xml, "vault\"/>") + ": error: location 'vault' does not accept file-store data; it accepts settings, database [PG2106]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(procedure_without_the_profile_tool_is_an_error) {
  std::string xml = Replace(CleanPlan(), R"(locations="local vault"/>)", R"(locations="local vault" procedure="copy"/>)");
  xml = Replace(xml, "  </procedures>", R"(    <procedure id="copy" kind="backup" last-tested="2026-11-01"><tool>Xcopy</tool><step>Copy.</step></procedure>
  </procedures>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG210") ==
                 (Lines{At(xml, "copy\"/>") + ": error: procedure 'copy' of backup 'files' does not use 'Robocopy', the tool the profile gives for data item 'file-store' [PG2108]",
                        At(xml, "<procedure id=\"copy\"") + ": note: procedure 'copy' is here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(procedure_with_an_alternative_tool_fits) {
  std::string xml = Replace(CleanPlan(), R"(<service type="FileStore" share="share"/>)",
                            R"(<service type="FileStore" share="share"/><service type="PersistentChatStore"/>)");
  xml = Replace(xml, "  </backups>",
                R"(    <backup id="chat" item="mgc" server="se.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault" procedure="chat-export"/>
  </backups>)");
  xml = Replace(xml, "  </procedures>", R"(    <procedure id="chat-export" kind="backup" last-tested="2026-11-01"><step tool="Export-CsPersistentChatData">Export.</step></procedure>
  </procedures>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG21") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(restore_procedure_for_a_backup_is_an_error) {
  std::string xml = Replace(CleanPlan(), R"(locations="local vault"/>)", R"(locations="local vault" procedure="drill"/>)");
  auto c = CompilePlanText(xml);
  BOOST_TEST(Findings(*c, "PG21") ==
                 Lines{At(xml, "drill\"/>") + ": error: backup 'files' uses procedure 'drill', which is a restore procedure [PG2109]"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(profile_procedure_with_other_tools_is_an_error) {
  // Every profile backup procedure copies its run with Robocopy, so the mismatch shows on an item
  // backed up with a cmdlet.
  std::string xml = Replace(CleanPlan(), R"(locations="local vault"/>)",
                            R"(locations="local vault"/>
    <backup id="users" item="rtcxds" server="se.example.com" owner="ops" schedule="daily 01:00" retention="P30D" locations="local vault" procedure="backup-app-audio"/>)");
  auto c = CompilePlanText(xml);
  Lines got = Findings(*c, "PG210");
  BOOST_REQUIRE_EQUAL(got.size(), 2u);
  BOOST_TEST(got[0] == At(xml, "backup-app-audio\"/>") + ": error: procedure 'backup-app-audio' of backup 'users' does not use "
                                                       "'Export-CsUserData', the tool the profile gives for data item 'rtcxds' [PG2108]");
  BOOST_TEST(got[1].rfind("profile.xml:", 0) == 0);
  BOOST_TEST(got[1].find(": note: procedure 'backup-app-audio' is here") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(item_without_default_procedure_needs_one) {
  // A profile whose File Store item gives no default procedure.
  std::string profile = ReadSourceFile("worksheets/lync-server-2013/profile.xml");
  profile = Replace(profile, R"(id="lync-server-2013")", R"(id="custom")");
  profile = Replace(profile, R"(worksheet="file-store" procedure="backup-file-store")", R"(worksheet="file-store")");
  std::string dir = WriteProfile("custom", profile);
  std::string xml = Replace(CleanPlan(), R"(profile="lync-server-2013")", R"(profile="custom")");
  auto c = CompilePlanText(xml, "2026-12-01", {}, false, dir);
  BOOST_TEST(Findings(*c, "PG21") ==
                 Lines{At(xml, "<backup id=\"files\"") + ": error: backup 'files' names no procedure and the profile has none for data item 'file-store' [PG2107]"},
             boost::test_tools::per_element());
  // Naming a procedure in the plan settles it.
  xml = Replace(xml, R"(locations="local vault"/>)", R"(locations="local vault" procedure="backup-file-store"/>)");
  c = CompilePlanText(xml, "2026-12-01", {}, false, dir);
  BOOST_TEST(Findings(*c, "PG21") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

// PG2118-PG2120 and the mirrored Back End's log backup (PG2101): a backup is declared on the
// Back End rather than its mirror, an export writes a new file each run, the owner may run the
// procedure's tools, and a mirrored Back End's transaction logs are backed up.
#include <boost/test/unit_test.hpp>

#include "check_test_support.h"

using namespace plangen::testing;
using Lines = std::vector<std::string>;

namespace {

// CleanPlan with a mirrored Back End pool and a Persistent Chat store, and `backups` added.
std::string Plan(const std::string& backups, const std::string& procedures = "") {
  std::string xml = Replace(CleanPlan(), "    </site>", R"(      <pool id="p" fqdn="p.example.com" edition="enterprise" kind="front-end">
        <server fqdn="fe1.example.com" roles="front-end"/>
        <server fqdn="sql1.example.com" roles="back-end"><service type="UserStore"/></server>
        <server fqdn="sql2.example.com" roles="back-end-mirror" mirror-of="sql1.example.com"/>
      </pool>
      <pool id="pc" fqdn="pcsql.example.com" edition="enterprise" kind="sql">
        <server fqdn="pcsql.example.com" roles="sql"><service type="PersistentChatStore" instance="pc"/></server>
      </pool>
    </site>)");
  xml = Replace(xml, "  </backups>", backups + "\n  </backups>");
  return Replace(xml, "  </procedures>", procedures + "  </procedures>");
}

const char* const kLogs = R"(    <backup id="logs" item="sql-logs" server="sql1.example.com" owner="dba" schedule="hourly :15" retention="P7D" locations="local vault"/>)";

Lines Codes(const std::string& xml, const std::string& code) {
  Lines out;
  for (const std::string& l : Findings(*CompilePlanText(xml), code)) {
    if (l.find(": note: ") == std::string::npos) out.push_back(l);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(checks)
BOOST_AUTO_TEST_SUITE(backup_runs)

BOOST_AUTO_TEST_CASE(mirrored_back_end_backs_up_its_logs) {
  const std::string none = Plan("");
  BOOST_TEST(Codes(none, "PG2101").size() >= 1u);
  bool logs = false;
  for (const std::string& l : Codes(none, "PG2101")) logs = logs || l == At(none, "back-end-mirror\" mirror-of") + ": error: no backup of data item 'sql-logs' on server 'sql2.example.com' [PG2101]";
  BOOST_TEST(logs);
  bool still = false;
  for (const std::string& l : Codes(Plan(kLogs), "PG2101")) still = still || l.find("'sql-logs'") != std::string::npos;
  BOOST_TEST(!still);
}

BOOST_AUTO_TEST_CASE(backup_declared_on_the_mirror) {
  const std::string bad = Plan(Replace(kLogs, R"(server="sql1.example.com")", R"(server="sql2.example.com")"));
  BOOST_TEST(Codes(bad, "PG2118") ==
                 Lines{At(bad, "server=\"sql2.example.com\" owner", 8) +
                       ": warning: backup 'logs' is declared on 'sql2.example.com', the mirror of 'sql1.example.com' [PG2118]"},
             boost::test_tools::per_element());
  BOOST_TEST(Codes(Plan(kLogs), "PG2118") == Lines{});
}

BOOST_AUTO_TEST_CASE(export_writes_a_new_file_every_run) {
  const std::string proc = R"(    <procedure id="rgs-backup" kind="backup" title="RGS" based-on="backup-rgsconfig" last-changed="2026-06-01" last-tested="2026-11-01" tested-by="ops">
      <tool>Export-CsRgsConfiguration</tool>
      <step role="ops">Export-CsRgsConfiguration -Source "service:ApplicationServer:p.example.com" -FileName C:\Backup\RgsConfig.zip</step>
    </procedure>
)";
  const std::string backup = std::string(kLogs) + "\n" +
                             R"(    <backup id="rgs" item="rgsconfig" server="sql1.example.com" owner="ops" schedule="daily 01:00" retention="P30D" locations="local vault" procedure="rgs-backup"/>)";
  const std::string bad = Plan(backup, proc);
  BOOST_TEST(Codes(bad, "PG2119") ==
                 Lines{At(bad, "<step role=\"ops\">Export-CsRgs") +
                       ": error: procedure 'rgs-backup' of backup 'rgs' runs Export-CsRgsConfiguration with -FileName C:\\Backup\\RgsConfig.zip, the "
                       "same file every run [PG2119]"},
             boost::test_tools::per_element());
  for (const char* ok : {R"(-FileName "C:\Backup\$RunDate\RgsConfig.zip")", R"(-FileName C:\Backup\{backup}.zip)"}) {
    BOOST_TEST(Codes(Replace(bad, R"(-FileName C:\Backup\RgsConfig.zip)", ok), "PG2119") == Lines{}, ok);
  }
}

BOOST_AUTO_TEST_CASE(owner_may_run_the_tools) {
  const std::string bad = Plan(std::string(kLogs) + "\n" +
                               R"(    <backup id="chat" item="mgc" server="pcsql.example.com" owner="dba" schedule="daily 01:00" retention="P30D" locations="local vault"/>)");
  BOOST_TEST(Codes(bad, "PG2120") ==
                 Lines{At(bad, "owner=\"dba\" schedule=\"daily 01:00\"", 7) +
                       ": warning: backup 'chat' is owned by 'dba', a database role, but Export-CsPersistentChatData is run by lync-admin roles [PG2120]"},
             boost::test_tools::per_element());
  BOOST_TEST(Codes(Replace(bad, R"(owner="dba" schedule="daily 01:00")", R"(owner="ops" schedule="daily 01:00")"), "PG2120") == Lines{});
  // A SQL Server backup of the same database: the database team's tool.
  BOOST_TEST(Codes(Replace(bad, R"(daily 01:00" retention="P30D" locations="local vault"/>)", R"(daily 01:00" retention="P30D" locations="local vault" procedure="backup-sql-database"/>)"), "PG2120") == Lines{});
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

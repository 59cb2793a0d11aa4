// Every backup run of the Lync profile keeps its own copy: it writes a new folder named after the
// run's date and time, copies that folder to the backup's off-site location and checks the copy,
// and prunes the run folders older than the plan's retention, only inside the backup's own
// folder. Checked on the procedures themselves and on the runbooks rendered for a plan.
#include <boost/test/unit_test.hpp>

#include <cstring>
#include <regex>

#include "driver/compile.h"
#include "emit/emitters.h"
#include "emit/placeholders.h"
#include "test_paths.h"
#include "tmpl/templates.h"

namespace plangen {
namespace {

using testing::DataPath;
using testing::SourceRoot;

// The runbooks of a plan, compiled and rendered as `plangen build` does.
struct Rendered {
  CompileOptions options;
  Compilation c;
  OutputSet out;
  explicit Rendered(const std::string& plan) {
    options.plan_path = plan;
    options.as_of = *ParseDate("2026-12-01");
    Compile(options, c);
    BOOST_REQUIRE(c.plan_read && c.profile_read);
    TemplateSet templates("", SourceRoot() + "/templates");
    EmitContext ctx{c.plan, c.profile, options.as_of, c.diags.HasErrors(), templates, c.diags, c.sources};
    BOOST_REQUIRE(RunEmitters(ctx, out));
  }
  // The part of a role's Markdown runbook that describes backup `id`.
  std::string Backup(const std::string& role, const std::string& id) const {
    const std::string& md = out.files().at("runbooks/" + role + ".md");
    size_t end = md.find("<sub>Backup " + id + ":");
    BOOST_REQUIRE_MESSAGE(end != std::string::npos, "backup " << id << " in the runbook of " << role);
    size_t start = md.rfind("\n### ", end);
    return md.substr(start, end - start);
  }
};

const Rendered& Runs() {
  static Rendered r(DataPath("profiles/runs-plan.xml"));
  return r;
}

// The commands of a rendered part, one per code block.
std::vector<std::string> Commands(const std::string& md) {
  static const std::regex re("```powershell\\n\\s*([^\\n]*)\\n");
  std::vector<std::string> out;
  for (std::sregex_iterator it(md.begin(), md.end(), re), end; it != end; ++it) out.push_back((*it)[1]);
  return out;
}

std::string Replace(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
  return s;
}

// Get-Date -Format with the custom tokens a run name uses; any other letter fails the test.
std::string GetDateFormat(const std::string& format, int y, int mo, int d, int h, int mi) {
  char buf[8];
  std::string out;
  for (size_t i = 0; i < format.size();) {
    auto token = [&](const char* t) { return format.compare(i, std::strlen(t), t) == 0; };
    if (token("yyyy")) { std::snprintf(buf, sizeof buf, "%04d", y); i += 4; }
    else if (token("MM")) { std::snprintf(buf, sizeof buf, "%02d", mo); i += 2; }
    else if (token("dd")) { std::snprintf(buf, sizeof buf, "%02d", d); i += 2; }
    else if (token("HH")) { std::snprintf(buf, sizeof buf, "%02d", h); i += 2; }
    else if (token("mm")) { std::snprintf(buf, sizeof buf, "%02d", mi); i += 2; }
    else if (format[i] == '-') { buf[0] = '-'; buf[1] = 0; ++i; }
    else { BOOST_FAIL("unexpected format character '" << format[i] << "' in " << format); }
    out += buf;
  }
  return out;
}

// PowerShell's -like with ? (one character) and literal text.
bool Like(const std::string& name, const std::string& pattern) {
  if (name.size() != pattern.size()) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if (pattern[i] != '?' && pattern[i] != name[i]) return false;
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_runs)

BOOST_AUTO_TEST_CASE(retention_becomes_a_calendar_cutoff) {
  auto cutoff = [](const char* iso) {
    Plan plan;
    Profile profile;
    Backup b;
    b.id.value = "b";
    b.retention.value = ParseDuration(iso);
    return BackupPlaceholders(plan, profile, b);
  };
  BOOST_TEST(cutoff("P90D")["retention-cutoff"] == "(Get-Date).AddDays(-90)");
  BOOST_TEST(cutoff("P90D")["retention"] == "90 days");
  BOOST_TEST(cutoff("P1Y")["retention-cutoff"] == "(Get-Date).AddYears(-1)");
  BOOST_TEST(cutoff("P2W")["retention-cutoff"] == "(Get-Date).AddDays(-14)");
  BOOST_TEST(cutoff("P1Y2M10DT2H")["retention-cutoff"] == "(Get-Date).AddYears(-1).AddMonths(-2).AddDays(-10).AddHours(-2)");
  // No retention, no cutoff: the prune step cannot be filled rather than deleting everything.
  BOOST_TEST(cutoff("PT0S").count("retention-cutoff") == 0u);
}

// Every backup procedure of the profile names a new run folder, copies to the off-site location
// and checks the copy, and prunes to the retention inside its own folder; none overwrites.
BOOST_AUTO_TEST_CASE(every_backup_procedure_keeps_one_copy_per_run) {
  const Compilation& c = Runs().c;
  int procedures = 0;
  for (const ProfileProcedure& p : c.profile.procedures) {
    if (p.kind.value != "backup") continue;
    ++procedures;
    std::string all;
    bool starts_run = false, copies = false, checks_copy = false, prunes = false, prunes_offsite = false;
    for (const ProfileStep& st : p.steps) {
      const std::string& cmd = st.command.value;
      all += cmd + "\n";
      starts_run = starts_run || cmd.find("$RunDate = Get-Date -Format yyyy-MM-dd-HHmm") != std::string::npos;
      bool offsite = cmd.find("{offsite-location}\\{backup}\\$RunDate") != std::string::npos;
      copies = copies || (offsite && cmd.find("Robocopy \"{location}\\{backup}\\$RunDate\"") == 0 && cmd.find("/L") == std::string::npos);
      checks_copy = checks_copy || (offsite && cmd.find(" /L ") != std::string::npos && !st.verify.empty());
      bool prune = cmd.find("{retention-cutoff}") != std::string::npos && cmd.find("Remove-Item -Recurse") != std::string::npos &&
                   cmd.find("-like \"20??-??-??-????\"") != std::string::npos;
      prunes = prunes || (prune && cmd.find("Get-ChildItem \"{location}\\{backup}\" -Directory") != std::string::npos);
      prunes_offsite = prunes_offsite || (prune && cmd.find("Get-ChildItem \"{offsite-location}\\{backup}\" -Directory") != std::string::npos);
      if (cmd.find("Remove-Item") != std::string::npos) BOOST_TEST(prune, p.id.value << ": every deletion is a prune to the retention");
    }
    BOOST_TEST(starts_run, p.id.value << " names its run");
    BOOST_TEST(copies, p.id.value << " copies the run off site");
    BOOST_TEST(checks_copy, p.id.value << " checks the off-site copy");
    BOOST_TEST(prunes, p.id.value << " prunes its own folder");
    BOOST_TEST(prunes_offsite, p.id.value << " prunes its off-site folder");
    BOOST_TEST(all.find("/MIR") == std::string::npos, p.id.value << " mirrors nothing over an earlier copy");
    BOOST_TEST(all.find("/PURGE") == std::string::npos);
    BOOST_TEST(all.find("WITH INIT") == std::string::npos, p.id.value << " overwrites no backup set");
    BOOST_TEST(p.output.value.find("{location}\\{backup}\\$RunDate") == 0u, p.id.value << " output is a run folder");
  }
  BOOST_TEST(procedures >= 8);
}

BOOST_AUTO_TEST_CASE(a_backup_with_an_off_site_location_copies_and_checks_each_run_there) {
  const std::string users = Runs().Backup("ops", "users");
  const std::string run = "\"\\\\bk.example.com\\Lync\\users\\$RunDate\"";
  const std::string vault = "\"\\\\vault.example.net\\lync\\users\\$RunDate\"";
  BOOST_TEST(users.find("Robocopy " + run + " " + vault + " /E /R:2 /W:10") != std::string::npos);
  BOOST_TEST(users.find("Robocopy " + run + " " + vault + " /E /L /NJH /NJS /NDL") != std::string::npos);
  BOOST_TEST(users.find("Check: Robocopy lists no file and ends with exit code 0") != std::string::npos);
  BOOST_TEST(users.find("Get-ChildItem \"\\\\vault.example.net\\lync\\users\" -Directory") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_backup_without_one_has_no_copy_step) {
  for (const char* id : {"rgs", "arch"}) {  // arch: its first location is the off-site one
    const std::string part = Runs().Backup(id == std::string("arch") ? "dba" : "ops", id);
    BOOST_TEST(part.find("off-site location") == std::string::npos, id);
    BOOST_TEST(part.find("{") == std::string::npos, id << " has no unfilled placeholder");
    BOOST_TEST(Commands(part).size() >= 4u, id);
  }
  const std::string arch = Runs().Backup("dba", "arch");
  BOOST_TEST(arch.find("Get-ChildItem \"\\\\vault.example.net\\lync\\arch\" -Directory") != std::string::npos);
  for (const std::string& cmd : Commands(arch)) {
    BOOST_TEST(cmd.find("\\\\bk.example.com") == std::string::npos, "the second, on-site location gets no copy: " << cmd);
  }
}

// Two runs of each backup write different targets, inside the backup's own folder, and the
// prune recognises them as runs and orders them by date.
BOOST_AUTO_TEST_CASE(two_runs_write_different_targets) {
  for (const auto& [role, id] : std::vector<std::pair<std::string, std::string>>{
           {"ops", "users"}, {"ops", "rgs"}, {"ops", "files"}, {"dba", "arch"}}) {
    const std::vector<std::string> cmds = Commands(Runs().Backup(role, id));
    BOOST_REQUIRE(!cmds.empty());
    std::smatch m;
    BOOST_REQUIRE_MESSAGE(std::regex_search(cmds[0], m, std::regex(R"(\$RunDate = Get-Date -Format ([A-Za-z-]+);)")),
                          id << " starts by naming its run");
    const std::string format = m[1];
    const std::string first = GetDateFormat(format, 2026, 12, 1, 1, 0);
    const std::string later = GetDateFormat(format, 2026, 12, 1, 7, 0);  // six hours later, same day
    BOOST_TEST(first != later);
    BOOST_TEST(first < later, "run names sort by date");
    BOOST_TEST(Like(first, "20??-??-??-????"), "the prune sees " << first << " as a run");
    const std::string own = id == "arch" ? "\\\\vault.example.net\\lync\\arch\\" : "\\\\bk.example.com\\Lync\\" + id + "\\";
    // Every command that touches the backup's folder either works inside this run's folder or
    // is the prune; the run's name is what makes two runs' targets differ.
    int writes = 0;
    for (const std::string& cmd : cmds) {
      bool in_own = cmd.find(own) != std::string::npos || cmd.find("C:\\Backup\\" + id + "\\") != std::string::npos;
      if (!in_own || cmd.find("Remove-Item") != std::string::npos) continue;
      ++writes;
      BOOST_TEST((cmd.find(own + "$RunDate") != std::string::npos || cmd.find("C:\\Backup\\" + id + "\\$RunDate") != std::string::npos),
                 id << ": '" << cmd << "' works in a run folder of its own");
      BOOST_TEST(Replace(cmd, "$RunDate", first) != Replace(cmd, "$RunDate", later));
    }
    BOOST_TEST(writes >= 2, id);
  }
}

BOOST_AUTO_TEST_CASE(the_prune_step_names_the_plans_retention) {
  const std::string rgs = Runs().Backup("ops", "rgs");
  BOOST_TEST(rgs.find("Keep the plan's retention of 1 year 2 months") != std::string::npos);
  BOOST_TEST(rgs.find("$Cutoff = (Get-Date).AddYears(-1).AddMonths(-2).ToString(\"yyyy-MM-dd-HHmm\"); "
                      "Get-ChildItem \"\\\\bk.example.com\\Lync\\rgs\" -Directory | Where-Object Name -like \"20??-??-??-????\" | "
                      "Where-Object Name -lt $Cutoff | Remove-Item -Recurse") != std::string::npos);
  BOOST_TEST(Runs().Backup("ops", "files").find("(Get-Date).AddDays(-14)") != std::string::npos);
  BOOST_TEST(Runs().Backup("ops", "users").find("retention of 90 days") != std::string::npos);
}

// A restore reads the newest run folder of the backup that wrote it.
BOOST_AUTO_TEST_CASE(restores_read_the_run_folders_backups_write) {
  const Rendered sample(SourceRoot() + "/samples/contoso/plan.xml");
  const std::string& md = sample.out.files().at("runbooks/storage.md");
  BOOST_TEST(md.find("$Run = Get-ChildItem \"\\\\bk01.contoso.com\\LyncBackup\\red-files\" -Directory | Where-Object Name -like "
                     "\"20??-??-??-????\" | Sort-Object Name | Select-Object -Last 1; Robocopy $Run.FullName "
                     "\\\\fs01.contoso.com\\LyncShare /E /R:2 /W:10") != std::string::npos);
  for (const auto& [path, bytes] : sample.out.files()) {
    if (path.rfind("runbooks/", 0) != 0) continue;
    BOOST_TEST(bytes.find("WITH INIT") == std::string::npos, path);
    BOOST_TEST(bytes.find("/MIR") == std::string::npos, path);
  }
}

// SQL Server's own rule for BACKUP is stated wherever a SQL Server backup is taken.
BOOST_AUTO_TEST_CASE(sql_backups_name_the_sql_server_rights) {
  const Profile& p = Runs().c.profile;
  for (const char* id : {"backup-sql-database", "backup-sql-logs"}) {
    const ProfileProcedure* pr = p.FindProcedure(id);
    BOOST_REQUIRE_MESSAGE(pr, id);
    for (const char* right : {"sysadmin", "db_owner", "db_backupoperator", "write access to the backup location"}) {
      BOOST_TEST(pr->permission.value.find(right) != std::string::npos, id << " names " << right);
    }
  }
  BOOST_TEST(p.FindTool("sqlcmd")->permission.value.find("db_backupoperator") != std::string::npos);
  const std::string arch = Runs().Backup("dba", "arch");
  BOOST_TEST(arch.find("| Permission | BACKUP DATABASE needs the sysadmin server role, or the db\\_owner or db\\_backupoperator role") !=
             std::string::npos);
}

// A mirrored Back End's databases are in the full recovery model: the sample backs their logs up
// every hour from whichever partner is the principal, into dated run folders, pruned to a month
// (the interval of its restore test, so a test always has logs to use).
BOOST_AUTO_TEST_CASE(a_mirrored_back_end_gets_log_backups) {
  const Rendered sample(SourceRoot() + "/samples/contoso/plan.xml");
  BOOST_TEST(!sample.c.diags.HasErrors());
  const std::string logs = sample.Backup("dba", "red-logs");
  BOOST_TEST(logs.find("| Schedule | hourly :30 (America/Los\\_Angeles time) |") != std::string::npos);
  BOOST_TEST(logs.find("foreach ($Sql in \"sql01.contoso.com\\rtc\", \"sql02.contoso.com\\rtc\")") != std::string::npos);
  BOOST_TEST(logs.find("m.mirroring_role_desc = N'PRINCIPAL' AND d.recovery_model_desc = N'FULL'") != std::string::npos);
  BOOST_TEST(logs.find("BACKUP LOG [$Db] TO DISK = N'$Dest\\$Db.trn' WITH CHECKSUM") != std::string::npos);
  BOOST_TEST(logs.find("$Dest = \"\\\\bk01.contoso.com\\LyncBackup\\red-logs\\$RunDate\"") != std::string::npos);
  BOOST_TEST(logs.find("DBCC SQLPERF(LOGSPACE)") != std::string::npos);
  BOOST_TEST(logs.find("(Get-Date).AddMonths(-1)") != std::string::npos);
  BOOST_TEST(logs.find("\\\\vault.fabrikam-dr.com\\contoso\\lync\\red-logs\\$RunDate") != std::string::npos);
  // A Back End without a mirror has no partner to name: the procedure cannot be filled there.
  auto v = BackupPlaceholders(Runs().c.plan, Runs().c.profile, Runs().c.plan.backups.front());
  BOOST_TEST(v.count("mirror") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

#include "worksheets_test_support.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

namespace plangen::wstest {
namespace fs = std::filesystem;

const std::string& TestPlan() {
  static const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<plan xmlns="urn:plangen:plan:1" id="t" version="1" profile="lync-server-2013">
  <title>Test plan</title>
  <roles>
    <role id="ops" kind="team" name="Operations" department="UC" role-kind="lync-admin"><contact type="email">ops@example.com</contact></role>
  </roles>
  <locations>
    <location id="local" path="\\bk\share" host="bk.example.com" types="settings database file-store" secure="yes" offsite="no"/>
    <location id="vault" path="\\vault\share" host="vault.example.com" types="settings database file-store" secure="yes" offsite="yes"/>
  </locations>
  <topology>
    <site id="s" name="Site">
      <pool id="pool01" fqdn="pool01.example.com" edition="enterprise" kind="front-end">
        <server fqdn="sql01.example.com" roles="back-end" instance="rtc"/>
        <server fqdn="fs01.example.com" roles="file-server"><service type="FileStore" share="share"/></server>
      </pool>
    </site>
  </topology>
  <backups>
    <backup id="users" item="rtcxds" server="sql01.example.com" owner="ops" schedule="daily 02:00" retention="P30D" locations="local vault"/>
    <backup id="files" item="file-store" server="fs01.example.com" owner="ops" schedule="every 6 hours" retention="P30D" locations="local"/>
    <backup id="xds" item="xds" server="sql01.example.com" owner="ops" schedule="daily 01:00" retention="P90D" locations="local vault"/>
  </backups>
  <scenarios>
    <scenario id="lost" title="Server lost" rto="PT4H" rpo="P1D" decider="ops" new-hardware="no" covers="sql01.example.com">
      <criteria>The server is lost.</criteria>
      <step id="restore" title="Restore" role="ops" estimate="PT1H"/>
    </scenario>
  </scenarios>
  <validations>
    <check id="v1" kind="V1" interval="P1D" owner="ops" records="Validation Log sheet"/>
    <check id="v3" kind="V3" interval="P1M" owner="ops"/>
    <check id="m1" kind="M1" interval="P6M" owner="ops" records="Change record"/>
  </validations>
</plan>
)";
  return xml;
}

std::string PlanAt(const std::string& needle, bool value) {
  const std::string& xml = TestPlan();
  size_t at = xml.find(needle);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "'" + needle + "' is not in the test plan");
  if (value) at += needle.size();
  int line = 1, col = 1;
  for (size_t i = 0; i < at; ++i) {
    if (xml[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return "plan.xml:" + std::to_string(line) + ":" + std::to_string(col);
}

namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\n': out += "&#10;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Where(const SourceManager& sm, const Loc& loc) {
  if (!loc.valid()) return "<nowhere>";
  ResolvedLoc r = sm.Resolve(loc);
  std::string file = r.file;
  if (loc.is_cell()) return file + ":" + r.sheet + "!" + r.cell;
  if (r.line == 0) return file;
  return file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
}

}  // namespace

std::string SpreadsheetMl(const std::vector<SheetRows>& sheets, bool prefixed) {
  std::string p = prefixed ? "ss:" : "";
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + p +
                    "Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\" "
                    "xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n";
  for (const SheetRows& s : sheets) {
    out += " <" + p + "Worksheet ss:Name=\"" + Escape(s.name) + "\">\n  <" + p + "Table>\n";
    for (const auto& row : s.rows) {
      out += "   <" + p + "Row>";
      for (const std::string& v : row) {
        if (v.empty()) {
          out += "<" + p + "Cell/>";
        } else {
          out += "<" + p + "Cell><" + p + "Data ss:Type=\"String\">" + Escape(v) + "</" + p + "Data></" + p + "Cell>";
        }
      }
      out += "</" + p + "Row>\n";
    }
    out += "  </" + p + "Table>\n </" + p + "Worksheet>\n";
  }
  return out + "</" + p + "Workbook>\n";
}

std::vector<SheetRows> CleanSheets() {
  const std::string dest2 = "\\\\bk\\share\n\\\\vault\\share";
  return {
      {"Database",
       {{"Database", "Server name (FQDN)", "Backup schedule", "Database backup tool", "Backup set", "Backup destination", "Notes", "Row id"},
        {"Rtc database on Back End Server for user data", "sql01.example.com", "daily 02:00", "Export-CsUserData",
         "Name: users-set\nExpiration: 2027-01-31", dest2, "", "users"}}},
      {"File Store",
       {{"Content", "Server name (FQDN)", "Backup schedule", "File system backup tool", "File share to be backed up *", "Backup destination", "Notes", "Row id"},
        {"Lync Server File Store", "fs01.example.com", "every 6 hours :00", "Robocopy", "\\\\fs01.example.com\\share",
         "\\\\bk\\share", "Files named Meeting.Active should not be backed up.", "files"}}},
      {"Settings",
       {{"Database", "Server name (FQDN)", "Backup schedule", "Backup tool", "Configuration file (.xml) name", "Backup location", "Notes", "Row id"},
        {"Xds database in Central Management store for topology configuration (global)", "sql01.example.com", "daily 01:00",
         "Export-CsConfiguration", "xds-xds.zip", dest2, "", "xds"}}},
  };
}

SheetRows CleanLog() {
  return {"Validation Log",
          {{"Date", "Check kind", "Target", "Result", "Measured duration", "Performed by"},
           {"2026-11-30", "V1", "all backups", "pass", "PT10M", "ops"},
           {"2026-11-20", "V3", "lost", "pass", "3 h 30 min", "ops"}}};
}

std::vector<std::string> SheetFindings(const Compilation& c) {
  std::vector<std::string> out;
  for (const Diagnostic* d : c.diags.Sorted()) {
    int code = Info(d->id).code;
    if (code < 4100 || code > 4199) continue;
    out.push_back(Where(c.sources, d->loc) + ": " + SeverityName(d->severity) + ": " + d->message + " [" +
                  CodeString(d->id) + "]");
    for (const Note& n : d->notes) out.push_back(Where(c.sources, n.loc) + ": note: " + n.message);
  }
  return out;
}

std::vector<std::string> Check(const std::vector<std::pair<std::string, std::string>>& files, const std::string& plan,
                               const std::string& as_of) {
  std::string tmpl = (fs::temp_directory_path() / "plangen-ws-XXXXXX").string();
  std::string dir = mkdtemp(tmpl.data());
  fs::create_directories(dir + "/returned");
  std::ofstream(dir + "/plan.xml", std::ios::binary) << (plan.empty() ? TestPlan() : plan);
  for (const auto& [name, bytes] : files) std::ofstream(dir + "/returned/" + name, std::ios::binary) << bytes;
  std::string cwd = fs::current_path().string();
  fs::current_path(dir);
  CompileOptions o;
  o.plan_path = "plan.xml";
  o.as_of = *ParseDate(as_of);
  o.worksheets = {"returned"};
  Compilation c;
  Compile(o, c);
  fs::current_path(cwd);
  std::error_code ec;
  fs::remove_all(dir, ec);
  return SheetFindings(c);
}

}  // namespace plangen::wstest

// Returned worksheets: recognising sheets, matching rows, and each cross-check rule with a
// failing and a passing case, asserting the exact text and the cell.
#include <boost/test/unit_test.hpp>

#include "worksheets_in/cell_text.h"
#include "worksheets_in/matching.h"
#include "worksheets_in/returned.h"
#include "worksheets_test_support.h"

using namespace plangen;
using namespace plangen::wstest;
using Lines = std::vector<std::string>;

namespace {

// The clean book with one cell changed: sheet index, 1-based row and column.
std::vector<SheetRows> Edited(size_t sheet, size_t row, size_t col, const std::string& value) {
  auto sheets = CleanSheets();
  sheets.at(sheet).rows.at(row - 1).at(col - 1) = value;
  return sheets;
}

Lines CheckBook(const std::vector<SheetRows>& sheets, bool prefixed = false) {
  return Check({{"book.xml", SpreadsheetMl(sheets, prefixed)}});
}

Lines CheckWithLog(const SheetRows& log, const std::string& as_of = "2026-12-01") {
  auto sheets = CleanSheets();
  sheets.push_back(log);
  return Check({{"book.xml", SpreadsheetMl(sheets)}}, "", as_of);
}

const std::string kUsersNote = ": note: backup 'users' in the plan";

// The clean book with its Backup set in two columns, as plangen writes it: name, then expiration.
std::vector<SheetRows> SplitSet(const std::string& name, const std::string& expiration) {
  auto sheets = CleanSheets();
  auto& rows = sheets.at(0).rows;
  rows.at(0).at(4) = "Backup set name";
  rows.at(0).insert(rows.at(0).begin() + 5, "Backup set expiration");
  rows.at(1).at(4) = name;
  rows.at(1).insert(rows.at(1).begin() + 5, expiration);
  return sheets;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(worksheets)

BOOST_AUTO_TEST_CASE(header_keys_ignore_case_spacing_and_punctuation) {
  BOOST_TEST(HeaderKey("Server name (FQDN)") == "servernamefqdn");
  BOOST_TEST(HeaderKey("  server NAME fqdn ") == "servernamefqdn");
  BOOST_TEST(WordsKey("  Rtc   database\non Back End ") == "rtc database on back end");
}

BOOST_AUTO_TEST_CASE(lengths_and_backup_sets_as_people_write_them) {
  BOOST_TEST(ParseLength("30 days")->TotalSeconds() == 30 * 86400);
  BOOST_TEST(ParseLength("P30D")->TotalSeconds() == 30 * 86400);
  BOOST_TEST(ParseLength("1 h 30 min")->TotalSeconds() == 5400);
  BOOST_TEST(ParseLength("2:15")->TotalSeconds() == 8100);
  BOOST_TEST(ParseLength("1 year and 2 weeks")->TotalSeconds() == (365 + 14) * 86400);
  BOOST_TEST(!ParseLength("soon"));
  BOOST_TEST(!ParseLength("30"));
  BackupSetCell set = ParseBackupSet("name:  Full-1 \r\nEXPIRATION : 2027-01-01");
  BOOST_TEST(set.name == "Full-1");
  BOOST_TEST(set.expiration == "2027-01-01");
}

BOOST_AUTO_TEST_CASE(clean_book_has_no_finding) {
  BOOST_TEST(CheckBook(CleanSheets()) == Lines{}, boost::test_tools::per_element());
}

// LibreOffice writes <ss:Worksheet> and names the sheet after the file; headers may differ in
// case and spacing. None of this matters.
BOOST_AUTO_TEST_CASE(sheets_are_recognised_by_header_not_name_or_prefix) {
  auto sheets = CleanSheets();
  for (auto& s : sheets) s.name = "book-" + s.name;
  sheets[0].rows[0][1] = "SERVER  NAME (fqdn)";
  sheets[0].rows[2 - 1][2] = "weekly sun 03:00";
  BOOST_TEST(CheckBook(sheets, true) ==
                 (Lines{"returned/book.xml:book-Database!C2: error: schedule 'weekly sun 03:00' differs from the plan's "
                        "'daily 02:00' [PG4108]",
                        PlanAt("<backup id=\"users\" item=\"rtcxds\" server=\"sql01.example.com\" owner=\"ops\" schedule=\"", true) + kUsersNote}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_title_row_above_the_headers_is_skipped) {
  auto sheets = CleanSheets();
  for (auto& s : sheets) s.rows.insert(s.rows.begin(), {"Worksheet of pool01"});
  BOOST_TEST(CheckBook(sheets) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_plan_backup_without_a_row) {
  auto sheets = CleanSheets();
  sheets[2].rows.pop_back();
  BOOST_TEST(CheckBook(sheets) ==
                 (Lines{PlanAt("<backup id=\"xds\"") +
                        ": error: backup 'xds' of 'xds' on 'sql01.example.com' has no row in the returned worksheets [PG4101]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(without_row_id_rows_match_by_wording_and_server) {
  auto sheets = CleanSheets();
  for (auto& s : sheets) {
    for (auto& r : s.rows) r.pop_back();
  }
  sheets[0].rows[1][0] = "  rtc   DATABASE ";  // an alias, other case and spacing
  sheets[0].rows[1][1] = "SQL01.example.com.";
  BOOST_TEST(CheckBook(sheets) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(rows_the_plan_does_not_know) {
  auto sheets = CleanSheets();
  auto extra = [&](std::vector<std::string> row) { sheets[0].rows.push_back(std::move(row)); };
  extra({"Rtc database", "sql09.example.com", "daily 02:00", "Export-CsUserData", "Name: a\nExpiration: P30D", "\\\\bk\\share", "", ""});
  extra({"Mystery database", "sql01.example.com", "daily 02:00", "Export-CsUserData", "Name: a\nExpiration: P30D", "\\\\bk\\share", "", ""});
  extra({"LcsLog", "sql01.example.com", "daily 02:00", "SQL Server Management Studio", "Name: a\nExpiration: P30D", "\\\\bk\\share", "", ""});
  extra({"Rtc database", "sql01.example.com", "daily 02:00", "Export-CsUserData", "Name: a\nExpiration: P30D", "\\\\bk\\share", "", "gone"});
  BOOST_TEST(CheckBook(sheets) ==
                 (Lines{"returned/book.xml:Database!B3: error: server 'sql09.example.com' is not in the plan [PG4102]",
                        "returned/book.xml:Database!A4: error: 'Mystery database' names no data item of the profile [PG4103]",
                        "returned/book.xml:Database!A5: error: the plan has no backup of 'lcslog' on 'sql01.example.com' [PG4105]",
                        "returned/book.xml:Database!H6: error: row id 'gone' is not a backup of the plan [PG4104]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(empty_cells_a_team_must_fill) {
  BOOST_TEST(CheckBook(Edited(0, 2, 3, "")) ==
                 (Lines{"returned/book.xml:Database!C2: warning: 'Backup schedule' is empty; the team must fill it in [PG4106]"}),
             boost::test_tools::per_element());
  // Notes are not the team's to fill: an empty one is fine (the clean book has empty notes).
  BOOST_TEST(CheckBook(Edited(0, 2, 7, "")) == Lines{}, boost::test_tools::per_element());
  // An untouched Backup set cell counts as empty.
  BOOST_TEST(CheckBook(Edited(0, 2, 5, "Name:\nExpiration:")) ==
                 (Lines{"returned/book.xml:Database!E2: warning: 'Backup set' is empty; the team must fill it in [PG4106]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(server_that_differs) {
  BOOST_TEST(CheckBook(Edited(0, 2, 2, "sql02.example.com")) ==
                 (Lines{"returned/book.xml:Database!B2: error: server 'sql02.example.com' differs from the plan's 'sql01.example.com' [PG4107]",
                        PlanAt("<backup id=\"users\" item=\"rtcxds\" server=\"", true) + kUsersNote}),
             boost::test_tools::per_element());
  BOOST_TEST(CheckBook(Edited(0, 2, 2, "SQL01.Example.com")) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(schedule_compared_by_meaning) {
  BOOST_TEST(CheckBook(Edited(0, 2, 3, "Daily 2:00 AM")) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(CheckBook(Edited(1, 2, 3, "Every 6 hours")) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(CheckBook(Edited(0, 2, 3, "daily 03:00")) ==
                 (Lines{"returned/book.xml:Database!C2: error: schedule 'daily 03:00' differs from the plan's 'daily 02:00' [PG4108]",
                        PlanAt("<backup id=\"users\" item=\"rtcxds\" server=\"sql01.example.com\" owner=\"ops\" schedule=\"", true) + kUsersNote}),
             boost::test_tools::per_element());
  BOOST_TEST(CheckBook(Edited(0, 2, 3, "now and then")).at(0).rfind(
                 "returned/book.xml:Database!C2: error: 'now and then' is not a schedule: ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(tool_that_differs) {
  BOOST_TEST(CheckBook(Edited(0, 2, 4, "Export-CsUserData cmdlet")) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(CheckBook(Edited(0, 2, 4, "Robocopy")) ==
                 (Lines{"returned/book.xml:Database!D2: error: tool 'Robocopy' differs from the plan's 'Export-CsUserData' [PG4109]",
                        PlanAt("<backup id=\"users\"") + kUsersNote}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(destination_that_differs) {
  // Any order, location ids, case and a trailing backslash are the same destination.
  BOOST_TEST(CheckBook(Edited(0, 2, 6, "VAULT\n\\\\BK\\share\\")) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(CheckBook(Edited(0, 2, 6, "\\\\bk\\share")) ==
                 (Lines{"returned/book.xml:Database!F2: error: destination '\\\\bk\\share' differs from the plan's "
                        "'\\\\bk\\share; \\\\vault\\share' [PG4110]",
                        PlanAt("local vault\"/>\n    <backup id=\"files\"") + kUsersNote}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(backup_set_name_and_expiration) {
  auto set = [](const std::string& v) { return CheckBook(Edited(0, 2, 5, v)); };
  BOOST_TEST(set("Name: a\nExpiration: 2026-12-31") == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(set("Name: a\nExpiration: 30 days") == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(set("Name: a\nExpiration: 1 month") == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(set("Name:\nExpiration: P30D") ==
                 (Lines{"returned/book.xml:Database!E2: error: the backup set has no name [PG4112]"}),
             boost::test_tools::per_element());
  BOOST_TEST(set("Name: a\nExpiration:") ==
                 (Lines{"returned/book.xml:Database!E2: error: the backup set has no expiration [PG4113]"}),
             boost::test_tools::per_element());
  BOOST_TEST(set("Name: a\nExpiration: 20 days") ==
                 (Lines{"returned/book.xml:Database!E2: error: expiration '20 days' is shorter than the plan's retention 'P30D' [PG4114]",
                        PlanAt("<backup id=\"users\" item=\"rtcxds\" server=\"sql01.example.com\" owner=\"ops\" schedule=\"daily 02:00\" retention=\"", true) + kUsersNote}),
             boost::test_tools::per_element());
  BOOST_TEST(set("Name: a\nExpiration: 2026-12-30") ==
                 (Lines{"returned/book.xml:Database!E2: error: expiration '2026-12-30' is shorter than the plan's retention "
                        "'P30D': it must last until 2026-12-31 [PG4114]",
                        PlanAt("<backup id=\"users\" item=\"rtcxds\" server=\"sql01.example.com\" owner=\"ops\" schedule=\"daily 02:00\" retention=\"", true) + kUsersNote}),
             boost::test_tools::per_element());
  BOOST_TEST(set("Name: a\nExpiration: soon") ==
                 (Lines{"returned/book.xml:Database!E2: error: expiration 'soon' is neither a date nor a length of time [PG4115]"}),
             boost::test_tools::per_element());
}

// A Backup set in two columns (name, expiration): read as one, each finding at its own cell; a
// name cell holding both lines, as one column held them, still counts.
BOOST_AUTO_TEST_CASE(backup_set_in_two_columns) {
  const std::string retention = PlanAt("<backup id=\"users\" item=\"rtcxds\" server=\"sql01.example.com\" owner=\"ops\" schedule=\"daily 02:00\" retention=\"", true) + kUsersNote;
  BOOST_TEST(CheckBook(SplitSet("users-set", "2027-01-31")) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(CheckBook(SplitSet("users-set", "30 days")) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(CheckBook(SplitSet("Name: a\nExpiration: 2027-01-31", "")) == Lines{}, boost::test_tools::per_element());
  BOOST_TEST(CheckBook(SplitSet("a", "20 days")) ==
                 (Lines{"returned/book.xml:Database!F2: error: expiration '20 days' is shorter than the plan's retention 'P30D' [PG4114]",
                        retention}),
             boost::test_tools::per_element());
  BOOST_TEST(CheckBook(SplitSet("a", "")) ==
                 (Lines{"returned/book.xml:Database!F2: error: the backup set has no expiration [PG4113]"}),
             boost::test_tools::per_element());
  BOOST_TEST(CheckBook(SplitSet("", "P30D")) ==
                 (Lines{"returned/book.xml:Database!E2: error: the backup set has no name [PG4112]"}),
             boost::test_tools::per_element());
  BOOST_TEST(CheckBook(SplitSet("", "")) ==
                 (Lines{"returned/book.xml:Database!E2: warning: 'Backup set' is empty; the team must fill it in [PG4106]"}),
             boost::test_tools::per_element());
  BOOST_TEST(CheckBook(SplitSet("a", "soon")) ==
                 (Lines{"returned/book.xml:Database!F2: error: expiration 'soon' is neither a date nor a length of time [PG4115]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(file_store_row_must_exclude_meeting_active) {
  BOOST_TEST(CheckBook(Edited(1, 2, 7, "Mirrored nightly.")) ==
                 (Lines{"returned/book.xml:File Store!G2: error: the File Store row does not exclude Meeting.Active files [PG4116]"}),
             boost::test_tools::per_element());
  // Said in the tool cell instead of the notes: fine.
  auto sheets = Edited(1, 2, 7, "");
  sheets[1].rows[1][3] = "Robocopy /XF meeting.active";
  BOOST_TEST(CheckBook(sheets) ==
                 (Lines{"returned/book.xml:File Store!D2: error: tool 'Robocopy /XF meeting.active' differs from the plan's 'Robocopy' [PG4109]",
                        PlanAt("<backup id=\"files\"") + ": note: backup 'files' in the plan"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_second_row_of_the_same_backup) {
  auto sheets = CleanSheets();
  sheets[0].rows.push_back(sheets[0].rows[1]);
  BOOST_TEST(CheckBook(sheets) ==
                 (Lines{"returned/book.xml:Database!H3: warning: backup 'users' has a second row in this workbook [PG4117]",
                        "returned/book.xml:Database!H2: note: first row here"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_file_without_worksheets_and_a_missing_column) {
  auto sheets = CleanSheets();
  for (auto& r : sheets[0].rows) r.erase(r.begin() + 5);  // Backup destination
  Lines got = Check({{"book.xml", SpreadsheetMl(sheets)}, {"notes.xml", SpreadsheetMl({{"Sheet1", {{"Hello"}, {"world"}}}})}});
  BOOST_TEST(got == (Lines{"returned/book.xml:Database!A1: warning: column 'Backup destination' of the Database Backup and "
                           "Restoration Worksheet is missing [PG4119]",
                           "returned/notes.xml:1:1: warning: no sheet of 'returned/notes.xml' has the header row of a profile "
                           "worksheet [PG4118]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(validation_log_clean_and_empty) {
  BOOST_TEST(CheckWithLog(CleanLog()) == Lines{}, boost::test_tools::per_element());
  // plangen writes the log with headers only: an empty log is not checked for overdue checks.
  SheetRows empty = CleanLog();
  empty.rows.resize(1);
  BOOST_TEST(CheckWithLog(empty) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(validation_check_not_logged_or_overdue) {
  SheetRows log = CleanLog();
  log.rows.pop_back();  // no V3
  BOOST_TEST(CheckWithLog(log) ==
                 (Lines{PlanAt("<check id=\"v3\"") + ": error: validation check 'v3' (V3) is not in the Validation Log [PG4120]"}),
             boost::test_tools::per_element());
  BOOST_TEST(CheckWithLog(CleanLog(), "2026-12-02") ==
                 (Lines{PlanAt("<check id=\"v1\"") + ": error: validation check 'v1' (V1) is overdue: last logged 2026-11-30, every P1D [PG4121]",
                        "returned/book.xml:Validation Log!A2: note: last logged here"}),
             boost::test_tools::per_element());
  // The day after the interval ran out is too late; the day it runs out is not.
  BOOST_TEST(CheckWithLog(CleanLog(), "2026-12-01") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(validation_log_entry_after_the_as_of_date) {
  // Logged on 2026-11-30: on the 29th that row records the future, and V1 was not yet done.
  BOOST_TEST(CheckWithLog(CleanLog(), "2026-11-29") ==
                 (Lines{PlanAt("<check id=\"v1\"") + ": error: validation check 'v1' (V1) is not in the Validation Log [PG4120]",
                        "returned/book.xml:Validation Log!A2: error: Validation Log entry dated 2026-11-30, after the as-of date 2026-11-29 [PG4126]"}),
             boost::test_tools::per_element());
  // On the day itself it is a record of today's check.
  BOOST_TEST(CheckWithLog(CleanLog(), "2026-11-30") == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(validation_failed_and_restore_too_long) {
  SheetRows log = CleanLog();
  log.rows[1][3] = "FAILED";
  log.rows[2][4] = "4 h 30 min";
  BOOST_TEST(CheckWithLog(log) ==
                 (Lines{"returned/book.xml:Validation Log!D2: error: V1 check of 'all backups' on 2026-11-30 failed [PG4122]",
                        "returned/book.xml:Validation Log!E3: error: test restore of 'lost' took 4 h 30 min, longer than its RTO of PT4H [PG4124]",
                        PlanAt("<scenario id=\"lost\" title=\"Server lost\" rto=\"", true) + ": note: scenario 'lost' in the plan"}),
             boost::test_tools::per_element());
  log = CleanLog();
  log.rows[2][2] = "Server lost";  // the scenario's title works as well as its id
  log.rows[2][4] = "4:00";
  BOOST_TEST(CheckWithLog(log) == Lines{}, boost::test_tools::per_element());
  log.rows[2][2] = "the lab";
  BOOST_TEST(CheckWithLog(log) ==
                 (Lines{"returned/book.xml:Validation Log!C3: warning: test restore target 'the lab' is not a scenario of the plan [PG4123]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(validation_log_bad_values) {
  SheetRows log = CleanLog();
  log.rows[1] = {"30/11/2026", "V9", "all", "maybe", "a while", "ops"};
  BOOST_TEST(CheckWithLog(log) ==
                 (Lines{PlanAt("<check id=\"v1\"") + ": error: validation check 'v1' (V1) is not in the Validation Log [PG4120]",
                        "returned/book.xml:Validation Log!A2: error: '30/11/2026' is not a valid date (yyyy-mm-dd) [PG4125]",
                        "returned/book.xml:Validation Log!B2: error: 'V9' is not a valid check kind (V1 to V5, M1) [PG4125]",
                        "returned/book.xml:Validation Log!D2: error: 'maybe' is not a valid result (pass or fail) [PG4125]",
                        "returned/book.xml:Validation Log!E2: error: 'a while' is not a valid duration (PT45M, 1 h 30 min) [PG4125]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

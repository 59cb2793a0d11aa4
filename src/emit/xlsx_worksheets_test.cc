// The worksheets written by plangen, read back by an independent reader (openpyxl) and by
// looking at the parts of the .xlsx archive.
#include <sys/resource.h>
#include <unistd.h>
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "driver/compile.h"
#include "emit/emitters.h"
#include "emit/xlsx_findings.h"
#include "emit/xlsx_workbook.h"
#include "emit/xlsx_worksheet_view.h"
#include "emit/xlsx_worksheets_writer.h"
#include "outside_program.h"
#include "temp_tree.h"
#include "test_paths.h"

namespace plangen {

bool EmitWorksheets(const EmitContext& ctx, OutputSet& out);  // emitters.def
bool EmitChecklistXlsx(const EmitContext& ctx, OutputSet& out);

namespace {

using testing::TempDir;

bool HaveOpenpyxl() {
  return testing::HaveOutsideProgram("/usr/bin/python3 with openpyxl (python3-openpyxl)",
                                     "/usr/bin/python3 -c 'import openpyxl'");
}

// The sample plan, compiled, with everything an emitter needs.
struct Sample {
  explicit Sample(const std::string& as_of = "2026-12-01") {
    CompileOptions o;
    o.plan_path = testing::SourceRoot() + "/samples/contoso/plan.xml";
    o.as_of = *ParseDate(as_of);
    Compile(o, c);
    date = o.as_of;
  }
  EmitContext Context() { return EmitContext{c.plan, c.profile, date, false, templates, c.diags, c.sources}; }
  OutputSet Emit() {
    OutputSet out;
    EmitContext ctx = Context();
    ok = EmitWorksheets(ctx, out);
    return out;
  }
  Compilation c;
  Date date;
  TemplateSet templates{"", testing::SourceRoot() + "/templates"};
  bool ok = false;
};

// One part of an .xlsx (a zip archive held in memory), or "" when it is missing.
std::string Part(const std::string& xlsx, const std::string& name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  std::string out;
  if (!z) {
    if (src) zip_source_free(src);
    return out;
  }
  zip_stat_t st;
  if (zip_stat(z, name.c_str(), 0, &st) == 0) {
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    out.resize(st.size);
    if (f && zip_fread(f, out.data(), st.size) != static_cast<zip_int64_t>(st.size)) out.clear();
    if (f) zip_fclose(f);
  }
  zip_close(z);
  return out;
}

std::string Messages(const DiagEngine& diags) {
  std::string out;
  for (const Diagnostic* d : diags.Sorted()) out += CodeString(d->id) + " " + d->message + "\n";
  return out;
}

// Reads workbooks with openpyxl and prints what a person would see, as JSON.
const char* kReader = R"PY(
import json, sys, openpyxl
out = {}
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    book = {"sheets": wb.sheetnames, "hidden": [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            rows.append(["" if c.value is None else c.value if isinstance(c.value, str) else repr(c.value) for c in row])
        cells = {}
        for ref in ("A1", "A2", "B2", "E2", "F2", "H2", "I2", "A3"):
            c = ws[ref]
            cells[ref] = {"locked": bool(c.protection.locked), "fill": c.fill.fgColor.rgb if c.fill and c.fill.fill_type else None,
                          "wrap": bool(c.alignment.wrap_text), "type": c.data_type}
        book[ws.title] = {
            "rows": rows,
            "freeze": ws.freeze_panes,
            "protected": bool(ws.protection.sheet),
            "landscape": ws.page_setup.orientation,
            "fit_to_page": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "fit_height": ws.page_setup.fitToHeight,
            "print_titles": ws.print_title_rows,
            "validations": [{"type": dv.type, "formula": dv.formula1, "range": str(dv.sqref), "error": dv.errorStyle}
                            for dv in ws.data_validations.dataValidation],
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
            "cells": cells,
            "comment": ws["A1"].comment.text if ws["A1"].comment else None,
        }
    out[path.rsplit("/", 1)[-1]] = book
print(json.dumps(out))
)PY";

// Runs the reader; nullopt (with a visible message) when openpyxl is not installed here.
std::optional<nlohmann::json> ReadWithOpenpyxl(const std::vector<std::string>& paths) {
  if (!HaveOpenpyxl()) return std::nullopt;
  TempDir s;
  std::string script = s.Write("read.py", kReader);
  std::string cmd = "/usr/bin/python3 " + script;
  for (const auto& p : paths) cmd += " '" + p + "'";
  cmd += " > " + s.path + "/out.json";
  BOOST_REQUIRE_EQUAL(std::system(cmd.c_str()), 0);
  std::ifstream in(s.path + "/out.json");
  return nlohmann::json::parse(in);
}

}  // namespace

namespace {

// Reads each row's height and what its wrapped text needs at least (each line of a cell's text at
// most width - 1 characters a line, 15 points a line), and every date cell, with openpyxl.
const char* kHeightReader = R"PY(
import json, math, sys, openpyxl
out = {}
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    book = {}
    for ws in wb.worksheets:
        widths = {k: v.width for k, v in ws.column_dimensions.items()}
        rows, dates = [], []
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            need = 1
            for c in row:
                if c.is_date:
                    dates.append({"cell": c.coordinate, "value": c.value.strftime("%Y-%m-%d"), "format": c.number_format})
                if isinstance(c.value, str) and c.alignment.wrap_text:
                    per = max(1, int((widths.get(c.column_letter) or 8.43) - 1))
                    need = max(need, sum(max(1, math.ceil(len(l) / per)) for l in c.value.split("\n")))
            rows.append({"row": row[0].row, "height": ws.row_dimensions[row[0].row].height, "need": need})
        book[ws.title] = {"rows": rows, "dates": dates}
    out[path.rsplit("/", 1)[-1]] = book
print(json.dumps(out))
)PY";

// Every row whose wrapped text needs more than one line is tall enough for it; returns how many
// such rows there are.
int CheckHeights(const nlohmann::json& sheet, const std::string& name) {
  int tall = 0;
  for (const auto& r : sheet["rows"]) {
    int need = r["need"].get<int>();
    if (need < 2) continue;
    ++tall;
    BOOST_TEST_INFO(name << " row " << r["row"] << " needs " << need << " lines");
    BOOST_TEST(!r["height"].is_null());
    if (!r["height"].is_null()) BOOST_TEST(r["height"].get<double>() >= 15.0 * need);
  }
  return tall;
}

}  // namespace

namespace {

std::optional<nlohmann::json> ReadHeights(const std::vector<std::string>& paths) {
  if (!HaveOpenpyxl()) return std::nullopt;
  TempDir s;
  std::string cmd = "/usr/bin/python3 " + s.Write("heights.py", kHeightReader);
  for (const auto& p : paths) cmd += " '" + p + "'";
  cmd += " > " + s.path + "/out.json";
  BOOST_REQUIRE_EQUAL(std::system(cmd.c_str()), 0);
  std::ifstream in(s.path + "/out.json");
  return nlohmann::json::parse(in);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx)

BOOST_AUTO_TEST_CASE(wrap_measure_counts_lines_as_a_spreadsheet_wraps) {
  BOOST_TEST(xlsx::WrappedLines("", 10) == 1);
  BOOST_TEST(xlsx::WrappedLines("short", 10) == 1);
  BOOST_TEST(xlsx::WrappedLines("one\ntwo\nthree", 10) == 3);
  // 9 characters a line at width 10: "aaaa bbbb" fits, "cccc" goes on.
  BOOST_TEST(xlsx::WrappedLines("aaaa bbbb cccc", 10) == 2);
  // Words are not cut to fill a line: "aaaaaa" then "bbbbbb" (12 characters, 2 lines by count too).
  BOOST_TEST(xlsx::WrappedLines("aaaaaa bbbbbb", 10) == 2);
  BOOST_TEST(xlsx::WrappedLines("aaaaa bbbbbbbbb", 10) == 2);
  BOOST_TEST(xlsx::WrappedLines("aaaaa bbbbb ccccc", 12) == 2);  // count alone says 2 as well
  BOOST_TEST(xlsx::WrappedLines("aaaaaaa bbbbbbb ccccccc", 17) == 2);
  BOOST_TEST(xlsx::WrappedLines("aaaaaaa bbbbbbb ccccccc", 15) == 3);  // count alone says 2
  BOOST_TEST(xlsx::WrappedLines(std::string(25, 'x'), 10) == 3);      // a long word breaks at the edge
  BOOST_TEST(xlsx::WrappedLines("\xC3\xA9\xC3\xA9\xC3\xA9", 4) == 1);    // characters, not bytes
  BOOST_TEST(xlsx::RowPoints({"a", "aaaa bbbb cccc"}, {8, 10}) == 30.0);
}

// LibreOffice keeps the row heights a file gives: every wrapped row of all.xlsx's Summary and of
// validation.xlsx is as tall as its text; validation.xlsx's due dates are date cells.
BOOST_AUTO_TEST_CASE(wrapped_rows_are_tall_enough_and_dates_are_dates) {
  Sample s;
  OutputSet out = s.Emit();
  BOOST_REQUIRE(s.ok);
  EmitContext ctx = s.Context();
  BOOST_REQUIRE(EmitChecklistXlsx(ctx, out));
  TempDir dir;
  std::string all = dir.Write("all.xlsx", out.files().at("worksheets/all.xlsx"));
  std::string checklist = dir.Write("validation.xlsx", out.files().at("checklists/validation.xlsx"));
  auto j = ReadHeights({all, checklist});
  if (!j) return;
  const auto& book = (*j)["all.xlsx"];
  int tall = 0;
  for (const auto& [name, sheet] : book.items()) tall += CheckHeights(sheet, "all.xlsx " + name);
  BOOST_TEST(CheckHeights(book["Summary"], "all.xlsx Summary") > 0);
  BOOST_TEST(tall > 5);
  const auto& v = (*j)["validation.xlsx"]["Validation checklist"];
  BOOST_TEST(CheckHeights(v, "validation.xlsx") > 3);
  int due = 0;
  for (const auto& d : v["dates"]) {
    std::string cell = d["cell"];
    BOOST_TEST((cell[0] == 'F' || cell[0] == 'G'), cell);
    BOOST_TEST(d["format"].get<std::string>().rfind("yyyy-mm-dd", 0) == 0u, cell);
    due += cell[0] == 'F';
  }
  BOOST_TEST(due == static_cast<int>(s.c.plan.checks.size()));
  BOOST_TEST(v["dates"].size() > 0u);
}

BOOST_AUTO_TEST_CASE(sheet_names_are_made_valid_and_unique) {
  using xlsx::MakeSheetName;
  using xlsx::SheetNameProblem;
  BOOST_TEST(SheetNameProblem("Database") == "");
  BOOST_TEST(SheetNameProblem("File Store") == "");
  BOOST_TEST(SheetNameProblem("") == "it is empty");
  BOOST_TEST(SheetNameProblem("a:b") == "it holds ':'");
  BOOST_TEST(SheetNameProblem("'quoted") == "it begins or ends with an apostrophe");
  BOOST_TEST(SheetNameProblem("history") == "Excel reserves the name 'History'");
  BOOST_TEST(SheetNameProblem(std::string(31, 'x')) == "");
  BOOST_TEST(SheetNameProblem(std::string(32, 'x')) == "it is longer than 31 characters");
  // 31 characters of two bytes each are still 31 characters.
  std::string e31;
  for (int i = 0; i < 31; ++i) e31 += "\xC3\xA9";
  BOOST_TEST(SheetNameProblem(e31) == "");

  BOOST_TEST(MakeSheetName("Database", {}) == "Database");
  BOOST_TEST(MakeSheetName("Q1/Q2 [draft]: *?\\", {}) == "Q1_Q2 _draft__ ___");
  BOOST_TEST(MakeSheetName("'x'", {}) == "x");
  BOOST_TEST(MakeSheetName("History", {}) == "History_");
  BOOST_TEST(MakeSheetName("", {}) == "Sheet");
  BOOST_TEST(MakeSheetName("database", {"Database"}) == "database (2)");
  BOOST_TEST(MakeSheetName("Database", {"Database", "database (2)"}) == "Database (3)");
  std::string long_name(40, 'y');
  BOOST_TEST(MakeSheetName(long_name, {}) == std::string(31, 'y'));
  BOOST_TEST(MakeSheetName(long_name, {std::string(31, 'y')}) == std::string(27, 'y') + " (2)");
  BOOST_TEST(SheetNameProblem(MakeSheetName(e31 + "\xC3\xA9", {e31})) == "");
}

BOOST_AUTO_TEST_CASE(utf8_and_ooxml_escapes) {
  BOOST_TEST(xlsx::Utf8Length("abc") == 3u);
  BOOST_TEST(xlsx::Utf8Length("\xC3\xA9t\xC3\xA9") == 3u);
  BOOST_TEST(xlsx::Utf8Length("\xF0\x9F\x98\x80") == 1u);
  BOOST_TEST(xlsx::Utf8Length("\xC3") == std::string::npos);         // cut sequence
  BOOST_TEST(xlsx::Utf8Length("\xC0\xAF") == std::string::npos);     // overlong '/'
  BOOST_TEST(xlsx::Utf8Length("\xED\xA0\x80") == std::string::npos); // surrogate
  BOOST_TEST(xlsx::EscapeOoxmlLiterals("a_x0041_b") == "a_x005F_x0041_b");
  BOOST_TEST(xlsx::EscapeOoxmlLiterals("_x00_ and _xGGGG_") == "_x00_ and _xGGGG_");
}

BOOST_AUTO_TEST_CASE(workbook_reports_text_it_cannot_write_whole) {
  SourceManager sm;
  DiagEngine diags(sm);
  xlsx::WorkbookOptions o;
  o.created = *ParseDate("2026-12-01");
  xlsx::Workbook wb("worksheets/t.xlsx", o, diags);
  int s = wb.AddSheet("Data", Loc{});
  BOOST_REQUIRE(s == 0);
  BOOST_TEST(wb.Text(s, 0, 0, std::string(32767, 'a'), xlsx::Style::kEditable, Loc{}));
  BOOST_TEST(diags.errors() == 0);  // exactly at the limit: fine
  BOOST_TEST(wb.Text(s, 1, 0, std::string(32768, 'a'), xlsx::Style::kEditable, Loc{}));
  BOOST_TEST(wb.Text(s, 2, 0, "bad \xFF byte", xlsx::Style::kEditable, Loc{}));
  BOOST_TEST(wb.AddSheet("data", Loc{}) == 1);
  BOOST_TEST(wb.SheetName(1) == "data (2)");
  std::string bytes;
  BOOST_TEST(wb.Finish(&bytes));
  BOOST_TEST(Messages(diags) ==
             "PG3202 text of 32768 characters does not fit in a cell of 'worksheets/t.xlsx' (Excel holds at most 32,767)\n"
             "PG3203 text written to 'worksheets/t.xlsx' is not valid UTF-8\n"
             "PG3204 sheet name 'data' cannot be used in Excel (another sheet has that name); the sheet is named 'data (2)'\n");
  std::string sheet = Part(bytes, "xl/sharedStrings.xml");
  BOOST_TEST(sheet.find("bad \xEF\xBF\xBD byte") != std::string::npos);
  BOOST_TEST(sheet.find(std::string(32768, 'a')) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_workbook_per_pool_with_backups_and_all) {
  Sample s;
  const std::string before = Messages(s.c.diags);
  OutputSet out = s.Emit();
  BOOST_TEST(s.ok);
  std::vector<std::string> names;
  for (const auto& [path, bytes] : out.files()) names.push_back(path);
  // edge01 has no backups, so no workbook; se01 is named after its Standard Edition server.
  std::vector<std::string> expected = {"worksheets/all.xlsx", "worksheets/pchat01.contoso.com.xlsx",
                                       "worksheets/pool01.contoso.com.xlsx", "worksheets/se01.dublin.contoso.com.xlsx"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  BOOST_TEST(Messages(s.c.diags) == before);  // writing added no finding
}

BOOST_AUTO_TEST_CASE(rows_follow_the_profile_layout) {
  Sample s;
  EmitContext ctx = s.Context();
  std::vector<xlsx::WorkbookView> books = xlsx::PoolWorkbooks(ctx);
  BOOST_REQUIRE(books.size() == 3u);
  const xlsx::WorkbookView& pool01 = books[0];
  BOOST_TEST(pool01.name == "pool01.contoso.com");
  BOOST_REQUIRE(pool01.sheets.size() == 3u);
  const xlsx::SheetView& db = pool01.sheets[0];
  BOOST_TEST(db.layout->sheet.value == "Database");
  // Microsoft's row order (Rtc, LcsLog, LcsCdr, QoEMetrics), not the plan's.
  std::vector<std::string> ids;
  for (const auto& r : db.rows) ids.push_back(r.cells.back().text);
  std::vector<std::string> want = {"red-users", "red-archiving", "red-cdr", "red-qoe"};
  BOOST_TEST(ids == want, boost::test_tools::per_element());
  const xlsx::ViewRow& users = db.rows[0];
  BOOST_TEST(users.cells[0].text == "Rtc database on Back End Server for user data");
  BOOST_TEST(users.cells[0].locked);
  BOOST_TEST(users.cells[1].text == "sql01.contoso.com");
  BOOST_TEST(users.cells[2].text == "daily 00:45");
  BOOST_TEST(users.cells[3].text == "Export-CsUserData");
  BOOST_TEST(users.cells[4].text == "");  // the writer makes it two cells, name and expiration
  BOOST_TEST(users.cells[4].to_fill);
  BOOST_TEST(users.cells[5].text == "\\\\bk01.contoso.com\\LyncBackup\n\\\\vault.fabrikam-dr.com\\contoso\\lync");
  BOOST_TEST(!users.cells[5].to_fill);
  BOOST_TEST(users.cells[7].locked);
  // Settings rows name the configuration file; the File Store row its share and Meeting.Active.
  const xlsx::ViewRow& xds = pool01.sheets[2].rows[0];
  BOOST_TEST(xds.cells[4].text == "xds-red-xds.zip");
  const xlsx::ViewRow& files = pool01.sheets[1].rows[0];
  BOOST_TEST(files.cells[1].text == "fs01.contoso.com");
  BOOST_TEST(files.cells[2].text == "every 6 hours :00");
  BOOST_TEST(files.cells[4].text == "\\\\fs01.contoso.com\\LyncShare");
  BOOST_TEST(files.cells[6].text.find("Meeting.Active") != std::string::npos);
  // The Persistent Chat pool has the mgc row only.
  BOOST_TEST(books[1].name == "pchat01.contoso.com");
  BOOST_TEST(books[1].RowCount() == 1u);
  BOOST_TEST(books[1].sheets[0].rows[0].cells[3].text == "Export-CsPersistentChatData");
  // One row per backup of an item with a worksheet (the mirrored Back End's log backups have none).
  size_t with_sheet = 0;
  for (const Backup& b : ctx.plan.backups) with_sheet += ctx.profile.LayoutForItem(b.item.value) != nullptr;
  BOOST_TEST(with_sheet == ctx.plan.backups.size() - 1);
  BOOST_TEST(xlsx::AllWorkbook(ctx).RowCount() == with_sheet);
}

BOOST_AUTO_TEST_CASE(a_cell_the_plan_leaves_empty_is_highlighted) {
  Sample s;
  s.c.plan.backups[0].locations.clear();  // red-xds: the destination is now for the team to fill
  EmitContext ctx = s.Context();
  const WorksheetLayout* settings = ctx.profile.FindWorksheet("settings");
  xlsx::ViewRow row = xlsx::BackupRow(ctx, *settings, s.c.plan.backups[0]);
  BOOST_TEST(row.cells[5].text == "");
  BOOST_TEST(row.cells[5].to_fill);
  BOOST_TEST(!row.cells[6].to_fill);  // Notes: the profile does not ask the team to fill it
}

BOOST_AUTO_TEST_CASE(same_plan_and_as_of_give_identical_bytes) {
  Sample a, b, later("2026-12-02");
  OutputSet oa = a.Emit(), ob = b.Emit(), ol = later.Emit();
  BOOST_REQUIRE(oa.files().size() == 4u);
  for (const auto& [path, bytes] : oa.files()) {
    BOOST_TEST_CONTEXT(path) {
      BOOST_TEST((bytes == ob.files().at(path)));
      // Only the creation date follows --as-of.
      BOOST_TEST((bytes != ol.files().at(path)));
      BOOST_TEST(Part(bytes, "docProps/core.xml").find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-12-01T00:00:00Z") !=
                 std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(hostile_text_stays_text) {
  Sample s;
  const std::vector<std::string> hostile = {"=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)"};
  for (size_t i = 0; i < hostile.size(); ++i) s.c.plan.backups[i].notes.value = hostile[i];
  s.c.plan.backups[4].server.value = "=HYPERLINK(\"http://x\")";
  OutputSet out = s.Emit();
  const std::string& book = out.files().at("worksheets/pool01.contoso.com.xlsx");
  std::string strings = Part(book, "xl/sharedStrings.xml");
  for (const auto& h : {"=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)"}) BOOST_TEST(strings.find(h) != std::string::npos);
  for (int i = 1; i <= 3; ++i) {
    std::string sheet = Part(book, "xl/worksheets/sheet" + std::to_string(i) + ".xml");
    BOOST_REQUIRE(!sheet.empty());
    BOOST_TEST(sheet.find("<f>") == std::string::npos);
  }
  // all.xlsx as well, in both memory modes.
  BOOST_TEST(Part(out.files().at("worksheets/all.xlsx"), "xl/worksheets/sheet2.xml").find("<f>") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(openpyxl_sees_headers_values_validations_and_panes) {
  Sample s;
  OutputSet out = s.Emit();
  BOOST_REQUIRE(s.ok);
  TempDir dir;
  std::string pool = dir.Write("pool01.contoso.com.xlsx", out.files().at("worksheets/pool01.contoso.com.xlsx"));
  std::string all = dir.Write("all.xlsx", out.files().at("worksheets/all.xlsx"));
  auto read = ReadWithOpenpyxl({pool, all});
  if (!read) return;
  const nlohmann::json& p = (*read)["pool01.contoso.com.xlsx"];
  std::vector<std::string> sheets = p["sheets"];
  std::vector<std::string> want_sheets = {"Database", "File Store", "Settings", "Validation Log"};
  BOOST_TEST(sheets == want_sheets, boost::test_tools::per_element());
  const nlohmann::json& db = p["Database"];
  std::vector<std::string> headers = db["rows"][0];
  std::vector<std::string> want = {"Database", "Server name (FQDN)", "Backup schedule", "Database backup tool",
                                   "Backup set name", "Backup set expiration", "Backup destination", "Notes", "Row id"};
  BOOST_TEST(headers == want, boost::test_tools::per_element());
  BOOST_TEST(db["rows"][1][0] == "Rtc database on Back End Server for user data");
  BOOST_TEST(db["rows"][1][2] == "daily 00:45");
  BOOST_TEST(db["rows"][1][4] == "");
  BOOST_TEST(db["rows"][1][5] == "");
  BOOST_TEST(db["rows"][1][8] == "red-users");
  BOOST_TEST(db["freeze"] == "A2");
  BOOST_TEST(db["protected"] == true);
  BOOST_TEST(db["landscape"] == "landscape");
  BOOST_TEST(db["fit_to_page"] == true);  // one page wide (fitToWidth defaults to 1)
  BOOST_TEST(db["fit_height"] == 0);  // as many pages tall as needed
  BOOST_TEST(db["print_titles"] == "$1:$1");
  BOOST_TEST(db["cells"]["A1"]["locked"] == true);
  BOOST_TEST(db["cells"]["A2"]["locked"] == true);   // derived wording
  BOOST_TEST(db["cells"]["I2"]["locked"] == true);   // row id
  BOOST_TEST(db["cells"]["B2"]["locked"] == false);  // the team may correct the server
  BOOST_TEST(db["cells"]["B2"]["wrap"] == true);
  BOOST_TEST(db["cells"]["E2"]["fill"] == "FFFFF2CC");  // backup set name: to fill, highlighted
  BOOST_TEST(db["cells"]["F2"]["fill"] == "FFFFF2CC");  // and its expiration
  BOOST_TEST(db["cells"]["F2"]["locked"] == false);
  BOOST_TEST(db["cells"]["B2"]["fill"] == nullptr);
  BOOST_TEST(std::string(db["comment"]).find("Database Backup and Restoration Worksheet") == 0);
  BOOST_REQUIRE(db["validations"].size() == 1u);
  BOOST_TEST(db["validations"][0]["type"] == "list");
  BOOST_TEST(db["validations"][0]["range"] == "D2:D1000");
  BOOST_TEST(db["validations"][0]["error"] == "warning");
  std::string tools = db["validations"][0]["formula"];
  BOOST_TEST(tools.find("Export-CsUserData") != std::string::npos);
  BOOST_TEST(tools.find("SQL Server Management Studio") != std::string::npos);
  BOOST_TEST(db["widths"]["A"].get<double>() > 40);

  const nlohmann::json& log = p["Validation Log"];
  std::vector<std::string> log_headers = log["rows"][0];
  std::vector<std::string> want_log = {"Date", "Check kind", "Target", "Result", "Measured duration", "Performed by"};
  BOOST_TEST(log_headers == want_log, boost::test_tools::per_element());
  BOOST_TEST(log["freeze"] == "A2");
  std::map<std::string, std::string> dv;
  for (const auto& v : log["validations"]) dv[v["range"].get<std::string>()] = v["type"].get<std::string>() + " " + v["formula"].get<std::string>() + " " + v["error"].dump();
  BOOST_TEST(dv["A2:A1000"].find("date") == 0);
  BOOST_TEST(dv["B2:B1000"] == "list \"V1,V2,V3,V4,V5,M1\" null");  // stop (openpyxl's default) refuses others
  BOOST_TEST(dv["D2:D1000"] == "list \"pass,fail\" null");

  const nlohmann::json& a = (*read)["all.xlsx"];
  std::vector<std::string> all_sheets = a["sheets"];
  std::vector<std::string> want_all = {"Summary", "Database", "File Store", "Settings", "Validation Log"};
  BOOST_TEST(all_sheets == want_all, boost::test_tools::per_element());
  size_t rows = 0;
  for (const char* sh : {"Database", "File Store", "Settings"}) rows += a[sh]["rows"].size() - 1;
  BOOST_TEST(rows == s.c.plan.backups.size() - 1);  // red-logs has no worksheet row
  BOOST_TEST(a["Summary"]["rows"][0][0] == "Backups per pool");
  BOOST_TEST(a["Summary"]["rows"][2][0] == "pool01.contoso.com");
  BOOST_TEST(a["Summary"]["rows"][2][3] == "9");
}

BOOST_AUTO_TEST_CASE(large_plan_uses_constant_memory) {
  Sample s;
  // 10,000 servers' worth of rows: the sample's backups repeated with new ids.
  std::vector<Backup> base = s.c.plan.backups;
  s.c.plan.backups.clear();
  const size_t copies = 10000 / base.size() + 1;
  for (size_t k = 0; k < copies; ++k) {
    for (Backup b : base) {
      b.id.value += "-" + std::to_string(k);
      s.c.plan.backups.push_back(b);
    }
  }
  EmitContext ctx = s.Context();
  const std::string before = Messages(s.c.diags);
  xlsx::WorkbookView all = xlsx::AllWorkbook(ctx);
  BOOST_REQUIRE(all.RowCount() > xlsx::kConstantMemoryRows);
  auto summary = xlsx::SummaryTables(ctx);
  xlsx::WriteOptions o;
  o.constant_memory = true;
  o.summary = &summary;
  std::string bytes;
  auto t0 = std::chrono::steady_clock::now();
  BOOST_REQUIRE(xlsx::WriteWorksheetWorkbook(ctx, all, o, &bytes));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  BOOST_TEST_MESSAGE("all.xlsx with " << all.RowCount() << " rows in constant-memory mode: " << bytes.size()
                                      << " bytes in " << secs << " s; process peak RSS " << ru.ru_maxrss / 1024 << " MiB");
  // Constant-memory mode writes inline strings, no shared string table.
  std::string db = Part(bytes, "xl/worksheets/sheet2.xml");
  BOOST_TEST(db.find("t=\"inlineStr\"") != std::string::npos);
  BOOST_TEST(db.find("<f>") == std::string::npos);
  BOOST_TEST(db.find("red-users-" + std::to_string(copies - 1)) != std::string::npos);
  // The same view written twice is the same file in this mode too.
  std::string again;
  BOOST_REQUIRE(xlsx::WriteWorksheetWorkbook(ctx, all, o, &again));
  BOOST_TEST((bytes == again));
  BOOST_TEST(Messages(s.c.diags) == before);
}

BOOST_AUTO_TEST_CASE(findings_map_to_the_attribute_they_point_into) {
  const std::string text =
      "<plan>\n"
      "<backup id=\"b1\" item=\"xds\" server=\"s1\" schedule=\"daily 01:00\" retention=\"P1D\" locations=\"a b\" procedure=\"p\"/>\n"
      "<backup id=\"b2\" server='s2' locations=\"a\"></backup>\n"
      "<other server=\"s1\"/>\n"
      "</plan>\n";
  SourceManager sm;
  const int32_t f = sm.AddFile("plan.xml", text);
  DiagEngine diags(sm);
  Plan plan;
  auto at = [&](const std::string& needle, size_t from = 0) { return Loc::At(f, static_cast<uint32_t>(text.find(needle, from))); };
  const size_t b2 = text.find("<backup id=\"b2\"");
  plan.backups.resize(2);
  plan.backups[0].loc = at("<backup id=\"b1\"");
  plan.backups[1].loc = Loc::At(f, static_cast<uint32_t>(b2));
  diags.Report(DiagId::warn_backup_no_offsite, at("a b"), {"b1"});           // inside locations' value
  diags.Report(DiagId::warn_backup_no_secure, at("locations=\"a b\""), {"b1"});  // on the attribute name
  diags.Report(DiagId::warn_backup_no_offsite, at("s2'"), {"b2"});             // single-quoted value
  diags.Report(DiagId::warn_backup_no_offsite, at("daily"), {"sched"});
  diags.Report(DiagId::warn_backup_no_offsite, at("P1D"), {"ret"});
  diags.Report(DiagId::warn_backup_no_offsite, at("\"p\""), {"proc"});
  diags.Report(DiagId::warn_backup_no_offsite, at("xds"), {"item"});
  diags.Report(DiagId::warn_backup_no_offsite, at("server=\"s1\"", text.find("<other")), {"outside"})
      .AddNote(at("id=\"b2\""), "the backup it is about");                  // a note inside b2's tag
  diags.Report(DiagId::warn_backup_no_offsite, at("</backup>"), {"after-the-tag"});
  diags.Report(DiagId::err_backup_missing, at("s1"), {"x", "s1"});

  xlsx::FindingIndex index(plan, sm, diags.Sorted(), /*with_errors=*/false);
  const Backup& one = plan.backups[0];
  const Backup& two = plan.backups[1];
  BOOST_TEST(index.CommentFor(one, "destination") ==
             "PG2104 warning: backup 'b1' has no secure location\nPG2103 warning: backup 'b1' has no offsite location");
  BOOST_TEST(index.CommentFor(one, "schedule") == "PG2103 warning: backup 'sched' has no offsite location");
  BOOST_TEST(index.CommentFor(one, "backup-set") == "PG2103 warning: backup 'ret' has no offsite location");
  BOOST_TEST(index.CommentFor(one, "tool") == "PG2103 warning: backup 'proc' has no offsite location");
  BOOST_TEST(index.CommentFor(one, "item") == "PG2103 warning: backup 'item' has no offsite location");
  BOOST_TEST(index.CommentFor(one, "server") == "");  // the error is left out without --draft
  BOOST_TEST(index.CommentFor(two, "server") == "PG2103 warning: backup 'b2' has no offsite location");
  BOOST_TEST(index.CommentFor(two, "item") == "PG2103 warning: backup 'outside' has no offsite location");
  BOOST_TEST(index.size() == 7u);  // nothing for the element past b2's start tag

  xlsx::FindingIndex draft(plan, sm, diags.Sorted(), /*with_errors=*/true);
  BOOST_TEST(draft.CommentFor(one, "server") == "PG2101 error: no backup of data item 'x' on server 's1'");

  // A comment stays within what Excel holds; the findings left out are counted.
  std::vector<std::string> many(1000, std::string(100, 'x'));
  const std::string joined = xlsx::JoinFindings(many);
  BOOST_TEST(joined.size() <= xlsx::kMaxCellChars);
  BOOST_TEST(joined.find("\n... and 677 more findings: see the report") != std::string::npos);
  BOOST_TEST(xlsx::JoinFindings({"a", "b"}) == "a\nb");
}

BOOST_AUTO_TEST_CASE(a_finding_on_a_backup_is_a_comment_on_its_cell) {
  std::ifstream in(testing::SourceRoot() + "/samples/contoso/plan.xml", std::ios::binary);
  std::string plan((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string was = "<backup id=\"red-xds\" item=\"xds\" server=\"sql01.contoso.com\" owner=\"lync-ops\" schedule=\"daily 00:00\" retention=\"P90D\" locations=\"red-backup vault\"/>";
  const size_t at = plan.find(was);
  BOOST_REQUIRE(at != std::string::npos);
  plan.replace(at, was.size(), "<backup id=\"red-xds\" item=\"xds\" server=\"sql01.contoso.com\" owner=\"lync-ops\" schedule=\"daily 00:00\" retention=\"P90D\" locations=\"red-backup\"/>");
  TempDir dir;
  CompileOptions o;
  o.plan_path = dir.Write("plan.xml", plan);
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  // The edit also makes the plan's approvals stale: two PG2303 errors, on the approvals, not on a
  // backup. The build is a --draft one, whose errors are shown too when they concern a backup.
  BOOST_REQUIRE(Messages(c.diags).find("PG2103 backup 'red-xds' has no offsite location\n") != std::string::npos);
  BOOST_REQUIRE_EQUAL(c.diags.errors(), 2);
  TemplateSet templates{"", testing::SourceRoot() + "/templates"};
  EmitContext ctx{c.plan, c.profile, o.as_of, /*draft=*/true, templates, c.diags, c.sources};
  const std::string want = "PG2103 warning: backup 'red-xds' has no offsite location";

  // The view puts it on the destination of red-xds's row, and nowhere else.
  xlsx::WorkbookView all = xlsx::AllWorkbook(ctx);
  size_t comments = 0;
  for (const auto& sheet : all.sheets) {
    for (const auto& row : sheet.rows) {
      for (size_t col = 0; col < row.cells.size(); ++col) {
        if (row.cells[col].comment.empty()) continue;
        ++comments;
        BOOST_TEST(row.backup->id.value == "red-xds");
        BOOST_TEST(sheet.layout->columns.at(col).id.value == "destination");
        BOOST_TEST(row.cells[col].comment == want);
      }
    }
  }
  BOOST_TEST(comments == 1u);

  OutputSet out;
  BOOST_REQUIRE(EmitWorksheets(ctx, out));
  // In the archive: one comment part holds the cell comment next to the sheet's A1 comment.
  for (const char* book : {"worksheets/pool01.contoso.com.xlsx", "worksheets/all.xlsx"}) {
    BOOST_TEST_CONTEXT(book) {
      size_t found = 0;
      for (int i = 1; i <= 5; ++i) {
        std::string part = Part(out.files().at(book), "xl/comments" + std::to_string(i) + ".xml");
        if (part.find("has no offsite location") != std::string::npos) ++found;
      }
      BOOST_TEST(found == 1u);
    }
  }
  // Constant-memory mode writes no cell comments: the A1 note only.
  xlsx::WriteOptions cm;
  cm.constant_memory = true;
  std::string bytes;
  BOOST_REQUIRE(xlsx::WriteWorksheetWorkbook(ctx, all, cm, &bytes));
  for (int i = 1; i <= 5; ++i) BOOST_TEST(Part(bytes, "xl/comments" + std::to_string(i) + ".xml").find("offsite") == std::string::npos);

  const std::string pool = dir.Write("pool01.contoso.com.xlsx", out.files().at("worksheets/pool01.contoso.com.xlsx"));
  const std::string all_path = dir.Write("all.xlsx", out.files().at("worksheets/all.xlsx"));
  const char* reader = R"PY(
import json, sys, openpyxl
out = {}
for path in sys.argv[2:]:
    wb = openpyxl.load_workbook(path)
    out[path.rsplit("/", 1)[-1]] = {ws.title: {c.coordinate + " " + str(ws.cell(c.row, ws.max_column).value): c.comment.text
                                               for row in ws.iter_rows() for c in row if c.comment and c.coordinate != "A1"}
                                    for ws in wb.worksheets}
json.dump(out, open(sys.argv[1], "w"))
)PY";
  if (!HaveOpenpyxl()) return;
  const std::string script = dir.Write("comments.py", reader);
  const std::string json_path = dir.path + "/comments.json";
  BOOST_REQUIRE_EQUAL(std::system(("/usr/bin/python3 " + script + " " + json_path + " '" + pool + "' '" + all_path + "'").c_str()), 0);
  std::ifstream jin(json_path);
  const nlohmann::json read = nlohmann::json::parse(jin);
  for (const char* book : {"pool01.contoso.com.xlsx", "all.xlsx"}) {
    BOOST_TEST_CONTEXT(book) {
      const nlohmann::json& b = read.at(book);
      BOOST_REQUIRE(b.at("Settings").size() == 1u);
      const auto it = b.at("Settings").begin();
      BOOST_TEST(it.key().rfind("F", 0) == 0);  // Backup destination column
      BOOST_TEST(it.key().substr(it.key().find(' ') + 1) == "red-xds");  // the row id of that row
      BOOST_TEST(it.value() == want);
      BOOST_TEST(b.at("Database").empty());
      BOOST_TEST(b.at("File Store").empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace plangen

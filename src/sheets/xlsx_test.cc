// .xlsx reading: workbooks written by libxlsxwriter and LibreOffice, hand-built parts, and
// hostile zip archives (forged sizes, climbing names, too many entries, encryption).
#include <boost/test/unit_test.hpp>

#include <stdlib.h>
#include <unistd.h>
#include <zip.h>
#include <xlsxwriter.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "diag/printers.h"
#include "outside_program.h"
#include "temp_tree.h"
#include "sheets/workbook.h"
#include "sheets/zip_archive.h"

using namespace plangen;
using namespace plangen::sheets;

namespace {

using plangen::testing::ReadAll;
using plangen::testing::TempDir;

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip archive of `parts`, written by libzip.
std::string MakeZip(const Parts& parts) {
  const TempDir tmp("plangen-sheets");
  const std::string& dir = tmp.path;
  const std::string path = dir + "/a.zip";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  BOOST_REQUIRE(z);
  for (const auto& [name, data] : parts) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    BOOST_REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  BOOST_REQUIRE(zip_close(z) == 0);
  return ReadAll(path);
}

// Calls `patch(header, is_central)` on every local and central directory header of entry `name`.
template <typename F>
void PatchEntry(std::string* zip, const std::string& name, F patch) {
  for (size_t pos = 0; pos + 46 < zip->size(); ++pos) {
    bool local = zip->compare(pos, 4, "PK\x03\x04", 4) == 0;
    bool central = zip->compare(pos, 4, "PK\x01\x02", 4) == 0;
    if (!local && !central) continue;
    size_t name_len = static_cast<unsigned char>((*zip)[pos + (local ? 26 : 28)]);
    if (zip->compare(pos + (local ? 30 : 46), name_len, name) == 0 && name_len == name.size()) patch(&(*zip)[pos], central);
  }
}

void Put32(char* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

struct Read {
  SourceManager sm;
  DiagEngine diags{sm};
  Workbook book;
  bool ok = false;
  Read(const std::string& display, const std::string& bytes) { ok = ReadWorkbookBytes(display, bytes, &book, sm, diags); }
  std::vector<std::string> Codes() const {
    std::vector<std::string> out;
    for (const Diagnostic* d : diags.Sorted()) out.push_back(CodeString(d->id) + " " + d->message);
    return out;
  }
  std::string Joined() const {
    std::string out;
    for (const std::string& c : Codes()) out += c + "\n";
    return out;
  }
  std::string First() const {
    auto all = diags.Sorted();
    return all.empty() ? "" : FormatText(diags, *all.front());
  }
  std::string Text(size_t sheet, uint32_t row, uint32_t col) const {
    const Cell* c = book.sheets.at(sheet).At(row, col);
    return c ? c->text : "<empty>";
  }
};

// A workbook as plangen's users fill them in: text, numbers, dates with a date format, booleans.
std::string WriteWithLibxlsxwriter(const std::string& path, bool constant_memory) {
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  BOOST_REQUIRE(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Database");
  lxw_worksheet* ws2 = workbook_add_worksheet(wb, "Validation Log");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* stamp = workbook_add_format(wb);
  format_set_num_format(stamp, "dd/mm/yyyy hh:mm");
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00 \"days\"");
  BOOST_REQUIRE(worksheet_write_string(ws, 0, 0, "Server", nullptr) == LXW_NO_ERROR);
  worksheet_write_string(ws, 0, 1, "Backup set", nullptr);
  worksheet_write_string(ws, 0, 2, "Expires", nullptr);
  worksheet_write_string(ws, 0, 3, "Verified", nullptr);
  worksheet_write_string(ws, 0, 4, "Retention", nullptr);
  worksheet_write_string(ws, 1, 0, "sql01.contoso.com", nullptr);
  worksheet_write_string(ws, 1, 1, "Line 1\nLine 2 \xC3\xA9t\xC3\xA9", nullptr);
  lxw_datetime d1 = {2026, 10, 1, 0, 0, 0};
  worksheet_write_datetime(ws, 1, 2, &d1, date);
  worksheet_write_boolean(ws, 1, 3, 1, nullptr);
  worksheet_write_number(ws, 1, 4, 2.5, money);
  worksheet_write_number(ws, 2, 0, 3, nullptr);
  lxw_datetime d2 = {2026, 10, 1, 2, 30, 0};
  worksheet_write_datetime(ws, 2, 2, &d2, stamp);
  worksheet_write_boolean(ws, 2, 3, 0, nullptr);
  worksheet_write_formula_num(ws, 2, 4, "=E2*2", nullptr, 5);
  worksheet_write_string(ws2, 0, 0, "Date", nullptr);
  lxw_datetime d3 = {1900, 2, 28, 0, 0, 0};
  worksheet_write_datetime(ws2, 1, 0, &d3, date);
  if (!constant_memory) worksheet_merge_range(ws2, 2, 0, 2, 2, "Merged", nullptr);
  BOOST_REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  return ReadAll(path);
}

void CheckFilledIn(const Read& r) {
  BOOST_TEST(r.Codes().empty());
  BOOST_TEST(r.book.format == "xlsx");
  BOOST_REQUIRE(r.book.sheets.size() == 2u);
  BOOST_TEST(r.book.sheets[0].name == "Database");
  BOOST_TEST(r.book.sheets[1].name == "Validation Log");
  BOOST_TEST(r.Text(0, 1, 1) == "Server");
  BOOST_TEST(r.Text(0, 2, 1) == "sql01.contoso.com");
  BOOST_TEST(r.Text(0, 2, 2) == "Line 1\nLine 2 \xC3\xA9t\xC3\xA9");
  BOOST_TEST(r.Text(0, 2, 3) == "2026-10-01");
  BOOST_TEST(r.book.sheets[0].At(2, 3)->number == 46296);
  BOOST_TEST(r.Text(0, 2, 4) == "TRUE");
  BOOST_TEST(r.Text(0, 2, 5) == "2.5");  // a number format with "days" in quotes is not a date
  BOOST_TEST(r.Text(0, 3, 1) == "3");
  BOOST_TEST(r.Text(0, 3, 3) == "2026-10-01T02:30:00");
  BOOST_TEST(r.Text(0, 3, 4) == "FALSE");
  BOOST_TEST(r.Text(0, 3, 5) == "5");
  BOOST_TEST(r.Text(1, 2, 1) == "1900-02-28");
  BOOST_TEST(r.book.sheets[1].At(2, 1)->number == 59);
  const Cell* c = r.book.sheets[0].At(2, 3);
  BOOST_TEST(c->loc.is_cell());
  BOOST_TEST(r.sm.Resolve(c->loc).sheet == "Database");
  BOOST_TEST(r.sm.Resolve(c->loc).cell == "C2");
}

const char kRels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
const char kWorkbookRels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "styles\" Target=\"styles.xml\"/></Relationships>";
const char kMain[] = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

// A small workbook written by hand, to reach what libxlsxwriter never writes.
Parts HandMade(const std::string& sheet_data, bool date1904 = false) {
  std::string m = kMain;
  return {
      {"_rels/.rels", kRels},
      {"xl/workbook.xml",
       "<workbook " + m +
           " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
           "<workbookPr date1904=\"" + (date1904 ? "1" : "0") +
           "\"/><sheets><sheet name=\"Settings\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", kWorkbookRels},
      {"xl/sharedStrings.xml",
       "<sst " + m +
           "><si><t>plain</t></si><si><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r>"
           "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si><si><t>cr_x000D_lf</t></si></sst>"},
      {"xl/styles.xml",
       "<styleSheet " + m +
           "><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy\"/></numFmts>"
           "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>"},
      {"xl/worksheets/sheet1.xml", "<worksheet " + m + "><sheetData>" + sheet_data + "</sheetData></worksheet>"},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sheets)

BOOST_AUTO_TEST_CASE(xlsx_written_by_libxlsxwriter) {
  const TempDir tmp("plangen-sheets");
  const std::string& dir = tmp.path;
  Read shared("book.xlsx", WriteWithLibxlsxwriter(dir + "/book.xlsx", false));
  CheckFilledIn(shared);
  BOOST_REQUIRE(shared.book.sheets[1].merges.size() == 1u);
  BOOST_TEST(shared.book.sheets[1].merges[0].last_col == 3u);
  BOOST_TEST(shared.Text(1, 3, 1) == "Merged");
  // constant_memory writes inline strings instead of the shared string table.
  Read inline_strings("stream.xlsx", WriteWithLibxlsxwriter(dir + "/stream.xlsx", true));
  CheckFilledIn(inline_strings);
}

BOOST_AUTO_TEST_CASE(xlsx_escaped_surrogates_pair_up_or_stay_text) {
  Read r("hand.xlsx", MakeZip(HandMade(
                          "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a_xD83D__xDE00_b</t></is></c>"
                          "<c r=\"B1\" t=\"inlineStr\"><is><t>lone _xD800_ and _x0000_</t></is></c></row>")));
  BOOST_TEST(r.Codes().empty());
  BOOST_TEST(r.Text(0, 1, 1) == "a\xF0\x9F\x98\x80" "b");  // U+1F600
  BOOST_TEST(r.Text(0, 1, 2) == "lone _xD800_ and _x0000_");
}

BOOST_AUTO_TEST_CASE(xlsx_hand_made_parts) {
  Read r("hand.xlsx", MakeZip(HandMade(
                          "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                          "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>in line</t></is></c>"
                          "<c r=\"E1\" t=\"e\"><v>#N/A</v></c><c r=\"F1\" t=\"str\"><f>A1</f><v>plain</v></c>"
                          "<c r=\"G1\" s=\"1\"><v>0</v></c><c s=\"2\"><v>1.5</v></c><c s=\"7\"><v>4</v></c></row>"
                          "<row><c t=\"d\"><v>2026-10-01T02:30:00</v></c><c r=\"C2\" s=\"1\"/></row>",
                          true)));
  BOOST_TEST(r.Codes().empty());
  BOOST_TEST(r.book.date1904);
  BOOST_TEST(r.Text(0, 1, 1) == "plain");
  BOOST_TEST(r.Text(0, 1, 2) == "rich text");  // runs joined, phonetic hint left out
  BOOST_TEST(r.Text(0, 1, 3) == "cr\rlf");
  BOOST_TEST(r.Text(0, 1, 4) == "in line");
  BOOST_TEST(r.Text(0, 1, 5) == "#N/A");
  BOOST_TEST(r.Text(0, 1, 6) == "plain");
  BOOST_TEST(r.Text(0, 1, 7) == "1904-01-01");  // the 1904 date system
  BOOST_TEST(r.book.sheets[0].At(1, 7)->number == 1462);
  BOOST_TEST(r.Text(0, 1, 8) == "1904-01-02T12:00:00");  // no r: the column after G
  BOOST_TEST(r.Text(0, 1, 9) == "4");  // style 7 does not exist: a plain number
  BOOST_TEST(r.Text(0, 2, 1) == "2026-10-01T02:30:00");
  BOOST_TEST(r.Text(0, 2, 3) == "<empty>");
}

BOOST_AUTO_TEST_CASE(xlsx_broken_parts_are_named) {
  Parts parts = HandMade("<row r=\"1\"><c r=\"A1\"><v>1</v></c>");  // sheetData never closed
  Read malformed("book.xlsx", MakeZip(parts));
  BOOST_TEST(!malformed.ok);
  BOOST_REQUIRE(malformed.Codes().size() == 1u);
  BOOST_TEST(malformed.Codes()[0].rfind("PG1001 xl/worksheets/sheet1.xml: malformed XML: ", 0) == 0,
             malformed.Codes()[0]);
  BOOST_TEST(malformed.First().rfind("book.xlsx:1:", 0) == 0, malformed.First());

  Read bad_refs("book.xlsx", MakeZip(HandMade("<row r=\"1\"><c r=\"1A\"><v>1</v></c><c r=\"B1\" t=\"s\"><v>9</v></c>"
                                               "<c r=\"XFE1\"><v>1</v></c><c r=\"C1\" t=\"b\"><v>yes</v></c></row>")));
  BOOST_TEST(bad_refs.Joined() ==
             "PG4041 shared string 9: it does not exist; the table holds 3 strings\n"
             "PG4005 'yes' is not a valid boolean value\n"
             "PG4041 xl/worksheets/sheet1.xml: '1A' is not a valid cell reference\n"
             "PG4002 column 16385 is beyond the last worksheet column, 16384 (XFD)\n");

  Parts missing = HandMade("");
  missing.pop_back();  // the sheet part
  Read no_sheet("book.xlsx", MakeZip(missing));
  BOOST_TEST(no_sheet.Codes() == std::vector<std::string>{"PG4040 part 'xl/worksheets/sheet1.xml' is missing; the "
                                                          "workbook refers to it for sheet 'Settings'"});
  // The archive as a whole has no lines to point at: the finding names the file.
  BOOST_TEST(no_sheet.First().rfind("book.xlsx:", 0) == 0);
  BOOST_TEST(no_sheet.First().find(" error: part 'xl/worksheets/sheet1.xml' is missing; the workbook refers to it "
                                   "for sheet 'Settings' [PG4040]\n") != std::string::npos);

  Read not_a_workbook("other.zip", MakeZip({{"readme.txt", "hello"}}));
  BOOST_TEST(not_a_workbook.Codes() ==
             std::vector<std::string>{"PG4040 part 'xl/workbook.xml' is missing; this archive is not an Excel workbook"});

  Parts climbing = HandMade("");
  climbing[2].second = std::string(kWorkbookRels).replace(std::string(kWorkbookRels).find("worksheets/sheet1.xml"),
                                                          21, "../../../etc/passwd");
  Read outside("book.xlsx", MakeZip(climbing));
  BOOST_TEST(outside.Joined() ==
             "PG4010 the workbook holds no worksheet\n"
             "PG4041 xl/workbook.xml: sheet 'Settings' has no relationship 'rId1'\n"
             "PG4041 xl/_rels/workbook.xml.rels: relationship target '../../../etc/passwd' is outside the package\n");
}

BOOST_AUTO_TEST_CASE(zip_archive_reads_entries) {
  std::string bytes = MakeZip({{"a.txt", "alpha"}, {"dir/b.txt", std::string(100000, 'b')}});
  SourceManager sm;
  DiagEngine diags(sm);
  ZipArchive zip;
  BOOST_REQUIRE(zip.Open(bytes, Loc::At(sm.AddFile("a.zip", ""), 0), ZipLimits(), diags));
  BOOST_TEST(zip.entries().size() == 2u);
  const ZipEntry* b = zip.Find("dir/b.txt");
  BOOST_REQUIRE(b);
  BOOST_TEST(b->size == 100000u);
  std::string data;
  BOOST_TEST(zip.Read(*b, &data, diags));
  BOOST_TEST(data == std::string(100000, 'b'));
  BOOST_TEST(!zip.Find("c.txt"));
  BOOST_TEST(UnsafeEntryNameReason("xl/../../x") == "it climbs out of the archive with '..'");
  BOOST_TEST(UnsafeEntryNameReason("xl/..x/y") == "");
  BOOST_TEST(UnsafeEntryNameReason("C:evil") == "it starts with a drive letter");
  BOOST_TEST(UnsafeEntryNameReason("a\\b") == "it holds a backslash");
}

BOOST_AUTO_TEST_CASE(zip_forged_size_is_refused_while_inflating) {
  std::string bytes = MakeZip({{"bomb.xml", std::string(1 << 20, 'x')}});
  PatchEntry(&bytes, "bomb.xml", [](char* h, bool central) { Put32(h + (central ? 24 : 22), 1000); });
  SourceManager sm;
  DiagEngine diags(sm);
  ZipArchive zip;
  BOOST_REQUIRE(zip.Open(bytes, Loc::At(sm.AddFile("bomb.zip", ""), 0), ZipLimits(), diags));
  BOOST_TEST(zip.entries()[0].size == 1000u);
  std::string data;
  BOOST_TEST(!zip.Read(zip.entries()[0], &data, diags));
  BOOST_TEST(data.empty());
  BOOST_REQUIRE(diags.Sorted().size() == 1u);
  const std::string text = FormatText(diags, *diags.Sorted()[0]);
  BOOST_TEST(text.rfind("bomb.zip:", 0) == 0);
  BOOST_TEST(text.find(" error: entry 'bomb.xml' holds more than 1000 bytes, but declares 1000 [PG4023]\n") !=
             std::string::npos);
  // The same trick inside a workbook.
  Parts parts = HandMade("<row r=\"1\"><c r=\"A1\"><v>" + std::string(100000, '1') + "</v></c></row>");
  std::string book = MakeZip(parts);
  PatchEntry(&book, "xl/worksheets/sheet1.xml", [](char* h, bool central) { Put32(h + (central ? 24 : 22), 100); });
  Read r("bomb.xlsx", book);
  BOOST_TEST(r.Codes() == std::vector<std::string>{
                              "PG4023 entry 'xl/worksheets/sheet1.xml' holds more than 100 bytes, but declares 100"});
}

BOOST_AUTO_TEST_CASE(zip_declared_sizes_are_checked_before_reading) {
  std::string bytes = MakeZip({{"big.xml", "small"}});
  PatchEntry(&bytes, "big.xml", [](char* h, bool central) { Put32(h + (central ? 24 : 22), 0x40000000); });
  Read r("big.xlsx", bytes);
  BOOST_TEST(r.Codes() == std::vector<std::string>{
                              "PG4022 entry 'big.xml' declares 1073741824 bytes, more than the limit of 134217728"});
  // Many entries of acceptable size cannot add up past the total.
  SourceManager sm;
  DiagEngine diags(sm);
  ZipArchive zip;
  ZipLimits limits;
  limits.max_total_bytes = 10;
  BOOST_TEST(!zip.Open(MakeZip({{"a", "123456"}, {"b", "123456"}}), Loc::At(sm.AddFile("t.zip", ""), 0), limits, diags));
  BOOST_TEST(diags.Sorted().at(0)->message == "the archive declares 12 bytes in all, more than the limit of 10");
}

BOOST_AUTO_TEST_CASE(zip_unsafe_names_are_refused) {
  Read r("names.xlsx", MakeZip({{"../evil.xml", "x"}, {"/etc/passwd", "x"}, {"xl/workbook.xml", "<x/>"}}));
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.Codes() == (std::vector<std::string>{
                              "PG4024 entry name '../evil.xml' is unsafe: it climbs out of the archive with '..'",
                              "PG4024 entry name '/etc/passwd' is unsafe: it is an absolute path",
                          }));
  BOOST_TEST(r.book.sheets.empty());
  // Two entries of the same name: which one a reader takes is up to the reader.
  std::string dup = MakeZip({{"a.xml", "1"}, {"b.xml", "2"}});
  PatchEntry(&dup, "b.xml", [](char* h, bool central) { h[central ? 46 : 30] = 'a'; });
  Read twice("dup.xlsx", dup);
  BOOST_TEST(!twice.ok);
  BOOST_TEST(twice.Codes().at(0).rfind("PG402", 0) == 0, twice.Codes().at(0));
}

BOOST_AUTO_TEST_CASE(zip_too_many_entries_and_encryption) {
  Parts many;
  for (int i = 0; i <= 10000; ++i) many.push_back({"f" + std::to_string(i), ""});
  Read r("many.xlsx", MakeZip(many));
  BOOST_TEST(r.Codes() == std::vector<std::string>{"PG4021 the archive holds 10001 entries, more than the limit of 10000"});

  // General purpose flag bit 0: the entry is encrypted (traditional PKWARE).
  std::string locked = MakeZip(HandMade(""));
  PatchEntry(&locked, "xl/workbook.xml", [](char* h, bool central) { h[central ? 8 : 6] |= 1; });
  Read enc("locked.xlsx", locked);
  BOOST_TEST(enc.Codes() == std::vector<std::string>{"PG4025 entry 'xl/workbook.xml' is encrypted"});
}

BOOST_AUTO_TEST_CASE(zip_not_an_archive) {
  SourceManager sm;
  DiagEngine diags(sm);
  ZipArchive zip;
  BOOST_TEST(!zip.Open("this is not a zip archive", Loc::At(sm.AddFile("x.zip", ""), 0), ZipLimits(), diags));
  BOOST_TEST(diags.Sorted().at(0)->message == "not a readable zip archive: Not a zip archive");
  // Starts like a zip, then stops.
  Read truncated("cut.xlsx", MakeZip(HandMade("")).substr(0, 300));
  BOOST_TEST(truncated.Codes().at(0).rfind("PG4020 not a readable zip archive: ", 0) == 0, truncated.Codes().at(0));
  BOOST_TEST(truncated.First().rfind("cut.xlsx:", 0) == 0, truncated.First());
}

BOOST_AUTO_TEST_CASE(xlsx_saved_again_by_libreoffice) {
  if (!plangen::testing::HaveOutsideProgram("LibreOffice (soffice)", "test -x /usr/bin/soffice || test -x /usr/bin/libreoffice"))
    return;
  const std::string soffice = access("/usr/bin/soffice", X_OK) == 0 ? "/usr/bin/soffice" : "/usr/bin/libreoffice";
  const TempDir tmp("plangen-sheets");
  const std::string& dir = tmp.path;
  WriteWithLibxlsxwriter(dir + "/book.xlsx", false);
  std::string cmd = "HOME=" + dir + " " + soffice + " --headless --convert-to xlsx --outdir " + dir + "/out " + dir +
                    "/book.xlsx >" + dir + "/log.txt 2>&1";
  BOOST_REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, ReadAll(dir + "/log.txt"));
  std::string bytes = ReadAll(dir + "/out/book.xlsx");
  BOOST_REQUIRE_MESSAGE(!bytes.empty(), ReadAll(dir + "/log.txt"));
  Read r("book.xlsx", bytes);
  CheckFilledIn(r);
}

BOOST_AUTO_TEST_SUITE_END()

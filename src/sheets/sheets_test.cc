// SpreadsheetML reading: the corpus of files written by Excel, LibreOffice and others, and the
// format's corners (index gaps, merges, rich text, encodings, limits).
#include <boost/test/unit_test.hpp>

#include <dirent.h>

#include <algorithm>
#include <string>
#include <vector>

#include "diag/printers.h"
#include "sheets/cell_values.h"
#include "sheets/workbook.h"
#include "test_paths.h"

using namespace plangen;
using namespace plangen::sheets;

namespace plangen::sheets {
std::ostream& operator<<(std::ostream& out, Cell::Type t) { return out << TypeName(t); }
}  // namespace plangen::sheets

namespace {

struct Read {
  SourceManager sm;
  DiagEngine diags{sm};
  Workbook book;
  bool ok = false;

  explicit Read(const std::string& corpus_file) {
    ok = ReadWorkbook(testing::DataPath("corpus/excel2003-xml/" + corpus_file), corpus_file, &book, sm, diags);
  }
  Read(const std::string& display, const std::string& bytes) {
    ok = ReadWorkbookBytes(display, bytes, &book, sm, diags);
  }
  /// Every finding as "PG1234 message", in order.
  std::vector<std::string> Codes() const {
    std::vector<std::string> out;
    for (const Diagnostic* d : diags.Sorted()) out.push_back(CodeString(d->id) + " " + d->message);
    return out;
  }
  std::string First() const {
    auto all = diags.Sorted();
    return all.empty() ? "" : FormatText(diags, *all.front());
  }
  const Sheet& S(size_t i) const { return book.sheets.at(i); }
  std::string Text(size_t sheet, uint32_t row, uint32_t col) const {
    const Cell* c = S(sheet).At(row, col);
    return c ? c->text : "<empty>";
  }
};

const char kHead[] =
    "<?xml version=\"1.0\"?>\n"
    "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
    " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
    " xmlns:html=\"http://www.w3.org/TR/REC-html40\">\n";

std::string Book(const std::string& rows, const std::string& name = "Database") {
  return std::string(kHead) + " <Worksheet ss:Name=\"" + name + "\">\n  <Table>\n" + rows +
         "  </Table>\n </Worksheet>\n</Workbook>\n";
}

// UTF-8 to UTF-16 code units, to write test files in the encodings Excel uses.
std::u16string Utf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

std::string Encode16(const std::string& utf8, bool big_endian, bool bom) {
  std::u16string units = Utf16(utf8);
  if (bom) units.insert(units.begin(), u'\uFEFF');
  std::string out;
  for (char16_t u : units) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sheets)

BOOST_AUTO_TEST_CASE(cell_value_formatting) {
  BOOST_TEST(FormatNumber(3) == "3");
  BOOST_TEST(FormatNumber(2.5) == "2.5");
  BOOST_TEST(FormatNumber(*ParseNumber("1.1100000000000001")) == "1.11");
  BOOST_TEST(FormatNumber(-0.0) == "0");
  BOOST_TEST(FormatNumber(1e20) == "1e+20");
  BOOST_TEST(!ParseNumber("abc"));
  BOOST_TEST(!ParseNumber("1.5x"));
  BOOST_TEST(!ParseNumber("nan"));
  BOOST_TEST(!ParseNumber(""));
  BOOST_TEST(*ParseNumber(" -4 ") == -4);
  // The 1900 date system and its phantom leap day.
  BOOST_TEST(*ParseIsoDateTime("1900-01-01T00:00:00.000") == 1);
  BOOST_TEST(*ParseIsoDateTime("1900-02-28") == 59);
  BOOST_TEST(*ParseIsoDateTime("1900-03-01") == 61);
  BOOST_TEST(*ParseIsoDateTime("1960-12-19T00:00:00.000") == 22269);
  BOOST_TEST(*ParseIsoDateTime("2026-10-01") == 46296);
  BOOST_TEST(FormatSerial(60) == "1900-02-29");
  BOOST_TEST(FormatSerial(59) == "1900-02-28");
  BOOST_TEST(FormatSerial(61) == "1900-03-01");
  BOOST_TEST(FormatSerial(46296) == "2026-10-01");
  BOOST_TEST(FormatSerial(46296 + 2.5 / 24) == "2026-10-01T02:30:00");
  BOOST_TEST(FormatSerial(*ParseIsoDateTime("1899-12-31T02:30:00.000")) == "1899-12-31T02:30:00");
  BOOST_TEST(FormatSerial(46296.99999999) == "2026-10-02");  // rounds to the nearest second
  BOOST_TEST(!ParseIsoDateTime("2026-02-30"));
  BOOST_TEST(!ParseIsoDateTime("2026-10-01T25:00:00"));
  BOOST_TEST(!ParseIsoDateTime("01/10/2026"));
  // Number formats that show dates.
  BOOST_TEST(IsBuiltinDateFormat(14));
  BOOST_TEST(IsBuiltinDateFormat(22));
  BOOST_TEST(IsBuiltinDateFormat(47));
  BOOST_TEST(!IsBuiltinDateFormat(2));
  BOOST_TEST(!IsBuiltinDateFormat(49));
  BOOST_TEST(IsDateFormatCode("yyyy-mm-dd"));
  BOOST_TEST(IsDateFormatCode("[$-409]d-mmm-yy;@"));
  BOOST_TEST(IsDateFormatCode("h:mm AM/PM"));
  BOOST_TEST(!IsDateFormatCode("0.00"));
  BOOST_TEST(!IsDateFormatCode("General"));
  BOOST_TEST(!IsDateFormatCode("\"days\" 0"));      // letters in quotes are literal text
  BOOST_TEST(!IsDateFormatCode("[Red]#,##0"));       // colour in brackets
  BOOST_TEST(!IsDateFormatCode("0\\d"));             // escaped letter
  BOOST_TEST(!IsDateFormatCode("#,##0_);[Red](#,##0)"));
}

BOOST_AUTO_TEST_CASE(excel_sample_file) {
  Read r("excel2003.xml");
  BOOST_TEST(r.ok);
  BOOST_TEST(r.Codes().empty());
  BOOST_TEST(r.book.format == "spreadsheetml");
  BOOST_REQUIRE(r.book.sheets.size() == 2u);
  const Sheet& s = r.S(0);
  BOOST_TEST(s.name == "Sample Data");
  BOOST_TEST(r.S(1).name == "Report Data");
  BOOST_TEST(r.book.Find("report data") == &r.S(1));
  BOOST_TEST(r.Text(0, 1, 1) == "Test String 1");  // the comment's html Data is not the value
  BOOST_TEST(r.Text(0, 1, 2) == "1");
  BOOST_TEST(r.Text(0, 1, 4) == "<empty>");        // ss:Index="5" skips D
  BOOST_TEST(r.Text(0, 1, 5) == "A");
  BOOST_TEST(r.Text(0, 1, 8) == "6");              // formula: the cached value
  BOOST_TEST(r.Text(0, 1, 10) == "AE");
  BOOST_TEST(r.Text(0, 4, 1) == "Test with (\") in string");
  BOOST_TEST(r.Text(0, 6, 2) == "1.23");
  BOOST_TEST(s.At(6, 2)->number == 1.23);
  BOOST_TEST(r.Text(0, 6, 3) == "TRUE");
  BOOST_TEST(s.At(6, 3)->type == Cell::Type::kBoolean);
  BOOST_TEST(r.Text(0, 7, 4) == "FALSE");
  BOOST_TEST(r.Text(0, 10, 1) == "1960-12-19");
  BOOST_TEST(s.At(10, 1)->type == Cell::Type::kDateTime);
  BOOST_TEST(s.At(10, 1)->number == 22269);
  BOOST_TEST(r.Text(0, 11, 7) == "#DIV/0!");
  BOOST_TEST(s.At(11, 7)->type == Cell::Type::kError);
  BOOST_TEST(r.Text(0, 13, 1) == "1899-12-31T02:30:00");
  BOOST_TEST(r.Text(0, 13, 6) == "\xD0\x9C\xD0\xBE\xD0\xB9\xD0\xB2\xD0\xB0 \xD1\x81\xD1\x83\xD1\x88\xD0\xB5\xD0\xBD\xD0\xB0\xD1\x8F");
  BOOST_TEST(r.Text(0, 14, 6) == "\xC3\x84rendetext");
  BOOST_TEST(r.Text(0, 15, 1) == "1960-12-19T01:30:00");
  // Row 18: B18 merges B18:C19; the next cell's ss:Index is absolute anyway.
  BOOST_TEST(r.Text(0, 18, 2) == "BOX");
  BOOST_TEST(r.Text(0, 18, 7) == "Test Column 1");
  BOOST_TEST(r.Text(0, 19, 8) == "Test Column 2");
  // Row 22: four merged cells without ss:Index, each spanning two columns.
  BOOST_TEST(r.Text(0, 22, 3) == "Rotate 90");
  BOOST_TEST(r.Text(0, 22, 5) == "Rotate 45");
  BOOST_TEST(r.Text(0, 22, 7) == "Rotate -90");
  BOOST_TEST(r.Text(0, 22, 9) == "Rotate -45");
  BOOST_TEST(r.Text(0, 22, 4) == "<empty>");
  bool found = false;
  for (const CellRange& m : s.merges) {
    if (m.first_row == 18 && m.first_col == 2) found = m.last_row == 19 && m.last_col == 3;
  }
  BOOST_TEST(found);
  // Report Data: numbers written with binary noise show as Excel shows them.
  BOOST_TEST(r.Text(1, 3, 3) == "1.11");
  BOOST_TEST(r.Text(1, 3, 4) == "2001-01-01");
  BOOST_TEST(r.Text(1, 3, 5) == "1899-12-31T01:00:00");
  BOOST_TEST(r.Text(1, 6, 4) == "2004-04-03T23:00:00");
  BOOST_TEST(r.Text(1, 15, 2) == "-1");
  BOOST_TEST(r.Text(1, 15, 11) == "-1M");
  BOOST_TEST(r.S(1).max_col == 11u);
  // Every cell knows where it came from.
  const Cell* c = r.S(1).At(3, 4);
  BOOST_TEST(r.sm.Resolve(c->loc).sheet == "Report Data");
  BOOST_TEST(r.sm.Resolve(c->loc).cell == "D3");
  // Sorted and searchable by row.
  auto row = r.S(1).Row(3);
  BOOST_TEST(row.second - row.first == 9);
  BOOST_TEST(row.first->col == 1u);
}

BOOST_AUTO_TEST_CASE(libreoffice_prefixed_file_with_rich_text) {
  Read r("Excel2003XMLTest.xml");
  BOOST_TEST(r.Codes().empty());
  BOOST_REQUIRE(r.book.sheets.size() == 2u);  // <ss:Worksheet>: recognised by namespace
  BOOST_TEST(r.S(0).name == "Sample Data");
  const Cell* rich = nullptr;
  for (const Cell& c : r.S(0).cells) {
    if (c.text.rfind("I don't know", 0) == 0) rich = &c;
  }
  BOOST_REQUIRE(rich);
  BOOST_TEST(rich->text ==
             "I don't know if Gnumeric supports Rich Text in the same way as Excel, And this row should be "
             "autofit height with text wrap");
  BOOST_TEST(rich->col == 1u);
  // The same workbook saved by Excel holds the same rich text as one run.
  Read excel("excel2003.xml");
  BOOST_TEST(excel.Text(0, 28, 1) == rich->text);
  BOOST_TEST(rich->row == 28u);
  BOOST_TEST(r.Text(0, 1, 1) == "Test String 1");
  // LibreOffice kept 14 more rows above the report table.
  BOOST_TEST(r.Text(1, 17, 4) == excel.Text(1, 3, 4));
  BOOST_TEST(r.Text(1, 28, 5) == "1900-01-12");  // written as 1899-12-31T288:00:00.000
  BOOST_TEST(excel.Text(1, 14, 5) == "1900-01-12");
}

BOOST_AUTO_TEST_CASE(corpus_small_files) {
  Read iso("excel2003.iso8859-1.xml");
  BOOST_TEST(iso.Codes().empty());
  BOOST_TEST(iso.Text(0, 1, 1) == "Voil\xC3\xA0");
  BOOST_TEST(iso.Text(0, 2, 1) == "PhpSpreadsheet");

  Read arr("ArrayFormula.xml");
  BOOST_TEST(arr.Codes().empty());
  BOOST_TEST(arr.Text(0, 1, 2) == "a-1");
  BOOST_TEST(arr.Text(0, 3, 3) == "3");

  Read bad("excel2003.short.bad.xml");
  BOOST_TEST(bad.Codes().empty());
  BOOST_TEST(bad.S(0).name == "Sample Data");
  BOOST_TEST(bad.Text(0, 8, 1) == "Test String 1");  // <ss:Data xmlns="html"> is still ss:Data
  BOOST_TEST(bad.Text(0, 8, 4) == "11");
  BOOST_TEST(bad.Text(0, 8, 5) == "1960-12-19");
  BOOST_TEST(bad.S(0).cells.size() == 5u);

  Read bug("bug4669.xml");
  BOOST_TEST(bug.Codes().empty());
  BOOST_TEST(bug.Text(0, 1, 1) == "Report Date");

  Read arabic("issue.850.xml");
  BOOST_TEST(arabic.Text(0, 5, 1) == "hello");

  Read leading_blank("issue.2157.small.xml");
  BOOST_TEST(leading_blank.Codes().empty());
  BOOST_TEST(leading_blank.Text(0, 1, 1) == "id");

  Read splits("splits.xml");
  BOOST_TEST(splits.book.sheets.size() >= 3u);
  BOOST_TEST(splits.Text(0, 1, 12) == "1");
  BOOST_TEST(splits.Text(0, 7, 1) == "2");

  Read formula("sec-w24f.dontuse");
  BOOST_TEST(formula.Codes().empty());
  BOOST_TEST(formula.S(0).name == "\xD0\x9B\xD0\xB8\xD1\x81\xD1\x82\x31");  // Лист1
  BOOST_TEST(formula.S(0).cells.empty());  // a formula with an empty cached string shows nothing

  Read links("hyperlinkbase.xml");
  BOOST_TEST(links.Text(0, 3, 1) == "https://www.google.com");
}

BOOST_AUTO_TEST_CASE(corpus_hostile_files_are_refused) {
  Read corrupt("CorruptedXmlFile.xml");
  BOOST_TEST(!corrupt.ok);
  BOOST_TEST(corrupt.Codes().at(0).rfind("PG1001 malformed XML", 0) == 0);
  BOOST_TEST(corrupt.First().rfind("CorruptedXmlFile.xml:8:", 0) == 0);

  Read simple("XEETestInvalidSimpleXML.xml");
  BOOST_TEST(simple.Codes().at(0).rfind("PG1001 ", 0) == 0);

  for (const char* f : {"XEETestInvalidUTF-8.xml", "XEETestInvalidUTF-16.xml", "XEETestInvalidUTF-16BE.xml",
                        "XEETestInvalidUTF-16LE.xml"}) {
    Read r(f);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.Codes() == std::vector<std::string>{"PG1002 document type declarations are not allowed"}, f);
    BOOST_TEST(r.book.sheets.empty());
  }
  for (const char* f : {"XEETestInvalidUTF-7.xml", "XEETestInvalidUTF-7-single-quote.xml",
                        "XEETestInvalidUTF-7-whitespace.xml", "XEETestInvalidUTF-7_DoubleEncoded.xml"}) {
    Read r(f);
    BOOST_TEST(!r.ok);
    BOOST_REQUIRE(r.Codes().size() == 1u);
    BOOST_TEST(r.Codes()[0].rfind("PG1003 ", 0) == 0, f);
    BOOST_TEST(r.Codes()[0].find("utf-7") != std::string::npos, r.Codes()[0]);
  }
  // Valid XML in every encoding, decoded correctly, but not a workbook.
  for (const char* f : {"XEETestValidUTF-8.xml", "XEETestValidUTF-8-single-quote.xml",
                        "XEETestValidUTF-8-whitespace.xml", "XEETestValidUTF-16.xml", "XEETestValidUTF-16BE.xml",
                        "XEETestValidUTF-16LE.xml"}) {
    Read r(f);
    BOOST_TEST(!r.ok);
    BOOST_TEST(r.Codes() ==
                   std::vector<std::string>{"PG4001 root element is 'root' in namespace ''; expected 'Workbook' in "
                                            "namespace 'urn:schemas-microsoft-com:office:spreadsheet'"},
               f);
  }
  Read note("SecurityScannerWithCallbackExample.xml");
  BOOST_TEST(note.Codes().at(0).rfind("PG4001 root element is 'note'", 0) == 0);
  BOOST_TEST(note.First().rfind("SecurityScannerWithCallbackExample.xml:2:1: error:", 0) == 0);
}

BOOST_AUTO_TEST_CASE(huge_row_index_is_reported_without_allocating) {
  Read r("x5j6.dontuse");
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.Codes() == std::vector<std::string>{"PG4002 row 999999999 is beyond the last worksheet row, 1048576"});
  BOOST_TEST(r.First().rfind("x5j6.dontuse:9:19: error:", 0) == 0);
  BOOST_REQUIRE(r.book.sheets.size() == 1u);
  BOOST_TEST(r.S(0).cells.size() == 2u);
  BOOST_TEST(r.S(0).cells.capacity() < 16u);  // sparse: nothing sized by the index
  BOOST_TEST(r.Text(0, 3, 1) == "test3");
  BOOST_TEST(r.S(0).max_row == 3u);

  Read b("x5j6.b.dontuse");
  BOOST_TEST(b.Codes() ==
             (std::vector<std::string>{"PG4002 column 999999999 is beyond the last worksheet column, 16384 (XFD)",
                                       "PG4002 row 999999999 is beyond the last worksheet row, 1048576"}));
  BOOST_TEST(b.S(0).cells.size() == 1u);
}

BOOST_AUTO_TEST_CASE(every_corpus_file_reads_or_is_refused) {
  std::string dir = testing::DataPath("corpus/excel2003-xml");
  DIR* d = opendir(dir.c_str());
  BOOST_REQUIRE(d);
  int files = 0;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name[0] == '.' || name.rfind("LICENSE", 0) == 0) continue;
    ++files;
    Read r(name);
    // Either a clean read with at least one sheet, or errors that say why.
    if (r.ok) {
      BOOST_TEST(!r.book.sheets.empty(), name);
    } else {
      BOOST_TEST(r.diags.errors() > 0, name);
      for (const Diagnostic* diag : r.diags.Sorted()) BOOST_TEST(!diag->message.empty(), name);
    }
  }
  closedir(d);
  BOOST_TEST(files == 35);
}

BOOST_AUTO_TEST_CASE(index_gaps_merges_and_spans) {
  Read r("gaps.xml", Book("   <Row ss:Index=\"3\"><Cell ss:Index=\"2\" ss:MergeAcross=\"2\" ss:MergeDown=\"1\">"
                          "<Data ss:Type=\"String\">B3</Data></Cell>"
                          "<Cell><Data ss:Type=\"String\">E3</Data></Cell></Row>\n"
                          "   <Row ss:Span=\"2\"><Cell><Data ss:Type=\"Number\">4</Data></Cell></Row>\n"
                          "   <Row><Cell ss:Index=\"16384\"><Data ss:Type=\"Number\">7</Data></Cell></Row>\n"));
  BOOST_TEST(r.Codes().empty());
  BOOST_TEST(r.Text(0, 3, 2) == "B3");
  BOOST_TEST(r.Text(0, 3, 5) == "E3");  // after the merged span B:D
  BOOST_TEST(r.Text(0, 4, 1) == "4");
  BOOST_TEST(r.Text(0, 7, 16384) == "7");  // the spanned row 4 covers rows 4-6
  BOOST_TEST(r.S(0).max_col == 16384u);
  BOOST_REQUIRE(r.S(0).merges.size() == 1u);
  BOOST_TEST(r.S(0).merges[0].last_row == 4u);
  BOOST_TEST(r.S(0).merges[0].last_col == 4u);
  BOOST_TEST(FormatText(r.diags, r.diags.Report(DiagId::err_sheet_duplicate_cell, r.S(0).At(3, 5)->loc, {"E3"}))
                 .rfind("gaps.xml:Database!E3: error: cell E3 is given more than once [PG4012]", 0) == 0);
}

BOOST_AUTO_TEST_CASE(index_errors) {
  Read back("back.xml", Book("   <Row ss:Index=\"5\"><Cell ss:Index=\"3\"><Data ss:Type=\"String\">x</Data></Cell>"
                             "<Cell ss:Index=\"2\"><Data ss:Type=\"String\">y</Data></Cell></Row>\n"
                             "   <Row ss:Index=\"4\"><Cell><Data ss:Type=\"String\">z</Data></Cell></Row>\n"
                             "   <Row ss:Index=\"abc\"/>\n"
                             "   <Row><Cell ss:MergeAcross=\"-1\"><Data ss:Type=\"String\">w</Data></Cell></Row>\n"));
  BOOST_TEST(!back.ok);
  BOOST_TEST(back.Codes() == (std::vector<std::string>{
                                 "PG4004 column B does not come after the previous column C",
                                 "PG4004 row 4 does not come after the previous row 5",
                                 "PG4003 'abc' is not a valid value for ss:Index; expected a whole number from 1 to 1048576",
                                 "PG4003 '-1' is not a valid value for ss:MergeAcross; expected a whole number from 0 to 16383",
                             }));
  BOOST_TEST(back.First().rfind("back.xml:7:95: error: column B", 0) == 0, back.First());
  BOOST_TEST(back.Text(0, 5, 3) == "x");
  BOOST_TEST(back.Text(0, 6, 1) == "w");  // a bad merge count is reported; the cell is kept
}

BOOST_AUTO_TEST_CASE(data_types_and_bad_values) {
  Read r("types.xml", Book("   <Row><Cell><Data ss:Type=\"Number\">twelve</Data></Cell>"
                           "<Cell><Data ss:Type=\"Boolean\">2</Data></Cell>"
                           "<Cell><Data ss:Type=\"DateTime\">2026-02-30T00:00:00.000</Data></Cell>"
                           "<Cell><Data ss:Type=\"Currency\">1</Data></Cell>"
                           "<Cell><Data ss:Type=\"DateTime\">2026-10-01T02:30:00.000</Data></Cell>"
                           "<Cell><ss:Data ss:Type=\"String\">Line 1&#10;Line 2</ss:Data></Cell>"
                           "<Cell><Data ss:Type=\"String\"><![CDATA[a<b]]></Data></Cell>"
                           "<Cell><Data ss:Type=\"String\"></Data></Cell>"
                           "<Cell><Data ss:Type=\"String\">"
                           "<html:B>bold</html:B> and <Font xmlns=\"http://www.w3.org/TR/REC-html40\">"
                           "<I>it</I>alic</Font></Data></Cell>"
                           "<Cell><Data ss:Type=\"Number\">1E-3</Data></Cell></Row>\n"));
  BOOST_TEST(!r.ok);
  BOOST_TEST(r.Codes() == (std::vector<std::string>{
                              "PG4006 unknown cell type 'Currency'; expected String, Number, DateTime, Boolean or Error",
                              "PG4005 'twelve' is not a valid Number value",
                              "PG4005 '2' is not a valid Boolean value",
                              "PG4005 '2026-02-30T00:00:00.000' is not a valid DateTime value",
                          }));
  // A bad type points into the XML; a bad value points at the cell as the user sees it.
  BOOST_TEST(r.First().rfind("types.xml:7:192: error: unknown cell type 'Currency'", 0) == 0, r.First());
  BOOST_TEST(FormatText(r.diags, *r.diags.Sorted()[1]) ==
             "types.xml:Database!A1: error: 'twelve' is not a valid Number value [PG4005]\n");
  BOOST_TEST(r.Text(0, 1, 1) == "<empty>");
  BOOST_TEST(r.Text(0, 1, 5) == "2026-10-01T02:30:00");
  BOOST_TEST(r.S(0).At(1, 5)->number == 46296 + 2.5 / 24);
  BOOST_TEST(r.Text(0, 1, 6) == "Line 1\nLine 2");
  BOOST_TEST(r.Text(0, 1, 7) == "a<b");
  BOOST_TEST(r.Text(0, 1, 8) == "<empty>");
  BOOST_TEST(r.Text(0, 1, 9) == "bold and italic");
  BOOST_TEST(r.Text(0, 1, 10) == "0.001");
}

BOOST_AUTO_TEST_CASE(namespace_not_prefix_decides) {
  // Any prefix bound to the SpreadsheetML namespace works, as LibreOffice's <ss:Worksheet> does.
  Read ok("p.xml",
          "<x:Workbook xmlns:x=\"urn:schemas-microsoft-com:office:spreadsheet\"><x:Worksheet x:Name=\"A\">"
          "<x:Table><x:Row><x:Cell><x:Data x:Type=\"Number\">1</x:Data></x:Cell></x:Row></x:Table>"
          "</x:Worksheet></x:Workbook>");
  BOOST_TEST(ok.Codes().empty());
  BOOST_TEST(ok.Text(0, 1, 1) == "1");
  // The usual prefix bound to another namespace is not a workbook.
  Read wrong("w.xml", "<ss:Workbook xmlns:ss=\"urn:example:other\"><ss:Worksheet/></ss:Workbook>");
  BOOST_TEST(wrong.Codes() == std::vector<std::string>{
                                  "PG4001 root element is 'Workbook' in namespace 'urn:example:other'; expected "
                                  "'Workbook' in namespace 'urn:schemas-microsoft-com:office:spreadsheet'"});
  // Elements of other namespaces inside the table are not rows.
  Read other("o.xml", Book("   <Row xmlns=\"urn:example:other\"><Cell><Data>no</Data></Cell></Row>\n"));
  BOOST_TEST(other.Codes().empty());
  BOOST_TEST(other.S(0).cells.empty());
  // No worksheet, and a worksheet without a name.
  Read empty("e.xml", std::string(kHead) + "</Workbook>");
  BOOST_TEST(empty.Codes() == std::vector<std::string>{"PG4010 the workbook holds no worksheet"});
  Read unnamed("u.xml", std::string(kHead) + "<Worksheet/><Worksheet ss:Name=\"sheet1\"/></Workbook>");
  BOOST_TEST(unnamed.Codes() ==
             (std::vector<std::string>{"PG4009 worksheet 1 has no name", "PG4007 duplicate sheet name 'sheet1'"}));
  BOOST_TEST(unnamed.S(0).name == "Sheet1");
}

BOOST_AUTO_TEST_CASE(utf16_with_and_without_bom) {
  std::string xml = Book("   <Row><Cell><Data ss:Type=\"String\">\xC3\x84rendetext \xF0\x9F\x93\x85</Data></Cell></Row>\n");
  xml.replace(xml.find("?>"), 0, " encoding=\"UTF-16\"");
  for (bool be : {false, true}) {
    for (bool bom : {false, true}) {
      Read r("u16.xml", Encode16(xml, be, bom));
      BOOST_TEST(r.Codes().empty(), "be=" << be << " bom=" << bom);
      BOOST_TEST(r.Text(0, 1, 1) == "\xC3\x84rendetext \xF0\x9F\x93\x85");
    }
  }
  // ISO-8859-1 declared, byte 0xE0 is 'à'.
  std::string latin = Book("   <Row><Cell><Data ss:Type=\"String\">Voil\xE0</Data></Cell></Row>\n");
  latin.replace(latin.find("?>"), 0, " encoding=\"ISO-8859-1\"");
  Read l("latin.xml", latin);
  BOOST_TEST(l.Text(0, 1, 1) == "Voil\xC3\xA0");
}

BOOST_AUTO_TEST_CASE(not_a_workbook_at_all) {
  Read xls("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  BOOST_TEST(xls.Codes().at(0).rfind("PG4011 this is a binary Excel 97-2003 workbook (.xls)", 0) == 0);
  Read text("notes.txt", "just some text");
  BOOST_TEST(text.Codes().at(0).rfind("PG1001 malformed XML", 0) == 0);
  Read missing("missing.xml", "");
  BOOST_TEST(missing.Codes() == std::vector<std::string>{"PG1004 file is empty"});
}

BOOST_AUTO_TEST_SUITE_END()

// The round trip: plangen's own worksheets, filled in by a script, read back with no finding;
// the same after LibreOffice re-saves them as .xlsx and exports each sheet to XML Spreadsheet
// 2003 (through CSV: LibreOffice 7.4 cannot export an xlsx-born workbook to that format directly).
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "driver/compile.h"
#include "emit/emit_context.h"
#include "emit/output_set.h"
#include "outside_program.h"
#include "temp_tree.h"
#include "test_paths.h"
#include "worksheets_test_support.h"

namespace plangen {
bool EmitWorksheets(const EmitContext& ctx, OutputSet& out);  // emitters.def
}  // namespace plangen

using namespace plangen;
namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

namespace {

using plangen::testing::TempDir;

// Fills every empty cell of a team-filled column, and every untouched Backup set cell, in the
// sheets plangen wrote (those with a Row id column): python3 fill.py FILE HEADER...
const char* kFill = R"PY(
import sys, openpyxl
path, headers = sys.argv[1], set(h.lower() for h in sys.argv[2:])
wb = openpyxl.load_workbook(path)
for ws in wb.worksheets:
    head = [("" if c.value is None else str(c.value)) for c in ws[1]]
    if "Row id" not in head:
        continue
    rid = head.index("Row id")
    for row in ws.iter_rows(min_row=2):
        for i, h in enumerate(head):
            c = row[i]
            v = "" if c.value is None else str(c.value)
            if h.lower() == "backup set name" and v.strip() == "":
                c.value = "%s-set" % row[rid].value
            elif h.lower() == "backup set expiration" and v.strip() == "":
                c.value = "400 days"
            elif h.lower() == "backup set" and v.replace(" ", "") in ("", "Name:\nExpiration:"):
                c.value = "Name: %s-set\nExpiration: 400 days" % row[rid].value
            elif h.lower() in headers and v.strip() == "":
                c.value = "filled by script"
wb.save(path)
)PY";

bool HaveOpenpyxl() {
  return testing::HaveOutsideProgram("/usr/bin/python3 with openpyxl", "/usr/bin/python3 -c 'import openpyxl'");
}
bool HaveSoffice() { return testing::HaveOutsideProgram("LibreOffice (soffice)", "command -v soffice"); }

// Runs LibreOffice headless with its own profile folder; `files` are quoted for the shell.
void Soffice(const TempDir& s, const std::string& args, const std::vector<std::string>& files) {
  std::string cmd = "HOME='" + s.Dir("home") + "' soffice --headless " + args;
  for (const auto& f : files) cmd += " '" + f + "'";
  BOOST_REQUIRE_MESSAGE(std::system((cmd + " >/dev/null 2>&1").c_str()) == 0, cmd);
}

std::vector<std::string> FilesIn(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ext) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Sample() { return testing::SourceRoot() + "/samples/contoso/plan.xml"; }

// The worksheet findings of checking `plan` against `worksheets`, without the file part of the
// places (so that a re-saved copy compares equal), sorted.
Lines Findings(const std::vector<std::string>& worksheets, const std::string& plan = Sample()) {
  CompileOptions o;
  o.plan_path = plan;
  o.as_of = *ParseDate("2026-12-01");
  o.worksheets = worksheets;
  Compilation c;
  Compile(o, c);
  Lines out;
  for (std::string line : wstest::SheetFindings(c)) {
    for (const auto& w : worksheets) {
      std::string dir = fs::is_directory(w) ? w + "/" : fs::path(w).parent_path().string() + "/";
      if (line.rfind(dir, 0) == 0) line = line.substr(dir.size());
    }
    size_t colon = line.find(':');
    size_t bang = line.find('!');
    // "pool01.contoso.com.xlsx:Database!E2: ..." -> "<stem>:Database!E2: ..." so .xml and .xlsx agree
    if (colon != std::string::npos && bang != std::string::npos && bang > colon) {
      line = fs::path(line.substr(0, colon)).stem().string() + line.substr(colon);
    }
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Emits the sample's worksheets into `dir`.
void EmitSample(const std::string& dir) {
  CompileOptions o;
  o.plan_path = Sample();
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  TemplateSet templates{"", testing::SourceRoot() + "/templates"};
  EmitContext ctx{c.plan, c.profile, o.as_of, false, templates, c.diags, c.sources};
  OutputSet out;
  BOOST_REQUIRE(EmitWorksheets(ctx, out));
  for (const auto& [name, bytes] : out.files()) {
    if (name.rfind("worksheets/", 0) != 0) continue;
    std::ofstream(dir + "/" + fs::path(name).filename().string(), std::ios::binary) << bytes;
  }
}

std::vector<std::string> TeamFilledHeaders() {
  CompileOptions o;
  o.plan_path = Sample();
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  std::set<std::string> headers;
  for (const auto& layout : c.profile.worksheets) {
    for (const auto& col : layout.columns) {
      if (col.team_fills.get()) headers.insert(col.header.value);
    }
  }
  return {headers.begin(), headers.end()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(worksheets)

BOOST_AUTO_TEST_CASE(unedited_workbooks_only_lack_what_teams_fill) {
  TempDir s;
  std::string dir = s.Dir("worksheets");
  EmitSample(dir);
  Lines got = Findings({dir});
  BOOST_TEST(!got.empty());
  for (const auto& line : got) BOOST_TEST(line.find("' is empty; the team must fill it in [PG4106]") != std::string::npos, line);
}

BOOST_AUTO_TEST_CASE(round_trip_filled_by_script_then_resaved_by_libreoffice) {
  if (!HaveOpenpyxl()) return;
  TempDir s;
  std::string dir = s.Dir("filled");
  EmitSample(dir);
  std::string script = s.path + "/fill.py";
  std::ofstream(script) << kFill;
  for (const auto& f : FilesIn(dir, ".xlsx")) {
    std::string cmd = "/usr/bin/python3 '" + script + "' '" + f + "'";
    for (const auto& h : TeamFilledHeaders()) cmd += " '" + h + "'";
    BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
  }
  BOOST_TEST(Findings({dir}) == Lines{}, boost::test_tools::per_element());

  if (!HaveSoffice()) return;
  std::string resaved = s.Dir("resaved");
  Soffice(s, "--convert-to xlsx --outdir '" + resaved + "'", FilesIn(dir, ".xlsx"));
  BOOST_TEST(FilesIn(resaved, ".xlsx").size() == FilesIn(dir, ".xlsx").size());
  BOOST_TEST(Findings({resaved}) == Lines{}, boost::test_tools::per_element());

  std::string csv = s.Dir("csv"), xml = s.Dir("xml2003");
  Soffice(s,
          "--convert-to 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1' --outdir '" +
              csv + "'",
          FilesIn(dir, ".xlsx"));
  // all.xlsx's Summary sheet is for people, not a worksheet a team returns: on its own in a file
  // it would rightly be reported as holding no worksheet (PG4118).
  std::vector<std::string> sheets;
  for (const auto& f : FilesIn(csv, ".csv")) {
    if (f.find("-Summary.csv") == std::string::npos) sheets.push_back(f);
  }
  BOOST_TEST(sheets.size() == 16u);  // 4 workbooks of 4 sheets
  Soffice(s, "--convert-to 'xml:MS Excel 2003 XML' --outdir '" + xml + "'", sheets);
  BOOST_TEST(FilesIn(xml, ".xml").size() == sheets.size());
  BOOST_TEST(Findings({xml}) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(sample_returned_worksheets_are_clean_and_stay_so_when_resaved) {
  std::string returned = testing::SourceRoot() + "/samples/contoso/returned";
  BOOST_TEST(Findings({returned}) == Lines{}, boost::test_tools::per_element());
  if (!HaveSoffice()) return;
  TempDir s;
  std::string resaved = s.Dir("resaved");
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(returned)) files.push_back(e.path().string());
  Soffice(s, "--convert-to xlsx --outdir '" + resaved + "'", files);
  BOOST_TEST(FilesIn(resaved, ".xlsx").size() == files.size());
  BOOST_TEST(Findings({resaved}) == Lines{}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(worksheets)

// Every defect of the defects sample is found again, at the same cell, in copies LibreOffice
// re-saved as .xlsx (the SpreadsheetML workbook included).
BOOST_AUTO_TEST_CASE(defective_worksheets_resaved_by_libreoffice_give_the_same_findings) {
  std::string defects = testing::SourceRoot() + "/samples/contoso-defects/worksheets";
  auto without_file_warning = [](Lines lines) {
    // PG4118 quotes the file's own name, which differs by design.
    lines.erase(std::remove_if(lines.begin(), lines.end(),
                               [](const std::string& l) { return l.find("[PG4118]") != std::string::npos; }),
                lines.end());
    return lines;
  };
  Lines original = Findings({defects});
  BOOST_TEST(original.size() > 25u);
  if (!HaveSoffice()) return;
  TempDir s;
  std::string resaved = s.Dir("resaved");
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(defects)) files.push_back(e.path().string());
  Soffice(s, "--convert-to xlsx --outdir '" + resaved + "'", files);
  BOOST_TEST(without_file_warning(Findings({resaved})) == without_file_warning(original), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

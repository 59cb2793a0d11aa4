// Test helpers: a small plan, returned workbooks written as XML Spreadsheet 2003, and the
// worksheet findings of checking one against the other.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "driver/compile.h"

namespace plangen::wstest {

/// A plan with a pool01 (sql01 back end, fs01 file server), three backups (users, files, xds),
/// one scenario 'lost' (RTO PT4H) and validation checks v1 (V1, P1D), v3 (V3, P1M) and m1 (M1,
/// P6M, records kept elsewhere).
const std::string& TestPlan();

/// "plan.xml:L:C" of the first `needle` in TestPlan(); with `value`, of the attribute value that
/// `needle` (name=") ends with, where a value's findings point.
std::string PlanAt(const std::string& needle, bool value = false);

using Rows = std::vector<std::vector<std::string>>;
struct SheetRows {
  std::string name;
  Rows rows;  ///< row 1 is the header row; "\n" in a value becomes a line break
};
/// An XML Spreadsheet 2003 workbook. With `prefixed`, elements are written "ss:Worksheet" etc.,
/// as LibreOffice does.
std::string SpreadsheetMl(const std::vector<SheetRows>& sheets, bool prefixed = false);

/// The three backup sheets of TestPlan(), filled in as a team would, each with a Row id column.
std::vector<SheetRows> CleanSheets();
/// The Validation Log with rows that satisfy TestPlan() as of 2026-12-01.
SheetRows CleanLog();

/// Compiles TestPlan() (or `plan`) as "plan.xml" with --worksheets "returned" holding `files`
/// (name -> bytes), and returns the PG41xx findings as "where: severity: message [code]" lines,
/// notes as "where: note: text".
std::vector<std::string> Check(const std::vector<std::pair<std::string, std::string>>& files,
                               const std::string& plan = "", const std::string& as_of = "2026-12-01");

/// Findings of compilation `c` whose code is PG41xx, in the form above.
std::vector<std::string> SheetFindings(const Compilation& c);

}  // namespace plangen::wstest

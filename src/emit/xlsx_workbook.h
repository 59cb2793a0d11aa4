// An owner of one libxlsxwriter workbook that validates everything before the library sees it.
//
// libxlsxwriter prints its own warnings to stderr and silently writes what it is given (invalid
// UTF-8, over-long text, a 'History' sheet Excel refuses). This wrapper checks sheet names, text
// length and UTF-8 first and reports through the DiagEngine, checks every return code, and turns
// the file libxlsxwriter insists on writing into bytes for the OutputSet.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "diag/diagnostic.h"
#include "util/scratch_file.h"
#include "util/iso8601.h"

namespace plangen::xlsx {

/// Excel's limit on the characters of one cell.
constexpr size_t kMaxCellChars = 32767;
/// Excel's limit on the characters of a sheet name.
constexpr size_t kMaxSheetNameChars = 31;
/// Excel's limit on an inline data-validation list ("a,b,c"), in characters.
constexpr size_t kMaxInlineListChars = 255;

/// The number of Unicode characters in `s`, or std::string::npos when `s` is not valid UTF-8
/// (overlong forms, surrogates and code points past U+10FFFF are invalid).
size_t Utf8Length(std::string_view s);

/// Why `name` cannot be an Excel sheet name ("is longer than 31 characters", "holds ':'"), or ""
/// when Excel accepts it. Uniqueness is not checked here.
std::string SheetNameProblem(const std::string& name);

/// A valid sheet name as close to `wanted` as possible and unique among `taken` ignoring ASCII
/// case: invalid characters become '_', apostrophes at the ends are dropped, the name is cut to
/// 31 characters, and a clash gets " (2)", " (3)"... within those 31 characters.
std::string MakeSheetName(const std::string& wanted, const std::vector<std::string>& taken);

/// Text as a reader will give it back: a literal "_x0041_" in a cell is an escape for 'A' to every
/// .xlsx reader, so the leading '_' of each such sequence is itself escaped ("_x005F_x0041_").
std::string EscapeOoxmlLiterals(std::string_view text);

/// Points of one line of text in the default 11-point font.
constexpr double kLinePoints = 15;

/// The lines `text` takes in a wrapped cell `width` characters wide (Excel's column width unit):
/// each of its lines wrapped at spaces onto lines of width - 1 characters, a word longer than that
/// broken where it reaches the edge. Spreadsheet programs keep the row height a file gives
/// (LibreOffice does not fit wrapped rows when it opens a file), so writers set it from this.
int WrappedLines(std::string_view text, double width);

/// The height in points of a row whose cells hold `texts` in columns `widths` wide: the line
/// count of its tallest cell times kLinePoints.
double RowPoints(const std::vector<std::string>& texts, const std::vector<double>& widths);

/// The cell styles of a workbook, created once per workbook.
enum class Style {
  kHeader,    ///< bold, shaded, locked: column headings
  kLocked,    ///< derived from the plan, locked (row id, data item wording)
  kEditable,  ///< unlocked, the team may change it
  kToFill,    ///< unlocked and highlighted: a team must still fill it
  kDate,      ///< unlocked, shown as yyyy-mm-dd
  kNumber     ///< locked, for numbers in summaries and lists
};

struct WorkbookOptions {
  Date created;                  ///< the document's creation date: --as-of, so files are reproducible
  bool constant_memory = false;  ///< rows are flushed as they are written (no merges, rows in order)
  std::string title;             ///< document title property
  std::string subject;           ///< document subject property
  std::string tmpdir;            ///< where libxlsxwriter writes the parts it assembles; empty: $TMPDIR
};

/// One workbook being written. Every call returns false once anything failed; the first failure
/// is reported (PG3201) and later calls do nothing.
class Workbook {
 public:
  /// `display` names the output in diagnostics ("worksheets/pool01.contoso.com.xlsx").
  Workbook(std::string display, const WorkbookOptions& options, DiagEngine& diags);
  ~Workbook();
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  bool ok() const { return ok_; }
  const std::string& display() const { return display_; }

  /// Adds a sheet named after `wanted`, made valid and unique (warning PG3204 at `loc` when the
  /// name had to change). Returns the sheet's index, or -1.
  int AddSheet(const std::string& wanted, Loc loc);
  /// The name the sheet was given.
  const std::string& SheetName(int sheet) const { return names_.at(sheet); }

  /// Writes text as a string, never a formula (a leading '=', '+', '-' or '@' stays text). Text
  /// that is not UTF-8 (PG3203) or longer than 32,767 characters (PG3202) is reported at `loc`
  /// and written repaired or cut, so the rest of the workbook can still be checked.
  bool Text(int sheet, uint32_t row, uint16_t col, std::string_view text, Style style, Loc loc);
  bool Number(int sheet, uint32_t row, uint16_t col, double value, Style style);
  /// An empty cell that still carries its style (highlight, lock).
  bool Blank(int sheet, uint32_t row, uint16_t col, Style style);
  /// Width in characters and the default style of the column's empty cells.
  bool Column(int sheet, uint16_t col, double width, Style style);
  /// Height in points of one row (libxlsxwriter does not fit heights to wrapped text).
  bool RowHeight(int sheet, uint32_t row, double points);

  /// A drop-down list on rows [first_row, last_row] of `col`. With `strict`, other values are
  /// refused; otherwise Excel warns and lets the team keep them. Lists too long for Excel's inline
  /// form, or holding ',' or '"', go to a hidden "Lists" sheet that the validation refers to.
  bool ListValidation(int sheet, uint32_t first_row, uint32_t last_row, uint16_t col,
                      const std::vector<std::string>& values, bool strict, const std::string& prompt);
  /// Only dates from 2000-01-01 to 2099-12-31 are accepted.
  bool DateValidation(int sheet, uint32_t first_row, uint32_t last_row, uint16_t col, const std::string& prompt);

  /// Freezes the first `rows` rows and repeats them on every printed page; landscape, fit to one
  /// page wide; `title` printed in the page header.
  bool HeaderAndPrint(int sheet, uint32_t rows, const std::string& title);
  /// Protects the sheet without a password: locked cells (headers, row ids, derived columns) cannot
  /// be changed, unlocked ones can; formatting columns and rows and inserting rows stay allowed.
  bool Protect(int sheet);
  /// A comment (note) on a cell.
  bool Comment(int sheet, uint32_t row, uint16_t col, std::string_view text, Loc loc);

  /// Closes the workbook and returns the .xlsx bytes. Call once.
  bool Finish(std::string* bytes);

 private:
  bool Check(lxw_error e, const char* what);
  bool Fail(const std::string& why);
  lxw_worksheet* Sheet(int sheet);
  std::string Clean(std::string_view text, Loc loc);
  lxw_format* Format(Style s) const { return formats_[static_cast<int>(s)]; }
  std::string ListRange(const std::vector<std::string>& values);

  std::string display_;
  DiagEngine& diags_;
  ScratchFile scratch_;  // the file libxlsxwriter writes; it has no name to leak
  lxw_workbook* wb_ = nullptr;
  bool ok_ = false;
  bool finished_ = false;
  bool constant_memory_ = false;
  std::vector<lxw_worksheet*> sheets_;
  std::vector<std::string> names_;
  lxw_format* formats_[6] = {};  // one per Style
  std::string title_, subject_;  // kept alive: libxlsxwriter copies them only at close
  std::string tmpdir_;           // kept alive: libxlsxwriter keeps the pointer
  int lists_sheet_ = -1;
  uint32_t lists_next_row_ = 0;
};

}  // namespace plangen::xlsx

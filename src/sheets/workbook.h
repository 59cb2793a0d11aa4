// The in-memory model of a worksheet export, whatever format it came in (SpreadsheetML or .xlsx).
// Cells are sparse: only cells that show something are stored, each with its location.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "util/source_manager.h"

namespace plangen::sheets {

/// Excel's limits: a position past them is reported and skipped.
constexpr uint32_t kMaxRows = 1048576;
constexpr uint32_t kMaxCols = 16384;

/// One cell that holds a value.
struct Cell {
  enum class Type { kString, kNumber, kBoolean, kDateTime, kError };
  uint32_t row = 0;  ///< 1-based
  uint32_t col = 0;  ///< 1-based
  Type type = Type::kString;
  /// What Excel shows: strings as they are (rich text flattened, line breaks as '\n'), numbers in
  /// shortest round-trip form ("3", "2.5", "1e+20"), booleans "TRUE"/"FALSE", error codes as
  /// written ("#DIV/0!"), dates "2026-10-01" when the time is midnight, else "2026-10-01T02:30:00".
  std::string text;
  /// Numbers: the value; booleans: 1 or 0; dates: the serial number in the 1900 date system
  /// (days since 1899-12-30 counting Excel's phantom 1900-02-29; 1904-based files are converted).
  double number = 0;
  Loc loc;  ///< Loc::Cell(file, sheet, row, col): prints as "book.xlsx:Database!C4"
};

/// "string", "number", "boolean", "date", "error": for messages such as "expected a date, found a string".
const char* TypeName(Cell::Type type);

/// A rectangle of cells, inclusive, 1-based.
struct CellRange {
  uint32_t first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct Sheet {
  std::string name;
  int32_t file = -1;        ///< SourceManager file id of the workbook
  int32_t index = 0;        ///< position in the workbook, 0-based; also the sheet index of cell Locs
  std::vector<Cell> cells;  ///< sorted by row, then column; no two at the same place
  uint32_t max_row = 0;     ///< largest row holding a cell (0 when the sheet is empty)
  uint32_t max_col = 0;     ///< largest column holding a cell
  std::vector<CellRange> merges;  ///< merged areas, in document order
  Loc loc;                  ///< where the sheet is declared (an XML offset), for diagnostics

  /// The cell at a place, or nullptr when it is empty.
  const Cell* At(uint32_t row, uint32_t col) const;
  /// The cells of one row, left to right, as [first, last).
  std::pair<const Cell*, const Cell*> Row(uint32_t row) const;
  /// The location of any place in the sheet, empty or not.
  Loc LocOf(uint32_t row, uint32_t col) const { return Loc::Cell(file, index, row, col); }
};

struct Workbook {
  int32_t file = -1;    ///< SourceManager file id; cell Locs use it
  std::string format;   ///< "spreadsheetml" or "xlsx"
  bool date1904 = false;  ///< the file counts dates from 1904 (numbers in Cell are converted anyway)
  bool unreadable = false;  ///< the file could not be read at all (PG0001/PG0002 reported)
  std::vector<Sheet> sheets;

  /// The sheet of that name, ignoring ASCII case as Excel does, or nullptr.
  const Sheet* Find(const std::string& name) const;
};

/// Reads a workbook whatever its format, decided by content: a zip archive ("PK\x03\x04") is
/// .xlsx, anything else is parsed as XML Spreadsheet 2003. `display` is the name diagnostics
/// print. Returns false when an error was reported; `out` then holds whatever could be read.
bool ReadWorkbook(const std::string& path, const std::string& display, Workbook* out, SourceManager& sm,
                  DiagEngine& diags);
/// The same for bytes already in memory.
bool ReadWorkbookBytes(const std::string& display, const std::string& bytes, Workbook* out, SourceManager& sm,
                       DiagEngine& diags);

}  // namespace plangen::sheets

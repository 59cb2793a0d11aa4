// Returned worksheets: the rows the teams sent back, sorted by the profile layout they follow.
//
// A sheet is recognised by its header row (case, spacing and punctuation do not matter; the
// profile's column aliases count too), never by its name: LibreOffice names a sheet after the
// file it came from, and a team may rename sheets. docs/worksheets.md describes the layout.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/profile.h"
#include "sheets/workbook.h"
#include "worksheets_in/validation_log.h"

namespace plangen {

/// One cell of a returned row. `text` is what the sheet shows, trimmed, with "\r\n" as "\n".
struct ReturnedCell {
  std::string text;
  Loc loc;               ///< the cell, whether it holds a value or not
  bool present = false;  ///< the sheet has the column (a team may have deleted it)
  /// A Backup set written in two columns: the expiration's cell (the name's is `loc`), and
  /// `text` joins both as "Name: ...\nExpiration: ...". Invalid for one cell.
  Loc expiration_loc;
};

struct ReturnedRow {
  uint32_t row = 0;                            ///< 1-based row in the sheet
  std::map<std::string, ReturnedCell> cells;   ///< by profile column id (item, server, ...)
  ReturnedCell row_id;                         ///< the "Row id" cell; not present when the sheet has none

  /// The cell of a column id; an absent cell (present = false) when the sheet lacks the column.
  const ReturnedCell& Get(const std::string& column) const;
};

struct ReturnedSheet {
  const WorksheetLayout* layout = nullptr;
  std::string file;         ///< the workbook's name as diagnostics print it
  std::string name;         ///< the sheet's name
  uint32_t header_row = 0;
  Loc loc;                  ///< the header row's first cell
  std::vector<ReturnedRow> rows;  ///< data rows below the header; wholly empty rows are skipped
};

struct ReturnedWorksheets {
  std::vector<ReturnedSheet> sheets;  ///< in the order the files and their sheets were given
  size_t workbooks = 0;               ///< workbooks read
  /// The path of every workbook file read, in the order read: the files that were checked, which
  /// the audit package holds (a folder is not listed again, so a file added or removed since
  /// does not change what is packaged).
  std::vector<std::string> files;
  /// The rows of every Validation Log sheet, read once by LoadReturnedWorksheets (they point into
  /// `sheets`).
  std::vector<ValidationLogEntry> validation_log;
};

/// Header cell text reduced to lower-case letters and digits: "Server name (FQDN)" and
/// "server name fqdn" are the same header.
std::string HeaderKey(const std::string& header);
/// Header of the column plangen adds after the profile's columns (docs/worksheets.md).
inline constexpr const char* kRowIdColumn = "Row id";

/// Finds the sheets of `book` that follow a layout of `profile` and appends them to `out`.
/// A workbook with no such sheet is warned about (PG4118), a layout column the header lacks
/// too (PG4119).
void AddReturnedWorkbook(const sheets::Workbook& book, const Profile& profile, const SourceManager& sm,
                         ReturnedWorksheets* out, DiagEngine& diags);

/// Reads every file given (a folder gives the regular files directly inside it, sorted, hidden
/// files skipped) and adds its sheets. Returns false when a file or folder could not be read at
/// all (already reported).
bool LoadReturnedWorksheets(const std::vector<std::string>& paths, const Profile& profile,
                            ReturnedWorksheets* out, SourceManager& sm, DiagEngine& diags);

}  // namespace plangen

// The format readers behind ReadWorkbookBytes, and what they share.
#pragma once

#include <string>

#include "sheets/workbook.h"

namespace plangen::sheets {

/// Reads Excel "XML Spreadsheet 2003". Registers the decoded text as the workbook file.
bool ReadSpreadsheetMl(const std::string& display, const std::string& bytes, Workbook* out, SourceManager& sm,
                       DiagEngine& diags);
/// Reads an .xlsx zip archive held in memory.
bool ReadXlsx(const std::string& display, const std::string& bytes, Workbook* out, SourceManager& sm,
              DiagEngine& diags);

/// Appends a sheet to `book`, registers its name for cell locations and warns about a name
/// already used (ignoring case). `where` is the sheet's declaration.
Sheet& AddSheet(Workbook* book, std::string name, Loc where, SourceManager& sm, DiagEngine& diags);
/// Sorts the cells by row and column, reports cells given twice (the first is kept) and sets
/// max_row and max_col.
void FinishSheet(Sheet* sheet, DiagEngine& diags);

}  // namespace plangen::sheets

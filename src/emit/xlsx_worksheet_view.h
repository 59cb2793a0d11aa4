// What the worksheets say, decided from the plan and the profile; the writer only lays it out.
//
// One workbook per pool (named after the Standard Edition server for a one-server Standard
// Edition pool), holding one sheet per profile worksheet layout with a row per plan backup, and
// all.xlsx with every row. docs/worksheets.md describes the layout for readers.
#pragma once

#include <string>
#include <vector>

#include "emit/emit_context.h"

namespace plangen::xlsx {

/// Header of the column after the profile's columns that holds the plan backup id.
inline constexpr const char* kRowIdHeader = "Row id";
/// A layout's Backup set column is written as two: "<header> name" and "<header> expiration".
inline constexpr const char* kBackupSetNameSuffix = "name";
inline constexpr const char* kBackupSetExpirationSuffix = "expiration";

struct ViewCell {
  std::string text;
  Loc loc;               ///< the plan or profile element the value came from
  bool locked = false;   ///< derived (data item wording, row id): protected from edits
  bool to_fill = false;  ///< a team must still fill it: highlighted
  std::string comment;   ///< findings of the compilation about this value, one per line
};

/// One plan backup: a cell per layout column, then the row id cell.
struct ViewRow {
  const Backup* backup = nullptr;
  std::vector<ViewCell> cells;
};

struct SheetView {
  const WorksheetLayout* layout = nullptr;
  std::vector<ViewRow> rows;
};

struct WorkbookView {
  std::string name;  ///< pool FQDN, Standard Edition server FQDN, or "all"
  std::string path;  ///< "worksheets/<name>.xlsx"
  const Pool* pool = nullptr;       ///< null for all.xlsx
  Loc loc;                          ///< the pool element
  std::vector<SheetView> sheets;    ///< backup layouts, in profile order, even when empty
  const WorksheetLayout* validation_log = nullptr;
  size_t RowCount() const;
};

/// The workbook name of a pool: the server's FQDN for a Standard Edition pool of one server,
/// otherwise the pool FQDN (its id when it has none).
std::string WorkbookName(const Plan& plan, const Pool& pool);

/// The row of one backup in `layout` (see docs/worksheets.md for what each column holds).
ViewRow BackupRow(const EmitContext& ctx, const WorksheetLayout& layout, const Backup& b);

/// One workbook per pool that has a backup on a worksheet, in plan order. Cells carry the findings
/// of the compilation that concern them (see xlsx_findings.h) as comments.
std::vector<WorkbookView> PoolWorkbooks(const EmitContext& ctx);
/// Every backup on a worksheet, whatever its pool (all.xlsx).
WorkbookView AllWorkbook(const EmitContext& ctx);

/// The drop-down of a column: values, and whether other values are refused.
struct Choices {
  std::vector<std::string> values;
  bool strict = false;
  std::string prompt;
};
/// Tools: the backup tools (default and alternative) of the layout's items and of the profile's
/// backup procedures for them; check kinds: V1..V5 and M1 (strict); results: pass, fail (strict).
Choices ChoicesFor(const Profile& profile, const WorksheetLayout& layout, const WorksheetColumn& column);

/// A table of the Summary sheet.
struct SummaryCell {
  std::string text;
  bool number = false;
  double value = 0;
};
struct SummaryTable {
  std::string title;
  std::vector<std::string> headers;
  std::vector<std::vector<SummaryCell>> rows;
};
/// Backups per pool, per owner, and coverage per data item.
std::vector<SummaryTable> SummaryTables(const EmitContext& ctx);

}  // namespace plangen::xlsx

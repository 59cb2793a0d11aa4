// Lays a WorkbookView out as an .xlsx: headers, rows, styles, drop-downs, protection, print setup.
#pragma once

#include <string>
#include <vector>

#include "emit/emit_context.h"
#include "emit/xlsx_worksheet_view.h"

namespace plangen::xlsx {

/// all.xlsx is written in libxlsxwriter's constant-memory mode above this many backup rows.
constexpr size_t kConstantMemoryRows = 5000;
/// Drop-downs reach down to this row (1-based, the header is row 1), so rows a team adds get them too.
constexpr uint32_t kValidatedRows = 1000;
/// Name of the summary sheet of all.xlsx.
inline constexpr const char* kSummarySheet = "Summary";

struct WriteOptions {
  bool constant_memory = false;
  /// Written first, as a "Summary" sheet, when not null (all.xlsx).
  const std::vector<SummaryTable>* summary = nullptr;
};

/// Writes the workbook of `view` and returns its bytes. Problems are reported to ctx.diags;
/// returns false when the workbook could not be written or a value could not be written whole.
bool WriteWorksheetWorkbook(const EmitContext& ctx, const WorkbookView& view, const WriteOptions& options,
                            std::string* bytes);

/// Everything WriteWorksheetWorkbook reads to write `view` with `options`, serialised (see
/// OutputReuse): the same text means the same bytes. Where a value came from (its Loc) only
/// names it in findings and is left out: a workbook that gave findings is never reused.
std::string WorkbookKeyData(const EmitContext& ctx, const WorkbookView& view, const WriteOptions& options);

}  // namespace plangen::xlsx

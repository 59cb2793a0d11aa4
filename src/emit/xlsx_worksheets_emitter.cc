// worksheets/: one .xlsx per pool (or Standard Edition server) with backups, and all.xlsx.
#include "audit/safe_name.h"
#include "emit/emitters.h"
#include "emit/xlsx_worksheet_view.h"
#include "emit/xlsx_worksheets_writer.h"

namespace plangen {

bool EmitWorksheets(const EmitContext& ctx, OutputSet& out) {
  bool ok = true;
  for (const xlsx::WorkbookView& view : xlsx::PoolWorkbooks(ctx)) {
    if (!audit::SafeComponent(view.name + ".xlsx", "pool", view.loc, ctx.diags)) {
      ok = false;
      continue;
    }
    std::string bytes;
    if (xlsx::WriteWorksheetWorkbook(ctx, view, xlsx::WriteOptions{}, &bytes)) {
      out.Add(view.path, std::move(bytes));
    } else {
      ok = false;
    }
  }
  const xlsx::WorkbookView all = xlsx::AllWorkbook(ctx);
  const std::vector<xlsx::SummaryTable> summary = xlsx::SummaryTables(ctx);
  xlsx::WriteOptions options;
  options.constant_memory = all.RowCount() > xlsx::kConstantMemoryRows;
  options.summary = &summary;
  std::string bytes;
  if (xlsx::WriteWorksheetWorkbook(ctx, all, options, &bytes)) {
    out.Add(all.path, std::move(bytes));
  } else {
    ok = false;
  }
  return ok;
}

}  // namespace plangen

// worksheets/: one .xlsx per pool (or Standard Edition server) with backups, and all.xlsx.
#include <memory>

#include "audit/safe_name.h"
#include "emit/emitters.h"
#include "emit/xlsx_worksheet_view.h"
#include "emit/xlsx_worksheets_writer.h"

namespace plangen {

bool EmitWorksheets(const EmitContext& ctx, OutputSet& out) {
  bool ok = true;
  // Each workbook is a part of its own: they are written side by side when the build has threads.
  auto views = std::make_shared<const std::vector<xlsx::WorkbookView>>(xlsx::PoolWorkbooks(ctx));
  std::vector<EmitPart> parts;
  for (size_t i = 0; i < views->size(); ++i) {
    const xlsx::WorkbookView& view = (*views)[i];
    if (!audit::SafeComponent(view.name + ".xlsx", "pool", view.loc, ctx.diags)) {
      ok = false;
      continue;
    }
    parts.push_back([&ctx, views, i](OutputSet& o) {
      const xlsx::WorkbookView& v = (*views)[i];
      std::string bytes;
      if (!xlsx::WriteWorksheetWorkbook(ctx, v, xlsx::WriteOptions{}, &bytes)) return false;
      o.Add(v.path, std::move(bytes));
      return true;
    });
  }
  parts.push_back([&ctx](OutputSet& o) {
    const xlsx::WorkbookView all = xlsx::AllWorkbook(ctx);
    const std::vector<xlsx::SummaryTable> summary = xlsx::SummaryTables(ctx);
    xlsx::WriteOptions options;
    options.constant_memory = all.RowCount() > xlsx::kConstantMemoryRows;
    options.summary = &summary;
    std::string bytes;
    if (!xlsx::WriteWorksheetWorkbook(ctx, all, options, &bytes)) return false;
    o.Add(all.path, std::move(bytes));
    return true;
  });
  return EmitParts(std::move(parts), out) && ok;
}

}  // namespace plangen

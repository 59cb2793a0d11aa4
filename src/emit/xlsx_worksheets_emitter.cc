// worksheets/: one .xlsx per pool (or Standard Edition server) with backups, and all.xlsx. A
// pool's workbook made from the same data as in the previous build is that build's file
// (OutputReuse); all.xlsx holds every pool's rows and is always written.
#include <memory>

#include "audit/safe_name.h"
#include "emit/emitters.h"
#include "emit/output_reuse.h"
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
      // The previous build's workbook when it was made from the same data.
      std::string key;
      if (ctx.reuse) {
        key = ctx.reuse->Key(v.path, xlsx::WorkbookKeyData(ctx, v, xlsx::WriteOptions{}));
        if (ctx.reuse->Reuse(v.path, key, o)) return true;
      }
      std::string bytes;
      if (!xlsx::WriteWorksheetWorkbook(ctx, v, xlsx::WriteOptions{}, &bytes)) return false;
      if (ctx.reuse) {
        ctx.reuse->AddMade(v.path, key, std::move(bytes), o);
      } else {
        o.Add(v.path, std::move(bytes));
      }
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

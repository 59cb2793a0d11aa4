// checklists/validation.html, .md and .docx: the validation checks grouped by interval and owner,
// from one view.
#include "emit/checklist_view.h"
#include "emit/docx_package.h"
#include "emit/emitters.h"

namespace plangen {

bool EmitChecklists(const EmitContext& ctx, OutputSet& out) {
  TemplateData view = ChecklistView(ctx);
  for (const char* ext : {"html", "md"}) {
    std::string text;
    if (!ctx.templates.Render(std::string("checklist/validation.") + ext + ".mustache", view, &text, ctx.diags,
                              ctx.sources))
      return false;
    out.Add(std::string("checklists/validation.") + ext, std::move(text));
  }
  const std::string docx_path = "checklists/validation.docx";
  DocxDocument doc(ctx, docx_path);
  std::string bytes;
  if (!doc.Write("checklist", std::move(view), "Validation checklist", PrintFooterPlan(ctx) + " \u00b7 Validation checklist",
                 &bytes))
    return false;
  out.Add(docx_path, std::move(bytes));
  return true;
}

}  // namespace plangen

// checklists/validation.html and .md: the validation checks grouped by interval and owner.
#include "emit/checklist_view.h"
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
  return true;
}

}  // namespace plangen

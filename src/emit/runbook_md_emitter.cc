// runbooks/<role>.md: one GitHub-flavoured Markdown runbook per role with duties.
#include "emit/emitters.h"
#include "emit/runbook_view.h"

namespace plangen {

bool EmitMarkdownRunbooks(const EmitContext& ctx, OutputSet& out) {
  bool ok = true;
  for (const Role* role : RolesWithDuties(ctx.plan)) {
    std::string text;
    if (!ctx.templates.Render("runbook/runbook.md.mustache", RunbookView(ctx, *role), &text, ctx.diags, ctx.sources)) {
      ok = false;
      break;
    }
    out.Add("runbooks/" + role->id.value + ".md", text);
  }
  return ok;
}

}  // namespace plangen

// runbooks/<role>.html: one self-contained, printable HTML runbook per role with duties. This
// emitter also notes the roles that get no runbook.
#include <algorithm>

#include "emit/checklist_view.h"
#include "emit/runbook_view.h"

namespace plangen {

bool EmitRunbooks(const EmitContext& ctx, OutputSet& out, const std::string& template_name, const std::string& ext,
                  bool report_idle) {
  std::vector<const Role*> roles = RolesWithDuties(ctx.plan);
  if (report_idle) {
    for (const Role& r : ctx.plan.roles)
      if (std::find(roles.begin(), roles.end(), &r) == roles.end())
        ctx.diags.Report(DiagId::note_role_without_duty, r.loc, {r.id.value});
  }
  for (const Role* role : roles) {
    std::string text;
    if (!ctx.templates.Render(template_name, RunbookView(ctx, *role), &text, ctx.diags, ctx.sources)) return false;
    out.Add("runbooks/" + RoleFileStem(role->id.value) + ext, std::move(text));
  }
  return true;
}

bool EmitHtmlRunbooks(const EmitContext& ctx, OutputSet& out) {
  return EmitRunbooks(ctx, out, "runbook/runbook.html.mustache", ".html", true);
}

}  // namespace plangen

// runbooks/<role>.html: one self-contained, printable HTML runbook per role with duties. Roles
// named nowhere in the plan are noted by the check (role_use_check.cc), so 'check' and 'build'
// report the same findings.
#include "emit/checklist_view.h"
#include "emit/runbook_view.h"

namespace plangen {

bool EmitRunbooks(const EmitContext& ctx, OutputSet& out, const std::string& template_name, const std::string& ext) {
  std::vector<const Role*> roles = RolesWithDuties(ctx.plan);
  for (const Role* role : roles) {
    std::string text;
    if (!ctx.templates.Render(template_name, RunbookView(ctx, *role), &text, ctx.diags, ctx.sources)) return false;
    out.Add("runbooks/" + RoleFileStem(role->id.value) + ext, std::move(text));
  }
  return true;
}

bool EmitHtmlRunbooks(const EmitContext& ctx, OutputSet& out) {
  return EmitRunbooks(ctx, out, "runbook/runbook.html.mustache", ".html");
}

}  // namespace plangen

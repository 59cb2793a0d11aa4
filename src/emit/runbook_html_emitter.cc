// runbooks/<role>.html, .md and .docx: one self-contained, printable HTML runbook, one
// GitHub-flavoured Markdown runbook and one Word document per role with duties, all from one view
// of the role. Roles named nowhere in the plan are noted by the check (role_use_check.cc), so
// 'check' and 'build' report the same findings.
#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/runbook_view.h"

namespace plangen {

const std::vector<RunbookFormat>& RunbookFormats() {
  static const std::vector<RunbookFormat> formats = {{"runbook/runbook.html.mustache", ".html", true, false},
                                                     {"runbook/runbook.md.mustache", ".md", false, false},
                                                     {"docx/runbook/document.xml.mustache", ".docx", true, true}};
  return formats;
}

bool RenderRunbook(const EmitContext& ctx, const Role& role, const std::vector<RunbookFormat>& formats, OutputSet& out) {
  bool timeline = false;
  for (const RunbookFormat& f : formats) timeline = timeline || f.shows_timeline;
  TemplateData view = RunbookView(ctx, role, timeline);
  for (size_t i = 0; i < formats.size(); ++i) {
    const RunbookFormat& f = formats[i];
    const std::string path = "runbooks/" + RoleFileStem(role.id.value) + f.ext;
    if (!f.docx) {
      if (!AddRendered(ctx, path, f.template_name, view, out)) return false;
      continue;
    }
    // The last format takes the view itself rather than a copy of it.
    if (!RenderRunbookDocx(ctx, i + 1 == formats.size() ? std::move(view) : TemplateData(view), path, out)) return false;
  }
  return true;
}

bool EmitRunbooks(const EmitContext& ctx, OutputSet& out, const std::vector<RunbookFormat>& formats) {
  // One part per role, beside the other work (--jobs); a role's formats share its view.
  std::vector<EmitPart> parts;
  for (const Role* role : RolesWithDuties(ctx.plan)) {
    parts.push_back([&ctx, role, formats](OutputSet& o) { return RenderRunbook(ctx, *role, formats, o); });
  }
  return EmitParts(std::move(parts), out, /*heavy=*/true);
}

bool EmitAllRunbooks(const EmitContext& ctx, OutputSet& out) { return EmitRunbooks(ctx, out, RunbookFormats()); }

}  // namespace plangen

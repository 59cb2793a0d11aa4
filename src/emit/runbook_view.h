// The view model of a role's runbook: all logic lives here, templates only lay it out.
#pragma once

#include <string>
#include <vector>

#include "emit/emit_context.h"
#include "emit/output_set.h"
#include "emit/timeline_svg.h"
#include "tmpl/templates.h"

namespace plangen {

/// The roles that have at least one duty, in plan order.
std::vector<const Role*> RolesWithDuties(const Plan& plan);

/// A format of the runbooks: its template, its file extension, whether it shows the
/// scenarios' SVG timelines (the costliest part of the view, left out where nothing shows it),
/// and whether it is a Word document (rendered by RenderRunbookDocx, not by one template).
struct RunbookFormat {
  const char* template_name;
  const char* ext;
  bool shows_timeline;
  bool docx = false;
};
/// HTML, Markdown and Word.
const std::vector<RunbookFormat>& RunbookFormats();

/// Renders runbooks/<stem>.<ext> in each of `formats` for every role with a duty, from one view
/// of each role.
bool EmitRunbooks(const EmitContext& ctx, OutputSet& out, const std::vector<RunbookFormat>& formats);
/// Renders `role`'s runbook in each of `formats` from one view; false when a template failed.
bool RenderRunbook(const EmitContext& ctx, const Role& role, const std::vector<RunbookFormat>& formats, OutputSet& out);

/// runbooks/<role>.docx from the runbook's view: the parts under templates/docx/ (runbook/ for
/// its document.xml), zipped into `bytes`. `path` names the output in diagnostics. Takes the view
/// (the Word document adds its own keys to it): move it in when no other format needs it.
/// `scratch_dir`: where its main part may be written while it is zipped (the staging directory),
/// or "" to make it in memory.
bool RenderRunbookDocx(const EmitContext& ctx, TemplateData runbook_view, const std::string& path, OutputSet& out);

/// Mustache data for the runbook of `role`; `with_timeline`: with each scenario's SVG timeline.
TemplateData RunbookView(const EmitContext& ctx, const Role& role, bool with_timeline = true);

/// The steps of scenario `s` that role `role`'s runbook and restoration script show, one flag
/// per step: all of them when the scenario is short or the role decides it; otherwise the role's
/// own steps and the steps just before and after them, so that neither grows with the number of
/// roles in the scenario.
std::vector<bool> StepsShownTo(const Scenario& s, const ScenarioTiming& t, const std::string& role);

/// A role's name for people: its name, or its id when it has none.
std::string RoleName(const Plan& plan, const std::string& id);

/// "plan.xml:41:7": where an element was written, for traceability lines.
std::string SourceRef(const SourceManager& sm, const Loc& loc);

}  // namespace plangen

// R4, B4: the plan's own procedures run the profile's tools as the product documents them.
// A cmdlet is run only with parameters it has (PG2220): a misspelt switch, such as
// Import-CsRgsConfiguration -ReplaceExistingSettings for -ReplaceExistingRgsSettings, stops the
// command in the middle of a restore. A tool that must be bracketed by others keeps them
// (PG2221): Import-CsUserData runs after an earlier step stops the Front End services with
// Stop-CsWindowsService and before a later step starts them again. Scenario step titles are
// read for parameters too.
#include "check/check_context.h"
#include "check/tool_mentions.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

void ReportParameters(const CheckContext& ctx, DiagEngine& diags, const std::string& who, const std::string& text, const Loc& loc) {
  for (const check::BadParameter& b : check::UnknownParameters(ctx.profile, text)) {
    std::string known;
    for (const Text& p : b.tool->parameters) known += (known.empty() ? "-" : ", -") + p.value;
    diags.Report(DiagId::err_tool_unknown_parameter, loc,
                 {who, b.tool->id.value, b.parameter, b.suggestion.empty() ? "" : "; did you mean -" + b.suggestion + "?"})
        .AddNote(b.tool->loc, b.tool->id.value + " has " + known + " (and PowerShell's common parameters)");
  }
}

// Whether step `s` runs `tool`: it names it in tool="..." or in its text.
bool Runs(const ProcedureStep& s, const std::string& tool) {
  return EqualsIgnoreCase(s.tool.value, tool) || check::MentionsTool(s.text.value, tool);
}

}  // namespace

void CheckToolUse(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  for (const Procedure& p : plan.procedures) {
    const std::string who = "procedure '" + p.id.value + "'";
    for (const ProcedureStep& s : p.steps) ReportParameters(ctx, diags, who, s.text.value, s.loc);
    for (size_t k = 0; k < p.steps.size(); ++k) {
      for (const ProfileTool& tool : ctx.profile.tools) {
        if (tool.needs_before.empty() && tool.needs_after.empty()) continue;
        if (!Runs(p.steps[k], tool.id.value)) continue;
        auto ran = [&](const Text& other, size_t from, size_t to) {
          for (size_t j = from; j < to; ++j) {
            if (Runs(p.steps[j], other.value)) return true;
          }
          return false;
        };
        if (!tool.needs_before.empty() && !ran(tool.needs_before, 0, k)) {
          diags.Report(DiagId::err_tool_companion_missing, p.steps[k].loc, {p.id.value, tool.id.value, "earlier", tool.needs_before.value})
              .AddNote(tool.needs_before.loc, "the profile runs " + tool.needs_before.value + " before " + tool.id.value + " here");
        }
        if (!tool.needs_after.empty() && !ran(tool.needs_after, k + 1, p.steps.size())) {
          diags.Report(DiagId::err_tool_companion_missing, p.steps[k].loc, {p.id.value, tool.id.value, "later", tool.needs_after.value})
              .AddNote(tool.needs_after.loc, "the profile runs " + tool.needs_after.value + " after " + tool.id.value + " here");
        }
      }
    }
  }
  for (const Scenario& sc : plan.scenarios) {
    for (const ScenarioStep& st : sc.steps) {
      ReportParameters(ctx, diags, "step '" + st.id.value + "' of scenario '" + sc.id.value + "'", st.title.value, st.loc);
    }
  }
}

}  // namespace plangen

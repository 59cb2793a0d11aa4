// scripts/restore/<scenario>/<role>.ps1: per scenario and role, the role's steps in order, with
// hand-off waits for the steps of other roles (in a long scenario, for the steps next to the
// role's only) and an evidence row per step.
#include <algorithm>
#include <set>

#include "emit/emitters.h"
#include "tmpl/data_moves.h"
#include "emit/procedure_expansion.h"
#include "emit/runbook_view.h"
#include "emit/scripts_ps.h"
#include "emit/scripts_view.h"

namespace plangen {

using kainjow::mustache::data;

namespace {

// The profile's restore procedure of the scenario exactly as the runbook shows it (ExpandScenario):
// each step bound to its own server, pool or backup, steps whose conditions do not hold or that
// cannot be filled left out.
data ProcedureView(const EmitContext& ctx, const Scenario& s) {
  data list{data::type::list};
  ExpandedProcedure ex = ExpandScenario(ctx.plan, ctx.profile, s);
  for (const ExpandedRun& run : ex.runs) {
    for (const ExpandedStep& st : run.steps) {
      data d;
      d.set("subject", PsLiteral(run.subject));
      d.set("text", PsLiteral(st.text));
      d.set("command", PsLiteral(st.command));
      d.set("verify", PsLiteral(st.verify));
      Append(list, std::move(d));
    }
  }
  return list;
}

}  // namespace

std::string RestoreScriptPath(const Scenario& s, const std::string& role) {
  return "scripts/restore/" + ScriptFileStem(s.id.value) + "/" + ScriptFileStem(role) + ".ps1";
}

TemplateData RestoreScriptView(const EmitContext& ctx, const Scenario& s, const std::string& role,
                               const std::string& file_name) {
  data view;
  view.set("file_name", file_name);
  view.set("plan_id", PsLiteral(ctx.plan.id.value));
  view.set("scenario_id", PsLiteral(s.id.value));
  view.set("scenario_title", PsLiteral(s.title.value));
  view.set("scenario_folder", PsLiteral(ScriptFileStem(s.id.value)));
  view.set("role_id", PsLiteral(role));
  view.set("role_folder", PsLiteral(ScriptFileStem(role)));
  view.set("role_name", PsLiteral(RoleName(ctx.plan, role)));
  view.set("rto", PsLiteral(s.rto.value ? DescribeDuration(*s.rto.value) : std::string("not set")));
  view.set("evidence_file", PsLiteral("C:\\Restore\\evidence\\" + ScriptFileStem(s.id.value) + "-" +
                                      ScriptFileStem(role) + ".csv"));
  view.set("procedure", ProcedureView(ctx, s));
  data steps{data::type::list};
  // In a long scenario the role waits only for the steps its own come after (StepsShownTo).
  const std::vector<bool> shown = StepsShownTo(s, ComputeTiming(ctx.plan, s), role);
  for (size_t i = 0; i < s.steps.size(); ++i) {
    if (!shown[i]) continue;
    const ScenarioStep& st = s.steps[i];
    data d;
    d.set("number", std::to_string(i + 1));
    d.set("function_part", PsIdentifierPart(st.id.value));
    d.set("id", PsLiteral(st.id.value));
    d.set("title", PsLiteral(st.title.value));
    d.set("yours", st.role.value == role);
    d.set("role", PsLiteral(RoleName(ctx.plan, st.role.value)));
    d.set("estimate", PsLiteral(st.estimate.value ? DescribeDuration(*st.estimate.value) : std::string("not estimated")));
    Append(steps, std::move(d));
  }
  Set(view, "steps", std::move(steps));
  return view;
}

bool EmitRestoreScripts(const EmitContext& ctx, OutputSet& out) {
  bool ok = true;
  for (const Scenario& s : ctx.plan.scenarios) {
    std::vector<std::string> roles;
    std::set<std::string> seen;
    for (const ScenarioStep& st : s.steps) {
      if (st.role.empty() || IsPlaceholder(st.role.value)) continue;
      if (seen.insert(st.role.value).second) roles.push_back(st.role.value);
    }
    for (const std::string& role : roles) {
      std::string path = RestoreScriptPath(s, role);
      std::string text;
      if (!ctx.templates.Render("scripts/restore.ps1.mustache",
                                RestoreScriptView(ctx, s, role, path.substr(path.rfind('/') + 1)), &text, ctx.diags,
                                ctx.sources)) {
        ok = false;
        continue;
      }
      out.Add(path, std::move(text));
    }
  }
  return ok;
}

}  // namespace plangen

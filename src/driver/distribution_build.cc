#include "driver/distribution_build.h"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "check/plan_digest.h"
#include "diag/printers.h"
#include "diff/plan_diff.h"
#include "diff/role_changes.h"
#include "driver/plan_version.h"
#include "emit/emitters.h"
#include "emit/runbook_view.h"
#include "util/edit_distance.h"

namespace fs = std::filesystem;

namespace plangen {

bool PrepareDistribution(const Compilation& c, const std::vector<std::string>& roles, const std::string& since,
                         DistributionOptions* out, std::string* error) {
  out->plan_digest = check::PlanDigest(c.plan);
  out->roles.clear();
  out->record = roles.empty();
  std::vector<std::string> with_duties;
  for (const Role* r : RolesWithDuties(c.plan)) with_duties.push_back(r->id.value);
  for (const std::string& id : roles) {
    if (std::find(out->roles.begin(), out->roles.end(), id) != out->roles.end()) continue;
    if (!c.plan.FindRole(id)) {
      std::vector<std::string> ids;
      for (const Role& r : c.plan.roles) ids.push_back(r.id.value);
      std::string s = Suggest(id, ids);
      *error = "--role: the plan has no role '" + id + "'" + (s.empty() ? "" : "; did you mean '" + s + "'?");
      return false;
    }
    if (std::find(with_duties.begin(), with_duties.end(), id) == with_duties.end()) {
      *error = "--role: role '" + id + "' has no duty in the plan, so it has no runbook and no bundle";
      return false;
    }
    out->roles.push_back(id);
  }
  out->compared = !since.empty();
  out->changes.clear();
  if (since.empty()) return true;
  SourceManager sm;
  DiagEngine diags(sm);
  TempDir scratch;
  Plan before;
  std::string why;
  const bool loaded = LoadPlanVersion(since, scratch, &before, sm, diags, &why);
  if (!loaded || diags.HasErrors()) {
    PrintText(diags, std::cerr, TextOptions{});
    *error = "--since: " + (why.empty() ? "the plan of '" + since + "' cannot be read" : why);
    return false;
  }
  const std::string file = fs::path(since).filename().string();
  out->since = before.version.empty() ? file : "version " + before.version.value + " (" + file + ")";
  const std::vector<diff::PlanChange> changes = diff::DiffPlans(before, c.plan);
  for (const auto& [role, list] : diff::ChangesByRole(changes, before, c.plan)) {
    for (const diff::PlanChange& ch : list) out->changes[role].push_back(ch.Describe());
  }
  return true;
}

bool EmitBuildOutputs(const EmitContext& ectx, const DistributionOptions& options, OutputSet& out) {
  bool ok = options.roles.empty() ? RunEmitters(ectx, out) : EmitRoleFiles(ectx, options.roles, out);
  if (ok && !ectx.draft) ok = EmitDistribution(ectx, options, out);
  return ok;
}

}  // namespace plangen

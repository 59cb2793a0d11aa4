// Reads plan.xml (and the parts it includes) into the plan model.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "model/profile.h"

namespace plangen {

/// Reads the plan at `path` (shown as `display` in diagnostics) and every part it includes.
/// Structural problems are reported; the model holds whatever could be read. Returns false only
/// when the main file could not be read or parsed at all.
bool LoadPlan(const std::string& path, const std::string& display, Plan* plan, SourceManager& sm, DiagEngine& diags);

/// Checks ids and references across the plan and against its profile: duplicate ids, dangling
/// references (with suggestions), server roles and topology services the profile does not know.
void ResolvePlan(const Plan& plan, const Profile* profile, DiagEngine& diags);

}  // namespace plangen

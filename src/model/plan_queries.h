// Facts that take both the plan and its profile to answer, shared by rules and emitters.
#pragma once

#include "model/plan.h"
#include "model/profile.h"

namespace plangen {

/// The tool a backup is made with, as the runbook says: the first tool of its plan procedure,
/// else, in its profile procedure (or the item's default procedure), the step tool that is the
/// item's backup tool or one of its alternatives, else that procedure's first step tool, else the
/// item's backup tool.
Text BackupTool(const Plan& plan, const Profile& profile, const Backup& b);

}  // namespace plangen

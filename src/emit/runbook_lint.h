// The runbook lint: every profile procedure a plan's backups and scenarios use, expanded exactly
// as the runbooks show it, is checked on every build. A step that cannot be filled (PG3160), a
// scenario whose procedure is about nothing it covers (PG3161), a command naming a database,
// server, pool or share the plan does not have (PG3162), a restore from a path no backup writes
// (PG3163), and an empty command, check or procedure (PG3164) are errors, located in the plan with
// a note at the profile step.
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "model/profile.h"

namespace plangen {

/// Reports every finding of the runbook lint for `plan` and its profile.
void LintRunbooks(const Plan& plan, const Profile& profile, DiagEngine& diags);

}  // namespace plangen

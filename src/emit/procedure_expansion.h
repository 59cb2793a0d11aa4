// Expands a profile procedure for one place in a plan: every step is bound to its own context
// (pool, server, backup), left out when its conditions do not hold there, repeated per server or
// per backup when it says so, and a step that runs another procedure brings that procedure's steps
// in its place, bound to the step's context. A step that cannot be filled is a problem, never text.
#pragma once

#include <string>
#include <vector>

#include "emit/placeholders.h"
#include "model/plan.h"
#include "model/profile.h"

namespace plangen {

struct ExpandedStep {
  const ProfileStep* step = nullptr;        ///< the profile step it comes from
  const ProfileProcedure* procedure = nullptr;  ///< the procedure that holds that step
  StepContext context;
  std::string text, command, verify;        ///< filled in
};

/// A step left out because a placeholder has no value in its context, or a binding failed.
struct StepProblem {
  const ProfileStep* step = nullptr;
  const ProfileProcedure* procedure = nullptr;
  int number = 0;             ///< 1-based position of the step in its procedure
  std::string subject;        ///< the server or pool the step was to be about
  const Backup* backup = nullptr;  ///< the backup it was bound to, if any
  std::string placeholder;    ///< "{partner-pool}", or "" when the binding itself failed
  std::string why;
};

/// One run of the procedure: for one covered server or pool of a scenario, or for one backup.
struct ExpandedRun {
  std::string subject;        ///< the server or pool FQDN it is about
  StepContext context;
  std::vector<ExpandedStep> steps;
};

struct ExpandedProcedure {
  const ProfileProcedure* procedure = nullptr;
  std::vector<ExpandedRun> runs;
  std::vector<StepProblem> problems;
  std::string no_subject;     ///< why there is no run at all (the scenario covers nothing it is about)
};

/// The restore procedure of the profile scenario that plan scenario `s` follows, once for each
/// covered server (about="server") or pool (about="pool") that satisfies the scenario's `when`.
/// No procedure when the scenario names no template, or the template has none.
ExpandedProcedure ExpandScenario(const Plan& plan, const Profile& profile, const Scenario& s);

/// The profile procedure `p` for backup `b`, in the context of the backup's server and pool.
ExpandedProcedure ExpandBackup(const Plan& plan, const Profile& profile, const Backup& b, const ProfileProcedure& p);

/// Whether every condition holds in `context`. `via` conditions hold only when the context's
/// backup was made with that procedure; with `skip_via`, they are not tested.
bool ConditionsHold(const Plan& plan, const Profile& profile, const std::vector<StepCondition>& when,
                    const StepContext& context, bool skip_via = false);

/// The backup procedure a plan backup uses: its own (a profile procedure id), else its item's default.
std::string BackupProcedureId(const Profile& profile, const Backup& b);

}  // namespace plangen

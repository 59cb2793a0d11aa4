// Which changes of a plan concern which role: "what changed for you" in each role's bundle.
//
// A change concerns the roles that must act differently because of it, not everyone named near
// it: a backup's schedule concerns its owner; a step of a scenario concerns the role that does it,
// and when the step's role or what it waits for changes (a hand-off), also the roles of the steps
// on either side of it; a location, server, pool or site concerns the owners of the backups kept
// there or taken from there; a role's name, department or contacts concern the role and the roles
// that hand off to it or from it. Changes to the plan's own attributes and to waivers concern the
// plan's owner, not a team, and are left out.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diff/plan_diff.h"
#include "model/plan.h"

namespace plangen::diff {

/// The role ids `change` concerns, sorted, as the plans `before` and `after` name them.
std::vector<std::string> ConcernedRoles(const PlanChange& change, const Plan& before, const Plan& after);

/// The changes of `changes` (from DiffPlans(before, after)) by role id, each list in the order of
/// `changes`. A role no change concerns has no entry.
std::map<std::string, std::vector<PlanChange>> ChangesByRole(const std::vector<PlanChange>& changes, const Plan& before,
                                                             const Plan& after);

}  // namespace plangen::diff

// D2: the hand-offs of a restoration scenario. A hand-off happens where a step waits for another
// (its `after` list) and the two steps are done by roles of different departments: the earlier
// team must tell the next one that it can start.
#pragma once

#include <vector>

#include "model/plan.h"

namespace plangen::check {

struct Handoff {
  int from_step = -1;               ///< index into scenario.steps: the step that finishes
  int to_step = -1;                 ///< index into scenario.steps: the step that waits for it
  const Role* from_role = nullptr;  ///< never null
  const Role* to_role = nullptr;    ///< never null
};

/// The hand-offs of `scenario`, ordered by the waiting step, then by its `after` list. Steps
/// whose role is unknown, or whose role has no department, make no hand-off. Builds a role index
/// itself: O(roles + steps). For many scenarios use PlanHandoffs.
std::vector<Handoff> ScenarioHandoffs(const Plan& plan, const Scenario& scenario);

/// The hand-offs of every scenario, indexed like plan.scenarios. Linear in the plan's size.
std::vector<std::vector<Handoff>> PlanHandoffs(const Plan& plan);

}  // namespace plangen::check

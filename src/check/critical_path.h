// The critical path of a restoration scenario: the chain of steps, linked by their `after`
// dependencies, whose estimates add up to the longest time. Steps without `after` start at once,
// so parallel branches do not add up.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/plan.h"

namespace plangen::check {

struct CriticalPath {
  /// Indexes into scenario.steps, in the order they run. Empty when there are no steps or a cycle.
  std::vector<int> steps;
  int64_t seconds = 0;        ///< total, spare lead time included
  int64_t lead_seconds = 0;   ///< spare lead time added in front (new hardware), else 0
  std::vector<int64_t> start, finish;  ///< per step, seconds after the decision (lead time included)
  /// When the dependencies loop: the steps of one cycle in running order, first repeated at the end.
  std::vector<int> cycle;
};

/// Computes the scenario's critical path in time linear in its steps and dependencies. `spare` is
/// the spare whose lead time comes first when the scenario needs new hardware (may be null).
/// Unknown `after` ids and steps without a readable estimate count as zero. `transport_seconds` is
/// added to the lead time when the spare must first travel from another site.
CriticalPath ComputeCriticalPath(const Scenario& scenario, const Spare* spare, int64_t transport_seconds = 0);

/// "prepare -> deploy -> users", led by "lead time of spare 'x' -> " when lead time counts.
std::string DescribePath(const Scenario& scenario, const CriticalPath& path, const Spare* spare);

}  // namespace plangen::check

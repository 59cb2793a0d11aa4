// The timing of a restoration scenario (earliest start of each step from its `after`
// dependencies and estimates, the critical path) and its timeline chart as inline SVG.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/plan.h"

namespace plangen {

struct StepTiming {
  int64_t start = 0;       ///< seconds from the decision to restore
  int64_t finish = 0;
  bool critical = false;   ///< on the longest chain of dependencies
  std::vector<int> after;  ///< indexes of the steps that must finish first (known ids only)
};

struct ScenarioTiming {
  int64_t lead = 0;        ///< spare hardware lead time, before any step can start (new hardware)
  std::string lead_role;   ///< the role to call for the spare
  std::vector<StepTiming> steps;  ///< one per Scenario::steps, same order
  int64_t total = 0;       ///< lead + critical path
  int64_t rto = 0;         ///< 0 when the scenario has no valid RTO
  bool cycle = false;      ///< some `after` references form a cycle; those edges were ignored
};

/// A length of time as the timeline and the text beside it both say it: hours and minutes,
/// never days ("36 h", "1 h 15 min", "45 min"), so "RTO 36 h" in the text is "36 h" on the axis.
/// Seconds only when the length has some; 0 is "0 min".
std::string TimelineDuration(int64_t seconds);

/// When a step starts or finishes, from the decision to restore: "the start" for 0, otherwise
/// "+" and TimelineDuration ("+1 h 45 min").
std::string TimelineOffset(int64_t seconds);

/// Earliest start and finish of every step. A step starts when all the steps it comes after
/// have finished; steps with nothing before them start once the spare hardware has arrived.
/// Steps without a valid estimate take no time. Never loops, whatever the references.
ScenarioTiming ComputeTiming(const Plan& plan, const Scenario& s);

/// The lanes of a timeline chart, top to bottom.
struct TimelineLaneMap {
  std::vector<std::string> roles;                 ///< the role of each lane
  std::unordered_map<std::string, size_t> index;  ///< role -> its lane
  /// The lane of `role`, which must have one.
  size_t Of(const std::string& role) const { return index.at(role); }
};

/// One lane per role, in the order the roles first come: the role to call for the spare first
/// when there is a lead time, then the role of each step. With `shown` (one flag per step), only
/// the flagged steps count. The SVG and the PDF timelines draw these lanes.
TimelineLaneMap TimelineLanes(const Scenario& s, const ScenarioTiming& t, const std::vector<bool>& shown = {});

/// An <svg> element: one lane per role, a bar per step (critical steps emphasised), a dashed
/// line at the RTO. Every piece of user text is HTML-escaped; the result can be inlined into
/// an HTML page as it is. With `shown` (one flag per step), only the flagged steps get a bar and
/// only their roles a lane; the axis still spans the whole scenario.
std::string TimelineSvg(const Plan& plan, const Scenario& s, const ScenarioTiming& t,
                        const std::vector<bool>& shown = {});

}  // namespace plangen

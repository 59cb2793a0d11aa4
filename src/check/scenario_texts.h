// The texts a scenario's runbook carries out, with where each is written: every step's title and,
// for a step that carries out a plan or profile procedure, that procedure's steps. And what a scenario is
// about: the servers and pools it covers (a pool stands for its servers, a server for its pool).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "check/plan_index.h"
#include "model/plan.h"
#include "model/profile.h"

namespace plangen::check {

struct ScenarioText {
  const std::string* text = nullptr;
  Loc loc;
  std::string who;  ///< "step 'x' of scenario 'y'" or "procedure 'p'", for messages
};

/// The scenario's texts in runbook order. A step that carries out a profile procedure brings its
/// steps' texts and commands (and those of the procedures they carry out), under the step's name.
std::vector<ScenarioText> TextsOf(const PlanIndex& pi, const Profile& profile, const Scenario& sc);

struct Coverage {
  std::set<int> servers;  ///< indexes into topology.servers
  std::set<int> pools;    ///< indexes into topology.pools
};

/// What `sc` covers: named servers and the servers of named pools, and the pools of both.
Coverage CoverageOf(const PlanIndex& pi, const Scenario& sc);

}  // namespace plangen::check

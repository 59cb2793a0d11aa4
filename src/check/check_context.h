// What every cross-check pass sees: the plan, its profile, and "now".
#pragma once

#include "model/plan.h"
#include "model/profile.h"
#include "util/iso8601.h"

namespace plangen {

namespace topo {
struct Topology;
}  // namespace topo

struct ReturnedWorksheets;
struct Evidence;

struct CheckContext {
  const Plan& plan;
  const Profile& profile;
  Date as_of;                 ///< "now" for overdue checks (--as-of, default today)
  const SourceManager& sources;
  /// The worksheets the teams returned (--worksheets), when any were given.
  const ReturnedWorksheets* worksheets = nullptr;
  /// The deployment's topology (--topology, or the plan's <topology file>), when one was read:
  /// the drift pass compares the plan with it.
  const topo::Topology* topology = nullptr;
  /// Evidence files the scripts wrote (--evidence), when any were given.
  const Evidence* evidence = nullptr;
};

}  // namespace plangen

// What every cross-check pass sees: the plan, its profile, and "now".
#pragma once

#include <memory>

#include "check/plan_index.h"
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

  /// The plan's lookups, made on first use and shared by every pass that runs with this context
  /// (a plan of 100,000 servers has hash tables too large to build once per pass).
  const check::PlanIndex& Index() const {
    if (!index_made) index_made = std::make_shared<const check::PlanIndex>(plan);
    return *index_made;
  }
  /// What Index() made; not set by hand.
  mutable std::shared_ptr<const check::PlanIndex> index_made = nullptr;
};

}  // namespace plangen

// What every cross-check pass sees: the plan, its profile, and "now".
#pragma once

#include "model/plan.h"
#include "model/profile.h"
#include "util/iso8601.h"

namespace plangen {

struct CheckContext {
  const Plan& plan;
  const Profile& profile;
  Date as_of;                 ///< "now" for overdue checks (--as-of, default today)
  const SourceManager& sources;
};

}  // namespace plangen

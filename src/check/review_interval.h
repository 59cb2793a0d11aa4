// The plan's review interval: governance review-interval, else the M1 check's interval.
#pragma once

#include "model/plan.h"

namespace plangen::check {

/// The interval, or null when the plan sets none.
const DurationValue* ReviewInterval(const Plan& plan);

/// Where governance findings point: the <governance> element, or the plan when it has none.
inline Loc GovernanceLoc(const Plan& plan) { return plan.governance.present ? plan.governance.loc : plan.loc; }

}  // namespace plangen::check

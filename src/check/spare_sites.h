// Where spare hardware is kept and where a scenario needs it (D3).
#pragma once

#include <vector>

#include "check/plan_index.h"
#include "model/plan.h"

namespace plangen::check {

/// The site (index into plan.topology.sites) where `spare` is kept: its site="...", else the one
/// site whose id or name its source or notes mention as words; -1 when neither says.
int SpareSite(const Plan& plan, const Spare& spare);

/// The sites of the servers `scenario` covers (pools stand for their servers), in site order.
std::vector<int> ScenarioSites(const PlanIndex& pi, const Scenario& scenario);

}  // namespace plangen::check

// The plan's <waivers>: each changes the severity of the findings of one code that name an
// element of its scope, until it expires; data-safety findings need a business approval to go
// below a warning.
#pragma once

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "util/iso8601.h"

namespace plangen {

/// Registers the plan's waivers with the engine, except for codes the command line (-W) set:
/// the command line wins. Expired waivers are reported (PG2902) and not applied; data-safety
/// waivers without a business approval naming them are applied as warnings (PG2903).
void ApplyPlanWaivers(const Plan& plan, Date as_of, DiagEngine& diags);

/// After the checks: waivers of codes whose checks ran that changed no finding (PG2901).
/// `worksheets` and `topology` say whether the PG4xxx and PG5xxx checks ran.
void ReportUnusedWaivers(const Plan& plan, Date as_of, bool worksheets, bool topology, DiagEngine& diags);

/// Findings about the data itself, which only the business may accept below a warning.
bool IsDataSafetyFinding(DiagId id);

}  // namespace plangen

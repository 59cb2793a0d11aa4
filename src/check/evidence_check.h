// The evidence the scripts wrote (--evidence) against the plan: V1, V2, V3 and V5.
#pragma once

#include <vector>

#include "check/check_context.h"
#include "diag/diagnostic.h"
#include "worksheets_in/evidence.h"
#include "worksheets_in/validation_log.h"

namespace plangen {

/// V1, V2, V3 and V5 from the evidence (ctx.evidence): failed and missed backup runs, copies not
/// verified in a location, drill steps slower than their estimate or failed, and drills whose
/// critical path of measured times exceeds the RTO.
void CheckEvidence(const CheckContext& ctx, DiagEngine& diags);

/// The evidence as Validation Log entries, one model for both: a V1 and a V2 entry per backup
/// run, a V3 and a V5 entry per drill of a scenario. Each entry's row is null; its loc is the
/// evidence row's.
std::vector<ValidationLogEntry> EvidenceEntries(const Plan& plan, const Evidence& evidence);

/// The evidence pass: CheckEvidence, and the validation-log pass over the evidence alone when no
/// worksheets were returned.
void CheckEvidenceFiles(const CheckContext& ctx, DiagEngine& diags);

}  // namespace plangen

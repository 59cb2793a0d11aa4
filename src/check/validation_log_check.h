// The returned Validation Log against the plan's validation checks (V1-V5, M1).
#pragma once

#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

/// V1-V5, M1 from the returned Validation Log rows (ctx.worksheets): empty or bad cell values
/// (PG4106, PG4125), entries dated after --as-of (PG4126), failed checks (PG4122), test restores longer than their scenario's RTO
/// (PG4124, PG4123) and, when the log holds at least one row, plan checks never logged (PG4120)
/// or logged longer ago than their interval before --as-of (PG4121). Only checks whose records
/// are kept in the Validation Log sheet, or that name no records, are expected in it.
void CheckValidationLog(const CheckContext& ctx, DiagEngine& diags);

}  // namespace plangen

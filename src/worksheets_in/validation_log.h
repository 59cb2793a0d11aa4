// The Validation Log sheet (date, check kind, target, result, measured duration, performed by)
// read against the plan's validation checks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

/// V1-V5, M1 from the returned Validation Log rows (ctx.worksheets): bad cell values (PG4125),
/// entries dated after --as-of (PG4126),
/// failed checks (PG4122), test restores longer than their scenario's RTO (PG4124, PG4123) and,
/// when the log holds at least one row, plan checks never logged (PG4120) or logged longer ago
/// than their interval before --as-of (PG4121). Only checks whose records are kept in the
/// Validation Log sheet, or that name no records, are expected in it.
void CheckValidationLog(const CheckContext& ctx, DiagEngine& diags);

struct ReturnedWorksheets;
struct ReturnedRow;

/// One row of a returned Validation Log, as the checklists and the audit summary show it.
struct ValidationLogEntry {
  const ReturnedRow* row = nullptr;
  std::optional<Date> date;
  std::string kind;           ///< V1..V5, M1, upper case; empty when unreadable
  std::string target;
  std::optional<bool> passed;
  std::string result;         ///< as written
  std::string duration;       ///< as written
  std::string performed_by;   ///< as written
  Loc loc;                    ///< the row's date cell
};

/// Every row of every Validation Log sheet in `returned`, in file order. Reports nothing: the
/// validation-log pass reports bad values.
std::vector<ValidationLogEntry> ReadValidationLog(const ReturnedWorksheets& returned);

/// The newest entry for `check` dated on or before `as_of`, or nullptr.
const ValidationLogEntry* LastEntryFor(const std::vector<ValidationLogEntry>& entries, const ValidationCheck& check,
                                       Date as_of);

}  // namespace plangen

// The Validation Log sheet (date, check kind, target, result, measured duration, performed by):
// its rows read once, when the returned worksheets are loaded (ReturnedWorksheets::validation_log),
// for the validation-log pass, the checklists and the audit summary.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "util/iso8601.h"

namespace plangen {

struct ReturnedWorksheets;
struct ReturnedRow;

/// A cell of a Validation Log row left empty where a team must fill it (PG4106) or holding no
/// valid value (PG4125): found while the row is read, reported by the validation-log pass.
struct ValidationLogProblem {
  DiagId id;
  Loc loc;
  std::vector<std::string> args;
};

/// One row of a returned Validation Log.
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
  std::vector<ValidationLogProblem> problems;  ///< in column order
};

/// Every row of every Validation Log sheet in `returned`, in file order. Reports nothing: the
/// validation-log pass reports each entry's problems.
std::vector<ValidationLogEntry> ReadValidationLog(const ReturnedWorksheets& returned);

/// The newest entry for `check` dated on or before `as_of`, or nullptr.
const ValidationLogEntry* LastEntryFor(const std::vector<ValidationLogEntry>& entries, const ValidationCheck& check,
                                       Date as_of);

}  // namespace plangen

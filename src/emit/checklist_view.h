// Validation checks (V1..V5, M1): their due dates from --as-of, and the checklist's view model.
#pragma once

#include <string>
#include <vector>

#include "emit/emit_context.h"
#include "tmpl/templates.h"

namespace plangen {

struct CheckDue {
  bool known = false;   ///< false when the interval is missing or invalid
  Date next;            ///< the next date the check is due
  Date then;            ///< the due date after that
  bool overdue = false; ///< M1 only: the last review is older than the interval
  std::string basis;    ///< how the date was computed, for the reader
};

/// When `c` is next due. An M1 review counts from the plan's last-reviewed date; the other
/// checks, whose history is in the Validation Log, count one interval from --as-of.
CheckDue DueDates(const Plan& plan, const ValidationCheck& c, Date as_of);

struct ValidationLogEntry;
/// The Validation Log rows returned (--worksheets) and the evidence the scripts wrote
/// (--evidence), as one list of entries.
std::vector<ValidationLogEntry> ValidationEntries(const EmitContext& ctx);

/// Mustache data for checklists/validation.*: checks grouped by interval, then by owner.
TemplateData ChecklistView(const EmitContext& ctx);

/// A file name stem for a role id: the id itself when it is plain ([A-Za-z0-9._-], not a
/// device name), otherwise a cleaned form with a hash suffix, so that every role gets a
/// distinct file that cannot leave its folder.
std::string RoleFileStem(const std::string& role_id);

/// FNV-1a 64-bit hash, as 16 hex digits (stable UIDs and file names).
std::string StableHash(const std::string& text);

}  // namespace plangen

// What changed in a plan's meaning between two versions, in words: "backup 'red-users': schedule
// daily 02:00 -> weekly sun 03:00". The same notion of meaning as the plan digest: formatting,
// comments, attribute order, the split into included files, the order of id-keyed elements and
// the case of FQDNs are not changes; the order of a scenario's or a procedure's steps is.
// Approvals and the date of the last review are left out, as they are from the digest.
#pragma once

#include <string>
#include <vector>

#include "model/plan.h"

namespace plangen::diff {

enum class ChangeKind { kAdded, kRemoved, kChanged, kReordered };

struct PlanChange {
  std::string area;     ///< plan, role, governance, location, site, pool, server, spare, backup,
                        ///< procedure, scenario, validation, waiver
  std::string id;       ///< the element's id (FQDN for servers and pools); empty for plan and governance
  ChangeKind kind = ChangeKind::kChanged;
  std::string field;    ///< the attribute or part that changed ("schedule", "step 'fail-over'", "steps")
  std::string before;   ///< as written in the old plan (white space collapsed); empty when added
  std::string after;    ///< as written in the new plan; empty when removed
  /// Role ids the change concerns (owners, deciders, step roles, before and after), sorted.
  std::vector<std::string> roles;

  /// One line: "backup 'red-users': schedule daily 02:00 -> weekly sun 03:00".
  std::string Describe() const;
};

/// Every change of meaning from `before` to `after`, by area in plan order (roles, governance,
/// locations, topology, spares, backups, procedures, scenarios, checks, waivers), then by id.
std::vector<PlanChange> DiffPlans(const Plan& before, const Plan& after);

const char* ChangeKindName(ChangeKind kind);

}  // namespace plangen::diff

// distribution/<role>.zip: one bundle per role with duties, holding what that team must do and
// only that: its runbook in every format the build emits, its calendar, its scripts, its rows of
// the worksheets as a workbook to fill in and return, the contacts of the roles it hands off to or
// from, and a README saying what is inside, the plan's version, digest and approvals, and what
// changed for the role since the previous package. docs/distribution.md is the reader's page.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "emit/emit_context.h"
#include "emit/output_set.h"

namespace plangen {

/// What the bundles need that the emitters do not compute: the commands fill it in.
struct DistributionOptions {
  std::string plan_digest;          ///< "sha256:..." of the plan being built
  /// Role ids to bundle; empty: every role with duties. Each must have duties (see
  /// RolesWithDuties), which the command checks before.
  std::vector<std::string> roles;
  bool compared = false;            ///< a previous package was given (--since)
  std::string since;                ///< how the README names it: "version 3 (contoso-lync-v3-2026-06-01.zip)"
  /// With `compared`: what changed for each role, one sentence each; a role without an entry
  /// has no change.
  std::map<std::string, std::vector<std::string>> changes;
  /// Add report/distribution.json, which records which bundle goes to which role (a full build).
  bool record = true;
};

/// The path of a role's bundle: "distribution/<stem>.zip".
std::string BundlePath(const std::string& role_id);

/// The outputs already in `out` that belong to `role`'s bundle: its runbooks, its calendar and its
/// scripts, sorted.
std::vector<std::string> RoleOutputs(const EmitContext& ctx, const Role& role, const OutputSet& out);

/// Adds a bundle per role (and, with options.record, report/distribution.json) to `out`, from the
/// outputs already there. Problems are reported to ctx.diags; returns false then.
bool EmitDistribution(const EmitContext& ctx, const DistributionOptions& options, OutputSet& out);

/// The outputs of the roles `role_ids` only, byte for byte as a full build makes them: their
/// runbooks, calendars and scripts (not their bundles: EmitDistribution adds those). Runs only the
/// emitters whose outputs can belong to a role.
bool EmitRoleFiles(const EmitContext& ctx, const std::vector<std::string>& role_ids, OutputSet& out);

}  // namespace plangen

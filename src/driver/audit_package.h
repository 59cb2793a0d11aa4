// The audit package of a build: which members it holds and under which names. Shared by
// `plangen build` (which writes it) and `plangen verify` (which rebuilds it in memory to compare).
#pragma once

#include <string>
#include <vector>

#include "audit/package.h"
#include "driver/compile.h"
#include "emit/emit_context.h"
#include "emit/output_set.h"

namespace plangen {

struct AuditPackage {
  std::string path;  ///< inside the output directory: "audit/<plan id>-v<version>-<as-of>.zip"
  /// Sorted by path. Members borrow the compilation's input bytes and the outputs (held in the
  /// OutputSet or written to its staging directory): both must outlive the package's writing.
  std::vector<audit::PackageMember> members;
  audit::PackageInfo info;
};

/// Member name of the input `display` (a plan file or part, as the SourceManager names it)
/// relative to the main plan's folder: "inputs/plan.xml", "inputs/parts/roles.xml"; a part
/// outside that folder has each ".." written as "parent-dir".
std::string PlanInputMemberName(const std::string& plan_display, const std::string& display);

/// Gathers every member: the inputs as the compilation read them (plan and parts, profile,
/// worksheets given with --worksheets, topology; the bytes kept by the SourceManager, so the
/// package holds what was checked), every output (report/ becomes reports/), reports/approvals.json
/// and the package's own summary.html. Reports (PG0001, PG0004, PG3015) and returns false when an
/// input was not read by the compilation or two members would share a name.
bool AssembleAuditPackage(const CompileOptions& options, const EmitContext& ectx, const OutputSet& outputs,
                          AuditPackage* out);

/// reports/approvals.json: the plan's approvals and every waiver or severity change with its
/// reason and the findings it waived.
std::string ApprovalsJson(const EmitContext& ectx);

}  // namespace plangen

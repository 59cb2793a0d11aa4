// The audit summary page (summary.html): what an auditor opens first, in the output directory
// and at the top of the audit package.
#pragma once

#include <string>
#include <vector>

#include "emit/emit_context.h"

namespace plangen {

/// One file the summary links to.
struct SummaryLink {
  std::string section;  ///< "Inputs", "Outputs", "Reports", "Audit package"
  std::string path;     ///< relative to the summary page
};

/// The view of summary.html: plan identity, approvals, coverage figures, open findings, waivers,
/// validation history and `links` (in the given order, grouped by section).
TemplateData AuditSummaryView(const EmitContext& ctx, const std::vector<SummaryLink>& links, bool in_package);

/// Renders templates/audit/summary.html.mustache into `out`; false when the template failed.
bool RenderAuditSummary(const EmitContext& ctx, const std::vector<SummaryLink>& links, bool in_package,
                        std::string* out);

/// "audit/<plan id>-v<version>-<as-of>.zip", or "" (with PG0004) when the plan's id or version
/// cannot be part of a file name.
std::string AuditPackagePath(const EmitContext& ctx);

}  // namespace plangen

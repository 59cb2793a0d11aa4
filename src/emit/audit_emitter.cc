// summary.html at the top of the output directory: the audit summary, linking every output
// written so far and the audit package the build will add (a clean plan only).
#include "emit/audit_summary_view.h"
#include "emit/emitters.h"

namespace plangen {

bool EmitAuditSummary(const EmitContext& ctx, OutputSet& out) {
  std::vector<SummaryLink> links;
  for (const auto& [path, bytes] : out.files()) links.push_back({"Outputs", path});
  if (!ctx.draft) {
    std::string package = AuditPackagePath(ctx);
    if (package.empty()) return false;
    links.push_back({"Audit package", package});
  }
  return AddRendered(ctx, "summary.html", "audit/summary.html.mustache", AuditSummaryView(ctx, links, false), out);
}

}  // namespace plangen

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
  // A link per output: tens of megabytes at 100,000 servers, written as it is rendered.
  const TemplateData view = AuditSummaryView(ctx, links, false);
  return out.AddStreamed("summary.html", [&](const audit::StagedOutput::Writer& write) {
    return ctx.templates.RenderTo("audit/summary.html.mustache", view, [&write](const std::string& s) { write(s); },
                                  ctx.diags, ctx.sources);
  });
}

}  // namespace plangen

// runbooks/<role>.md: one GitHub-flavoured Markdown runbook per role with duties.
#include "emit/runbook_view.h"

namespace plangen {

bool EmitMarkdownRunbooks(const EmitContext& ctx, OutputSet& out) {
  return EmitRunbooks(ctx, out, "runbook/runbook.md.mustache", ".md");
}

}  // namespace plangen

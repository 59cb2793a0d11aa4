// runbooks/<role>.md alone (the build renders it with the HTML runbook, from the same view).
#include "emit/runbook_view.h"

namespace plangen {

bool EmitMarkdownRunbooks(const EmitContext& ctx, OutputSet& out) {
  return EmitRunbooks(ctx, out, {RunbookFormats()[1]});
}

}  // namespace plangen

// runbooks/<role>.pdf (--pdf): each role's runbook typeset for paper with pango and cairo, from the
// same view as the HTML and Markdown runbooks (runbook_view.cc), with the scenarios' timelines
// drawn as vector graphics (timeline_pdf.cc).
#pragma once

#include "emit/emit_context.h"
#include "emit/output_set.h"

namespace plangen {

/// Adds runbooks/<stem>.pdf for `role`; false (reported to ctx.diags) when the fonts are missing
/// or cairo fails.
bool RenderRunbookPdf(const EmitContext& ctx, const Role& role, OutputSet& out);

}  // namespace plangen

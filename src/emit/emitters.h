// The registry of emitters: each turns the checked plan into some of the build's outputs.
#pragma once

#include <functional>
#include <vector>

#include "emit/emit_context.h"
#include "emit/output_set.h"

namespace plangen {

using EmitFn = bool (*)(const EmitContext&, OutputSet&);

enum class EmitWhen {
  kWithOthers,   ///< reads only the plan and the compilation's findings: may run beside the others
  kAfterOthers,  ///< reads other outputs or every finding: runs when the others are done
};

struct Emitter {
  const char* name;
  EmitFn run;
  EmitWhen when;
};

/// Every emitter, in order (emitters.def).
const std::vector<Emitter>& AllEmitters();

/// Adds `path`, rendered from template `template_name` with `view` straight into its file, never
/// held whole (a runbook or an index of 100,000 servers is tens to hundreds of megabytes). False
/// when the template cannot be rendered (reported).
bool AddRendered(const EmitContext& ctx, const std::string& path, const std::string& template_name,
                 const TemplateData& view, OutputSet& out);

/// Runs every emitter; false when any failed (its findings are in ctx.diags). The kWithOthers
/// emitters, and the parts they hand to EmitParts, run on up to ctx.jobs threads; their outputs
/// and findings are gathered in emitter order, so the result is the same for any ctx.jobs.
bool RunEmitters(const EmitContext& ctx, OutputSet& out);

/// Work an emitter splits into independent parts (one workbook each, say). Each part must own
/// what it reads besides ctx (no references to the emitter's locals).
using EmitPart = std::function<bool(OutputSet&)>;
/// Inside RunEmitters: queues `parts` to run beside the other work; their outputs and findings
/// follow the calling emitter's, in the order of `parts`, and a part that fails fails the build.
/// Returns true then. Outside (an emitter called on its own): runs them now, one after the other,
/// into `out`, and returns whether all succeeded. `heavy` parts (a role's runbook view: hundreds
/// of megabytes at 100,000 servers) never run two at once; the other threads take other work.
bool EmitParts(std::vector<EmitPart> parts, OutputSet& out, bool heavy = false);
/// Runs `parts` now on ctx.jobs threads, each into its own set, then joins their outputs into
/// `out` and replays their findings in the order of `parts`: the same result for any ctx.jobs.
/// The parts may read `out` (nothing writes it while they run). Returns whether all succeeded.
bool RunSideBySide(const EmitContext& ctx, std::vector<EmitPart> parts, OutputSet& out);

}  // namespace plangen

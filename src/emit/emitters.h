// The registry of emitters: each turns the checked plan into some of the build's outputs.
#pragma once

#include <vector>

#include "emit/emit_context.h"
#include "emit/output_set.h"

namespace plangen {

using EmitFn = bool (*)(const EmitContext&, OutputSet&);

struct Emitter {
  const char* name;
  EmitFn run;
};

/// Every emitter, in order (emitters.def).
const std::vector<Emitter>& AllEmitters();
/// Runs every emitter; false when any failed (its findings are in ctx.diags).
bool RunEmitters(const EmitContext& ctx, OutputSet& out);

}  // namespace plangen

// The registry of cross-check passes. A pass is a pure function of the model: it reports
// findings and never prints, reads files or changes the model.
#pragma once

#include <vector>

#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

using PassFn = void (*)(const CheckContext&, DiagEngine&);

struct Pass {
  const char* name;
  PassFn run;
};

/// Every pass, in the order they run (passes.def).
const std::vector<Pass>& AllPasses();
/// Runs every pass.
void RunPasses(const CheckContext& ctx, DiagEngine& diags);

}  // namespace plangen

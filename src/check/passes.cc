#include "check/passes.h"

#define PASS(name, fn) void fn(const CheckContext&, DiagEngine&);
namespace plangen {
#include "check/passes.def"
}  // namespace plangen
#undef PASS

namespace plangen {

const std::vector<Pass>& AllPasses() {
  static const std::vector<Pass> passes = {
#define PASS(name, fn) {name, &fn},
#include "check/passes.def"
#undef PASS
  };
  return passes;
}

void RunPasses(const CheckContext& ctx, DiagEngine& diags) {
  for (const Pass& p : AllPasses()) p.run(ctx, diags);
}

}  // namespace plangen

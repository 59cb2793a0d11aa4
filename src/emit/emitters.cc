#include "emit/emitters.h"

#define EMITTER(name, fn) bool fn(const EmitContext&, OutputSet&);
namespace plangen {
#include "emit/emitters.def"
}  // namespace plangen
#undef EMITTER

namespace plangen {

const std::vector<Emitter>& AllEmitters() {
  static const std::vector<Emitter> emitters = {
#define EMITTER(name, fn) {name, &fn},
#include "emit/emitters.def"
#undef EMITTER
  };
  return emitters;
}

bool RunEmitters(const EmitContext& ctx, OutputSet& out) {
  bool ok = true;
  for (const Emitter& e : AllEmitters()) ok = e.run(ctx, out) && ok;
  return ok;
}

}  // namespace plangen

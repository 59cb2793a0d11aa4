// plangen diff OLD NEW: what changed in a plan's meaning, in words.
#pragma once

#include "driver/commands.h"

namespace plangen {

CommandSpec DiffSpec();

/// Compares two plans (OLD may be an audit package: its inputs/plan.xml is compared). Exit 0 when
/// only the formatting differs, 1 when the meaning changed, 2 on bad usage or an unreadable plan.
int RunDiff(const ParsedArgs& args, const Environment& env);

}  // namespace plangen

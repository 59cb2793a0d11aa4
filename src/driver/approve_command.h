// plangen approve PLAN --role ROLE --kind business|technical: records an approval in the plan.
#pragma once

#include "driver/commands.h"

namespace plangen {

CommandSpec ApproveSpec();

/// Records an approval (date, plan version, current digest) by inserting one <approval> element
/// into the plan file, written atomically. Exit 0 recorded, 1 the plan has errors (nothing
/// written), 2 bad usage or an unreadable plan.
int RunApprove(const ParsedArgs& args, const Environment& env);

}  // namespace plangen

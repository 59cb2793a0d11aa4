// plangen verify PACKAGE [--key PUB] [--plan PLAN --as-of DATE ...]: checks an audit package.
#pragma once

#include <string>
#include <vector>

#include "driver/commands.h"

namespace plangen {

/// Checks every member against the MANIFEST (and the signature with --key); with --plan, also
/// rebuilds the package from the inputs in memory and names each member that differs.
/// Exit 0 intact, 1 with each difference reported, 2 when the package cannot be read.
int RunVerify(const ParsedArgs& args, const Environment& env);

}  // namespace plangen

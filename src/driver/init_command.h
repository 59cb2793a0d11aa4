// plangen init DIR [--topology FILE] [--profile NAME]: start a plan.
#pragma once

#include <string>
#include <vector>

#include "driver/commands.h"

namespace plangen {

/// Writes DIR/plan.xml from a topology (or a commented starter plan without one). Refuses to
/// replace an existing plan.xml unless --force. Exit 0 written, 2 usage or unusable input.
int RunInit(const ParsedArgs& args, const Environment& env);

}  // namespace plangen

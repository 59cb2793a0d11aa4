// The subcommands of plangen: one row each in kCommands (commands.cc).
#pragma once

#include <string>
#include <vector>

#include "util/iso8601.h"

namespace plangen {

/// What main() knows about the environment; the only place the clock and the terminal are read.
struct Environment {
  Date today;                 ///< from the clock, or SOURCE_DATE_EPOCH
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  bool no_color = false;      ///< NO_COLOR is set
};

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args, const Environment& env);
};

const std::vector<Command>& Commands();

/// Parses argv (without the program name) and runs the command. Returns the exit code.
int RunCommandLine(const std::vector<std::string>& args, const Environment& env);

}  // namespace plangen

// The subcommands of plangen: one row each in kCommands (commands.cc).
#pragma once

#include <string>
#include <vector>

#include "driver/option_table.h"
#include "util/iso8601.h"

namespace plangen {

enum class ColorChoice { kAuto, kAlways, kNever };

/// What main() knows about the environment; the only place the clock and the terminal are read.
struct Environment {
  Date today;                 ///< from the clock, or SOURCE_DATE_EPOCH
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  bool no_color = false;      ///< NO_COLOR is set
  ColorChoice color = ColorChoice::kAuto;  ///< --color
  /// Whether to colour a stream that is (or is not) a terminal: --color=always|never decides,
  /// otherwise colour on a terminal unless NO_COLOR is set.
  bool UseColor(bool is_terminal) const {
    if (color == ColorChoice::kAlways) return true;
    if (color == ColorChoice::kNever) return false;
    return is_terminal && !no_color;
  }
};

struct Command {
  CommandSpec spec;
  int (*run)(const ParsedArgs& args, const Environment& env);
};

const std::vector<Command>& Commands();
/// The command named `name`, or nullptr.
const Command* FindCommand(const std::string& name);
/// The top-level help (the list of commands).
std::string TopLevelHelp();

/// Parses argv (without the program name) and runs the command. Returns the exit code.
int RunCommandLine(const std::vector<std::string>& args, const Environment& env);

}  // namespace plangen

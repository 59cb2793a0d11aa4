// Options shared by the subcommands, and how findings are printed.
#pragma once

#include <iostream>
#include <string>
#include <vector>

#include "diag/printers.h"
#include "driver/commands.h"
#include "driver/compile.h"
#include "driver/option_table.h"

namespace plangen {

/// --as-of, --format, --werror, -W, --max-errors, --profiles, --worksheets, --topology.
std::vector<OptionSpec> CompileOptionSpecs();
/// --color WHEN.
OptionSpec ColorOptionSpec();
/// -h, --help.
OptionSpec HelpOptionSpec();
/// The exit codes of a command that checks a plan.
std::vector<std::pair<std::string, std::string>> CheckExitCodes();

/// Reads the compile options back. Returns false with a message for a bad value (exit 2).
bool ReadCompileOptions(const ParsedArgs& r, const Environment& env, CompileOptions* out, OutputFormat* format,
                        std::string* error);
/// Reads --color into env->color. Returns false with a message for a bad value.
bool ReadColorOption(const ParsedArgs& r, Environment* env, std::string* error);
/// Prints the findings in `format` to `out`.
void PrintFindings(const Compilation& c, OutputFormat format, const Environment& env, std::ostream& out);
/// 0 clean, 1 errors, 2 unreadable input.
int ExitCode(const Compilation& c);
/// "plangen <cmd>: message", the command's usage line and where to find more, on stderr; exit 2.
int UsageError(const std::string& cmd, const std::string& message);

}  // namespace plangen

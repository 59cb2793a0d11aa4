// Options shared by check and build, and how findings are printed.
#pragma once

#include <cxxopts.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "diag/printers.h"
#include "driver/commands.h"
#include "driver/compile.h"

namespace plangen {

/// Adds --as-of, --format, --werror, -W, --max-errors, --profiles, --worksheets, --topology.
void AddCompileOptions(cxxopts::Options& o);
/// Reads them back. Returns false with a message for a bad value (exit 2).
bool ReadCompileOptions(const cxxopts::ParseResult& r, const Environment& env, CompileOptions* out,
                        OutputFormat* format, std::string* error);
/// Prints the findings in `format` to `out`.
void PrintFindings(const Compilation& c, OutputFormat format, const Environment& env, std::ostream& out);
/// 0 clean, 1 errors, 2 unreadable input.
int ExitCode(const Compilation& c);
/// Parses `args` (without the command name) with `o`. On a usage error prints it and sets
/// *exit = 2; on --help prints the help and sets *exit = 0; either way returns false.
bool ParseCommandArgs(cxxopts::Options& o, const std::string& cmd, const std::vector<std::string>& args,
                      cxxopts::ParseResult* r, int* exit);
/// "plangen <cmd>: message" on stderr, exit 2.
int UsageError(const std::string& cmd, const std::string& message);

}  // namespace plangen

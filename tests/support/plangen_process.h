// Runs the plangen binary as a user would: in a folder, with arguments and environment, its
// output captured, killed when it runs too long. For tests of the command line as a whole.
#pragma once

#include <string>
#include <vector>

namespace plangen {

struct ProcessResult {
  int exit = -1;  ///< exit status, or 128 + signal; -2 when it was killed for running too long
  std::string out, err;
};

/// The plangen binary beside the tests (build/plangen), or $PLANGEN_BIN.
std::string PlangenBinary();

/// Runs plangen in `cwd` with `args`, stdin from /dev/null, NO_COLOR set; killed after `seconds`.
/// `env` entries are NAME=VALUE to set, or NAME alone to unset.
ProcessResult RunPlangen(const std::string& cwd, const std::vector<std::string>& args, int seconds = 60,
                         const std::vector<std::string>& env = {});

}  // namespace plangen

// Where plangen's own data (worksheets/ profiles, templates/, schema/) is found at run time.
#pragma once

#include <string>

namespace plangen {

/// PLANGEN_DATA_DIR if set; the source tree for the binary in its build folder; for an installed
/// binary, the datadir beside it (bindir/../share/plangen), else the configured install datadir;
/// else the source tree it was built from.
std::string DataDir();

}  // namespace plangen

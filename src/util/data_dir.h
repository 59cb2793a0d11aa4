// Where plangen's own data (worksheets/ profiles, templates/, schema/) is found at run time.
#pragma once

#include <string>

namespace plangen {

/// PLANGEN_DATA_DIR if set; else <exe>/../share/plangen when installed; else the source tree it was built from.
std::string DataDir();

}  // namespace plangen

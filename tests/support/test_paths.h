// Where tests find the project's files, independent of the build directory.
#pragma once

#include <string>

#include "plangen_config.h"

namespace plangen::testing {

/// The source tree root (holds samples/, worksheets/, templates/, tests/data/).
inline std::string SourceRoot() { return PLANGEN_DATADIR; }
inline std::string DataPath(const std::string& rel) { return SourceRoot() + "/tests/data/" + rel; }

}  // namespace plangen::testing

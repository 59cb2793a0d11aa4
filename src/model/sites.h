// Where a server is: its site, and so the time zone its schedules are read in.
#pragma once

#include <string>

#include "model/plan.h"

namespace plangen {

/// The site holding the server `fqdn` (any case), or nullptr.
const Site* SiteOfServer(const Plan& plan, const std::string& fqdn);

}  // namespace plangen

// The plan format (urn:plangen:plan:1) and the profile format (urn:plangen:profile:1) as schemas.
#pragma once

#include "load/schema.h"

namespace plangen {

constexpr const char* kPlanNamespace = "urn:plangen:plan:1";
constexpr const char* kProfileNamespace = "urn:plangen:profile:1";

const Schema& PlanSchema();
const Schema& ProfileSchema();

}  // namespace plangen

// The bundles of a build: which roles (--role), what changed for each since a previous package
// (--since), and the outputs a build for some roles makes. Shared by `plangen build` and the
// rebuild of `plangen verify --plan`.
#pragma once

#include <string>
#include <vector>

#include "driver/compile.h"
#include "emit/distribution.h"
#include "emit/emit_context.h"
#include "emit/output_set.h"

namespace plangen {

/// Fills `out` for the compiled plan `c`: its digest, the roles `roles` (every role with duties
/// when empty) and, when `since` is not empty, what changed for each role since the plan `since`
/// (a plan file or an audit package), from the same semantic diff as `plangen diff`. Returns false
/// with a message in `error` for a role that is unknown or has no duties, or a `since` that cannot
/// be read (its findings are printed to stderr).
bool PrepareDistribution(const Compilation& c, const std::vector<std::string>& roles, const std::string& since,
                         DistributionOptions* out, std::string* error);

/// The outputs of a build: every emitter's and the bundles, or with options.roles only those roles'
/// files and bundles. A draft (ectx.draft) gets no bundle, as it gets no audit package.
bool EmitBuildOutputs(const EmitContext& ectx, const DistributionOptions& options, OutputSet& out);

}  // namespace plangen

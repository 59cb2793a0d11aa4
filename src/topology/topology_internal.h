// Steps of the topology reader shared between its source files; not part of the public API.
#pragma once

#include "topology/topology.h"

namespace plangen::topo {

/// Fills what is derived rather than read: each cluster's kind and each store's Front End pools.
/// Runs on a topology whose references have all been resolved.
void DeriveTopology(Topology* t);

}  // namespace plangen::topo

// Synthetic, valid plans of N servers for benchmarks: pools of ten servers (eight Front End, a
// Back End, a file server), each with its backups, a restoration scenario and the governance a
// clean plan needs.
#pragma once

#include <string>

namespace plangen::bench {

/// The plan.xml text of a deployment with about `servers` servers. With the plan's digest
/// (PlanDigestOf), the approvals record it and the plan is clean as of 2026-12-01.
std::string SyntheticPlan(int servers, const std::string& digest = "", int step_roles = 0);

/// SyntheticPlan(servers) with its approvals bound to its own digest.
std::string CleanSyntheticPlan(int servers);

/// A clean plan of one pool whose "chain" scenario has `roles` steps, each owned by a role of its
/// own and handing over to the next: what grows as roles x steps when every runbook repeats the
/// scenario.
std::string RolesPlan(int roles);

}  // namespace plangen::bench

// The plan digest: a SHA-256 of the plan's meaning, so that an approval can be bound to exactly
// what the approver saw. Formatting, comments, attribute order, entity spelling, the split into
// included files, the order of id-keyed elements and the case of FQDNs do not change it; any
// change of a value does.
//
// Left out on purpose: the approvals themselves (they record the digest, and a second approval
// must not invalidate the first) and the date of the last review (recording a review does not
// change what was approved).
//
// The topology file named by <topology file="..."> counts by its content (Topology::file_digest),
// not by the path's text. docs/plan-format.md ("The plan digest") says the same for users.
#pragma once

#include <string>

#include "model/plan.h"

namespace plangen::check {

/// The canonical text the digest is taken over: one "name length:value" record per line, elements
/// in a fixed order. Exposed for tests and for people who want to see what the digest covers.
std::string CanonicalPlanText(const Plan& plan);

/// "sha256:" followed by 64 lower-case hex digits of SHA-256(CanonicalPlanText(plan)).
std::string PlanDigest(const Plan& plan);

/// SHA-256 of `bytes` as 64 lower-case hex digits (OpenSSL EVP).
std::string Sha256Hex(const std::string& bytes);

}  // namespace plangen::check

// D6: approvals are bound to the plan digest they approved. A stale digest is judged last, and
// only when the plan has no other error: fixing those errors changes the digest, so reporting it
// earlier would ask for a new approval of a plan that is about to change again. (A missing
// digest is reported at once by the approvals pass.)
#include "check/check_context.h"
#include "check/plan_digest.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

// Digests compare without regard to case; a bare hex string means SHA-256.
std::string NormalDigest(const std::string& d) {
  std::string s = AsciiLower(d);
  return s.rfind("sha256:", 0) == 0 ? s : "sha256:" + s;
}

}  // namespace

void CheckApprovalDigests(const CheckContext& ctx, DiagEngine& diags) {
  if (diags.errors() > 0) return;
  const Plan& plan = ctx.plan;
  const std::string digest = check::PlanDigest(plan);
  for (const Approval& a : plan.governance.approvals) {
    if (a.plan_version.value != plan.version.value) continue;
    if (!a.digest.empty() && !IsPlaceholder(a.digest.value) && NormalDigest(a.digest.value) != digest) {
      Diagnostic& d = diags.Report(DiagId::err_approval_stale, a.digest.loc, {a.kind.value, a.by.value, a.digest.value, digest});
      d.AddNote(a.loc, "'plangen diff OLD PLAN', with OLD the approved plan or the audit package built from it, says "
                       "what changed since this approval; 'plangen approve' records a new one");
    }
  }
}

}  // namespace plangen

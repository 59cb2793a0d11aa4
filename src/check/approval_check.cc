// D6: a business and a technical approval for the current plan version, bound to the plan digest
// and renewed within the review interval.
#include <cctype>

#include "check/check_context.h"
#include "check/plan_digest.h"
#include "check/plan_index.h"
#include "check/review_interval.h"
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

void CheckApprovals(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Governance& g = plan.governance;
  const std::string digest = check::PlanDigest(plan);
  const DurationValue* interval = check::ReviewInterval(plan);
  for (const char* kind : {"business", "technical"}) {
    bool current = false;
    for (const Approval& a : g.approvals) {
      current = current || (a.kind.value == kind && a.plan_version.value == plan.version.value);
    }
    if (current) continue;
    Diagnostic& d = diags.Report(DiagId::err_approval_missing, check::GovernanceLoc(plan), {kind, plan.version.value});
    for (const Approval& a : g.approvals) {
      if (a.kind.value != kind) continue;
      d.AddNote(a.plan_version.loc, std::string(kind) + " approval by '" + a.by.value + "' is for version '" +
                                        a.plan_version.value + "'");
    }
  }
  for (const Approval& a : g.approvals) {
    if (a.plan_version.value != plan.version.value) continue;
    if (a.digest.empty()) {
      diags.Report(DiagId::warn_approval_no_digest, a.loc, {a.kind.value, a.by.value, digest});
    } else if (!IsPlaceholder(a.digest.value) && NormalDigest(a.digest.value) != digest) {
      Diagnostic& d = diags.Report(DiagId::err_approval_stale, a.digest.loc, {a.kind.value, a.by.value, a.digest.value, digest});
      d.AddNote(a.loc, "'plangen diff OLD PLAN', with OLD the approved plan or the audit package built from it, says "
                       "what changed since this approval; 'plangen approve' records a new one");
    }
    if (!interval || !a.date.value) continue;
    Date due = interval->value->AddTo(*a.date.value);
    if (due < ctx.as_of) {
      diags.Report(DiagId::warn_approval_overdue, a.date.text.loc,
                   {a.kind.value, a.by.value, FormatDate(*a.date.value), DescribeDuration(*interval->value),
                    FormatDate(due)});
    }
  }
}

}  // namespace plangen

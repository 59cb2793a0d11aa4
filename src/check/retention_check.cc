// B2, B6: retention against the schedule. A copy must outlive the gap to the next run, or there
// are times with no restorable copy; and it must outlive the interval of the checks that look at
// copies (V2 reachable, V3 test restore), or some copies expire unverified.
#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

// A check applies to a backup when its target names the backup, its server or its data item, and
// to every backup when its target names none of them.
bool Targets(const ValidationCheck& c, const Backup& b) {
  const std::string& t = c.target.value;
  return t == b.id.value || t == b.item.value || EqualsIgnoreCase(t, b.server.value);
}

}  // namespace

void CheckRetention(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  std::vector<const ValidationCheck*> checks;
  for (const ValidationCheck& c : plan.checks) {
    if ((c.kind.value == "V2" || c.kind.value == "V3") && c.interval.value) checks.push_back(&c);
  }
  // Checks whose target names some backup apply only to those; the others apply to all.
  std::vector<bool> targeted(checks.size(), false);
  for (size_t k = 0; k < checks.size(); ++k) {
    for (const Backup& b : plan.backups) targeted[k] = targeted[k] || (!checks[k]->target.empty() && Targets(*checks[k], b));
  }
  for (const Backup& b : plan.backups) {
    if (!b.retention.value) continue;
    const int64_t keep = b.retention.Seconds();
    if (b.schedule.value) {
      int64_t gap = b.schedule.value->MaxGapSeconds();
      if (gap > 0 && keep < gap) {
        diags.Report(DiagId::err_retention_shorter_than_gap, b.retention.text.loc,
                     {b.id.value, DescribeSeconds(keep), DescribeSeconds(gap)})
            .AddNote(b.schedule.text.loc, "the schedule is here");
        continue;  // the copies the checks would see are already missing
      }
    }
    for (size_t k = 0; k < checks.size(); ++k) {
      const ValidationCheck& c = *checks[k];
      if (targeted[k] && !Targets(c, b)) continue;
      if (keep >= c.interval.Seconds()) continue;
      diags.Report(DiagId::warn_retention_shorter_than_check, b.retention.text.loc,
                   {b.id.value, DescribeSeconds(keep), DescribeSeconds(c.interval.Seconds()), c.kind.value, c.id.value})
          .AddNote(c.interval.text.loc, "check '" + c.id.value + "' sets its interval here");
    }
  }
}

}  // namespace plangen

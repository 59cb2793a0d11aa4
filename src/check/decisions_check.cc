// What it checks: every value of the plan written as a TODO placeholder (plangen init writes them
// for owners, schedules, locations, approvals...) is reported once, at its line and column (PG5101).
// Why: a plan started from a topology is complete only when a person has made these decisions;
// the loader and the other checks skip placeholders, so this is the one list of what is left.
// The loader records each placeholder it meets in any attribute or text, including ones the model
// does not otherwise keep (Plan::decisions); this pass reports them.
#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckDecisions(const CheckContext& ctx, DiagEngine& diags) {
  for (const OpenDecision& d : ctx.plan.decisions) {
    diags.Report(DiagId::err_decision_left, d.loc,
                 {d.attribute.empty() ? "the text of " + d.element : "'" + d.attribute + "' of " + d.element});
  }
}

}  // namespace plangen

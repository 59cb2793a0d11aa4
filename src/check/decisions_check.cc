// What it checks: every value of the plan written as a TODO placeholder (plangen init writes them
// for owners, schedules, locations, approvals...) is reported once, at its line and column (PG5101),
// with the values it may take where they form a closed set: yes or no, the values of an enumeration,
// or the ids of the plan's roles, locations or spares for a reference to one of them.
// Why: a plan started from a topology is complete only when a person has made these decisions;
// the loader and the other checks skip placeholders, so this is the one list of what is left.
// The loader records each placeholder it meets in any attribute or text, including ones the model
// does not otherwise keep (Plan::decisions); this pass reports them.
#include <algorithm>

#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

namespace {

// The ids of the plan's elements of a kind a reference names, in the plan's order, each once.
std::vector<std::string> IdsOf(const Plan& plan, const std::string& kind) {
  std::vector<std::string> out;
  auto add = [&](const Text& id) {
    if (!id.empty() && !IsPlaceholder(id.value) && std::find(out.begin(), out.end(), id.value) == out.end()) {
      out.push_back(id.value);
    }
  };
  if (kind == "role") for (const Role& r : plan.roles) add(r.id);
  if (kind == "location") for (const Location& l : plan.locations) add(l.id);
  if (kind == "spare") for (const Spare& s : plan.spares) add(s.id);
  return out;
}

std::string Choices(const std::vector<std::string>& allowed, bool many) {
  std::string out = many ? "; one or more of: " : "; one of: ";
  for (size_t i = 0; i < allowed.size(); ++i) out += (i ? ", " : "") + allowed[i];
  return out;
}

}  // namespace

void CheckDecisions(const CheckContext& ctx, DiagEngine& diags) {
  for (const OpenDecision& d : ctx.plan.decisions) {
    std::string what = d.attribute.empty() ? "the text of " + d.element : "'" + d.attribute + "' of " + d.element;
    std::vector<std::string> allowed = d.refers_to.empty() ? d.allowed : IdsOf(ctx.plan, d.refers_to);
    if (!allowed.empty()) what += Choices(allowed, d.many);
    diags.Report(DiagId::err_decision_left, d.loc, {what});
  }
}

}  // namespace plangen

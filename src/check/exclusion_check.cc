// B4: a procedure the plan uses instead of the profile's default keeps the default's safety
// rules: every file the profile's procedure for the item leaves out (<exclude>, such as the
// Meeting.Active files of a Lync File Store) is left out by the plan's procedure too.
#include <set>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

// Everything a procedure says, lower-cased: its excludes, steps, commands and tools.
std::string ProfileProcedureText(const ProfileProcedure& p) {
  std::string out;
  for (const Text& e : p.excludes) out += AsciiLower(e.value) + "\n";
  for (const ProfileStep& s : p.steps) out += AsciiLower(s.text.value + "\n" + s.command.value + "\n" + s.tool.value) + "\n";
  return out;
}

}  // namespace

void CheckExclusions(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const check::PlanIndex& pi = ctx.Index();
  check::ProfileIndex prof(ctx.profile);
  std::set<std::pair<std::string, std::string>> reported;  // (procedure, excluded file)
  for (const Backup& b : plan.backups) {
    const ProfileItem* item = prof.item(b.item.value);
    if (!item || b.procedure.empty() || b.procedure.value == item->backup_procedure.value) continue;
    const ProfileProcedure* rules = prof.procedure(item->backup_procedure.value);
    if (!rules || rules->excludes.empty()) continue;
    std::string text;
    if (const Procedure* p = pi.procedure(b.procedure.value)) {
      if (p->kind.value == "restore") continue;  // reported as the wrong kind
      for (const Text& e : p->excludes) text += AsciiLower(e.value) + "\n";
      for (const ProcedureStep& s : p->steps) text += AsciiLower(s.text.value + "\n" + s.tool.value) + "\n";
      // A plan procedure without steps of its own follows the profile procedure it adapts.
      if (p->steps.empty() && !p->based_on.empty()) {
        if (const ProfileProcedure* base = prof.procedure(p->based_on.value)) text += ProfileProcedureText(*base);
      }
    } else if (const ProfileProcedure* other = prof.procedure(b.procedure.value)) {
      if (other->kind.value == "restore") continue;
      text = ProfileProcedureText(*other);
    } else {
      continue;  // dangling: the resolver reports it
    }
    for (const Text& e : rules->excludes) {
      if (text.find(AsciiLower(e.value)) != std::string::npos) continue;
      if (!reported.insert({b.procedure.value, e.value}).second) continue;
      diags.Report(DiagId::err_exclude_missing, b.procedure.loc, {b.procedure.value, b.id.value, e.value, rules->id.value})
          .AddNote(e.loc, "the profile's procedure '" + rules->id.value + "' leaves out '" + e.value + "' here");
    }
  }
}

}  // namespace plangen

// B4: every backup follows a backup procedure that uses the tool the profile gives for its item.
#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {


void CheckBackupProcedures(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const check::PlanIndex& pi = ctx.Index();
  check::ProfileIndex prof(ctx.profile);
  for (const Backup& b : plan.backups) {
    const ProfileItem* item = prof.item(b.item.value);
    if (!item) continue;  // unknown or no-backup items are reported elsewhere
    const Text& id = b.procedure.empty() ? item->backup_procedure : b.procedure;
    Loc where = b.procedure.empty() ? b.loc : b.procedure.loc;
    if (id.empty()) {
      diags.Report(DiagId::err_backup_no_procedure, b.loc, {b.id.value, item->id.value});
      continue;
    }
    // The tools a procedure uses: a plan procedure's <tool> list and step tools (or, when it lists
    // none, those of the profile procedure it adapts); a profile procedure's step tools.
    std::vector<std::string> tools;
    std::string kind;
    Loc proc_loc;
    const ProfileProcedure* base = nullptr;
    if (const Procedure* p = pi.procedure(id.value)) {
      kind = p->kind.value;
      proc_loc = p->loc;
      for (const Text& t : p->tools) tools.push_back(AsciiLower(t.value));
      for (const ProcedureStep& st : p->steps) {
        if (!st.tool.empty()) tools.push_back(AsciiLower(st.tool.value));
      }
      if (tools.empty() && !p->based_on.empty()) base = prof.procedure(p->based_on.value);
    } else if ((base = prof.procedure(id.value))) {
      kind = base->kind.value;
      proc_loc = base->loc;
    } else {
      continue;  // dangling: the resolver reports it
    }
    if (base) {
      for (const ProfileStep& st : base->steps) {
        if (!st.tool.empty()) tools.push_back(AsciiLower(st.tool.value));
      }
    }
    if (kind == "restore") {
      diags.Report(DiagId::err_backup_restore_procedure, where, {b.id.value, id.value});
      continue;
    }
    std::vector<std::string> accepted{item->backup_tool.value};
    for (const Text& t : item->alt_backup_tools) accepted.push_back(t.value);
    bool fits = false;
    for (const std::string& a : accepted) {
      for (const std::string& t : tools) fits = fits || t == AsciiLower(a);
    }
    if (!fits) {
      diags.Report(DiagId::err_backup_procedure_tool, where,
                   {id.value, b.id.value, check::QuotedAlternatives(accepted), item->id.value})
          .AddNote(proc_loc, "procedure '" + id.value + "' is here");
    }
  }
}

}  // namespace plangen

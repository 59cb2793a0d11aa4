// B1, B4: every run of a backup can do what it says, and the right people run it.
// - A tool that stops when its output file exists (Export-CsRgsConfiguration: fact sheet 1.2
//   row 3) must write a new file every run: a plan procedure that gives it a fixed -FileName
//   fails from the second run on, and the copy that replaces yesterday's leaves one file to keep
//   (PG2119; the profile's fresh-file="..."). A name built from a variable ($RunDate) or a
//   placeholder ({backup}) is new each run.
// - A backup is declared on the Back End, not on its mirror: the mirror's databases cannot be
//   backed up while they are the mirror, and the worksheet row names the server that holds the
//   data (PG2118).
// - The owner of a backup is a role of a kind that may run its procedure's tools (PG2120; the
//   profile's owner-kinds="..."): a database team cannot run Export-CsPersistentChatData, which
//   needs CsPersistentChatAdministrator (fact sheet 2.1).
#include <set>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "check/tool_mentions.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

bool VariesPerRun(const std::string& v) {
  return v.empty() || v.find('$') != std::string::npos || v.find('{') != std::string::npos ||
         v.find('%') != std::string::npos || v.find('<') != std::string::npos;
}

}  // namespace

void CheckBackupRuns(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
  const check::PlanIndex& pi = ctx.Index();
  check::ProfileIndex prof(ctx.profile);
  std::set<const std::string*> reported;
  for (const Backup& b : plan.backups) {
    const ProfileItem* item = prof.item(b.item.value);
    const Text& proc_id = b.procedure.empty() && item ? item->backup_procedure : b.procedure;
    // PG2119
    if (const Procedure* p = proc_id.empty() ? nullptr : pi.procedure(proc_id.value)) {
      for (const ProcedureStep& s : p->steps) {
        for (const check::ToolCall& c : check::ToolCalls(ctx.profile, s.text.value)) {
          if (c.tool->fresh_file.empty()) continue;
          const check::ToolCall::Argument* a = c.Find(c.tool->fresh_file.value);
          if (!a || VariesPerRun(a->value) || !reported.insert(&s.text.value).second) continue;
          diags.Report(DiagId::err_backup_fixed_file, s.loc, {p->id.value, b.id.value, c.tool->id.value, c.tool->fresh_file.value, a->value})
              .AddNote(c.tool->loc, c.tool->id.value + " stops when its -" + c.tool->fresh_file.value + " exists");
        }
      }
    }
    // PG2118
    if (int s = pi.server_of(b); s >= 0 && !topo.servers[s].mirror_of.empty()) {
      diags.Report(DiagId::warn_backup_on_mirror, b.server.loc, {b.id.value, topo.servers[s].fqdn.value, topo.servers[s].mirror_of.value})
          .AddNote(topo.servers[s].loc, "'" + topo.servers[s].fqdn.value + "' is the mirror of '" + topo.servers[s].mirror_of.value + "'");
    }
    // PG2120: the tools the procedure runs, and the kinds of role each allows.
    const Role* owner = b.owner.empty() ? nullptr : pi.role(b.owner.value);
    if (!owner || owner->role_kind.empty()) continue;
    std::vector<const ProfileTool*> tools;
    auto add = [&](const std::string& id) {
      if (const ProfileTool* t = ctx.profile.FindTool(id)) tools.push_back(t);
    };
    if (const Procedure* p = proc_id.empty() ? nullptr : pi.procedure(proc_id.value)) {
      for (const Text& t : p->tools) add(t.value);
      for (const ProcedureStep& s : p->steps) {
        add(s.tool.value);
        for (const check::ToolCall& c : check::ToolCalls(ctx.profile, s.text.value)) tools.push_back(c.tool);
      }
    } else if (const ProfileProcedure* pp = proc_id.empty() ? nullptr : prof.procedure(proc_id.value)) {
      for (const ProfileStep& s : pp->steps) add(s.tool.value);
    }
    for (const ProfileTool* t : tools) {
      if (t->owner_kinds.empty()) continue;
      bool ok = false;
      std::string kinds;
      for (const Text& k : t->owner_kinds) {
        ok = ok || k.value == owner->role_kind.value;
        kinds += (kinds.empty() ? "" : ", ") + k.value;
      }
      if (ok) continue;
      diags.Report(DiagId::warn_backup_owner_kind, b.owner.loc, {b.id.value, owner->id.value, owner->role_kind.value, t->id.value, kinds})
          .AddNote(t->loc, t->id.value + " needs " + t->permission.value);
      break;
    }
  }
}

}  // namespace plangen

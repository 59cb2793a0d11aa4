// R4: data is restored the way it was backed up (fact sheet 1.2 row 8, 3.K). A Persistent Chat
// database exported with Export-CsPersistentChatData is read back only by
// Import-CsPersistentChatData, and a SQL Server backup only by a SQL Server restore. The
// profile's tools carry the backup method they belong to (method="..."); a backup's method is
// that of the tools its procedure runs (else the item's backup tool). A scenario step that names
// a data item of a covered server and restores it with a tool of another method, and with no
// tool of the backup's own method, is reported (PG2222).
#include <set>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "check/tool_mentions.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

// The methods an item can be backed up or restored with.
std::set<std::string> MethodsOf(const Profile& profile, const ProfileItem& item) {
  std::set<std::string> out;
  auto add = [&](const Text& id) {
    if (const ProfileTool* t = profile.FindTool(id.value); t && !t->method.empty()) out.insert(t->method.value);
  };
  add(item.backup_tool);
  add(item.restore_tool);
  for (const Text& t : item.alt_backup_tools) add(t);
  return out;
}

// The first tool of one of `methods` that `tools` names (ids) or `text` mentions.
const ProfileTool* MethodTool(const Profile& profile, const std::set<std::string>& methods, const std::vector<std::string>& tools,
                              const std::string& text) {
  for (const ProfileTool& t : profile.tools) {
    if (!methods.count(t.method.value)) continue;
    for (const std::string& id : tools) {
      if (EqualsIgnoreCase(id, t.id.value)) return &t;
    }
  }
  for (const ProfileTool& t : profile.tools) {
    if (methods.count(t.method.value) && check::MentionsTool(text, t.id.value)) return &t;
  }
  return nullptr;
}

// Whether `text` names the item: its id, its store (without .mdf) or one of its aliases.
bool NamesItem(const std::string& text, const ProfileItem& item) {
  std::vector<std::string> names{item.id.value};
  std::string store = item.store.value;
  if (store.size() > 4 && EqualsIgnoreCase(store.substr(store.size() - 4), ".mdf")) store.resize(store.size() - 4);
  if (!store.empty() && store.find('\\') == std::string::npos) names.push_back(store);
  for (const Text& a : item.aliases) names.push_back(a.value);
  for (const std::string& n : names) {
    if (check::MentionsTool(text, n)) return true;
  }
  return false;
}

}  // namespace

void CheckRestoreMethods(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Profile& profile = ctx.profile;
  const check::PlanIndex& pi = ctx.Index();
  check::ProfileIndex prof(profile);
  for (const Scenario& sc : plan.scenarios) {
    std::set<int> servers;
    for (const Ref& c : sc.covers) {
      if (int s = pi.server_of(sc, c); s >= 0) servers.insert(s);
      else if (int p = pi.pool_of(sc, c); p >= 0) servers.insert(plan.topology.pools[p].servers.begin(), plan.topology.pools[p].servers.end());
    }
    // What each step says: its title and the procedure it follows.
    std::vector<std::string> texts;
    for (const ScenarioStep& st : sc.steps) {
      std::string text = st.title.value;
      if (const Procedure* p = st.procedure.empty() ? nullptr : pi.procedure(st.procedure.value)) {
        text += "\n" + p->title.value;
        for (const Text& t : p->tools) text += "\n" + t.value;
        for (const ProcedureStep& s : p->steps) text += "\n" + s.text.value + "\n" + s.tool.value;
      } else if (const ProfileProcedure* q = st.procedure.empty() ? nullptr : prof.procedure(st.procedure.value)) {
        text += "\n" + q->title.value;
        for (const ProfileStep& s : q->steps) text += "\n" + s.text.value + "\n" + s.command.value + "\n" + s.tool.value;
      }
      texts.push_back(std::move(text));
    }
    std::set<std::pair<size_t, std::string>> reported;  // (step, backup)
    for (int s : servers) {
      for (int bi : pi.backups_of(s)) {
        const Backup& b = plan.backups[bi];
        const ProfileItem* item = prof.item(b.item.value);
        if (!item) continue;
        const std::set<std::string> methods = MethodsOf(profile, *item);
        if (methods.size() < 2) continue;  // one way to back it up: nothing to mismatch
        // The backup's method: the tools of its procedure, else the item's backup tool.
        const ProfileTool* made = nullptr;
        if (const Procedure* p = b.procedure.empty() ? nullptr : pi.procedure(b.procedure.value)) {
          std::vector<std::string> tools;
          std::string text;
          for (const Text& t : p->tools) tools.push_back(t.value);
          for (const ProcedureStep& st : p->steps) {
            if (!st.tool.empty()) tools.push_back(st.tool.value);
            text += st.text.value + "\n";
          }
          made = MethodTool(profile, methods, tools, text);
        } else {
          const ProfileProcedure* q = prof.procedure(b.procedure.empty() ? item->backup_procedure.value : b.procedure.value);
          std::vector<std::string> tools;
          std::string text;
          for (const ProfileStep& st : q ? q->steps : std::vector<ProfileStep>{}) {
            if (!st.tool.empty()) tools.push_back(st.tool.value);
            text += st.command.value + "\n";
          }
          made = MethodTool(profile, methods, tools, text);
        }
        if (!made) made = profile.FindTool(item->backup_tool.value);
        if (!made || made->method.empty()) continue;
        for (size_t k = 0; k < sc.steps.size(); ++k) {
          if (!NamesItem(texts[k], *item)) continue;
          const ProfileTool* same = MethodTool(profile, {made->method.value}, {}, texts[k]);
          if (same) continue;
          std::set<std::string> others = methods;
          others.erase(made->method.value);
          const ProfileTool* other = MethodTool(profile, others, {}, texts[k]);
          if (!other || !reported.insert({k, b.id.value}).second) continue;
          const Loc& where = b.procedure.empty() ? b.loc : b.procedure.loc;
          diags.Report(DiagId::err_restore_method_mismatch, sc.steps[k].loc,
                       {sc.steps[k].id.value, sc.id.value, item->id.value, other->id.value, b.id.value, made->id.value})
              .AddNote(where, "backup '" + b.id.value + "' writes " + item->id.value + " with " + made->id.value + " here");
        }
      }
    }
  }
}

}  // namespace plangen

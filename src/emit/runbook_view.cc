#include "emit/runbook_view.h"
#include "model/sites.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "emit/checklist_view.h"
#include "emit/html_breaks.h"
#include "emit/placeholders.h"
#include "emit/procedure_expansion.h"
#include "emit/timeline_svg.h"
#include "emit/your_time.h"
#include "tmpl/data_moves.h"

namespace plangen {

using kainjow::mustache::data;

std::string RoleName(const Plan& plan, const std::string& id) {
  const Role* r = plan.FindRole(id);
  return r && !r->name.empty() ? r->name.value : id;
}

std::string SourceRef(const SourceManager& sm, const Loc& loc) {
  ResolvedLoc r = sm.ResolveForOutput(loc);
  if (r.file.empty()) return "";
  if (!r.cell.empty()) return r.file + ":" + r.sheet + "!" + r.cell;
  return r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
}

namespace {
// A scenario of more steps than this is shown to a role that does not decide it in part: its own
// steps and the steps just before and after them, the rest summed up in gaps. So each runbook
// stays the size of its role's work, however many roles a scenario has.
constexpr size_t kWholeScenarioSteps = 40;
}  // namespace

std::vector<const Role*> RolesWithDuties(const Plan& plan) {
  std::set<std::string> checkers;
  for (const auto& c : plan.checks) checkers.insert(c.owner.value);
  std::vector<const Role*> out;
  std::set<std::string> seen;
  for (const Role& r : plan.roles) {
    const std::string& id = r.id.value;
    // A role id defined twice is an error of its own (a draft still builds): the first
    // definition, the one references resolve to, gets the runbook and the files named after it.
    if (!seen.insert(id).second) continue;
    const Governance& g = plan.governance;
    bool duty = !plan.BackupsOwnedBy(id).empty() || !plan.ScenariosOf(id).empty() || checkers.count(id) ||
                g.reviewer.value == id || g.validator.value == id || g.change_approver.value == id;
    if (duty) out.push_back(&r);
  }
  return out;
}

std::vector<bool> StepsShownTo(const Scenario& s, const ScenarioTiming& t, const std::string& role) {
  const bool whole = s.steps.size() <= kWholeScenarioSteps || s.decider.value == role;
  std::vector<bool> shown(s.steps.size(), whole);
  if (whole) return shown;
  for (size_t i = 0; i < s.steps.size(); ++i) {
    if (s.steps[i].role.value != role) continue;
    shown[i] = true;
    for (int p : t.steps[i].after) shown[p] = true;
  }
  // The steps that come right after one of the role's.
  for (size_t i = 0; i < s.steps.size(); ++i)
    for (int p : t.steps[i].after)
      if (s.steps[p].role.value == role) shown[i] = true;
  return shown;
}

namespace {


// Optional text: `false` when empty, since Mustache treats every string, even "", as true.
data Opt(const std::string& s) { return s.empty() ? data(false) : data(s); }

// An HTML id for a plan id: letters, digits and '-' kept, anything else '-'.
std::string Anchor(const std::string& prefix, const std::string& id) {
  std::string out = prefix;
  for (char c : id) out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '-');
  return out;
}

// What a role is called in its runbook's title: a team by its name; a role one person fills
// (whose name is that person's) by its id in words, "incident-manager" -> "Incident manager",
// with parts of up to three letters as initials, "it-director" -> "IT director", "cio" -> "CIO".
std::string RoleTitle(const Role& role) {
  if (role.kind.value != "individual" && !role.name.empty()) return role.name.value;
  std::string out;
  const std::string& id = role.id.value;
  size_t i = 0;
  while (i < id.size()) {
    size_t end = id.find_first_of("-_. ", i);
    if (end == std::string::npos) end = id.size();
    std::string part = id.substr(i, end - i);
    if (part.size() <= 3) {
      for (char& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (out.empty()) {
      part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    }
    if (!part.empty()) out += (out.empty() ? "" : " ") + part;
    i = end + 1;
  }
  return out.empty() ? id : out;
}

std::string Dur(const DurationValue& d) { return d.value ? DescribeDuration(*d.value) : d.text.value; }

// Markdown code blocks sit inside a list item: keep backticks from closing the fence and
// indent continuation lines so a multi-line command stays in its item.
std::string CommandMd(const std::string& command) {
  std::string out;
  for (char c : EscapeMarkdownCode(command)) {
    out.push_back(c);
    if (c == '\n') out += "   ";
  }
  return out;
}

data ToolList(const EmitContext& ctx, const std::vector<std::string>& ids) {
  data list{data::type::list};
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    if (id.empty() || !seen.insert(id).second) continue;
    data t;
    const ProfileTool* tool = ctx.profile.FindTool(id);
    t.set("name", id);
    t.set("permission", Opt(tool ? tool->permission.value : std::string()));
    t.set("description", tool ? tool->description.value : std::string());
    Append(list, std::move(t));
  }
  return list;
}

// The backup procedure's steps with their commands filled in, the tools they use, and the
// permission the procedure needs.
void BackupProcedure(const EmitContext& ctx, const Backup& b, data& d) {
  data list{data::type::list};
  std::vector<std::string> tools;
  std::string title, permission, source;
  int n = 1;
  auto add_step = [&](const std::string& text, const std::string& cmd, const std::string& tool,
                      const std::string& verify, const Loc& loc) {
    data s;
    s.set("number", std::to_string(n++));
    s.set("text", text);
    s.set("command", Opt(cmd));
    s.set("command_md", CommandMd(cmd));
    s.set("tool", tool);
    s.set("verify", Opt(verify));
    s.set("source", SourceRef(ctx.sources, loc));
    Append(list, std::move(s));
    tools.push_back(tool);
  };
  if (const Procedure* p = ctx.plan.FindProcedure(b.procedure.value)) {
    title = p->title.value.empty() ? p->id.value : p->title.value;
    source = "plan procedure '" + p->id.value + "', " + SourceRef(ctx.sources, p->loc);
    for (const auto& t : p->tools) tools.push_back(t.value);
    for (const auto& st : p->steps) add_step(st.text.value, "", st.tool.value, "", st.loc);
  } else {
    std::string proc_id = b.procedure.value;
    const ProfileItem* it = ctx.profile.FindItem(b.item.value);
    if (proc_id.empty() && it) proc_id = it->backup_procedure.value;
    if (const ProfileProcedure* p = ctx.profile.FindProcedure(proc_id)) {
      title = p->title.value.empty() ? p->id.value : p->title.value;
      permission = p->permission.value;
      source = "profile procedure '" + p->id.value + "', " + SourceRef(ctx.sources, p->loc);
      // Steps that cannot be filled were reported when the plan was checked and are left out.
      for (const ExpandedRun& run : ExpandBackup(ctx.plan, ctx.profile, b, *p).runs)
        for (const ExpandedStep& e : run.steps) add_step(e.text, e.command, e.step->tool.value, e.verify, e.step->loc);
    }
    if (it) tools.insert(tools.begin(), it->backup_tool.value);
  }
  data tool_list = ToolList(ctx, tools);
  if (permission.empty()) {
    // Without a procedure-level permission, the tools' own permissions are what is needed.
    std::set<std::string> perms;
    for (const std::string& t : tools)
      if (const ProfileTool* pt = ctx.profile.FindTool(t); pt && !pt->permission.empty()) perms.insert(pt->permission.value);
    for (const std::string& p : perms) permission += (permission.empty() ? "" : ", ") + p;
  }
  Set(d, "procedure", title);
  Set(d, "procedure_source", source);
  Set(d, "permission", Opt(permission));
  Set(d, "tools", std::move(tool_list));
  Set(d, "has_steps", !list.is_empty_list());
  Set(d, "steps", std::move(list));
}

// Where the worksheets keep the details of a backup (B5, R5): the layout's sheet and the row
// label the profile pre-fills for the item.
data WorksheetRow(const EmitContext& ctx, const Backup& b) {
  data w;
  const ProfileItem* it = ctx.profile.FindItem(b.item.value);
  std::string layout_id = it ? it->worksheet.value : std::string();
  const WorksheetLayout* layout = ctx.profile.FindWorksheet(layout_id);
  std::string row = it ? it->name.value : b.item.value;
  std::string source;
  if (layout) {
    for (const auto& r : layout->rows) {
      if (r.item.value == b.item.value) {
        row = r.label.value;
        source = SourceRef(ctx.sources, r.loc);
        break;
      }
    }
    if (source.empty()) source = SourceRef(ctx.sources, layout->loc);
  }
  w.set("layout", layout_id);
  w.set("sheet", layout ? (layout->sheet.empty() ? layout->id.value : layout->sheet.value) : std::string());
  w.set("row", row);
  w.set("server", b.server.value);
  w.set("backup", b.id.value);
  w.set("source", source);
  w.set("known", layout != nullptr);
  return w;
}

// The worksheet rows of `backups`, made one at a time as a template reads each (a scenario may
// cover every backup of the plan).
data WorksheetRows(const EmitContext& ctx, std::vector<const Backup*> backups) {
  const size_t n = backups.size();
  return LazyList(n, [](size_t) { return data(data::type::object); },
                  [&ctx, backups = std::move(backups)](size_t i) { return WorksheetRow(ctx, *backups[i]); });
}

// The backups of the servers a scenario covers (named, or through their pool), in plan order.
std::vector<const Backup*> CoveredBackups(const Plan& plan, const Scenario& s) {
  std::vector<const Backup*> out;
  auto add = [&](const std::string& fqdn) {
    const auto& on = plan.BackupsOn(fqdn);
    out.insert(out.end(), on.begin(), on.end());
  };
  for (const Ref& c : s.covers) {
    add(c.value);
    if (const Pool* p = plan.FindPool(c.value)) {
      for (int i : p->servers) {
        if (i >= 0 && static_cast<size_t>(i) < plan.topology.servers.size()) add(plan.topology.servers[i].fqdn.value);
      }
    }
  }
  std::sort(out.begin(), out.end());  // the backups vector's order is plan order
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string StepList(const std::vector<int>& steps) {
  std::string s;
  for (int i : steps) s += (s.empty() ? "" : ", ") + std::to_string(i + 1);
  return s;
}

// The profile's restore procedure for a scenario that names its template, expanded for what the
// scenario covers: one run per covered server or pool it is about, each step bound to its own
// context. Steps that cannot be filled were reported when the plan was checked and are left out.
void RestoreProcedure(const EmitContext& ctx, const Scenario& s, data& d) {
  ExpandedProcedure ex = ExpandScenario(ctx.plan, ctx.profile, s);
  const ProfileProcedure* proc = ex.procedure;
  const ProfileScenario* ps = proc ? ctx.profile.FindScenario(s.template_id.value) : nullptr;
  data runs{data::type::list};
  data verify{data::type::list};
  std::vector<std::string> tools;
  for (const ExpandedRun& run : ex.runs) {
    data steps{data::type::list};
    int n = 1;
    for (const ExpandedStep& e : run.steps) {
      data sd;
      Set(sd, "number", std::to_string(n++));
      Set(sd, "text", e.text);
      Set(sd, "command", Opt(e.command));
      Set(sd, "tool", e.step->tool.value);
      Set(sd, "role_kind", e.step->role_kind.value);
      Set(sd, "verify", Opt(e.verify));
      Set(sd, "source", SourceRef(ctx.sources, e.step->loc));
      Append(steps, std::move(sd));
      tools.push_back(e.step->tool.value);
    }
    data rd;
    // Several runs (one per lost server, say) each say which server or pool they are for.
    Set(rd, "subject", Opt(ex.runs.size() > 1 ? run.subject : std::string()));
    Set(rd, "steps", std::move(steps));
    Append(runs, std::move(rd));
  }
  if (ps && !ex.runs.empty()) {
    auto values = ContextPlaceholders(ctx.plan, ctx.profile, ex.runs.front().context);
    for (const Text& v : ps->verify) Append(verify, data(FillPlaceholders(v.value, values)));
  }
  Set(d, "has_procedure", proc != nullptr && !ex.runs.empty());
  Set(d, "procedure_title", proc ? proc->title.value : std::string());
  Set(d, "procedure_permission", proc ? proc->permission.value : std::string());
  Set(d, "procedure_source", proc ? SourceRef(ctx.sources, proc->loc) : std::string());
  Set(d, "procedure_runs", std::move(runs));
  Set(d, "has_procedure_verify", !verify.is_empty_list());
  Set(d, "procedure_verify", std::move(verify));
  data tool_list = ToolList(ctx, tools);
  Set(d, "has_procedure_tools", !tool_list.is_empty_list());
  Set(d, "procedure_tools", std::move(tool_list));
}

// The profile's reminders (what lies outside the product's own backup) and the data items that
// need no backup, with the reason, on the servers whose backups or restores are this role's.
void OutsideTheBackup(const EmitContext& ctx, const std::vector<const Server*>& servers, bool concerned, data& view) {
  data reminders{data::type::list};
  if (concerned) {
    for (const Reminder& r : ctx.profile.reminders) {
      data d;
      Set(d, "title", r.title.value);
      Set(d, "text", r.text.value);
      Set(d, "source", SourceRef(ctx.sources, r.loc));
      Append(reminders, std::move(d));
    }
  }
  data not_needed{data::type::list};
  std::map<std::string, std::string> on;  // no-backup item id -> the servers holding it
  std::set<std::pair<std::string, const Server*>> listed;  // (no-backup item id, server) already named
  std::vector<const NoBackupItem*> order;
  for (const Server* server : servers) {
    for (const Service& sv : server->services) {
      const ServiceMapping* m = ctx.profile.FindService(sv.type.value);
      if (!m) continue;
      for (const Text& item : m->items) {
        const NoBackupItem* nb = ctx.profile.FindNoBackup(item.value);
        if (!nb) continue;
        std::string& where = on[nb->id.value];
        if (where.empty()) order.push_back(nb);
        if (listed.insert({nb->id.value, server}).second) where += (where.empty() ? "" : ", ") + server->fqdn.value;
      }
    }
  }
  for (const NoBackupItem* nb : order) {
    data d;
    Set(d, "name", nb->name.value);
    Set(d, "store", Opt(nb->store.value));
    Set(d, "reason", nb->reason.value);
    Set(d, "servers", on[nb->id.value]);
    Set(d, "source", SourceRef(ctx.sources, nb->loc));
    Append(not_needed, std::move(d));
  }
  Set(view, "has_reminders", !reminders.is_empty_list());
  Set(view, "has_no_backup", !not_needed.is_empty_list());
  Set(view, "has_outside", !reminders.is_empty_list() || !not_needed.is_empty_list());
  Set(view, "reminders", std::move(reminders));
  Set(view, "no_backup", std::move(not_needed));
}

// How many neighbours of a step a scenario shown in part names ("A (step 2), B (step 3) and 7
// more").
constexpr size_t kNeighboursNamed = 5;
// A runbook lists the contacts of at most this many roles it does not work with, unless its
// role coordinates.
constexpr size_t kOtherRolesListed = 20;

std::string JoinSome(const std::vector<std::string>& names, size_t most) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < most; ++i) out += (i ? "; " : "") + names[i];
  if (names.size() > most) out += " and " + std::to_string(names.size() - most) + " more";
  return out;
}

// Consecutive steps a scenario shown in part leaves out, as one row of its timeline.
struct StepGap {
  int first = 0, last = 0, count = 0;
  std::set<std::string> roles;
  void Add(int i, const std::string& role) {
    if (count++ == 0) first = i;
    last = i;
    roles.insert(role);
  }
  data Row(const Plan& plan) const {
    data g;
    Set(g, "gap", true);
    std::string numbers = count == 1 ? "Step " + std::to_string(first + 1)
                                     : "Steps " + std::to_string(first + 1) + " to " + std::to_string(last + 1);
    std::string by = roles.size() == 1 ? RoleName(plan, *roles.begin()) : std::to_string(roles.size()) + " roles";
    Set(g, "gap_text", numbers + ", by " + by + ": not yours, not next to yours.");
    return g;
  }
};

data ScenarioData(const EmitContext& ctx, const Scenario& s, const std::string& id, bool with_timeline,
                  std::set<std::string>* related) {
  const Plan& plan = ctx.plan;
  ScenarioTiming t = ComputeTiming(plan, s);
  // The lengths of time the timeline shows are said in its words (TimelineDuration).
  auto span = [](const DurationValue& v) { return v.value ? TimelineDuration(v.Seconds()) : v.text.value; };
  data d;
  Set(d, "id", s.id.value);
  Set(d, "anchor", Anchor("scenario-", s.id.value));
  Set(d, "title", s.title.value);
  Set(d, "rto", span(s.rto));
  Set(d, "rpo", Dur(s.rpo));
  Set(d, "has_rpo", !s.rpo.text.value.empty());
  Set(d, "decider", RoleName(plan, s.decider.value));
  Set(d, "you_decide", s.decider.value == id);
  related->insert(s.decider.value);
  Set(d, "new_hardware", s.new_hardware.get());
  std::string spare;
  if (const Spare* sp = plan.FindSpare(s.spare.value); sp && s.new_hardware.get()) {
    spare = sp->source.value + " (lead time " + span(sp->lead_time) + ", call " + RoleName(plan, sp->contact.value) + ")";
    related->insert(sp->contact.value);
  }
  Set(d, "spare", Opt(spare));
  data criteria{data::type::list};
  for (const auto& c : s.criteria) Append(criteria, data(c.value));
  for (const auto& c : plan.governance.decision_criteria) Append(criteria, data(c.value));
  Set(d, "criteria", std::move(criteria));

  // For each step, who hands over to it and whom it hands over to (D2).
  std::vector<std::vector<int>> next(s.steps.size());
  for (size_t i = 0; i < s.steps.size(); ++i)
    for (int p : t.steps[i].after) next[p].push_back(static_cast<int>(i));
  const std::vector<bool> shown = StepsShownTo(s, t, id);
  const bool partial = std::find(shown.begin(), shown.end(), false) != shown.end();
  data steps{data::type::list};
  data handoffs{data::type::list};
  StepGap gap;
  auto flush_gap = [&] {
    if (gap.count == 0) return;
    Append(steps, gap.Row(plan));
    gap = StepGap{};
  };
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const ScenarioStep& st = s.steps[i];
    const StepTiming& ti = t.steps[i];
    if (!shown[i]) {
      gap.Add(static_cast<int>(i), st.role.value);
      continue;
    }
    const bool restart = gap.count > 0;
    flush_gap();
    bool yours = st.role.value == id;
    std::vector<std::string> from, to;
    for (int p : ti.after) {
      if (s.steps[p].role.value == st.role.value) continue;
      from.push_back(RoleName(plan, s.steps[p].role.value) + " (step " + std::to_string(p + 1) + ")");
      if (yours) related->insert(s.steps[p].role.value);
    }
    for (int n : next[i]) {
      if (s.steps[n].role.value == st.role.value) continue;
      to.push_back(RoleName(plan, s.steps[n].role.value) + " (step " + std::to_string(n + 1) + ")");
      if (yours) related->insert(s.steps[n].role.value);
    }
    data sd;
    Set(sd, "gap", false);
    Set(sd, "restart", restart);
    Set(sd, "number", std::to_string(i + 1));
    Set(sd, "title", st.title.value);
    Set(sd, "role", RoleName(plan, st.role.value));
    Set(sd, "yours", yours);
    Set(sd, "estimate", span(st.estimate));
    Set(sd, "start", TimelineOffset(ti.start));
    Set(sd, "finish", TimelineOffset(ti.finish));
    Set(sd, "critical", ti.critical);
    Set(sd, "after", Opt(StepList(ti.after)));
    // In a scenario shown in part, a step with many neighbours names the first few of them.
    const size_t names = partial ? kNeighboursNamed : std::max(from.size(), to.size());
    Set(sd, "handoff_from", Opt(JoinSome(from, names)));
    Set(sd, "handoff_to", Opt(JoinSome(to, names)));
    Set(sd, "source", SourceRef(ctx.sources, st.loc));
    Append(steps, std::move(sd));
    if (!to.empty()) {
      data h;
      Set(h, "number", std::to_string(i + 1));
      Set(h, "title", st.title.value);
      Set(h, "role", RoleName(plan, st.role.value));
      Set(h, "yours", yours);
      Set(h, "to", JoinSome(to, names));
      Append(handoffs, std::move(h));
    }
  }
  flush_gap();
  size_t hidden = static_cast<size_t>(std::count(shown.begin(), shown.end(), false));
  Set(d, "partial", Opt(partial ? "The scenario has " + std::to_string(s.steps.size()) + " steps; " +
                                      std::to_string(hidden) +
                                      " of them, by roles whose work does not touch yours, are summed up in gaps " +
                                      "below. " + RoleName(plan, s.decider.value) +
                                      ", who decides the scenario, has the whole timeline."
                                : std::string()));
  Set(d, "steps", std::move(steps));
  Set(d, "has_handoffs", !handoffs.is_empty_list());
  Set(d, "handoffs", std::move(handoffs));
  Set(d, "lead", Opt(t.lead > 0 ? TimelineDuration(t.lead) : std::string()));
  Set(d, "total", TimelineDuration(t.total));
  Set(d, "fits", t.rto > 0 && t.total < t.rto);
  Set(d, "on_time", t.rto > 0 && t.total == t.rto);
  Set(d, "over", t.rto > 0 && t.total > t.rto);
  Set(d, "margin", t.rto > 0 ? TimelineDuration(t.rto >= t.total ? t.rto - t.total : t.total - t.rto) : std::string());
  Set(d, "cycle", t.cycle);
  if (with_timeline) Set(d, "timeline_svg", TimelineSvg(plan, s, t, shown));
  RestoreProcedure(ctx, s, d);

  data rows = WorksheetRows(ctx, CoveredBackups(plan, s));
  Set(d, "has_worksheet_rows", !rows.is_empty_list());
  Set(d, "worksheet_rows", std::move(rows));
  Set(d, "source", SourceRef(ctx.sources, s.loc));
  return d;
}

// What the contents of a runbook show of a backup.
data BackupContents(const EmitContext& ctx, const Backup& b) {
  data d;
  const ProfileItem* item = ctx.profile.FindItem(b.item.value);
  Set(d, "id", b.id.value);
  Set(d, "anchor", Anchor("backup-", b.id.value));
  Set(d, "item", item ? item->name.value : b.item.value);
  Set(d, "item_id", b.item.value);
  Set(d, "server", b.server.value);
  return d;
}

// A backup of the role's, as its runbook section shows it; `your_zone`: the clock the role keeps.
data BackupData(const EmitContext& ctx, const Backup& b, const std::optional<TimeZone>& your_zone) {
  const Plan& plan = ctx.plan;
  data d = BackupContents(ctx, b);
  const ProfileItem* item = ctx.profile.FindItem(b.item.value);
  Set(d, "store", Opt(item ? item->store.value : std::string()));
  // Schedules are wall-clock times of the server's site: say which clock.
  std::string schedule = b.schedule.value ? b.schedule.value->Canonical() : b.schedule.text.value;
  if (const Site* site = SiteOfServer(plan, b.server.value); site && !site->time_zone.empty()) {
    // And on the clock this role's people keep, when it reads otherwise.
    std::string why, yours;
    std::optional<TimeZone> zone = TimeZone::Find(site->time_zone.value, &why);
    if (zone && your_zone && b.schedule.value) yours = ScheduleOnYourClock(*b.schedule.value, *zone, *your_zone, ctx.as_of);
    schedule += " (" + site->time_zone.value + " time" + (yours.empty() ? "" : "; " + yours) + ")";
  }
  Set(d, "schedule", schedule);
  Set(d, "retention", Dur(b.retention));
  data locs{data::type::list};
  for (const auto& l : b.locations) {
    const Location* loc = plan.FindLocation(l.value);
    data ld;
    Set(ld, "path", loc ? loc->path.value : l.value);
    Set(ld, "secure", loc && loc->secure.get());
    Set(ld, "offsite", loc && loc->offsite.get());
    Append(locs, std::move(ld));
  }
  Set(d, "locations", std::move(locs));
  BackupProcedure(ctx, b, d);
  Set(d, "worksheet", WorksheetRow(ctx, b));
  Set(d, "source", SourceRef(ctx.sources, b.loc));
  return d;
}

}  // namespace

TemplateData RunbookView(const EmitContext& ctx, const Role& role, bool with_timeline) {
  const Plan& plan = ctx.plan;
  const std::string& id = role.id.value;
  std::set<std::string> related;
  // The time this role's people keep, when the plan says it.
  std::string zone_why;
  const std::optional<TimeZone> your_zone =
      role.time_zone.empty() ? std::nullopt : TimeZone::Find(role.time_zone.value, &zone_why);
  data view;
  Set(view, "plan_title", plan.title.value);
  Set(view, "plan_id", plan.id.value);
  Set(view, "plan_version", plan.version.value);
  Set(view, "as_of", FormatDate(ctx.as_of));
  Set(view, "draft", ctx.draft);
  Set(view, "role_id", id);
  Set(view, "role_name", role.name.empty() ? id : role.name.value);
  Set(view, "role_title", RoleTitle(role));
  SetPrintPage(ctx, PrintFooterPlan(ctx) + " \u00b7 Runbook: " + RoleTitle(role), &view);
  // A role one person fills: who that is.
  Set(view, "role_holder", Opt(role.kind.value == "individual" && role.name.value != RoleTitle(role) ? role.name.value : std::string()));
  Set(view, "role_kind", role.kind.value);
  Set(view, "department", Opt(role.department.value));
  Set(view, "role_source", SourceRef(ctx.sources, role.loc));

  // Made one at a time as the templates reach each backup (a role may own 100,000 of them); a
  // contents list reads only the stand-ins' keys.
  const std::vector<const Backup*> owned = plan.BackupsOwnedBy(id);
  data sheet_rows = WorksheetRows(ctx, owned);
  data backups = LazyList(
      owned.size(), [&ctx, owned](size_t i) { return BackupContents(ctx, *owned[i]); },
      [&ctx, owned, your_zone](size_t i) { return BackupData(ctx, *owned[i], your_zone); });
  const bool has_backups = !backups.is_empty_list();
  Set(view, "has_backups", has_backups);
  Set(view, "backups", std::move(backups));

  data scenarios{data::type::list};
  for (const Scenario* s : plan.ScenariosOf(id)) Append(scenarios, ScenarioData(ctx, *s, id, with_timeline, &related));
  const bool has_scenarios = !scenarios.is_empty_list();
  Set(view, "has_scenarios", has_scenarios);
  Set(view, "scenarios", std::move(scenarios));

  std::vector<const Server*> servers;
  std::set<const Server*> seen_servers;
  auto add_server = [&](const std::string& fqdn) {
    const Server* sv = plan.FindServer(fqdn);
    if (sv && seen_servers.insert(sv).second) servers.push_back(sv);
  };
  for (const Backup* b : plan.BackupsOwnedBy(id)) add_server(b->server.value);
  for (const Scenario* s : plan.ScenariosOf(id)) {
    for (const Backup* b : CoveredBackups(plan, *s)) add_server(b->server.value);
  }
  OutsideTheBackup(ctx, servers, has_backups || has_scenarios, view);

  data checks{data::type::list};
  for (const ValidationCheck& c : plan.checks) {
    if (c.owner.value != id) continue;
    CheckDue due = DueDates(plan, c, ctx.as_of);
    data d;
    Set(d, "kind", c.kind.value);
    Set(d, "title", c.title.value);
    Set(d, "interval", Dur(c.interval));
    Set(d, "next_due", due.known ? FormatDate(due.next) : "unknown (no valid interval)");
    Set(d, "then_due", due.known ? FormatDate(due.then) : "");
    Set(d, "overdue", due.overdue);
    Set(d, "due_basis", due.basis);
    Set(d, "records", c.records.value);
    Set(d, "source", SourceRef(ctx.sources, c.loc));
    Append(checks, std::move(d));
  }
  Set(view, "has_checks", !checks.is_empty_list());
  Set(view, "checks", std::move(checks));

  data gov{data::type::list};
  const Governance& g = plan.governance;
  auto add_gov = [&](const Ref& who, const char* what) {
    if (who.value != id) return;
    data d;
    Set(d, "duty", std::string(what));
    Set(d, "interval", Dur(g.review_interval));
    Set(d, "source", SourceRef(ctx.sources, who.loc));
    Append(gov, std::move(d));
  };
  add_gov(g.reviewer, "You review the plan");
  add_gov(g.validator, "You test and validate new procedures and tools");
  add_gov(g.change_approver, "You approve changes to the plan");
  Set(view, "has_governance", !gov.is_empty_list());
  Set(view, "governance", std::move(gov));

  Set(view, "has_worksheet_rows", !sheet_rows.is_empty_list());
  Set(view, "worksheet_rows", std::move(sheet_rows));

  // Contacts: this role's own first, then the roles it works with, then everyone else.
  for (const Ref* r : {&g.reviewer, &g.validator, &g.change_approver}) related.insert(r->value);
  data contacts{data::type::list};
  auto add_contacts = [&](const Role& r, const std::string& relation) {
    data d;
    // The role by what it is, with the person who fills it when it is one person's.
    std::string label = RoleTitle(r);
    if (r.kind.value == "individual" && !r.name.empty() && r.name.value != label) label += " (" + r.name.value + ")";
    Set(d, "role", label);
    Set(d, "role_id", r.id.value);
    Set(d, "relation", relation);
    data list{data::type::list};
    for (const Contact& c : r.contacts) {
      data cd;
      Set(cd, "type", c.type.value);
      Set(cd, "value", c.value.value);
      Append(list, std::move(cd));
    }
    // The people who fill the role, with their own contacts and the other roles they fill.
    for (const Ref& m : r.members) {
      const Person* p = plan.FindPerson(m.value);
      if (!p) continue;
      std::string value = p->name.empty() ? p->id.value : p->name.value;
      for (const Contact& c : p->contacts) value += ", " + c.type.value + " " + c.value.value;
      std::string others;
      for (const Role* o : plan.RolesOfPerson(m.value)) {
        if (o->id.value == r.id.value) continue;
        others += (others.empty() ? "" : ", ") + (o->name.empty() ? o->id.value : o->name.value);
      }
      if (!others.empty()) value += " (also " + others + ")";
      data cd;
      Set(cd, "type", std::string("member"));
      Set(cd, "value", value);
      Append(list, std::move(cd));
    }
    // The time its people keep, and how far it is from yours.
    std::string why;
    if (std::optional<TimeZone> zone = r.time_zone.empty() ? std::nullopt : TimeZone::Find(r.time_zone.value, &why)) {
      data cd;
      Set(cd, "type", std::string("time zone"));
      Set(cd, "value", ZoneForContacts(*zone, r.id.value == id || !your_zone ? nullptr : &*your_zone, ctx.as_of));
      Append(list, std::move(cd));
    }
    Set(d, "has_contacts", !list.is_empty_list());
    Set(d, "contacts", std::move(list));
    Append(contacts, std::move(d));
  };
  add_contacts(role, "this role");
  for (const Role& r : plan.roles)
    if (r.id.value != id && related.count(r.id.value)) add_contacts(r, "works with you in this plan");
  // Everyone else: listed in full by the roles that coordinate (decide a scenario or govern the
  // plan), and by every role while there are few; otherwise said in one line, so that a plan of
  // many roles does not repeat every role's contacts in every runbook.
  std::vector<const Role*> others;
  for (const Role& r : plan.roles)
    if (r.id.value != id && !related.count(r.id.value)) others.push_back(&r);
  const std::vector<std::string>& coordinators = plan.Coordinators();
  const bool coordinates = std::find(coordinators.begin(), coordinators.end(), id) != coordinators.end();
  if (coordinates || others.size() <= kOtherRolesListed) {
    for (const Role* r : others) add_contacts(*r, "other role");
  } else {
    std::vector<std::string> names;
    for (const std::string& c : coordinators) names.push_back(RoleName(plan, c));
    data d;
    Set(d, "role", std::to_string(others.size()) + " other roles");
    Set(d, "role_id", std::string());
    Set(d, "relation", std::string("no duty next to yours: not listed here"));
    data list{data::type::list};
    data cd;
    Set(cd, "type", std::string("contacts"));
    Set(cd, "value", "in the runbook of " + JoinSome(names, 3));
    Append(list, std::move(cd));
    Set(d, "has_contacts", true);
    Set(d, "contacts", std::move(list));
    Append(contacts, std::move(d));
  }
  Set(view, "contacts", std::move(contacts));

  data spares{data::type::list};
  for (const Spare& sp : plan.spares) {
    data d;
    Set(d, "source", sp.source.value);
    Set(d, "lead_time", Dur(sp.lead_time));
    Set(d, "contact", RoleName(plan, sp.contact.value));
    Set(d, "notes", sp.notes.value);
    Set(d, "ref", SourceRef(ctx.sources, sp.loc));
    Append(spares, std::move(d));
  }
  Set(view, "has_spares", !spares.is_empty_list());
  Set(view, "spares", std::move(spares));
  Set(view, "word_breaks", WordBreaksLambda());
  return view;
}

}  // namespace plangen

#include "emit/runbook_view.h"

#include "emit/placeholders.h"

namespace plangen {

using kainjow::mustache::data;

std::string SourceRef(const SourceManager& sm, const Loc& loc) {
  ResolvedLoc r = sm.Resolve(loc);
  if (r.file.empty()) return "";
  if (!r.cell.empty()) return r.file + ":" + r.sheet + "!" + r.cell;
  return r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column);
}

static bool DoesStepsOf(const Scenario& s, const std::string& role) {
  for (const auto& st : s.steps) {
    if (st.role.value == role) return true;
  }
  return false;
}

std::vector<const Role*> RolesWithDuties(const Plan& plan) {
  std::vector<const Role*> out;
  for (const Role& r : plan.roles) {
    const std::string& id = r.id.value;
    bool duty = false;
    for (const auto& b : plan.backups) duty = duty || b.owner.value == id;
    for (const auto& s : plan.scenarios) duty = duty || s.decider.value == id || DoesStepsOf(s, id);
    for (const auto& c : plan.checks) duty = duty || c.owner.value == id;
    const Governance& g = plan.governance;
    duty = duty || g.reviewer.value == id || g.validator.value == id || g.change_approver.value == id;
    if (duty) out.push_back(&r);
  }
  return out;
}

namespace {

data Steps(const EmitContext& ctx, const Backup& b) {
  data list{data::type::list};
  auto values = BackupPlaceholders(ctx.plan, ctx.profile, b);
  int n = 1;
  if (const Procedure* p = ctx.plan.FindProcedure(b.procedure.value)) {
    for (const auto& st : p->steps) {
      data d;
      d.set("number", std::to_string(n++));
      d.set("text", FillPlaceholders(st.text.value, values));
      d.set("command", std::string());
      d.set("source", SourceRef(ctx.sources, st.loc));
      list.push_back(d);
    }
    return list;
  }
  std::string proc_id = b.procedure.value;
  if (proc_id.empty()) {
    if (const ProfileItem* it = ctx.profile.FindItem(b.item.value)) proc_id = it->backup_procedure.value;
  }
  if (const ProfileProcedure* p = ctx.profile.FindProcedure(proc_id)) {
    for (const auto& st : p->steps) {
      data d;
      d.set("number", std::to_string(n++));
      d.set("text", FillPlaceholders(st.text.value, values));
      d.set("command", FillPlaceholders(st.command.value, values));
      d.set("source", SourceRef(ctx.sources, st.loc));
      list.push_back(d);
    }
  }
  return list;
}

std::string RoleName(const Plan& plan, const std::string& id) {
  const Role* r = plan.FindRole(id);
  return r && !r->name.empty() ? r->name.value : id;
}

}  // namespace

TemplateData RunbookView(const EmitContext& ctx, const Role& role) {
  const Plan& plan = ctx.plan;
  const std::string& id = role.id.value;
  data view;
  view.set("plan_title", plan.title.value);
  view.set("plan_id", plan.id.value);
  view.set("plan_version", plan.version.value);
  view.set("as_of", FormatDate(ctx.as_of));
  view.set("draft", ctx.draft);
  view.set("role_id", id);
  view.set("role_name", role.name.empty() ? id : role.name.value);
  view.set("role_kind", role.kind.value);
  view.set("department", role.department.value);
  view.set("role_source", SourceRef(ctx.sources, role.loc));

  data backups{data::type::list};
  for (const Backup& b : plan.backups) {
    if (b.owner.value != id) continue;
    data d;
    const ProfileItem* item = ctx.profile.FindItem(b.item.value);
    d.set("id", b.id.value);
    d.set("item", item ? item->name.value : b.item.value);
    d.set("server", b.server.value);
    d.set("schedule", b.schedule.value ? b.schedule.value->Canonical() : b.schedule.text.value);
    d.set("retention", b.retention.value ? DescribeDuration(*b.retention.value) : b.retention.text.value);
    std::string locs;
    for (const auto& l : b.locations) {
      const Location* loc = plan.FindLocation(l.value);
      locs += (locs.empty() ? "" : ", ") + (loc ? loc->path.value : l.value);
    }
    d.set("locations", locs);
    d.set("steps", Steps(ctx, b));
    d.set("source", SourceRef(ctx.sources, b.loc));
    backups.push_back(d);
  }
  view.set("backups", backups);
  view.set("has_backups", !backups.is_empty_list());

  data scenarios{data::type::list};
  for (const Scenario& s : plan.scenarios) {
    bool decides = s.decider.value == id;
    if (!decides && !DoesStepsOf(s, id)) continue;
    data d;
    d.set("title", s.title.value);
    d.set("rto", s.rto.value ? DescribeDuration(*s.rto.value) : s.rto.text.value);
    d.set("decider", RoleName(plan, s.decider.value));
    d.set("you_decide", decides);
    data criteria{data::type::list};
    for (const auto& c : s.criteria) criteria.push_back(data(c.value));
    d.set("criteria", criteria);
    data steps{data::type::list};
    int n = 1;
    for (const auto& st : s.steps) {
      data sd;
      sd.set("number", std::to_string(n++));
      sd.set("title", st.title.value);
      sd.set("role", RoleName(plan, st.role.value));
      sd.set("yours", st.role.value == id);
      sd.set("estimate", st.estimate.value ? DescribeDuration(*st.estimate.value) : st.estimate.text.value);
      sd.set("source", SourceRef(ctx.sources, st.loc));
      steps.push_back(sd);
    }
    d.set("steps", steps);
    d.set("source", SourceRef(ctx.sources, s.loc));
    scenarios.push_back(d);
  }
  view.set("scenarios", scenarios);
  view.set("has_scenarios", !scenarios.is_empty_list());

  data checks{data::type::list};
  for (const ValidationCheck& c : plan.checks) {
    if (c.owner.value != id) continue;
    data d;
    d.set("kind", c.kind.value);
    d.set("title", c.title.value);
    d.set("interval", c.interval.value ? DescribeDuration(*c.interval.value) : c.interval.text.value);
    d.set("records", c.records.value);
    d.set("source", SourceRef(ctx.sources, c.loc));
    checks.push_back(d);
  }
  view.set("checks", checks);
  view.set("has_checks", !checks.is_empty_list());

  data contacts{data::type::list};
  for (const Role& r : plan.roles) {
    for (const Contact& c : r.contacts) {
      data d;
      d.set("role", r.name.empty() ? r.id.value : r.name.value);
      d.set("type", c.type.value);
      d.set("value", c.value.value);
      contacts.push_back(d);
    }
  }
  view.set("contacts", contacts);
  return view;
}

}  // namespace plangen

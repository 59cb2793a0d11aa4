#include "diff/role_changes.h"

#include <algorithm>
#include <set>

#include "util/strings.h"

namespace plangen::diff {

namespace {

using RoleSet = std::set<std::string>;

// `s` without white space at either end, as the diff shows ids.
std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

void Add(RoleSet* roles, const std::string& id) {
  std::string t = Trim(id);
  if (!t.empty()) roles->insert(t);
}

bool SameFqdn(const std::string& a, const std::string& b) { return AsciiLower(Trim(a)) == AsciiLower(Trim(b)); }

// The step id of a field written "step 'ID' ..." or "step 'ID'", and what follows it.
bool StepField(const std::string& field, std::string* step, std::string* rest) {
  const std::string prefix = "step '";
  if (field.compare(0, prefix.size(), prefix) != 0) return false;
  size_t end = field.find('\'', prefix.size());
  if (end == std::string::npos) return false;
  *step = field.substr(prefix.size(), end - prefix.size());
  *rest = end + 1 < field.size() ? Trim(field.substr(end + 1)) : "";
  return true;
}

// The roles of the steps on either side of step `step_id` of scenario `id`: the steps it waits for
// and the steps that wait for it, with its own role.
void StepNeighbours(const Plan& plan, const std::string& id, const std::string& step_id, RoleSet* roles) {
  const Scenario* s = plan.FindScenario(id);
  if (!s) return;
  const ScenarioStep* step = nullptr;
  for (const ScenarioStep& st : s->steps) {
    if (Trim(st.id.value) == step_id) step = &st;
  }
  if (!step) return;
  Add(roles, step->role.value);
  for (const Ref& a : step->after) {
    for (const ScenarioStep& st : s->steps) {
      if (Trim(st.id.value) == Trim(a.value)) Add(roles, st.role.value);
    }
  }
  for (const ScenarioStep& st : s->steps) {
    for (const Ref& a : st.after) {
      if (Trim(a.value) == step_id) Add(roles, st.role.value);
    }
  }
}

void StepRole(const Plan& plan, const std::string& id, const std::string& step_id, RoleSet* roles) {
  if (const Scenario* s = plan.FindScenario(id)) {
    for (const ScenarioStep& st : s->steps) {
      if (Trim(st.id.value) == step_id) Add(roles, st.role.value);
    }
  }
}

// The owners of the backups `pick` selects.
template <class Pick>
void BackupOwners(const Plan& plan, Pick pick, RoleSet* roles) {
  for (const Backup& b : plan.backups) {
    if (pick(b)) Add(roles, b.owner.value);
  }
}

// The index of the pool with FQDN (or id) `name`, or -1.
int PoolIndex(const Plan& plan, const std::string& name) {
  const auto& pools = plan.topology.pools;
  for (size_t i = 0; i < pools.size(); ++i) {
    if (SameFqdn(pools[i].fqdn.value, name) || Trim(pools[i].id.value) == Trim(name)) return static_cast<int>(i);
  }
  return -1;
}

bool ServerInPool(const Plan& plan, const std::string& server, int pool) {
  const Server* s = plan.FindServer(server);
  return s && pool >= 0 && s->pool == pool;
}

bool ServerInSite(const Plan& plan, const std::string& server, const std::string& site) {
  const Server* s = plan.FindServer(server);
  if (!s || s->pool < 0 || s->pool >= static_cast<int>(plan.topology.pools.size())) return false;
  int si = plan.topology.pools[s->pool].site;
  return si >= 0 && si < static_cast<int>(plan.topology.sites.size()) && Trim(plan.topology.sites[si].id.value) == Trim(site);
}

// The roles that hand off to role `id` or take over from it in any scenario of `plan`: the roles of
// the steps next to one of its steps.
void HandoffPartners(const Plan& plan, const std::string& id, RoleSet* roles) {
  for (const Scenario& s : plan.scenarios) {
    for (const ScenarioStep& st : s.steps) {
      for (const Ref& a : st.after) {
        for (const ScenarioStep& prev : s.steps) {
          if (Trim(prev.id.value) != Trim(a.value)) continue;
          if (Trim(st.role.value) == id) Add(roles, prev.role.value);
          if (Trim(prev.role.value) == id) Add(roles, st.role.value);
        }
      }
    }
  }
}

void Concerned(const PlanChange& c, const Plan& plan, RoleSet* roles) {
  const std::string& area = c.area;
  if (area == "backup" || area == "governance" || area == "validation") {
    for (const std::string& r : c.roles) Add(roles, r);
  } else if (area == "role") {
    Add(roles, c.id);
    HandoffPartners(plan, c.id, roles);
  } else if (area == "location") {
    BackupOwners(plan, [&](const Backup& b) {
      return std::any_of(b.locations.begin(), b.locations.end(), [&](const Ref& l) { return Trim(l.value) == c.id; });
    }, roles);
  } else if (area == "server") {
    BackupOwners(plan, [&](const Backup& b) { return SameFqdn(b.server.value, c.id); }, roles);
  } else if (area == "pool") {
    int pool = PoolIndex(plan, c.id);
    BackupOwners(plan, [&](const Backup& b) { return ServerInPool(plan, b.server.value, pool); }, roles);
  } else if (area == "site") {
    BackupOwners(plan, [&](const Backup& b) { return ServerInSite(plan, b.server.value, c.id); }, roles);
  } else if (area == "spare") {
    for (const std::string& r : c.roles) Add(roles, r);
    for (const Scenario& s : plan.scenarios) {
      if (Trim(s.spare.value) == c.id) Add(roles, s.decider.value);
    }
  } else if (area == "procedure") {
    for (const std::string& r : c.roles) Add(roles, r);
    BackupOwners(plan, [&](const Backup& b) { return Trim(b.procedure.value) == c.id; }, roles);
    for (const Scenario& s : plan.scenarios) {
      for (const ScenarioStep& st : s.steps) {
        if (Trim(st.procedure.value) == c.id) Add(roles, st.role.value);
      }
    }
  } else if (area == "scenario") {
    std::string step, rest;
    if (StepField(c.field, &step, &rest)) {
      // A step added, removed, given to another role or made to wait for other steps changes who
      // hands off to whom: the roles on both sides learn of it. Any other field of a step is its
      // own role's business.
      if (rest.empty() || rest == "role" || rest == "after") {
        StepNeighbours(plan, c.id, step, roles);
      } else {
        StepRole(plan, c.id, step, roles);
      }
    } else {
      for (const std::string& r : c.roles) Add(roles, r);
    }
  }
  // plan and waiver: the plan owner's business.
}

}  // namespace

std::vector<std::string> ConcernedRoles(const PlanChange& change, const Plan& before, const Plan& after) {
  RoleSet roles;
  Concerned(change, before, &roles);
  Concerned(change, after, &roles);
  if (change.area == "scenario" && change.kind == ChangeKind::kChanged) {
    std::string step, rest;
    if (StepField(change.field, &step, &rest) && rest == "role") {
      Add(&roles, change.before);
      Add(&roles, change.after);
    }
  }
  return {roles.begin(), roles.end()};
}

std::map<std::string, std::vector<PlanChange>> ChangesByRole(const std::vector<PlanChange>& changes, const Plan& before,
                                                             const Plan& after) {
  std::map<std::string, std::vector<PlanChange>> out;
  for (const PlanChange& c : changes) {
    for (const std::string& r : ConcernedRoles(c, before, after)) out[r].push_back(c);
  }
  return out;
}

}  // namespace plangen::diff

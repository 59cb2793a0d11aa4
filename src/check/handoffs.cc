#include "check/handoffs.h"

#include <string>
#include <unordered_map>

namespace plangen::check {

namespace {

using RoleMap = std::unordered_map<std::string, const Role*>;

RoleMap MapRoles(const Plan& plan) {
  RoleMap roles;
  for (const Role& r : plan.roles) roles.emplace(r.id.value, &r);
  return roles;
}

std::vector<Handoff> Compute(const RoleMap& roles, const Scenario& sc) {
  std::vector<Handoff> out;
  std::unordered_map<std::string, int> steps;
  for (size_t i = 0; i < sc.steps.size(); ++i) steps.emplace(sc.steps[i].id.value, static_cast<int>(i));
  auto role_of = [&](int step) -> const Role* {
    auto it = roles.find(sc.steps[step].role.value);
    return it == roles.end() || it->second->department.empty() ? nullptr : it->second;
  };
  for (size_t i = 0; i < sc.steps.size(); ++i) {
    const Role* to = role_of(static_cast<int>(i));
    if (!to) continue;
    for (const Ref& a : sc.steps[i].after) {
      auto it = steps.find(a.value);
      if (it == steps.end()) continue;
      const Role* from = role_of(it->second);
      if (from && from->department.value != to->department.value) {
        out.push_back(Handoff{it->second, static_cast<int>(i), from, to});
      }
    }
  }
  return out;
}

}  // namespace

std::vector<Handoff> ScenarioHandoffs(const Plan& plan, const Scenario& scenario) {
  return Compute(MapRoles(plan), scenario);
}

std::vector<std::vector<Handoff>> PlanHandoffs(const Plan& plan) {
  RoleMap roles = MapRoles(plan);
  std::vector<std::vector<Handoff>> out;
  out.reserve(plan.scenarios.size());
  for (const Scenario& sc : plan.scenarios) out.push_back(Compute(roles, sc));
  return out;
}

}  // namespace plangen::check

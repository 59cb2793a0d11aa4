#include "model/plan.h"

#include <cctype>

namespace plangen {

namespace {
template <class T, class F>
const T* FindIn(const std::vector<T>& v, F pred) {
  for (const auto& x : v) {
    if (pred(x)) return &x;
  }
  return nullptr;
}

bool SameName(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}
}  // namespace

const Role* Plan::FindRole(const std::string& id) const {
  return FindIn(roles, [&](const Role& r) { return r.id.value == id; });
}
const Location* Plan::FindLocation(const std::string& id) const {
  return FindIn(locations, [&](const Location& l) { return l.id.value == id; });
}
const Server* Plan::FindServer(const std::string& fqdn) const {
  return FindIn(topology.servers, [&](const Server& s) { return SameName(s.fqdn.value, fqdn); });
}
const Pool* Plan::FindPool(const std::string& key) const {
  return FindIn(topology.pools, [&](const Pool& p) { return p.id.value == key || SameName(p.fqdn.value, key); });
}
const Procedure* Plan::FindProcedure(const std::string& id) const {
  return FindIn(procedures, [&](const Procedure& p) { return p.id.value == id; });
}
const Spare* Plan::FindSpare(const std::string& id) const {
  return FindIn(spares, [&](const Spare& s) { return s.id.value == id; });
}
const Scenario* Plan::FindScenario(const std::string& id) const {
  return FindIn(scenarios, [&](const Scenario& s) { return s.id.value == id; });
}

}  // namespace plangen

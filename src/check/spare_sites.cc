#include "check/spare_sites.h"

#include <algorithm>
#include <cctype>

#include "util/strings.h"

namespace plangen::check {

namespace {

// Whether `phrase` occurs in `text` as whole words, without regard to case.
bool HasWords(const std::string& text, const std::string& phrase) {
  if (phrase.empty()) return false;
  const std::string t = AsciiLower(text), p = AsciiLower(phrase);
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
  for (size_t at = t.find(p); at != std::string::npos; at = t.find(p, at + 1)) {
    bool left = at == 0 || !word(t[at - 1]);
    bool right = at + p.size() == t.size() || !word(t[at + p.size()]);
    if (left && right) return true;
  }
  return false;
}

}  // namespace

int SpareSite(const Plan& plan, const Spare& spare) {
  const auto& sites = plan.topology.sites;
  if (!spare.site.empty()) {
    for (size_t i = 0; i < sites.size(); ++i) {
      if (sites[i].id.value == spare.site.value) return static_cast<int>(i);
    }
    return -1;
  }
  const std::string text = spare.source.value + "\n" + spare.notes.value;
  int found = -1;
  for (size_t i = 0; i < sites.size(); ++i) {
    if (!HasWords(text, sites[i].id.value) && !HasWords(text, sites[i].name.value)) continue;
    if (found >= 0) return -1;  // more than one site named: the text does not say where it is kept
    found = static_cast<int>(i);
  }
  return found;
}

std::vector<int> ScenarioSites(const PlanIndex& pi, const Scenario& scenario) {
  const Plan& plan = pi.plan;
  std::vector<int> out;
  auto add = [&](int pool) {
    if (pool < 0) return;
    int site = plan.topology.pools[pool].site;
    if (site >= 0 && std::find(out.begin(), out.end(), site) == out.end()) out.push_back(site);
  };
  for (const Ref& c : scenario.covers) {
    if (int s = pi.server_of(scenario, c); s >= 0) {
      add(plan.topology.servers[s].pool);
    } else if (const Pool* p = plan.FindPool(c.value)) {
      add(static_cast<int>(p - plan.topology.pools.data()));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace plangen::check

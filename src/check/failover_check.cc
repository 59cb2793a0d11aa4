// Pool failover (fact sheet 3.M step 4, 3.N steps 1-2): when the pool that fails over holds the
// Central Management store, the store is failed over to the partner first; Invoke-CsPoolFailover
// fails until it is. A step of a scenario that runs Invoke-CsPoolFailover on pools it covers, one
// of which holds the store (a server of it runs the holder of the profile's items of global
// scope), must wait, through its `after` list, for a step that fails the store over.
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

// The cmdlets that fail a pool over, and those that move the Central Management store.
const char* const kPoolFailover[] = {"invoke-cspoolfailover"};
const char* const kStoreFailover[] = {"invoke-csmanagementserverfailover", "move-csmanagementserver"};

template <size_t N>
bool Mentions(const std::string& lower, const char* const (&words)[N]) {
  for (const char* w : words) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// A step's wording: its title and, when it follows a procedure, that procedure's title, tools and
// step texts.
std::string StepText(const CheckContext& ctx, const check::PlanIndex& pi, const ScenarioStep& st) {
  std::string text = st.title.value;
  if (st.procedure.empty()) return AsciiLower(text);
  if (const Procedure* p = pi.procedure(st.procedure.value)) {
    text += "\n" + p->title.value;
    for (const Text& t : p->tools) text += "\n" + t.value;
    for (const ProcedureStep& s : p->steps) text += "\n" + s.text.value + "\n" + s.tool.value;
  } else if (const ProfileProcedure* p = ctx.profile.FindProcedure(st.procedure.value)) {
    text += "\n" + p->title.value;
    for (const auto& s : p->steps) text += "\n" + s.text.value + "\n" + s.tool.value + "\n" + s.command.value;
  }
  return AsciiLower(text);
}

}  // namespace

void CheckFailovers(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
  const check::PlanIndex& pi = ctx.Index();
  // The pools that hold the Central Management store.
  std::set<std::string> holders;
  for (const ProfileItem& item : ctx.profile.items) {
    if (item.scope.value == "global" && !item.holder.empty()) holders.insert(AsciiLower(item.holder.value));
  }
  std::set<int> store_pools;
  for (const Server& s : topo.servers) {
    for (const Service& sv : s.services) {
      if (holders.count(AsciiLower(sv.type.value)) && s.pool >= 0) store_pools.insert(s.pool);
    }
  }
  if (store_pools.empty()) return;

  for (const Scenario& sc : plan.scenarios) {
    const int n = static_cast<int>(sc.steps.size());
    int store_pool = -1;
    for (const Ref& c : sc.covers) {
      int p = pi.pool_of(sc, c);
      if (p < 0) {
        int s = pi.server_of(sc, c);
        if (s >= 0) p = topo.servers[s].pool;
      }
      if (p >= 0 && store_pools.count(p)) {
        store_pool = p;
        break;
      }
    }
    if (store_pool < 0 || n == 0) continue;
    std::vector<std::string> text(n);
    std::unordered_map<std::string, int> by_id;
    for (int i = 0; i < n; ++i) {
      text[i] = StepText(ctx, pi, sc.steps[i]);
      by_id.emplace(sc.steps[i].id.value, i);
    }
    for (int i = 0; i < n; ++i) {
      if (!Mentions(text[i], kPoolFailover)) continue;
      // Every step that step i waits for, through any chain of `after`.
      std::vector<bool> before(n, false);
      std::vector<int> stack{i};
      while (!stack.empty()) {
        int at = stack.back();
        stack.pop_back();
        for (const Ref& a : sc.steps[at].after) {
          auto it = by_id.find(a.value);
          if (it == by_id.end() || before[it->second]) continue;
          before[it->second] = true;
          stack.push_back(it->second);
        }
      }
      int unordered = -1;
      bool waits = false;
      for (int j = 0; j < n && !waits; ++j) {
        if (j == i || !Mentions(text[j], kStoreFailover)) continue;
        if (before[j]) waits = true;
        else if (unordered < 0) unordered = j;
      }
      if (waits) continue;
      const ScenarioStep& st = sc.steps[i];
      auto& d = diags.Report(DiagId::err_pool_failover_before_store, st.loc, {st.id.value, sc.id.value, topo.pools[store_pool].id.value});
      if (unordered >= 0) {
        d.AddNote(sc.steps[unordered].loc, "step '" + sc.steps[unordered].id.value + "' fails the store over here, but step '" +
                                               st.id.value + "' does not wait for it");
      }
    }
  }
}

}  // namespace plangen

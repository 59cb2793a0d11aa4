#include "check/critical_path.h"

#include <algorithm>
#include <unordered_map>

namespace plangen::check {

CriticalPath ComputeCriticalPath(const Scenario& sc, const Spare* spare, int64_t transport_seconds) {
  CriticalPath out;
  const int n = static_cast<int>(sc.steps.size());
  std::unordered_map<std::string, int> by_id;
  for (int i = 0; i < n; ++i) by_id.emplace(sc.steps[i].id.value, i);
  // preds[i]: the steps that must finish before step i; succs: the reverse edges.
  std::vector<std::vector<int>> preds(n), succs(n);
  for (int i = 0; i < n; ++i) {
    for (const Ref& a : sc.steps[i].after) {
      auto it = by_id.find(a.value);
      if (it == by_id.end()) continue;
      preds[i].push_back(it->second);
      succs[it->second].push_back(i);
    }
  }
  if (spare && sc.new_hardware.get() && spare->lead_time.value) out.lead_seconds = spare->lead_time.Seconds() + transport_seconds;
  out.start.assign(n, out.lead_seconds);
  out.finish.assign(n, out.lead_seconds);
  std::vector<int> waiting(n), via(n, -1), order;
  order.reserve(n);
  for (int i = 0; i < n; ++i) {
    waiting[i] = static_cast<int>(preds[i].size());
    if (waiting[i] == 0) order.push_back(i);
  }
  // Kahn's algorithm; each step's start is the latest finish among its predecessors.
  for (size_t k = 0; k < order.size(); ++k) {
    int i = order[k];
    out.finish[i] = out.start[i] + sc.steps[i].estimate.Seconds();
    for (int s : succs[i]) {
      if (via[s] < 0 || out.finish[i] > out.start[s]) {
        out.start[s] = std::max(out.start[s], out.finish[i]);
        via[s] = i;
      }
      if (--waiting[s] == 0) order.push_back(s);
    }
  }
  if (static_cast<int>(order.size()) < n) {
    // Every step left waits on another step left; walking back along waiting predecessors must
    // revisit a step, and the walk from that step on is a cycle.
    int at = -1;
    for (int i = 0; i < n && at < 0; ++i) {
      if (waiting[i] > 0) at = i;
    }
    std::vector<int> seen_at(n, -1), walk;
    while (seen_at[at] < 0) {
      seen_at[at] = static_cast<int>(walk.size());
      walk.push_back(at);
      int next = -1;
      for (int p : preds[at]) {
        if (waiting[p] > 0) { next = p; break; }
      }
      at = next;
    }
    std::vector<int> loop(walk.begin() + seen_at[at], walk.end());
    // The walk went against the running order; turn it around.
    for (auto it = loop.rbegin(); it != loop.rend(); ++it) out.cycle.push_back(*it);
    out.cycle.push_back(out.cycle.front());
    return out;
  }
  if (n == 0) {
    out.seconds = out.lead_seconds;
    return out;
  }
  int last = 0;
  for (int i = 1; i < n; ++i) {
    if (out.finish[i] > out.finish[last]) last = i;
  }
  out.seconds = out.finish[last];
  for (int i = last; i >= 0; i = via[i]) out.steps.insert(out.steps.begin(), i);
  return out;
}

std::string DescribePath(const Scenario& sc, const CriticalPath& path, const Spare* spare) {
  std::string out;
  if (path.lead_seconds > 0 && spare) out = "lead time of spare '" + spare->id.value + "'";
  for (int i : path.steps) {
    if (!out.empty()) out += " -> ";
    out += sc.steps[i].id.value;
  }
  return out;
}

}  // namespace plangen::check

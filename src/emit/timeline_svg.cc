#include "emit/timeline_svg.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "tmpl/templates.h"

namespace plangen {

std::string TimelineDuration(int64_t s) {
  if (s < 0) return "-" + TimelineDuration(-s);
  int64_t h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
  std::string out;
  if (h) out += std::to_string(h) + " h";
  if (m) out += std::string(out.empty() ? "" : " ") + std::to_string(m) + " min";
  if (sec) out += std::string(out.empty() ? "" : " ") + std::to_string(sec) + " s";
  return out.empty() ? "0 min" : out;
}

std::string TimelineOffset(int64_t s) { return s == 0 ? "the start" : "+" + TimelineDuration(s); }

ScenarioTiming ComputeTiming(const Plan& plan, const Scenario& s) {
  ScenarioTiming t;
  const size_t n = s.steps.size();
  t.steps.resize(n);
  if (s.new_hardware.get() && !s.spare.empty()) {
    if (const Spare* sp = plan.FindSpare(s.spare.value)) {
      t.lead = sp->lead_time.Seconds();
      t.lead_role = sp->contact.value;
    }
  }
  std::map<std::string, int> index;
  for (size_t i = 0; i < n; ++i) index.emplace(s.steps[i].id.value, static_cast<int>(i));
  std::vector<int> pending(n, 0);
  std::vector<std::vector<int>> next(n);
  for (size_t i = 0; i < n; ++i) {
    for (const Ref& a : s.steps[i].after) {
      auto it = index.find(a.value);
      if (it == index.end() || it->second == static_cast<int>(i)) continue;
      t.steps[i].after.push_back(it->second);
      next[it->second].push_back(static_cast<int>(i));
      ++pending[i];
    }
  }
  // Kahn's order; steps left over sit on a cycle and keep the start their resolved
  // predecessors gave them.
  std::vector<int> ready, order;
  std::vector<int64_t> start(n, t.lead);
  for (size_t i = 0; i < n; ++i)
    if (pending[i] == 0) ready.push_back(static_cast<int>(i));
  std::vector<bool> done(n, false);
  while (!ready.empty()) {
    int i = ready.front();
    ready.erase(ready.begin());
    done[i] = true;
    order.push_back(i);
    int64_t finish = start[i] + s.steps[i].estimate.Seconds();
    for (int j : next[i]) {
      start[j] = std::max(start[j], finish);
      if (--pending[j] == 0) ready.push_back(j);
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (!done[i]) t.cycle = true;
    t.steps[i].start = start[i];
    t.steps[i].finish = start[i] + s.steps[i].estimate.Seconds();
    t.total = std::max(t.total, t.steps[i].finish);
  }
  t.total = std::max(t.total, t.lead);
  t.rto = s.rto.Seconds();
  // Walk back from the steps that finish last through predecessors that end exactly when
  // the step starts: that chain is the critical path.
  std::vector<int> stack;
  for (size_t i = 0; i < n; ++i)
    if (t.steps[i].finish == t.total && t.total > 0) stack.push_back(static_cast<int>(i));
  while (!stack.empty()) {
    int i = stack.back();
    stack.pop_back();
    if (t.steps[i].critical) continue;
    t.steps[i].critical = true;
    for (int p : t.steps[i].after)
      if (t.steps[p].finish == t.steps[i].start) stack.push_back(p);
  }
  return t;
}

namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string RoleLabel(const Plan& plan, const std::string& id) {
  const Role* r = plan.FindRole(id);
  return r && !r->name.empty() ? r->name.value : id;
}

// A label kept short enough for the lane column; the full text is in the <title>.
std::string Clip(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace

TimelineLaneMap TimelineLanes(const Scenario& s, const ScenarioTiming& t, const std::vector<bool>& shown) {
  TimelineLaneMap m;
  auto add = [&](const std::string& role) {
    if (m.index.emplace(role, m.roles.size()).second) m.roles.push_back(role);
  };
  if (t.lead > 0) add(t.lead_role);
  for (size_t i = 0; i < s.steps.size(); ++i)
    if (shown.empty() || shown[i]) add(s.steps[i].role.value);
  return m;
}

std::string TimelineSvg(const Plan& plan, const Scenario& s, const ScenarioTiming& t, const std::vector<bool>& shown) {
  auto is_shown = [&](size_t i) { return shown.empty() || shown[i]; };
  const TimelineLaneMap map = TimelineLanes(s, t, shown);
  const std::vector<std::string>& lanes = map.roles;
  auto lane_of = [&](const std::string& role) { return static_cast<int>(map.Of(role)); };

  const double label_w = 170, chart_w = 520, lane_h = 26, top = 22;
  const int64_t span = std::max<int64_t>({t.total, t.rto, 3600});
  const double scale = chart_w / static_cast<double>(span);
  const double height = top + lane_h * static_cast<double>(lanes.size()) + 26;
  // Room at the right for half of the last axis label, which is centred on its line.
  const double width = label_w + chart_w + 30;
  auto x = [&](int64_t secs) { return label_w + static_cast<double>(secs) * scale; };

  std::string o;
  o += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" viewBox=\"0 0 " + Num(width) + " " +
       Num(height) + "\" width=\"" + Num(width) + "\" height=\"" + Num(height) + "\">";
  o += "<title>Timeline of " + EscapeHtml(s.title.value) + "</title>";
  // Hour grid: one line per hour, or fewer when the span is long.
  int64_t tick = 3600;
  while (span / tick > 12) tick *= 2;
  for (int64_t h = 0; h <= span; h += tick) {
    o += "<line class=\"grid\" x1=\"" + Num(x(h)) + "\" y1=\"" + Num(top - 4) + "\" x2=\"" + Num(x(h)) + "\" y2=\"" +
         Num(height - 20) + "\"/>";
    o += "<text class=\"tick\" x=\"" + Num(x(h)) + "\" y=\"" + Num(height - 8) + "\" text-anchor=\"middle\">" +
         (h == 0 ? std::string("0 h") : TimelineDuration(h)) + "</text>";
  }
  for (size_t l = 0; l < lanes.size(); ++l) {
    double y = top + lane_h * static_cast<double>(l);
    o += "<text class=\"lane\" x=\"4\" y=\"" + Num(y + lane_h * 0.65) + "\">" +
         EscapeHtml(Clip(RoleLabel(plan, lanes[l]), 26)) + "</text>";
  }
  auto bar = [&](int lane, int64_t from, int64_t to, const std::string& cls, const std::string& label,
                 const std::string& tip) {
    double y = top + lane_h * lane + 4;
    double w = std::max(2.0, x(to) - x(from));
    o += "<g class=\"" + cls + "\"><title>" + EscapeHtml(tip) + "</title><rect x=\"" + Num(x(from)) + "\" y=\"" +
         Num(y) + "\" width=\"" + Num(w) + "\" height=\"" + Num(lane_h - 8) + "\"/>";
    o += "<text x=\"" + Num(x(from) + 3) + "\" y=\"" + Num(y + lane_h * 0.5) + "\">" + EscapeHtml(label) + "</text></g>";
  };
  if (t.lead > 0) {
    bar(lane_of(t.lead_role), 0, t.lead, "bar lead", "spare",
        "Spare hardware lead time: " + TimelineDuration(t.lead));
  }
  for (size_t i = 0; i < s.steps.size(); ++i) {
    if (!is_shown(i)) continue;
    const auto& st = s.steps[i];
    const StepTiming& ti = t.steps[i];
    bar(lane_of(st.role.value), ti.start, ti.finish, ti.critical ? "bar critical" : "bar",
        std::to_string(i + 1),
        "Step " + std::to_string(i + 1) + ": " + st.title.value + " (from " + TimelineOffset(ti.start) + " to " +
            TimelineOffset(ti.finish) + ")");
  }
  if (t.rto > 0) {
    o += "<line class=\"rto\" x1=\"" + Num(x(t.rto)) + "\" y1=\"" + Num(top - 14) + "\" x2=\"" + Num(x(t.rto)) +
         "\" y2=\"" + Num(height - 20) + "\"/>";
    o += "<text class=\"rto-label\" x=\"" + Num(x(t.rto) - 3) + "\" y=\"" + Num(top - 8) + "\">RTO " +
         EscapeHtml(TimelineDuration(t.rto)) + "</text>";
  }
  o += "</svg>";
  return o;
}

}  // namespace plangen

#include "emit/timeline_pdf.h"

#include <cairo.h>

#include <algorithm>
#include <string>
#include <vector>

namespace plangen {

namespace {

constexpr double kLabelWidth = 118, kLaneHeight = 16, kTop = 14, kAxis = 14;

std::string RoleLabel(const Plan& plan, const std::string& id) {
  const Role* r = plan.FindRole(id);
  return r && !r->name.empty() ? r->name.value : id;
}

}  // namespace

double TimelinePdfHeight(const Plan&, const Scenario& s, const ScenarioTiming& t, const std::vector<bool>& shown) {
  return kTop + kLaneHeight * static_cast<double>(TimelineLanes(s, t, shown).roles.size()) + kAxis + 4;
}

void DrawTimelinePdf(PdfCanvas& canvas, double x0, double y0, double width, const Plan& plan, const Scenario& s,
                     const ScenarioTiming& t, const std::vector<bool>& shown) {
  cairo_t* cr = canvas.cr();
  const TimelineLaneMap map = TimelineLanes(s, t, shown);
  const std::vector<std::string>& lanes = map.roles;
  auto lane_of = [&](const std::string& role) { return static_cast<double>(map.Of(role)); };
  // Room at the right for half of the last axis label, centred on its line.
  const double chart_w = width - kLabelWidth - 16;
  const int64_t span = std::max<int64_t>({t.total, t.rto, 3600});
  const double scale = chart_w / static_cast<double>(span);
  const double lanes_bottom = y0 + kTop + kLaneHeight * static_cast<double>(lanes.size());
  auto x = [&](int64_t secs) { return x0 + kLabelWidth + static_cast<double>(secs) * scale; };

  // Hour grid: one line per hour, or fewer when the span is long.
  int64_t tick = 3600;
  while (span / tick > 12) tick *= 2;
  cairo_set_line_width(cr, 0.4);
  for (int64_t h = 0; h <= span; h += tick) {
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.8);
    cairo_move_to(cr, x(h), y0 + kTop - 3);
    cairo_line_to(cr, x(h), lanes_bottom);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    canvas.Text(h == 0 ? std::string("0 h") : TimelineDuration(h), PdfFont::kChart, x(h), lanes_bottom + 2, 0);
  }
  for (size_t l = 0; l < lanes.size(); ++l) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    canvas.Text(RoleLabel(plan, lanes[l]), PdfFont::kChart, x0, y0 + kTop + kLaneHeight * static_cast<double>(l) + 4, -1,
                kLabelWidth - 6);
  }
  auto bar = [&](double lane, int64_t from, int64_t to, bool critical, bool lead, const std::string& label) {
    const double y = y0 + kTop + kLaneHeight * lane + 3;
    const double w = std::max(2.0, x(to) - x(from));
    cairo_rectangle(cr, x(from), y, w, kLaneHeight - 6);
    if (lead) {
      cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
    } else if (critical) {
      cairo_set_source_rgb(cr, 0.94, 0.78, 0.78);
    } else {
      cairo_set_source_rgb(cr, 0.78, 0.85, 0.94);
    }
    cairo_fill_preserve(cr);
    if (lead) {
      const double dash[] = {2, 2};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_set_line_width(cr, critical ? 1.0 : 0.5);
    if (critical) {
      cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
    } else {
      cairo_set_source_rgb(cr, 0.3, 0.4, 0.6);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    canvas.Text(label, PdfFont::kChart, x(from) + 2, y + 1, -1);
  };
  if (t.lead > 0) bar(lane_of(t.lead_role), 0, t.lead, false, true, "spare");
  for (size_t i = 0; i < s.steps.size(); ++i) {
    if (!shown.empty() && !shown[i]) continue;
    const StepTiming& ti = t.steps[i];
    bar(lane_of(s.steps[i].role.value), ti.start, ti.finish, ti.critical, false, std::to_string(i + 1));
  }
  if (t.rto > 0) {
    const double dash[] = {4, 3};
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1.0);
    cairo_set_source_rgb(cr, 0.75, 0.1, 0.1);
    cairo_move_to(cr, x(t.rto), y0 + 2);
    cairo_line_to(cr, x(t.rto), lanes_bottom);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    canvas.Text("RTO " + TimelineDuration(t.rto), PdfFont::kChart, x(t.rto) - 3, y0 + 1, 1);
  }
}

}  // namespace plangen

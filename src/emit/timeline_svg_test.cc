// The timeline of a restoration scenario: its timing, the words it says lengths of time in, and
// the chart's labels, each inside the drawing.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <string>
#include <vector>

#include "emit/timeline_svg.h"

using namespace plangen;

namespace {

DurationValue Hours(double h) {
  DurationValue d;
  Duration v;
  v.minutes = static_cast<int64_t>(h * 60);
  d.value = v;
  d.text.value = "PT" + std::to_string(v.minutes) + "M";
  return d;
}

// Two roles; step 2 after step 1, step 3 alone. RTO 36 h ("P1DT12H" in the plan).
struct Fixture {
  Plan plan;
  Scenario s;
  Fixture() {
    for (const char* id : {"dba", "ops"}) {
      Role r;
      r.id.value = id;
      r.name.value = std::string(id) == "dba" ? "Database Services" : "Lync Operations";
      plan.roles.push_back(r);
    }
    s.id.value = "pool";
    s.title.value = "Whole pool lost";
    Duration rto;
    rto.days = 1;
    rto.hours = 12;
    s.rto.value = rto;
    s.rto.text.value = "P1DT12H";
    auto step = [&](const char* id, const char* role, double hours, const char* after) {
      ScenarioStep st;
      st.id.value = id;
      st.title.value = std::string("Step ") + id;
      st.role.value = role;
      st.estimate = Hours(hours);
      if (*after) st.after.push_back(Ref{after, Loc()});
      s.steps.push_back(st);
    };
    step("a", "dba", 0.25, "");
    step("b", "ops", 20, "a");
    step("c", "ops", 1.5, "");
  }
};

struct Label {
  double x;
  std::string anchor, text;
};

std::vector<Label> Labels(const std::string& svg, const std::string& cls) {
  std::vector<Label> out;
  std::regex re("<text class=\"" + cls + "\" x=\"([0-9.]+)\" y=\"[0-9.]+\"( text-anchor=\"(\\w+)\")?>([^<]*)</text>");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back({std::stod((*it)[1]), (*it)[3].matched ? std::string((*it)[3]) : "start", (*it)[4]});
  return out;
}

double ViewWidth(const std::string& svg) {
  std::smatch m;
  BOOST_REQUIRE(std::regex_search(svg, m, std::regex("viewBox=\"0 0 ([0-9.]+) ")));
  return std::stod(m[1]);
}

// Whether a label of 10 px type (at most 0.62 em a character in DejaVu Sans) lies inside [0, width].
bool Inside(const Label& l, double width) {
  double w = 6.2 * static_cast<double>(l.text.size());
  double left = l.anchor == "middle" ? l.x - w / 2 : l.anchor == "end" ? l.x - w : l.x;
  return left >= 0 && left + w <= width;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(timeline)

BOOST_AUTO_TEST_CASE(lengths_of_time_in_hours_and_minutes) {
  BOOST_TEST(TimelineDuration(0) == "0 min");
  BOOST_TEST(TimelineDuration(129600) == "36 h");  // never "1 day 12 h"
  BOOST_TEST(TimelineDuration(86400) == "24 h");
  BOOST_TEST(TimelineDuration(4500) == "1 h 15 min");
  BOOST_TEST(TimelineDuration(2700) == "45 min");
  BOOST_TEST(TimelineDuration(90061) == "25 h 1 min 1 s");
  BOOST_TEST(TimelineOffset(0) == "the start");  // never "+0 s"
  BOOST_TEST(TimelineOffset(900) == "+15 min");
  BOOST_TEST(TimelineOffset(6300) == "+1 h 45 min");
}

BOOST_AUTO_TEST_CASE(timing_follows_the_dependencies) {
  Fixture f;
  ScenarioTiming t = ComputeTiming(f.plan, f.s);
  BOOST_TEST(t.steps[1].start == 900);
  BOOST_TEST(t.steps[1].finish == 900 + 72000);
  BOOST_TEST(t.total == 72900);
  BOOST_TEST(t.rto == 129600);
  BOOST_TEST(t.steps[0].critical);
  BOOST_TEST(t.steps[1].critical);
  BOOST_TEST(!t.steps[2].critical);
}

BOOST_AUTO_TEST_CASE(axis_labels_carry_their_unit_and_fit_the_drawing) {
  Fixture f;
  std::string svg = TimelineSvg(f.plan, f.s, ComputeTiming(f.plan, f.s));
  double width = ViewWidth(svg);
  std::vector<Label> ticks = Labels(svg, "tick");
  BOOST_REQUIRE(ticks.size() >= 4u);
  for (const Label& l : ticks) {
    BOOST_TEST(std::regex_match(l.text, std::regex("[0-9]+ h")), l.text);
    BOOST_TEST(Inside(l, width), l.text << " at " << l.x << " (" << l.anchor << ") in " << width);
  }
  BOOST_TEST(ticks.front().text == "0 h");
  BOOST_TEST(ticks.back().text == "36 h");  // the last line, at the RTO
  // The measure finds a label that runs out of the drawing, as "36 h" did at 710 px wide.
  BOOST_TEST(!Inside(Label{ticks.back().x, "start", ticks.back().text}, 710));
  std::vector<Label> rto = Labels(svg, "rto-label");
  BOOST_REQUIRE(rto.size() == 1u);
  BOOST_TEST(rto[0].text == "RTO 36 h");
  BOOST_TEST(Inside(Label{rto[0].x, "end", rto[0].text}, width));
}

BOOST_AUTO_TEST_CASE(step_tips_say_when_in_the_texts_words) {
  Fixture f;
  std::string svg = TimelineSvg(f.plan, f.s, ComputeTiming(f.plan, f.s));
  BOOST_TEST(svg.find("<title>Step 1: Step a (from the start to +15 min)</title>") != std::string::npos, svg);
  BOOST_TEST(svg.find("<title>Step 2: Step b (from +15 min to +20 h 15 min)</title>") != std::string::npos);
  BOOST_TEST(svg.find("0 s") == std::string::npos);
  BOOST_TEST(svg.find("day") == std::string::npos);
}

// One lane per role, in the order the roles first come; the spare's role first when there is a
// lead time; with `shown`, the flagged steps' roles only.
BOOST_AUTO_TEST_CASE(lanes_in_the_order_roles_first_come) {
  using Roles = std::vector<std::string>;
  Fixture f;
  ScenarioTiming t = ComputeTiming(f.plan, f.s);
  TimelineLaneMap m = TimelineLanes(f.s, t);
  BOOST_TEST(m.roles == (Roles{"dba", "ops"}), boost::test_tools::per_element());
  BOOST_TEST(m.Of("dba") == 0u);
  BOOST_TEST(m.Of("ops") == 1u);
  BOOST_TEST(TimelineLanes(f.s, t, {false, true, true}).roles == Roles{"ops"}, boost::test_tools::per_element());
  t.lead = 3600;
  t.lead_role = "ops";
  m = TimelineLanes(f.s, t);
  BOOST_TEST(m.roles == (Roles{"ops", "dba"}), boost::test_tools::per_element());
  BOOST_TEST(m.Of("dba") == 1u);
  BOOST_TEST(TimelineLanes(f.s, t, {true, false, false}).roles == (Roles{"ops", "dba"}), boost::test_tools::per_element());
  // The chart draws those lanes: the spare's role on top.
  const std::string svg = TimelineSvg(f.plan, f.s, t);
  BOOST_TEST(svg.find(">Lync Operations<") < svg.find(">Database Services<"));
}

BOOST_AUTO_TEST_SUITE_END()

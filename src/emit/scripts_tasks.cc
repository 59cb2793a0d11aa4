// scripts/tasks/<backup>.xml: a Task Scheduler definition per backup schedule, for
// schtasks /Create /XML, running the server's backup script for that backup.
#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <utility>

#include "model/sites.h"
#include "util/strings.h"

#include "emit/emitters.h"
#include "tmpl/data_moves.h"
#include "emit/scripts_ps.h"
#include "emit/scripts_view.h"

namespace plangen {

using kainjow::mustache::data;

namespace {

const char* kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* kDayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
const char* kMonths[] = {"January", "February", "March", "April", "May", "June",
                         "July", "August", "September", "October", "November", "December"};
constexpr size_t kMaxTriggers = 48;  // the most a task definition holds (MS-TSCH triggersType)

std::string Two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string TaskTime(LocalTime t) {
  int y = 0, m = 0, d = 0;
  CivilFromDate(t.date(), &y, &m, &d);
  return std::to_string(y) + "-" + Two(m) + "-" + Two(d) + "T" + Two(t.hour()) + ":" + Two(t.minute()) + ":00";
}

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t at = text.find(sep, start);
    out.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

// The parts of an RRULE ("FREQ=DAILY;BYHOUR=2;BYMINUTE=0"), each a list of values.
std::map<std::string, std::vector<std::string>> RulePart(const std::string& rrule) {
  std::map<std::string, std::vector<std::string>> parts;
  for (const std::string& p : Split(rrule, ';')) {
    size_t eq = p.find('=');
    if (eq == std::string::npos) continue;
    parts[p.substr(0, eq)] = Split(p.substr(eq + 1), ',');
  }
  return parts;
}

std::optional<int> Int(const std::string& s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  size_t k = s[0] == '-' || s[0] == '+' ? 1 : 0;
  if (k == s.size()) return std::nullopt;
  for (size_t i = k; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  return std::stoi(s);
}

int DayIndex(const std::string& code) {
  for (int k = 0; k < 7; ++k)
    if (code == kDayCodes[k]) return k;
  return -1;
}

data NameList(const std::vector<std::string>& names) {
  data list{data::type::list};
  for (const std::string& n : names) {
    data x;
    x.set("name", n);
    list.push_back(x);
  }
  return list;
}

// A trigger's data with every schedule list empty: the template's sections all have data.
data NoSchedule() {
  data d;
  for (const char* k : {"repeat", "by_day", "by_week", "by_month", "by_weekday"}) d.set(k, data{data::type::list});
  return d;
}

// One calendar trigger in the making.
struct Trigger {
  LocalTime start;
  data fields;
};

// The schedule as Task Scheduler calendar triggers, one per time of day (and per minute of an
// hourly rule), each starting at its first run on or after --as-of; or nothing when the rule has
// parts Task Scheduler cannot say exactly (then the caller lists the coming runs one by one).
std::vector<Trigger> CalendarTriggers(const Schedule& s, Date as_of) {
  const auto parts = RulePart(s.ToRRule());
  auto part = [&](const char* k) -> const std::vector<std::string>& {
    static const std::vector<std::string> kNone;
    auto it = parts.find(k);
    return it == parts.end() ? kNone : it->second;
  };
  auto has = [&](const char* k) { return parts.count(k) > 0; };
  for (const auto& [key, values] : parts) {
    static const std::set<std::string> kKnown = {"FREQ", "INTERVAL", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYMONTH"};
    if (!kKnown.count(key)) return {};
  }
  const std::string freq = has("FREQ") ? part("FREQ").front() : "";
  int interval = has("INTERVAL") ? Int(part("INTERVAL").front()).value_or(0) : 1;
  if (interval < 1) return {};
  std::vector<int> minutes, hours;
  for (const std::string& m : part("BYMINUTE")) minutes.push_back(Int(m).value_or(-1));
  for (const std::string& h : part("BYHOUR")) hours.push_back(Int(h).value_or(-1));
  if (minutes.empty()) return {};
  // The first run of each time of day (or minute of the hour) on or after --as-of.
  LocalTime from = LocalTime::At(as_of, 0, 0);
  std::vector<LocalTime> runs = s.Runs(from, LocalTime{from.minutes + 400LL * 24 * 60}, 4000);
  auto first = [&](int hour, int minute) -> std::optional<LocalTime> {
    for (const LocalTime& r : runs)
      if ((hour < 0 || r.hour() == hour) && r.minute() == minute) return r;
    return std::nullopt;
  };
  std::vector<Trigger> out;
  auto add = [&](int hour, int minute, const char* kind, const data& d) {
    std::optional<LocalTime> at = first(hour, minute);
    if (!at) return false;
    Trigger t{*at, data{}};
    t.fields.set(kind, data{data::type::list});
    data list{data::type::list};
    list.push_back(d);
    t.fields.set(kind, list);
    out.push_back(t);
    return true;
  };
  // Plain weekdays of BYDAY ("MO,TH"), or nothing when one has a position.
  std::vector<std::string> weekdays;
  for (const std::string& d : part("BYDAY")) {
    int k = DayIndex(d);
    if (k < 0) return {};
    weekdays.push_back(kWeekdays[k]);
  }
  auto months = [&]() {
    std::vector<std::string> names;
    if (!has("BYMONTH")) {
      for (const char* m : kMonths) names.push_back(m);
    }
    for (const std::string& m : part("BYMONTH")) {
      auto n = Int(m);
      if (!n || *n < 1 || *n > 12) return std::vector<std::string>{};
      names.push_back(kMonths[*n - 1]);
    }
    return names;
  };
  if (freq == "HOURLY") {
    if (has("BYHOUR") || has("BYDAY") || has("BYMONTHDAY") || has("BYMONTH") || 24 % interval != 0) return {};
    if (minutes.size() > kMaxTriggers) return {};
    for (int m : minutes) {
      data d;
      d.set("days", std::string("1"));
      if (!add(-1, m, "by_day", d)) return {};
      data r;
      r.set("interval", "PT" + std::to_string(interval) + "H");
      data repeat{data::type::list};
      repeat.push_back(r);
      out.back().fields.set("repeat", repeat);
    }
    return out;
  }
  if (hours.empty() || hours.size() * minutes.size() > kMaxTriggers) return {};
  for (int h : hours) {
    for (int m : minutes) {
      data d;
      const char* kind = nullptr;
      if (freq == "DAILY" && !has("BYDAY") && !has("BYMONTHDAY") && !has("BYMONTH")) {
        if (interval > 365) return {};
        kind = "by_day";
        d.set("days", std::to_string(interval));
      } else if ((freq == "WEEKLY" || (freq == "DAILY" && interval == 1)) && !weekdays.empty() && !has("BYMONTHDAY") &&
                 !has("BYMONTH")) {
        if (freq == "WEEKLY" && interval > 52) return {};
        kind = "by_week";
        d.set("weeks", std::to_string(freq == "WEEKLY" ? interval : 1));
        d.set("days", NameList(weekdays));
      } else if ((freq == "MONTHLY" || (freq == "YEARLY" && has("BYMONTH"))) && interval == 1 && has("BYMONTHDAY") &&
                 !has("BYDAY")) {
        kind = "by_month";
        data days{data::type::list};
        for (const std::string& v : part("BYMONTHDAY")) {
          auto n = Int(v);
          if (!n || *n == 0 || *n < -1 || *n > 31) return {};
          data x;
          x.set("day", *n == -1 ? std::string("Last") : std::to_string(*n));
          days.push_back(x);
        }
        std::vector<std::string> ms = months();
        if (ms.empty()) return {};
        d.set("days", days);
        d.set("months", NameList(ms));
      } else {
        return {};
      }
      if (!add(h, m, kind, d)) return {};
    }
  }
  return out;
}

// CalendarTriggers, worked out once per schedule and --as-of: the backups of a plan share a few
// schedules, and each one is a year of runs expanded with the calendar. Safe from several threads.
std::vector<Trigger> CalendarTriggersOnce(const Schedule& s, Date as_of) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, int64_t>, std::vector<Trigger>> made;
  const std::pair<std::string, int64_t> key{s.key, static_cast<int64_t>(as_of.days)};
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = made.find(key); it != made.end()) return it->second;
  }
  std::vector<Trigger> triggers = CalendarTriggers(s, as_of);
  std::lock_guard<std::mutex> lock(mutex);
  if (made.size() < 4096) made.emplace(key, triggers);
  return triggers;
}

// The same weekdays at a position in the month ("1MO", "-1FR"): ScheduleByMonthDayOfWeek.
std::vector<Trigger> MonthDayOfWeekTriggers(const Schedule& s, Date as_of) {
  const auto parts = RulePart(s.ToRRule());
  auto part = [&](const char* k) -> const std::vector<std::string>& {
    static const std::vector<std::string> kNone;
    auto it = parts.find(k);
    return it == parts.end() ? kNone : it->second;
  };
  for (const auto& [key, values] : parts) {
    static const std::set<std::string> kKnown = {"FREQ", "INTERVAL", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTH"};
    if (!kKnown.count(key)) return {};
  }
  const std::string freq = parts.count("FREQ") ? part("FREQ").front() : "";
  if (!(freq == "MONTHLY" || (freq == "YEARLY" && parts.count("BYMONTH")))) return {};
  if (parts.count("INTERVAL") && part("INTERVAL").front() != "1") return {};
  std::vector<std::string> weeks, days;
  for (const std::string& v : part("BYDAY")) {
    if (v.size() < 3) return {};
    int k = DayIndex(v.substr(v.size() - 2));
    auto n = Int(v.substr(0, v.size() - 2));
    if (k < 0 || !n || !((*n >= 1 && *n <= 4) || *n == -1)) return {};
    std::string w = *n == -1 ? "Last" : std::to_string(*n);
    if (std::find(weeks.begin(), weeks.end(), w) == weeks.end()) weeks.push_back(w);
    if (std::find(days.begin(), days.end(), kWeekdays[k]) == days.end()) days.push_back(kWeekdays[k]);
  }
  // Task Scheduler takes every listed week with every listed day: exact only for one of them.
  if (weeks.empty() || (weeks.size() > 1 && days.size() > 1)) return {};
  std::vector<std::string> months;
  if (!parts.count("BYMONTH")) {
    for (const char* m : kMonths) months.push_back(m);
  }
  for (const std::string& m : part("BYMONTH")) {
    auto n = Int(m);
    if (!n || *n < 1 || *n > 12) return {};
    months.push_back(kMonths[*n - 1]);
  }
  if (!parts.count("BYHOUR") || part("BYHOUR").size() * part("BYMINUTE").size() > kMaxTriggers) return {};
  LocalTime from = LocalTime::At(as_of, 0, 0);
  std::vector<LocalTime> runs = s.Runs(from, LocalTime{from.minutes + 400LL * 24 * 60}, 4000);
  std::vector<Trigger> out;
  for (const std::string& hs : part("BYHOUR")) {
    for (const std::string& ms : part("BYMINUTE")) {
      auto h = Int(hs), m = Int(ms);
      const LocalTime* at = nullptr;
      for (const LocalTime& r : runs)
        if (h && m && r.hour() == *h && r.minute() == *m) {
          at = &r;
          break;
        }
      if (!at) return {};
      data d;
      data wl{data::type::list};
      for (const std::string& w : weeks) {
        data x;
        x.set("week", w);
        wl.push_back(x);
      }
      d.set("weeks", wl);
      d.set("days", NameList(days));
      d.set("months", NameList(months));
      data list{data::type::list};
      list.push_back(d);
      Trigger t{*at, data{}};
      t.fields.set("by_weekday", list);
      out.push_back(t);
    }
  }
  return out;
}

}  // namespace

std::string ScheduleTimeZone(const Plan& plan, const std::string& server) {
  const Site* site = SiteOfServer(plan, server);
  return site && !site->time_zone.empty() ? site->time_zone.value : std::string();
}

std::string TaskDefinitionPath(const Backup& b) { return "scripts/tasks/" + ScriptFileStem(b.id.value) + ".xml"; }

TemplateData TaskView(const EmitContext& ctx, const Backup& b) {
  const Schedule& s = *b.schedule.value;
  data view;
  std::string stem = ScriptFileStem(b.server.value);
  std::string zone = ScheduleTimeZone(ctx.plan, b.server.value);
  std::vector<Trigger> triggers = CalendarTriggersOnce(s, ctx.as_of);
  if (triggers.empty()) triggers = MonthDayOfWeekTriggers(s, ctx.as_of);
  std::string coverage;
  data list{data::type::list};
  if (triggers.empty()) {
    // A rule Task Scheduler cannot say: its coming runs, one trigger each, as many as a task holds.
    LocalTime from = LocalTime::At(ctx.as_of, 0, 0);
    std::vector<LocalTime> runs = s.Runs(from, LocalTime{from.minutes + 366LL * 24 * 60}, kMaxTriggers);
    for (const LocalTime& r : runs) {
      data t;
      t.set("at_time", true);
      t.set("start", TaskTime(r));
      Append(list, std::move(t));
    }
    coverage = runs.empty() ? std::string(" It has no run in the year from ") + FormatDate(ctx.as_of) + "."
                            : " Task Scheduler cannot repeat this schedule, so the task holds its next " +
                                  std::to_string(runs.size()) + " runs, until " + FormatLocalTime(runs.back()) +
                                  ": build the plan again and register the task anew before then.";
  }
  for (const Trigger& t : triggers) {
    data d = NoSchedule();
    for (const char* k : {"repeat", "by_day", "by_week", "by_month", "by_weekday"}) {
      if (const data* v = t.fields.get(k)) d.set(k, *v);
    }
    d.set("at_time", false);
    d.set("start", TaskTime(t.start));
    Append(list, std::move(d));
  }
  Set(view, "triggers", std::move(list));
  view.set("author", XmlText("plangen, plan " + ctx.plan.id.value + " version " + ctx.plan.version.value));
  // Start times carry no UTC offset: Task Scheduler reads them as the computer's local time, so a
  // daily 02:00 stays at 02:00 across daylight-saving changes, as the plan means. The backup script
  // checks that the computer's clock keeps the site's time zone (Test-TimeZone).
  view.set("description",
           XmlText("Backup '" + b.id.value + "' of " + b.server.value + " (" + b.item.value + "), schedule '" +
                   b.schedule.text.value + "', " +
                   (zone.empty() ? std::string("in the server's own time zone") : "in the time zone " + zone) + "." +
                   coverage));
  view.set("uri", XmlText("\\plangen\\" + ScriptFileStem(b.id.value)));
  view.set("has_account", !b.run_as.empty());
  view.set("account", XmlText(b.run_as.value));
  int64_t limit = std::max<int64_t>(3600, std::min<int64_t>(s.MaxGapSeconds(), 72 * 3600));
  view.set("time_limit", "PT" + std::to_string(limit / 3600) + "H");
  // -File passes each argument to the script as a string; the backup is named by its folder name
  // (letters, digits, '.', '-', '_'), which needs no quoting.
  view.set("arguments", XmlText("-NoProfile -NonInteractive -ExecutionPolicy RemoteSigned -File \"C:\\LyncScripts\\backup\\" +
                                stem + ".ps1\" -Backup " + ScriptFileStem(b.id.value)));
  view.set("working_directory", XmlText("C:\\LyncScripts\\backup"));
  return view;
}

bool EmitBackupTasks(const EmitContext& ctx, OutputSet& out) {
  bool ok = true;
  for (const Backup& b : ctx.plan.backups) {
    if (!b.schedule.value || b.server.empty() || IsPlaceholder(b.server.value)) continue;
    std::string text;
    if (!ctx.templates.Render("scripts/task.xml.mustache", TaskView(ctx, b), &text, ctx.diags, ctx.sources)) {
      ok = false;
      continue;
    }
    out.Add(TaskDefinitionPath(b), std::move(text));
  }
  return ok;
}

}  // namespace plangen

// scripts/tasks/<backup>.xml: a Task Scheduler definition per backup schedule, for
// schtasks /Create /XML, running the server's backup script for that backup.
#include <algorithm>
#include <cstdio>

#include "emit/emitters.h"
#include "emit/scripts_ps.h"
#include "emit/scripts_view.h"

namespace plangen {

using kainjow::mustache::data;

namespace {

const char* kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* kMonths[] = {"January", "February", "March", "April", "May", "June",
                         "July", "August", "September", "October", "November", "December"};

std::string Two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

}  // namespace

std::string ScheduleTimeZone(const Plan& plan, const std::string& server) {
  // The plan format names no time zone yet: schedules are wall-clock times of the server.
  (void)plan;
  (void)server;
  return "";
}

std::string TaskDefinitionPath(const Backup& b) { return "scripts/tasks/" + ScriptFileStem(b.id.value) + ".xml"; }

TemplateData TaskView(const EmitContext& ctx, const Backup& b) {
  const Schedule& s = *b.schedule.value;
  data view;
  std::string stem = ScriptFileStem(b.server.value);
  std::string zone = ScheduleTimeZone(ctx.plan, b.server.value);
  view.set("author", XmlText("plangen, plan " + ctx.plan.id.value + " version " + ctx.plan.version.value));
  view.set("description",
           XmlText("Backup '" + b.id.value + "' of " + b.server.value + " (" + b.item.value + "), schedule '" +
                   b.schedule.text.value + "', " +
                   (zone.empty() ? std::string("in the server's own time zone") : "in the time zone " + zone) + "."));
  view.set("uri", XmlText("\\plangen\\" + ScriptFileStem(b.id.value)));
  int y = 0, m = 0, d = 0;
  CivilFromDate(ctx.as_of, &y, &m, &d);
  int hour = s.freq == Schedule::Freq::kHourly ? 0 : s.hour;
  view.set("start", std::to_string(y) + "-" + Two(m) + "-" + Two(d) + "T" + Two(hour) + ":" + Two(s.minute) + ":00");
  data repeat{data::type::list}, by_day{data::type::list}, by_week{data::type::list}, by_month{data::type::list};
  if (s.freq == Schedule::Freq::kHourly) {
    data r;
    r.set("interval", "PT" + std::to_string(s.interval) + "H");
    repeat.push_back(r);
    data bd;
    bd.set("days", std::string("1"));
    by_day.push_back(bd);
  } else if (s.freq == Schedule::Freq::kDaily) {
    data bd;
    bd.set("days", std::to_string(s.interval));
    by_day.push_back(bd);
  } else if (s.freq == Schedule::Freq::kWeekly) {
    data bw;
    bw.set("weeks", std::to_string(s.interval));
    data days{data::type::list};
    for (int k = 0; k < 7; ++k) {
      if (!(s.weekdays & (1u << k))) continue;
      data day;
      day.set("name", std::string(kWeekdays[k]));
      days.push_back(day);
    }
    bw.set("days", days);
    by_week.push_back(bw);
  } else {
    data bm;
    data days{data::type::list}, months{data::type::list};
    for (int day : s.month_days) {
      data x;
      x.set("day", std::to_string(day));
      days.push_back(x);
    }
    for (int k = 0; k < 12; ++k) {
      // Every `interval` months, counted from the month of --as-of.
      if (((k + 1 - m) % s.interval + s.interval) % s.interval != 0) continue;
      data x;
      x.set("name", std::string(kMonths[k]));
      months.push_back(x);
    }
    bm.set("days", days);
    bm.set("months", months);
    by_month.push_back(bm);
  }
  view.set("repeat", repeat);
  view.set("by_day", by_day);
  view.set("by_week", by_week);
  view.set("by_month", by_month);
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

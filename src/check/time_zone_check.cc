// Time zones: a site's or a role's zone must be one of the tz database, and its backups should not be due at
// a wall-clock time that the coming year's daylight-saving changes skip (the run may not happen)
// or repeat (it may happen twice). Jobs that run more often than daily are left alone.
#include "check/check_context.h"
#include "diag/diagnostic.h"
#include "model/sites.h"
#include "util/time_zone.h"

#include <map>

namespace plangen {

namespace {

std::string HourMinute(LocalTime t) { return FormatLocalTime(t).substr(11); }

}  // namespace

void CheckTimeZones(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  std::map<const Site*, std::optional<TimeZone>> zones;
  for (const Site& site : plan.topology.sites) {
    if (site.time_zone.empty()) continue;
    std::string why;
    zones[&site] = TimeZone::Find(site.time_zone.value, &why);
    if (!zones[&site]) diags.Report(DiagId::err_unknown_time_zone, site.time_zone.loc, {why});
  }
  for (const Role& role : plan.roles) {
    std::string why;
    if (!role.time_zone.empty() && !TimeZone::Find(role.time_zone.value, &why))
      diags.Report(DiagId::err_unknown_time_zone, role.time_zone.loc, {why});
  }
  const Date until{ctx.as_of.days + 366};
  for (const Backup& b : plan.backups) {
    if (!b.schedule.value) continue;
    // A job that runs at least every few hours loses or repeats one run of many when the clocks
    // change; only jobs that run once a day or less often can miss their day's run.
    if (b.schedule.value->MaxGapSeconds() < 86400) continue;
    const Site* site = SiteOfServer(plan, b.server.value);
    auto z = zones.find(site);
    if (!site || z == zones.end() || !z->second) continue;
    const TimeZone& tz = *z->second;
    bool gap_told = false, overlap_told = false;
    for (const ZoneShift& shift : tz.Shifts(ctx.as_of, until)) {
      bool& told = shift.forward() ? gap_told : overlap_told;
      if (told) continue;
      std::vector<LocalTime> runs = b.schedule.value->Runs(shift.first(), shift.last(), 1);
      if (runs.empty()) continue;
      told = true;
      // Clocks go from the earlier wall-clock time to the later one (forward) or back.
      std::string from = HourMinute(shift.forward() ? shift.first() : shift.last());
      std::string to = HourMinute(shift.forward() ? shift.last() : shift.first());
      diags.Report(shift.forward() ? DiagId::warn_schedule_in_dst_gap : DiagId::warn_schedule_in_dst_overlap,
                   b.schedule.text.loc, {b.id.value, FormatLocalTime(runs[0]), tz.name(), from, to})
          .AddNote(site->time_zone.loc, "site '" + site->id.value + "' keeps time in " + tz.name());
    }
  }
}

}  // namespace plangen

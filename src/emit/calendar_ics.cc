// calendar/<role>.ics: a role's backup and validation duties as RFC 5545 recurring events.
// Backups start at the wall-clock times of their site's time zone (DTSTART;TZID with the zone's
// VTIMEZONE) and last as long as their procedure's step estimates. Written directly (CRLF,
// 75-octet folding, TEXT escaping) so the bytes are stable; the tests read every file back with
// libical.
#include <map>
#include <optional>
#include <string>

#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/placeholders.h"
#include "emit/runbook_view.h"
#include "model/sites.h"
#include "util/time_zone.h"
#include "plangen_config.h"

namespace plangen {

namespace {

// RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values.
std::string IcsText(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' || c == ';' || c == ',') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out.push_back(' ');  // other control characters are not allowed in TEXT
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// RFC 5545 3.1: content lines longer than 75 octets are folded with CRLF and a space, never
// inside a UTF-8 sequence.
void Line(std::string& out, const std::string& line) {
  size_t pos = 0, limit = 75;
  while (line.size() - pos > limit) {
    size_t cut = pos + limit;
    while (cut > pos && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line, pos, cut - pos);
    out += "\r\n ";
    pos = cut;
    limit = 74;  // the leading space counts
  }
  out.append(line, pos, std::string::npos);
  out += "\r\n";
}

std::string Two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string IcsDate(Date d) {
  int y, m, dd;
  CivilFromDate(d, &y, &m, &dd);
  return std::to_string(y) + Two(m) + Two(dd);
}

// An interval as an RRULE: whole months and years map to MONTHLY/YEARLY, whole weeks to
// WEEKLY, anything else to a number of days (at least one).
std::string IntervalRRule(const Duration& d) {
  bool only_months = d.weeks == 0 && d.days == 0 && d.hours == 0 && d.minutes == 0 && d.seconds == 0;
  if (only_months && d.months == 0 && d.years > 0) return "FREQ=YEARLY;INTERVAL=" + std::to_string(d.years);
  if (only_months && (d.months > 0 || d.years > 0))
    return "FREQ=MONTHLY;INTERVAL=" + std::to_string(d.years * 12 + d.months);
  int64_t days = (d.TotalSeconds() + 86399) / 86400;
  if (days < 1) days = 1;
  if (days % 7 == 0) return "FREQ=WEEKLY;INTERVAL=" + std::to_string(days / 7);
  return "FREQ=DAILY;INTERVAL=" + std::to_string(days);
}

// How long a backup takes: the sum of its procedure's step estimates (a plan procedure's come
// from the profile procedure it is based on); half an hour when no step gives one.
int64_t BackupSeconds(const EmitContext& ctx, const Backup& b) {
  const ProfileProcedure* proc = nullptr;
  if (const Procedure* p = ctx.plan.FindProcedure(b.procedure.value)) {
    proc = ctx.profile.FindProcedure(p->based_on.value);
  } else {
    std::string id = b.procedure.value;
    const ProfileItem* item = ctx.profile.FindItem(b.item.value);
    if (id.empty() && item) id = item->backup_procedure.value;
    proc = ctx.profile.FindProcedure(id);
  }
  int64_t total = 0;
  if (proc) {
    for (const ProfileStep& st : proc->steps) total += st.estimate.Seconds();
  }
  return total > 0 ? total : 30 * 60;
}

std::string IcsDuration(int64_t seconds) {
  int64_t minutes = (seconds + 59) / 60;
  std::string out = "PT";
  if (minutes >= 60) out += std::to_string(minutes / 60) + "H";
  if (minutes % 60 || minutes < 60) out += std::to_string(minutes % 60) + "M";
  return out;
}

// A backup's event: its first run on or after --as-of (DTSTART, so that it agrees with the
// RRULE) and the zone of its server's site, if it names one.
struct BackupEvent {
  const Backup* backup;
  LocalTime first;
  std::optional<TimeZone> zone;
};

// A validation check's event: when it is next due, and how often.
struct CheckEvent {
  const ValidationCheck* check;
  CheckDue due;
  Duration interval;
};

void WriteBackupEvent(const EmitContext& ctx, const std::string& role_id, const std::string& stamp,
                      const BackupEvent& e, std::string& body) {
  const Plan& plan = ctx.plan;
  const Backup& b = *e.backup;
  const Schedule& s = *b.schedule.value;
  const ProfileItem* item = ctx.profile.FindItem(b.item.value);
  std::string what = item ? item->name.value : b.item.value;
  std::string locs;
  for (const auto& l : b.locations) {
    const Location* loc = plan.FindLocation(l.value);
    locs += (locs.empty() ? "" : ", ") + (loc ? loc->path.value : l.value);
  }
  Line(body, "BEGIN:VEVENT");
  Line(body, "UID:" + StableHash(plan.id.value + "\n" + "backup\n" + b.id.value) + "@plangen");
  Line(body, "DTSTAMP:" + stamp);
  // Runs are wall-clock times of the server's site: in its zone when it names one (with the
  // zone's VTIMEZONE in the heading), in UTC for UTC, else floating.
  std::string local = IcsDate(e.first.date()) + "T" + Two(e.first.hour()) + Two(e.first.minute()) + "00";
  if (e.zone && e.zone->is_utc()) {
    Line(body, "DTSTART:" + local + "Z");
  } else if (e.zone) {
    Line(body, "DTSTART;TZID=" + e.zone->name() + ":" + local);
  } else {
    Line(body, "DTSTART:" + local);
  }
  Line(body, "DURATION:" + IcsDuration(BackupSeconds(ctx, b)));
  Line(body, "RRULE:" + s.ToRRule());
  Line(body, "SUMMARY:" + IcsText("Backup: " + what + " on " + b.server.value));
  Line(body, "DESCRIPTION:" + IcsText("Schedule: " + s.Canonical() + "\nTo: " + locs + "\nRunbook: runbooks/" +
                                      RoleFileStem(role_id) + ".html\nSource: " + SourceRef(ctx.sources, b.loc)));
  Line(body, "CATEGORIES:Backup");
  Line(body, "TRANSP:TRANSPARENT");
  Line(body, "END:VEVENT");
}

void WriteCheckEvent(const EmitContext& ctx, const std::string& stamp, const CheckEvent& e, std::string& body) {
  const ValidationCheck& c = *e.check;
  Line(body, "BEGIN:VEVENT");
  Line(body, "UID:" + StableHash(ctx.plan.id.value + "\n" + "check\n" + c.id.value) + "@plangen");
  Line(body, "DTSTAMP:" + stamp);
  Line(body, "DTSTART;VALUE=DATE:" + IcsDate(e.due.next));
  Line(body, "DURATION:P1D");
  Line(body, "RRULE:" + IntervalRRule(e.interval));
  Line(body, "SUMMARY:" + IcsText(c.kind.value + " check: " + c.title.value));
  Line(body, "DESCRIPTION:" + IcsText("Every " + DescribeDuration(e.interval) + "; record the result in: " +
                                      c.records.value + "\nDue date: " + e.due.basis + "\nSource: " +
                                      SourceRef(ctx.sources, c.loc)));
  Line(body, "CATEGORIES:Validation");
  Line(body, "TRANSP:TRANSPARENT");
  Line(body, "END:VEVENT");
}

}  // namespace

bool EmitCalendars(const EmitContext& ctx, OutputSet& out) {
  const Plan& plan = ctx.plan;
  const std::string stamp = IcsDate(ctx.as_of) + "T000000Z";
  for (const Role& role : plan.roles) {
    const std::string& id = role.id.value;
    // First what the calendar holds and the zones its events are in (the heading lists them),
    // then the calendar, written event by event: a calendar of 100,000 backups is about 90 MB.
    std::vector<BackupEvent> backups;
    std::map<std::string, TimeZone> zones;  // the zones this calendar's events are in, by name
    for (const Backup* owned : plan.BackupsOwnedBy(id)) {
      const Backup& b = *owned;
      if (!b.schedule.value) continue;
      const LocalTime from = LocalTime::At(ctx.as_of, 0, 0);
      std::vector<LocalTime> first = b.schedule.value->Runs(from, LocalTime{from.minutes + 1440LL * 366 * 30}, 1);
      if (first.empty()) continue;
      BackupEvent e{&b, first[0], std::nullopt};
      if (const Site* site = SiteOfServer(plan, b.server.value); site && !site->time_zone.empty()) {
        std::string why;
        e.zone = TimeZone::Find(site->time_zone.value, &why);
      }
      if (e.zone && !e.zone->is_utc()) zones.emplace(e.zone->name(), *e.zone);
      backups.push_back(std::move(e));
    }
    std::vector<CheckEvent> checks;
    for (const ValidationCheck& c : plan.checks) {
      if (c.owner.value != id) continue;
      CheckDue due = DueDates(plan, c, ctx.as_of);
      std::optional<Duration> interval = c.interval.value;
      if (!interval && c.kind.value == "M1") interval = plan.governance.review_interval.value;
      if (!due.known || !interval) continue;
      checks.push_back({&c, std::move(due), *interval});
    }
    if (backups.empty() && checks.empty()) continue;  // restoration duties are not recurring; they live in the runbook
    std::string ics;
    Line(ics, "BEGIN:VCALENDAR");
    Line(ics, "VERSION:2.0");
    Line(ics, std::string("PRODID:-//plangen//plangen ") + PLANGEN_VERSION + "//EN");
    Line(ics, "CALSCALE:GREGORIAN");
    Line(ics, "METHOD:PUBLISH");
    Line(ics, "X-WR-CALNAME:" + IcsText(plan.title.value + ": " + (role.name.empty() ? id : role.name.value)));
    // The zone the role's people keep: calendar programs that read it (Apple's, Google's) show the
    // events in it by default; the events themselves keep their servers' zones.
    std::string why;
    if (!role.time_zone.empty() && TimeZone::Find(role.time_zone.value, &why))
      Line(ics, "X-WR-TIMEZONE:" + role.time_zone.value);
    // Each zone's offsets and changes from a year before --as-of to ten years after.
    for (const auto& [name, tz] : zones) {
      for (const std::string& l : tz.VTimezone(Date{ctx.as_of.days - 366}, Date{ctx.as_of.days + 3653})) Line(ics, l);
    }
    out.AddStreamed("calendar/" + RoleFileStem(id) + ".ics", [&](const audit::StagedOutput::Writer& write) {
      write(ics);
      std::string event;
      for (const BackupEvent& e : backups) {
        event.clear();
        WriteBackupEvent(ctx, id, stamp, e, event);
        write(event);
      }
      for (const CheckEvent& e : checks) {
        event.clear();
        WriteCheckEvent(ctx, stamp, e, event);
        write(event);
      }
      write("END:VCALENDAR\r\n");
      return true;
    });
  }
  return true;
}

}  // namespace plangen

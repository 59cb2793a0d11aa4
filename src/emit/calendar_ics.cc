// calendar/<role>.ics: a role's backup and validation duties as RFC 5545 recurring events.
// Written directly (CRLF, 75-octet folding, TEXT escaping) so the bytes are stable; the tests
// read every file back with libical.
#include <string>

#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/placeholders.h"
#include "emit/runbook_view.h"
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

// The first day on or after `from` on which the schedule runs, so DTSTART agrees with the RRULE.
Date FirstRun(const Schedule& s, Date from) {
  for (int i = 0; i < 400; ++i) {
    Date d{from.days + i};
    int y, m, dd;
    CivilFromDate(d, &y, &m, &dd);
    if (s.freq == Schedule::Freq::kWeekly && s.weekdays && !(s.weekdays & (1 << Weekday(d)))) continue;
    if (s.freq == Schedule::Freq::kMonthly && !s.month_days.empty()) {
      bool hit = false;
      for (int md : s.month_days) hit = hit || md == dd;
      if (!hit) continue;
    }
    return d;
  }
  return from;
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

}  // namespace

bool EmitCalendars(const EmitContext& ctx, OutputSet& out) {
  const Plan& plan = ctx.plan;
  const std::string stamp = IcsDate(ctx.as_of) + "T000000Z";
  for (const Role& role : plan.roles) {
    const std::string& id = role.id.value;
    std::string body;
    for (const Backup& b : plan.backups) {
      if (b.owner.value != id || !b.schedule.value) continue;
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
      int hour = s.freq == Schedule::Freq::kHourly ? 0 : s.hour;
      Line(body, "DTSTART:" + IcsDate(FirstRun(s, ctx.as_of)) + "T" + Two(hour) + Two(s.minute) + "00");
      Line(body, "DURATION:PT30M");
      Line(body, "RRULE:" + s.ToRRule());
      Line(body, "SUMMARY:" + IcsText("Backup: " + what + " on " + b.server.value));
      Line(body, "DESCRIPTION:" + IcsText("Schedule: " + s.Canonical() + "\nTo: " + locs + "\nRunbook: runbooks/" +
                                          RoleFileStem(id) + ".html\nSource: " + SourceRef(ctx.sources, b.loc)));
      Line(body, "CATEGORIES:Backup");
      Line(body, "TRANSP:TRANSPARENT");
      Line(body, "END:VEVENT");
    }
    for (const ValidationCheck& c : plan.checks) {
      if (c.owner.value != id) continue;
      CheckDue due = DueDates(plan, c, ctx.as_of);
      std::optional<Duration> interval = c.interval.value;
      if (!interval && c.kind.value == "M1") interval = plan.governance.review_interval.value;
      if (!due.known || !interval) continue;
      Line(body, "BEGIN:VEVENT");
      Line(body, "UID:" + StableHash(plan.id.value + "\n" + "check\n" + c.id.value) + "@plangen");
      Line(body, "DTSTAMP:" + stamp);
      Line(body, "DTSTART;VALUE=DATE:" + IcsDate(due.next));
      Line(body, "DURATION:P1D");
      Line(body, "RRULE:" + IntervalRRule(*interval));
      Line(body, "SUMMARY:" + IcsText(c.kind.value + " check: " + c.title.value));
      Line(body, "DESCRIPTION:" + IcsText("Every " + DescribeDuration(*interval) + "; record the result in: " +
                                          c.records.value + "\nDue date: " + due.basis + "\nSource: " +
                                          SourceRef(ctx.sources, c.loc)));
      Line(body, "CATEGORIES:Validation");
      Line(body, "TRANSP:TRANSPARENT");
      Line(body, "END:VEVENT");
    }
    if (body.empty()) continue;  // restoration duties are not recurring; they live in the runbook
    std::string ics;
    Line(ics, "BEGIN:VCALENDAR");
    Line(ics, "VERSION:2.0");
    Line(ics, std::string("PRODID:-//plangen//plangen ") + PLANGEN_VERSION + "//EN");
    Line(ics, "CALSCALE:GREGORIAN");
    Line(ics, "METHOD:PUBLISH");
    Line(ics, "X-WR-CALNAME:" + IcsText(plan.title.value + ": " + (role.name.empty() ? id : role.name.value)));
    ics += body;
    Line(ics, "END:VCALENDAR");
    out.Add("calendar/" + RoleFileStem(id) + ".ics", std::move(ics));
  }
  return true;
}

}  // namespace plangen

// A role's own clock: the schedules of its runbook given in the time its people keep as well as
// in the server's, and the time zones of the roles it calls.
#pragma once

#include <string>

#include "util/iso8601.h"
#include "util/schedule.h"
#include "util/time_zone.h"

namespace plangen {

/// What a schedule of wall-clock times in `site` reads as on the clock of `yours` over the year
/// from `as_of`: "18:00 the day before in America/Los_Angeles, your time" (with the other times
/// it takes on the days the two zones change their clocks on different dates), or "" when the
/// two clocks agree all year. A job that runs more often than daily is given as the difference.
std::string ScheduleOnYourClock(const Schedule& s, const TimeZone& site, const TimeZone& yours, Date as_of);

/// A role's zone for a contact list: "Europe/Dublin, UTC+00:00 on 2026-12-01", and how far it is
/// from `yours` that day when the reader keeps another time ("8 hours ahead of yours").
std::string ZoneForContacts(const TimeZone& zone, const TimeZone* yours, Date as_of);

}  // namespace plangen

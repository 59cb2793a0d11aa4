// Values read from an input, each with the place it came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "util/iso8601.h"
#include "util/schedule.h"
#include "util/source_manager.h"

namespace plangen {

/// A piece of text and where it was written. `loc` is invalid when the value was absent.
struct Text {
  std::string value;
  Loc loc;
  bool empty() const { return value.empty(); }
  const std::string& str() const { return value; }
};

/// A reference to another element by id (role, location, procedure...).
using Ref = Text;

struct DateValue {
  std::optional<Date> value;
  Text text;
};

struct DurationValue {
  std::optional<Duration> value;
  Text text;
  int64_t Seconds() const { return value ? value->TotalSeconds() : 0; }
};

struct ScheduleValue {
  std::optional<Schedule> value;
  Text text;
};

struct BoolValue {
  std::optional<bool> value;
  Text text;
  bool get(bool fallback = false) const { return value.value_or(fallback); }
};

}  // namespace plangen

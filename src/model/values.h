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

/// A decision the plan leaves open: a value written as "TODO..." (plangen init writes them, e.g.
/// owner="TODO-owner"). Loaders and checks skip such values rather than report them as malformed or
/// dangling; the decisions pass (PG5101) lists each one at its place.
inline bool IsPlaceholder(const std::string& value) { return value.compare(0, 4, "TODO") == 0; }

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

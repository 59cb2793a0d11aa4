#include "check/review_interval.h"

namespace plangen::check {

const DurationValue* ReviewInterval(const Plan& plan) {
  if (plan.governance.review_interval.value) return &plan.governance.review_interval;
  for (const ValidationCheck& c : plan.checks) {
    if (c.kind.value == "M1" && c.interval.value) return &c.interval;
  }
  return nullptr;
}

}  // namespace plangen::check

// V1-V5, M1: every kind of validation check is planned (owner and interval are required by the
// format itself).
#include "check/check_context.h"
#include "diag/diagnostic.h"

namespace plangen {

void CheckValidations(const CheckContext& ctx, DiagEngine& diags) {
  static const char* const kKinds[][2] = {
      {"V1", "backups are occurring as required"},
      {"V2", "backed-up data and settings are accessible"},
      {"V3", "restoration can be done within the RTO"},
      {"V4", "worksheets are completed, verified and stored securely"},
      {"V5", "restoration procedures are tested"},
      {"M1", "the plan is reviewed at a set interval"},
  };
  for (const auto& k : kKinds) {
    bool present = false;
    for (const ValidationCheck& c : ctx.plan.checks) present = present || c.kind.value == k[0];
    if (!present) diags.Report(DiagId::err_validation_missing, ctx.plan.loc, {k[0], k[1]});
  }
}

}  // namespace plangen

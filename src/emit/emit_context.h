// What every emitter sees.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "model/profile.h"
#include "tmpl/templates.h"
#include "util/iso8601.h"

namespace plangen {

struct ReturnedWorksheets;

struct EmitContext {
  const Plan& plan;
  const Profile& profile;
  Date as_of;
  bool draft = false;           ///< the plan has errors and --draft was given
  TemplateSet& templates;
  DiagEngine& diags;            ///< findings of the compilation (read) and emit problems (written)
  SourceManager& sources;
  const ReturnedWorksheets* worksheets = nullptr;  ///< returned worksheets (--worksheets), if any
};

}  // namespace plangen

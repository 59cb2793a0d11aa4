// What every emitter sees.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "emit/print_page.h"
#include "emit/svg_png.h"
#include "model/plan.h"
#include "model/profile.h"
#include "tmpl/templates.h"
#include "util/iso8601.h"

namespace plangen {

class OutputReuse;
struct ReturnedWorksheets;
struct ValidationLogEntry;

struct EmitContext {
  const Plan& plan;
  const Profile& profile;
  Date as_of;
  bool draft = false;           ///< the plan has errors and --draft was given
  TemplateSet& templates;
  DiagEngine& diags;            ///< findings of the compilation (read) and emit problems (written)
  SourceManager& sources;
  const ReturnedWorksheets* worksheets = nullptr;  ///< returned worksheets (--worksheets), if any
  /// The evidence files (--evidence) as Validation Log entries, if any were given.
  const std::vector<ValidationLogEntry>* evidence_entries = nullptr;
  /// The evidence files the compilation read (--evidence), if any.
  const std::vector<std::string>* evidence_files = nullptr;
  /// The plan's digest ("sha256:..."), to compare with the approvals' (empty: not compared).
  std::string plan_digest;
  /// Where libraries put their temporary files (libxlsxwriter's workbook parts); empty: $TMPDIR.
  std::string scratch_dir;
  /// The paper the HTML outputs print on (--paper).
  Paper paper = Paper::kA4;
  /// Also typeset the runbooks and the checklist as PDF (--pdf).
  bool pdf = false;
  /// How many threads RunEmitters may use (--jobs); the outputs and findings are the same
  /// whatever the number.
  unsigned jobs = 1;
  /// Outputs of the previous build into the same directory that may be reused when made from the
  /// same data; null: everything is made.
  OutputReuse* reuse = nullptr;
  /// The PNGs drawn for this build's Word documents, drawn once each.
  std::shared_ptr<PngCache> png_cache = std::make_shared<PngCache>();
};

}  // namespace plangen

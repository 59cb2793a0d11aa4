// The front half of every command: read the plan and its profile, resolve, cross-check.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/plan.h"
#include "model/profile.h"
#include "util/iso8601.h"
#include "worksheets_in/evidence.h"
#include "worksheets_in/returned.h"

namespace plangen {

struct CompileOptions {
  std::string plan_path;            ///< as given on the command line
  std::string profiles_dir;         ///< --profiles (extra profile folder), may be empty
  Date as_of;
  bool werror = false;
  int max_errors = 200;
  std::vector<std::string> severity_flags;  ///< -W CODE=off|note|warning|error[:reason]
  std::vector<std::string> worksheets;      ///< --worksheets files or folders
  std::string topology;                     ///< --topology FILE
  std::vector<std::string> evidence;        ///< --evidence files or folders
};

/// Everything a compilation produced. Owns the sources so diagnostics can be printed later.
struct Compilation {
  SourceManager sources;
  DiagEngine diags{sources};
  Plan plan;
  Profile profile;
  bool plan_read = false;     ///< the main plan file was parsed
  bool profile_read = false;
  bool unreadable = false;    ///< an input could not be read at all (exit 2)
  ReturnedWorksheets returned;  ///< worksheets given with --worksheets
  bool has_worksheets = false;
  Evidence evidence;            ///< evidence files given with --evidence
  std::vector<ValidationLogEntry> evidence_entries;  ///< the evidence as Validation Log entries
  bool has_evidence = false;
};

/// Applies -W flags; returns false (with a message in *error) on a malformed flag.
bool ApplySeverityFlags(const std::vector<std::string>& flags, DiagEngine& diags, std::string* error);

/// Runs load -> resolve -> checks. Never throws; everything wrong is a finding in `c.diags`.
void Compile(const CompileOptions& options, Compilation& c);

}  // namespace plangen

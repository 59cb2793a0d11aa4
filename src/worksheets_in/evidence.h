// Evidence files: the CSV rows the backup and restoration scripts append (docs/scripts.md), read
// back for the evidence pass (check/evidence_check.h), which judges them by the same rules as the
// Validation Log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "util/source_manager.h"

namespace plangen {

/// One row of an evidence file.
struct EvidenceRow {
  std::string record;     ///< backup | drill-step
  std::string run, plan, backup, location, offsite, scenario, step, role, result, message;
  std::string start_text, end_text;
  std::optional<int64_t> start, end;  ///< seconds since 1970-01-01 UTC
  std::optional<int64_t> bytes, files;
  Loc loc;                ///< the row's first character: file:line:1
};

struct Evidence {
  std::vector<EvidenceRow> rows;  ///< every readable row of every file, in file order
  std::vector<std::string> files; ///< every file read, in order (the audit package holds these)
};

/// Reads every file given (a folder gives its regular files, sorted, hidden ones skipped). Bad
/// rows are reported (PG4140, PG4141) and left out. Returns false when a file or folder could not
/// be read at all.
bool LoadEvidence(const std::vector<std::string>& paths, Evidence* out, SourceManager& sm, DiagEngine& diags);

/// "2026-11-30T01:00:04-08:00" (or Z) as seconds since 1970-01-01 UTC.
std::optional<int64_t> ParseTimestamp(const std::string& text);

}  // namespace plangen

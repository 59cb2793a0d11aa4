// Which cell of the worksheets a finding of the compilation concerns.
//
// A finding concerns a plan backup when its location (or the location of one of its notes) falls
// inside that backup's start tag in the plan text; the attribute it falls in picks the column:
// the worksheets show the team what the check said next to the value it said it about.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace plangen::xlsx {

/// The layout column id a backup attribute is shown in ("server", "schedule", "destination",
/// "tool", "backup-set"), or "item" for every other attribute and the element itself.
std::string ColumnForAttribute(const std::string& attribute);

/// Comment text of finding lines, one per line. Lines that would take it past what a cell comment
/// holds (32,767 characters) are left out and counted ("... and 3 more findings: see the report").
std::string JoinFindings(const std::vector<std::string>& lines);

/// The findings of a compilation, indexed by the backup and column they concern. Built once in
/// O((backups + findings) log backups).
class FindingIndex {
 public:
  /// `findings` in the order they are to be listed (DiagEngine::Sorted()). Errors are kept only
  /// when `with_errors` (a --draft build); otherwise only warnings and notes.
  FindingIndex(const Plan& plan, const SourceManager& sources, const std::vector<const Diagnostic*>& findings,
               bool with_errors);

  /// The comment for the cell of `backup` in column `column` ("PG2103 warning: ...", one finding
  /// per line), or "" when no finding concerns it.
  std::string CommentFor(const Backup& backup, const std::string& column) const;
  /// Every column of `backup` that findings concern, with their lines, by column id.
  std::vector<std::pair<std::string, std::vector<std::string>>> CommentsFor(const Backup& backup) const;

  /// Every backup column that has findings (for tests and diagnostics).
  size_t size() const { return lines_.size(); }

 private:
  std::map<std::pair<const Backup*, std::string>, std::vector<std::string>> lines_;
};

}  // namespace plangen::xlsx

// Recording an approval in a plan file by editing its bytes: one <approval> element is inserted
// (or the one it replaces is swapped out) with the file's own indentation, line endings and
// namespace prefix; every other byte stays as it was.
#pragma once

#include <cstddef>
#include <string>

namespace plangen {

struct ApprovalRecord {
  std::string kind;          ///< business | technical
  std::string by;            ///< role id
  std::string date;          ///< YYYY-MM-DD
  std::string plan_version;
  std::string digest;        ///< "sha256:..."
  std::string comment;       ///< the element's text; may be empty
};

struct ApprovalEdit {
  std::string text;          ///< the whole file after the edit
  bool replaced = false;     ///< an approval by the same role and kind for the same version was replaced
  size_t offset = 0;         ///< where the new element starts in `text`
};

/// Edits `text`, a UTF-8 plan file whose <governance> start tag begins at byte
/// `governance_offset`. The new element goes after the last <approval>, or first in
/// <governance>; an <approval> with the same `by`, `kind` and `plan-version` is replaced instead.
/// Returns false with a reason when the markup around the governance element cannot be followed.
bool EditApproval(const std::string& text, size_t governance_offset, const ApprovalRecord& record, ApprovalEdit* out,
                  std::string* error);

}  // namespace plangen

// Which plan backup a returned worksheet row stands for.
//
// By the "Row id" cell when the team kept it (it survives reordering and renamed rows), else by
// data item and server FQDN: the first column is a sentence ("Rtc database on Back End Server for
// user data"), matched against the layout's row wordings, the items' names, ids and aliases,
// ignoring case and spacing.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "model/plan.h"
#include "model/profile.h"
#include "worksheets_in/returned.h"

namespace plangen {

/// Lower case, runs of white space as one space, none at either end.
std::string WordsKey(const std::string& text);

/// The profile data item a first-column wording names on `layout`, or "" when none does.
std::string ItemForLabel(const Profile& profile, const WorksheetLayout& layout, const std::string& label);

struct RowMatch {
  enum class Status {
    kMatched,        ///< `backup` is set
    kUnknownRowId,   ///< the Row id names no plan backup
    kUnknownItem,    ///< no Row id, and the first column names no data item
    kUnknownServer,  ///< no Row id, and the server is not in the plan
    kNoBackup,       ///< item and server are known, but the plan backs up no such pair
    kNoKey,          ///< neither a Row id nor an item and a server to match by
  };
  Status status = Status::kNoKey;
  const Backup* backup = nullptr;
  bool by_row_id = false;
  std::string item;  ///< the item id found from the first column (when matched by it)
};

/// Matches returned rows to plan backups through indexes built once (backups by id and by item
/// and host, the plan's hosts), so matching R rows against a plan of S servers costs R + S, not
/// R x S. The plan and profile must outlive the matcher.
class RowMatcher {
 public:
  RowMatcher(const Plan& plan, const Profile& profile);
  /// Matches one row of `sheet` to a plan backup.
  RowMatch Match(const ReturnedSheet& sheet, const ReturnedRow& row) const;

 private:
  const Profile& profile_;
  std::unordered_map<std::string, const Backup*> by_id_;
  std::unordered_set<std::string> hosts_;
  std::unordered_map<std::string, const Backup*> by_item_host_;  // item + '\n' + host key
  mutable std::map<std::pair<const WorksheetLayout*, std::string>, std::string> items_;  // label -> item
};

/// Matches one row of `sheet` to a plan backup (builds a RowMatcher: use one for many rows).
RowMatch MatchRow(const Plan& plan, const Profile& profile, const ReturnedSheet& sheet, const ReturnedRow& row);

}  // namespace plangen

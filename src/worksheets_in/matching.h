// Which plan backup a returned worksheet row stands for.
//
// By the "Row id" cell when the team kept it (it survives reordering and renamed rows), else by
// data item and server FQDN: the first column is a sentence ("Rtc database on Back End Server for
// user data"), matched against the layout's row wordings, the items' names, ids and aliases,
// ignoring case and spacing.
#pragma once

#include <string>

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

/// Matches one row of `sheet` to a plan backup.
RowMatch MatchRow(const Plan& plan, const Profile& profile, const ReturnedSheet& sheet, const ReturnedRow& row);

}  // namespace plangen

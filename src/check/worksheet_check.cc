// B5, R5, V4: the worksheets the teams returned (--worksheets) agree with the plan. Each row is
// matched to a plan backup (worksheets_in/matching.h) and its cells compared with what the plan
// says, the same values plangen writes into the worksheets it emits.
#include <map>
#include <set>

#include "check/check_context.h"
#include "check/validation_log_check.h"
#include "diag/diagnostic.h"
#include "model/plan_queries.h"
#include "worksheets_in/cell_text.h"
#include "worksheets_in/matching.h"
#include "worksheets_in/returned.h"

namespace plangen {
namespace {

std::string Header(const WorksheetLayout& layout, const std::string& column) {
  for (const WorksheetColumn& c : layout.columns) {
    if (c.id.value == column) return c.header.value;
  }
  return column;
}

std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += "; ";
    else out += c;
  }
  return out;
}

void AddPlanNote(Diagnostic& d, Loc where, const Backup& b) {
  d.AddNote(where.valid() ? where : b.loc, "backup '" + b.id.value + "' in the plan");
}

// "Export-CsUserData cmdlet" names the tool Export-CsUserData: Microsoft's sheets add the kind.
bool SameTool(const std::string& cell, const std::string& planned) {
  std::string c = WordsKey(cell), p = WordsKey(planned);
  if (c == p) return true;
  for (const char* suffix : {" cmdlet", " tool", " program"}) {
    std::string s = suffix;
    if (c.size() > s.size() && c.compare(c.size() - s.size(), s.size(), s) == 0 && c.substr(0, c.size() - s.size()) == p) {
      return true;
    }
  }
  return false;
}

std::string PathKey(const std::string& path) {
  std::string k = WordsKey(path);
  while (!k.empty() && (k.back() == '\\' || k.back() == '/')) k.pop_back();
  return k;
}

void CheckDestination(const CheckContext& ctx, const Backup& b, const ReturnedCell& cell, DiagEngine& diags) {
  std::set<std::string> planned, written;
  std::string planned_text;
  std::map<std::string, std::string> by_id;  // a team may write a location's id instead of its path
  for (const Ref& r : b.locations) {
    const Location* l = ctx.plan.FindLocation(r.value);
    std::string path = l && !l->path.empty() ? l->path.value : r.value;
    planned.insert(PathKey(path));
    by_id[WordsKey(r.value)] = PathKey(path);
    planned_text += (planned_text.empty() ? "" : "\n") + path;
  }
  if (planned.empty()) return;
  size_t pos = 0;
  while (pos <= cell.text.size()) {
    size_t nl = cell.text.find('\n', pos);
    std::string line = PathKey(cell.text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos));
    pos = nl == std::string::npos ? cell.text.size() + 1 : nl + 1;
    if (line.empty()) continue;
    auto id = by_id.find(line);
    written.insert(id != by_id.end() ? id->second : line);
  }
  if (written == planned) return;
  Diagnostic& d = diags.Report(DiagId::err_ws_destination_differs, cell.loc, {OneLine(cell.text), OneLine(planned_text)});
  AddPlanNote(d, b.locations.front().loc, b);
}

void CheckBackupSet(const CheckContext& ctx, const Backup& b, const ReturnedCell& cell, const std::string& header,
                    DiagEngine& diags) {
  BackupSetCell set = ParseBackupSet(cell.text);
  if (set.name.empty() && set.expiration.empty()) {
    diags.Report(DiagId::warn_ws_empty_cell, cell.loc, {header});
    return;
  }
  if (set.name.empty()) diags.Report(DiagId::err_ws_backup_set_no_name, cell.loc);
  // A Backup set in two columns: what concerns the expiration is said at its own cell.
  const Loc at = cell.expiration_loc.valid() ? cell.expiration_loc : cell.loc;
  if (set.expiration.empty()) {
    diags.Report(DiagId::err_ws_backup_set_no_expiration, at);
    return;
  }
  const std::optional<Duration>& retention = b.retention.value;
  if (auto date = ParseCellDate(set.expiration)) {
    if (!retention) return;
    Date need = retention->AddTo(ctx.as_of);
    if (*date < need) {
      Diagnostic& d = diags.Report(DiagId::err_ws_expiration_short, at,
                                   {set.expiration, b.retention.text.value, ": it must last until " + FormatDate(need)});
      AddPlanNote(d, b.retention.text.loc, b);
    }
  } else if (auto length = ParseLength(set.expiration)) {
    if (retention && length->TotalSeconds() < retention->TotalSeconds()) {
      Diagnostic& d = diags.Report(DiagId::err_ws_expiration_short, at, {set.expiration, b.retention.text.value, ""});
      AddPlanNote(d, b.retention.text.loc, b);
    }
  } else {
    diags.Report(DiagId::err_ws_bad_expiration, at, {set.expiration});
  }
}

bool IsFileStoreRow(const Profile& profile, const WorksheetLayout& layout, const Backup& b) {
  const ProfileItem* item = profile.FindItem(b.item.value);
  return layout.id.value == "file-store" || (item && item->type.value == "file-store");
}

void CheckMeetingActive(const ReturnedRow& row, DiagEngine& diags) {
  for (const auto& [id, cell] : row.cells) {
    if (WordsKey(cell.text).find("meeting.active") != std::string::npos) return;
  }
  const ReturnedCell& notes = row.Get("notes");
  diags.Report(DiagId::err_ws_meeting_active, notes.present ? notes.loc : row.Get("item").loc);
}

void CheckRow(const CheckContext& ctx, const ReturnedSheet& sheet, const ReturnedRow& row, const RowMatch& m,
              DiagEngine& diags) {
  const Backup& b = *m.backup;
  const WorksheetLayout& layout = *sheet.layout;
  for (const WorksheetColumn& col : layout.columns) {
    const ReturnedCell& cell = row.Get(col.id.value);
    if (!cell.present) continue;
    const std::string& id = col.id.value;
    if (id == "backup-set") {
      CheckBackupSet(ctx, b, cell, col.header.value, diags);
      continue;
    }
    if (cell.text.empty()) {
      if (col.team_fills.get()) diags.Report(DiagId::warn_ws_empty_cell, cell.loc, {col.header.value});
      continue;
    }
    if (id == "server" && m.by_row_id) {
      if (WordsKey(cell.text) != WordsKey(b.server.value)) {
        AddPlanNote(diags.Report(DiagId::err_ws_server_differs, cell.loc, {cell.text, b.server.value}), b.server.loc, b);
      }
    } else if (id == "schedule" && b.schedule.value) {
      std::string why;
      auto written = ParseSchedule(cell.text, &why);
      if (!written) {
        diags.Report(DiagId::err_ws_bad_schedule, cell.loc, {OneLine(cell.text), why});
      } else if (!(*written == *b.schedule.value)) {
        Diagnostic& d = diags.Report(DiagId::err_ws_schedule_differs, cell.loc, {cell.text, b.schedule.text.value});
        AddPlanNote(d, b.schedule.text.loc, b);
      }
    } else if (id == "tool") {
      Text planned = BackupTool(ctx.plan, ctx.profile, b);
      if (!planned.empty() && !SameTool(cell.text, planned.value)) {
        // The tool may come from the profile; the note points at the plan's backup either way.
        AddPlanNote(diags.Report(DiagId::err_ws_tool_differs, cell.loc, {OneLine(cell.text), planned.value}), b.procedure.loc, b);
      }
    } else if (id == "destination") {
      CheckDestination(ctx, b, cell, diags);
    }
  }
  if (IsFileStoreRow(ctx.profile, layout, b)) CheckMeetingActive(row, diags);
}

void ReportUnmatched(const ReturnedSheet& sheet, const ReturnedRow& row, const RowMatch& m, DiagEngine& diags) {
  const ReturnedCell& item = row.Get("item");
  const ReturnedCell& server = row.Get("server");
  switch (m.status) {
    case RowMatch::Status::kMatched:
      break;
    case RowMatch::Status::kUnknownRowId:
      diags.Report(DiagId::err_ws_unknown_row_id, row.row_id.loc, {row.row_id.text});
      break;
    case RowMatch::Status::kUnknownItem:
      diags.Report(DiagId::err_ws_unknown_item, item.loc, {OneLine(item.text)});
      break;
    case RowMatch::Status::kUnknownServer:
      diags.Report(DiagId::err_ws_unknown_server, server.loc, {server.text});
      break;
    case RowMatch::Status::kNoBackup:
      diags.Report(DiagId::err_ws_no_such_backup, item.loc, {m.item, server.text});
      break;
    case RowMatch::Status::kNoKey: {
      // Nothing to match by: say which key cell is empty.
      const char* column = server.present && server.text.empty() ? "server" : "item";
      const ReturnedCell& empty = row.Get(column);
      diags.Report(DiagId::warn_ws_empty_cell, empty.present ? empty.loc : sheet.loc, {Header(*sheet.layout, column)});
      break;
    }
  }
}

}  // namespace

void CheckWorksheets(const CheckContext& ctx, DiagEngine& diags) {
  if (!ctx.worksheets) return;
  std::set<const Backup*> found;
  std::map<std::pair<std::string, const Backup*>, Loc> first_row;  // (workbook, backup) -> first row
  const RowMatcher matcher(ctx.plan, ctx.profile);
  for (const ReturnedSheet& sheet : ctx.worksheets->sheets) {
    if (sheet.layout->id.value == kValidationLogLayout) continue;
    for (const ReturnedRow& row : sheet.rows) {
      RowMatch m = matcher.Match(sheet, row);
      if (m.status != RowMatch::Status::kMatched) {
        ReportUnmatched(sheet, row, m, diags);
        continue;
      }
      Loc here = row.row_id.present ? row.row_id.loc : row.Get("item").loc;
      auto [it, fresh] = first_row.emplace(std::make_pair(sheet.file, m.backup), here);
      if (!fresh) {
        diags.Report(DiagId::warn_ws_duplicate_row, here, {m.backup->id.value}).AddNote(it->second, "first row here");
        continue;
      }
      found.insert(m.backup);
      CheckRow(ctx, sheet, row, m, diags);
    }
  }
  for (const Backup& b : ctx.plan.backups) {
    if (found.count(&b) || IsPlaceholder(b.item.value) || !ctx.profile.LayoutForItem(b.item.value)) continue;
    diags.Report(DiagId::err_ws_backup_missing, b.loc, {b.id.value, b.item.value, b.server.value});
  }
  CheckValidationLog(ctx, diags);
}

}  // namespace plangen

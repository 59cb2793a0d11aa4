#include "worksheets_in/returned.h"
#include "util/paths.h"
#include "worksheets_in/cell_text.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace plangen {
namespace {

namespace fs = std::filesystem;

// Headers are looked for in the first rows only: plangen writes them in row 1, a team may put a
// title or a blank row above them.
constexpr uint32_t kHeaderSearchRows = 10;

std::string CleanText(const std::string& in) {
  std::string s;
  s.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\r') {
      if (i + 1 < in.size() && in[i + 1] == '\n') continue;
      s += '\n';
    } else {
      s += in[i];
    }
  }
  size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\n");
  return s.substr(b, e - b + 1);
}

// The keys that name a column: its header, its id and its aliases.
std::vector<std::string> ColumnKeys(const WorksheetColumn& col) {
  std::vector<std::string> keys{HeaderKey(col.header.value), HeaderKey(col.id.value)};
  for (const Text& a : col.aliases) keys.push_back(HeaderKey(a.value));
  // plangen writes a Backup set as two columns, "Backup set name" and "Backup set expiration".
  if (col.id.value == "backup-set") keys.push_back(HeaderKey(col.header.value + " name"));
  return keys;
}

// The name and expiration of a Backup set written in two cells, as one cell's two lines. A name
// cell holding both lines (as a one-column Backup set does) is taken as it is.
void JoinBackupSet(ReturnedCell* name, const ReturnedCell& expiration) {
  name->expiration_loc = expiration.loc;
  BackupSetCell labelled = ParseBackupSet(name->text);
  const bool both_lines = !labelled.name.empty() || !labelled.expiration.empty();
  if (both_lines && expiration.text.empty()) return;
  std::string set_name = both_lines ? labelled.name : name->text;
  if (set_name.empty() && expiration.text.empty()) {
    name->text.clear();
    return;
  }
  name->text = "Name: " + set_name + "\nExpiration: " + expiration.text;
}

struct HeaderMatch {
  const WorksheetLayout* layout = nullptr;
  uint32_t row = 0;
  std::map<std::string, uint32_t> columns;  // column id -> sheet column
  std::map<std::string, uint32_t> expirations;  // column id -> the sheet column of a Backup set's expiration
  uint32_t row_id_col = 0;
  size_t score = 0;
};

HeaderMatch MatchHeader(const sheets::Sheet& sheet, uint32_t row, const Profile& profile) {
  std::map<std::string, uint32_t> by_key;  // first column wins
  auto [first, last] = sheet.Row(row);
  for (const sheets::Cell* c = first; c != last; ++c) {
    std::string key = HeaderKey(c->text);
    if (!key.empty()) by_key.emplace(key, c->col);
  }
  HeaderMatch best;
  for (const WorksheetLayout& layout : profile.worksheets) {
    HeaderMatch m;
    m.layout = &layout;
    m.row = row;
    for (const WorksheetColumn& col : layout.columns) {
      for (const std::string& k : ColumnKeys(col)) {
        auto it = k.empty() ? by_key.end() : by_key.find(k);
        if (it != by_key.end()) {
          m.columns[col.id.value] = it->second;
          break;
        }
      }
      if (col.id.value == "backup-set") {
        auto it = by_key.find(HeaderKey(col.header.value + " expiration"));
        if (it != by_key.end()) m.expirations[col.id.value] = it->second;
      }
    }
    m.score = m.columns.size();
    // At least half of the layout's columns, and two: one shared header ("Database") is not
    // enough to tell a sheet's kind.
    if (m.score < 2 || m.score * 2 < layout.columns.size()) continue;
    if (m.score > best.score) best = std::move(m);
  }
  if (best.layout) {
    auto it = by_key.find(HeaderKey(kRowIdColumn));
    if (it != by_key.end()) best.row_id_col = it->second;
  }
  return best;
}

ReturnedCell CellAt(const sheets::Sheet& sheet, uint32_t row, uint32_t col) {
  ReturnedCell rc;
  rc.present = true;
  rc.loc = sheet.LocOf(row, col);
  if (const sheets::Cell* c = sheet.At(row, col)) rc.text = CleanText(c->text);
  return rc;
}

void AddSheet(const sheets::Sheet& sheet, const HeaderMatch& m, const std::string& file, ReturnedWorksheets* out,
              DiagEngine& diags) {
  ReturnedSheet rs;
  rs.layout = m.layout;
  rs.file = file;
  rs.name = sheet.name;
  rs.header_row = m.row;
  rs.loc = sheet.LocOf(m.row, 1);
  for (const WorksheetColumn& col : m.layout->columns) {
    if (!m.columns.count(col.id.value)) {
      diags.Report(DiagId::warn_ws_missing_column, rs.loc, {col.header.value, m.layout->title.value});
    }
  }
  for (uint32_t r = m.row + 1; r <= sheet.max_row; ++r) {
    ReturnedRow row;
    row.row = r;
    bool any = false;
    for (const auto& [id, col] : m.columns) {
      ReturnedCell c = CellAt(sheet, r, col);
      auto e = m.expirations.find(id);
      if (e != m.expirations.end()) {
        ReturnedCell expiration = CellAt(sheet, r, e->second);
        any = any || !expiration.text.empty();
        JoinBackupSet(&c, expiration);
      }
      any = any || !c.text.empty();
      row.cells.emplace(id, std::move(c));
    }
    if (m.row_id_col) {
      row.row_id = CellAt(sheet, r, m.row_id_col);
      any = any || !row.row_id.text.empty();
    }
    if (any) rs.rows.push_back(std::move(row));
  }
  out->sheets.push_back(std::move(rs));
}


}  // namespace

const ReturnedCell& ReturnedRow::Get(const std::string& column) const {
  static const ReturnedCell kAbsent;
  auto it = cells.find(column);
  return it == cells.end() ? kAbsent : it->second;
}

std::string HeaderKey(const std::string& header) {
  std::string key;
  for (unsigned char ch : header) {
    if (std::isalnum(ch)) key += static_cast<char>(std::tolower(ch));
  }
  return key;
}

void AddReturnedWorkbook(const sheets::Workbook& book, const Profile& profile, const SourceManager& sm,
                         ReturnedWorksheets* out, DiagEngine& diags) {
  ++out->workbooks;
  size_t before = out->sheets.size();
  for (const sheets::Sheet& sheet : book.sheets) {
    for (uint32_t r = 1; r <= std::min(sheet.max_row, kHeaderSearchRows); ++r) {
      HeaderMatch m = MatchHeader(sheet, r, profile);
      if (m.layout) {
        AddSheet(sheet, m, book.file >= 0 ? sm.Name(book.file) : "", out, diags);
        break;
      }
    }
  }
  if (out->sheets.size() == before && book.file >= 0) {
    diags.Report(DiagId::warn_ws_no_layout, Loc::At(book.file, 0), {sm.Name(book.file)});
  }
}

bool LoadReturnedWorksheets(const std::vector<std::string>& paths, const Profile& profile,
                            ReturnedWorksheets* out, SourceManager& sm, DiagEngine& diags) {
  bool ok = true;
  for (const std::string& p : paths) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(p, ec)) {
      files = RegularFilesIn(p);
    } else {
      files.push_back(fs::path(p));
    }
    for (const fs::path& f : files) {
      std::string path = f.string();
      sheets::Workbook book;
      // A workbook that cannot be read is reported by the reader; what it could read still counts.
      sheets::ReadWorkbook(path, path, &book, sm, diags);
      // A file that cannot be read (missing, a FIFO, too large) makes the run exit 2; the reader's
      // opening is the only one, so what it read is what the audit package holds.
      if (book.unreadable) ok = false;
      else out->files.push_back(path);
      if (book.file >= 0) AddReturnedWorkbook(book, profile, sm, out, diags);
    }
  }
  out->validation_log = ReadValidationLog(*out);
  return ok;
}

}  // namespace plangen

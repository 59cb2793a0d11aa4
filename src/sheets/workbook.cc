#include "sheets/workbook.h"

#include <algorithm>

#include "load/xml_input.h"
#include "sheets/readers.h"
#include "util/strings.h"

namespace plangen::sheets {

namespace {

bool LessPos(const Cell& c, uint32_t row, uint32_t col) { return c.row < row || (c.row == row && c.col < col); }

// The first bytes of an OLE2 compound file: a binary .xls workbook.
const char kOleMagic[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

}  // namespace

const char* TypeName(Cell::Type type) {
  switch (type) {
    case Cell::Type::kString: return "string";
    case Cell::Type::kNumber: return "number";
    case Cell::Type::kBoolean: return "boolean";
    case Cell::Type::kDateTime: return "date";
    case Cell::Type::kError: return "error";
  }
  return "?";
}

const Cell* Sheet::At(uint32_t row, uint32_t col) const {
  auto it = std::lower_bound(cells.begin(), cells.end(), std::make_pair(row, col),
                             [](const Cell& c, const std::pair<uint32_t, uint32_t>& p) {
                               return LessPos(c, p.first, p.second);
                             });
  if (it == cells.end() || it->row != row || it->col != col) return nullptr;
  return &*it;
}

std::pair<const Cell*, const Cell*> Sheet::Row(uint32_t row) const {
  auto first = std::lower_bound(cells.begin(), cells.end(), row,
                                [](const Cell& c, uint32_t r) { return c.row < r; });
  auto last = std::upper_bound(first, cells.end(), row, [](uint32_t r, const Cell& c) { return r < c.row; });
  const Cell* base = cells.data();
  return {base + (first - cells.begin()), base + (last - cells.begin())};
}

const Sheet* Workbook::Find(const std::string& name) const {
  for (const Sheet& s : sheets) {
    if (EqualsIgnoreCase(s.name, name)) return &s;
  }
  return nullptr;
}

Sheet& AddSheet(Workbook* book, std::string name, Loc where, SourceManager& sm, DiagEngine& diags) {
  for (const Sheet& other : book->sheets) {
    if (EqualsIgnoreCase(other.name, name)) {
      diags.Report(DiagId::warn_sheet_duplicate_name, where, {name})
          .AddNote(other.loc, FormatMessage(Info(DiagId::note_sheet_first_here).format, {other.name}));
      break;
    }
  }
  Sheet sheet;
  sheet.file = book->file;
  sheet.index = sm.AddSheet(book->file, name);
  sheet.name = std::move(name);
  sheet.loc = where;
  book->sheets.push_back(std::move(sheet));
  return book->sheets.back();
}

void FinishSheet(Sheet* sheet, DiagEngine& diags) {
  auto less = [](const Cell& a, const Cell& b) { return LessPos(a, b.row, b.col); };
  std::vector<Cell>& cells = sheet->cells;
  if (!std::is_sorted(cells.begin(), cells.end(), less)) std::stable_sort(cells.begin(), cells.end(), less);
  size_t out = 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (out > 0 && cells[out - 1].row == cells[i].row && cells[out - 1].col == cells[i].col) {
      diags.Report(DiagId::err_sheet_duplicate_cell, cells[i].loc, {CellName(cells[i].row, cells[i].col)});
      continue;
    }
    if (out != i) cells[out] = std::move(cells[i]);
    ++out;
  }
  cells.resize(out);
  sheet->max_row = cells.empty() ? 0 : cells.back().row;
  sheet->max_col = 0;
  for (const Cell& c : cells) sheet->max_col = std::max(sheet->max_col, c.col);
}

bool ReadWorkbookBytes(const std::string& display, const std::string& bytes, Workbook* out, SourceManager& sm,
                       DiagEngine& diags) {
  *out = Workbook();
  if (bytes.compare(0, 4, "PK\x03\x04", 4) == 0 || bytes.compare(0, 4, "PK\x05\x06", 4) == 0) {
    return ReadXlsx(display, bytes, out, sm, diags);
  }
  if (bytes.compare(0, 8, kOleMagic, 8) == 0) {
    out->file = sm.AddFile(display, "", false);
    diags.Report(DiagId::err_sheet_legacy_xls, Loc::At(out->file, 0));
    return false;
  }
  return ReadSpreadsheetMl(display, bytes, out, sm, diags);
}

bool ReadWorkbook(const std::string& path, const std::string& display, Workbook* out, SourceManager& sm,
                  DiagEngine& diags) {
  std::string bytes;
  if (!ReadFileBytes(path, display, kMaxXmlBytes, &bytes, sm, diags)) {
    *out = Workbook();
    out->unreadable = true;
    return false;
  }
  return ReadWorkbookBytes(display, bytes, out, sm, diags);
}

}  // namespace plangen::sheets

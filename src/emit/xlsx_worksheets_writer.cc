#include "emit/xlsx_worksheets_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "emit/output_reuse.h"
#include "emit/xlsx_workbook.h"

namespace plangen::xlsx {
namespace {

constexpr double kMinWidth = 8, kMaxWidth = 60;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    out.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

size_t Chars(const std::string& s) {
  size_t n = Utf8Length(s);
  return n == std::string::npos ? s.size() : n;
}

// Width that shows the longest line of the column, within bounds; longer lines wrap.
double FitWidth(double width, const std::string& text) {
  for (const auto& line : Lines(text)) width = std::max(width, static_cast<double>(Chars(line)) + 2);
  return std::min(width, kMaxWidth);
}

bool WriteRow(Workbook& wb, int sheet, uint32_t row, const std::vector<std::string>& texts, const std::vector<double>& widths) {
  return wb.RowHeight(sheet, row, RowPoints(texts, widths));
}

std::string SheetComment(const WorksheetLayout& layout) {
  std::string text = layout.title.value;
  for (const auto& n : layout.notes) text += "\n\n" + n.value;
  return text;
}

// One column of a sheet: a layout column, its Backup set split in two (the name, then the
// expiration, each a cell of its own), or the row id after them.
struct SheetColumn {
  size_t view;     // index of the view's cell
  int part;        // 0: the whole cell; 1: a backup set's name; 2: its expiration
  std::string header;
  Loc loc;
};

std::vector<SheetColumn> SheetColumns(const WorksheetLayout& layout) {
  std::vector<SheetColumn> cols;
  for (size_t c = 0; c < layout.columns.size(); ++c) {
    const WorksheetColumn& col = layout.columns[c];
    if (col.id.value == "backup-set") {
      cols.push_back({c, 1, col.header.value + " " + kBackupSetNameSuffix, col.loc});
      cols.push_back({c, 2, col.header.value + " " + kBackupSetExpirationSuffix, col.loc});
    } else {
      cols.push_back({c, 0, col.header.value, col.loc});
    }
  }
  cols.push_back({layout.columns.size(), 0, kRowIdHeader, layout.loc});
  return cols;
}

bool WriteLayoutSheet(const EmitContext& ctx, Workbook& wb, const SheetView& view, bool constant_memory) {
  const WorksheetLayout& layout = *view.layout;
  int sheet = wb.AddSheet(layout.sheet.value, layout.loc);
  if (sheet < 0) return false;
  const std::vector<SheetColumn> cols = SheetColumns(layout);
  const size_t ncols = cols.size();
  std::vector<std::string> headers;
  for (const auto& col : cols) headers.push_back(col.header);
  std::vector<double> widths(ncols, kMinWidth);
  for (size_t c = 0; c < ncols; ++c) {
    widths[c] = FitWidth(widths[c], headers[c]);
    for (const auto& r : view.rows) widths[c] = FitWidth(widths[c], r.cells[cols[c].view].text);
  }
  bool ok = true;
  for (size_t c = 0; c < ncols; ++c) {
    bool locked = c + 1 == ncols || layout.columns[cols[c].view].id.value == "item";
    ok = wb.Column(sheet, static_cast<uint16_t>(c), widths[c], locked ? Style::kLocked : Style::kEditable) && ok;
  }
  ok = ok && WriteRow(wb, sheet, 0, headers, widths);
  for (size_t c = 0; c < ncols && ok; ++c) {
    ok = wb.Text(sheet, 0, static_cast<uint16_t>(c), headers[c], Style::kHeader, cols[c].loc);
  }
  ok = ok && wb.Comment(sheet, 0, 0, SheetComment(layout), layout.loc);
  uint32_t row = 1;
  for (const auto& r : view.rows) {
    std::vector<std::string> texts;
    for (const auto& col : cols) texts.push_back(r.cells[col.view].text);
    ok = ok && WriteRow(wb, sheet, row, texts, widths);
    for (size_t c = 0; c < ncols && ok; ++c) {
      const ViewCell& cell = r.cells[cols[c].view];
      Style style = cell.locked ? Style::kLocked : cell.to_fill ? Style::kToFill : Style::kEditable;
      ok = wb.Text(sheet, row, static_cast<uint16_t>(c), cell.text, style, cell.loc);
      // Constant-memory mode keeps no comment per cell: the findings stay in the report only. A
      // backup set's findings (its retention) go on its expiration.
      if (ok && !cell.comment.empty() && !constant_memory && cols[c].part != 1) {
        ok = wb.Comment(sheet, row, static_cast<uint16_t>(c), cell.comment, cell.loc);
      }
    }
    ++row;
  }
  const uint32_t last = std::max<uint32_t>(row - 1, kValidatedRows - 1);
  for (size_t c = 0; c + 1 < ncols && ok; ++c) {
    if (cols[c].part != 0) continue;
    Choices ch = ChoicesFor(ctx.profile, layout, layout.columns[cols[c].view]);
    ok = wb.ListValidation(sheet, 1, last, static_cast<uint16_t>(c), ch.values, ch.strict, ch.prompt);
  }
  return ok && wb.HeaderAndPrint(sheet, 1, layout.title.value) && wb.Protect(sheet);
}

bool WriteValidationLog(const EmitContext& ctx, Workbook& wb, const WorksheetLayout& layout) {
  int sheet = wb.AddSheet(layout.sheet.value, layout.loc);
  if (sheet < 0) return false;
  std::vector<std::string> headers;
  std::vector<double> widths;
  bool ok = true;
  for (size_t c = 0; c < layout.columns.size() && ok; ++c) {
    headers.push_back(layout.columns[c].header.value);
    widths.push_back(FitWidth(layout.columns[c].id.value == "target" ? 40 : 14, headers.back()));
    Style style = layout.columns[c].id.value == "date" ? Style::kDate : Style::kEditable;
    ok = wb.Column(sheet, static_cast<uint16_t>(c), widths.back(), style);
  }
  ok = ok && WriteRow(wb, sheet, 0, headers, widths);
  for (size_t c = 0; c < headers.size() && ok; ++c) {
    ok = wb.Text(sheet, 0, static_cast<uint16_t>(c), headers[c], Style::kHeader, layout.columns[c].loc);
  }
  for (size_t c = 0; c < layout.columns.size() && ok; ++c) {
    const WorksheetColumn& col = layout.columns[c];
    if (col.id.value == "date") {
      ok = wb.DateValidation(sheet, 1, kValidatedRows - 1, static_cast<uint16_t>(c), "The date the check was done");
    } else {
      Choices ch = ChoicesFor(ctx.profile, layout, col);
      ok = wb.ListValidation(sheet, 1, kValidatedRows - 1, static_cast<uint16_t>(c), ch.values, ch.strict, ch.prompt);
    }
  }
  return ok && wb.HeaderAndPrint(sheet, 1, layout.title.value) && wb.Protect(sheet);
}

bool WriteSummary(Workbook& wb, const std::vector<SummaryTable>& tables) {
  int sheet = wb.AddSheet(kSummarySheet, Loc{});
  if (sheet < 0) return false;
  size_t ncols = 0;
  for (const auto& t : tables) ncols = std::max(ncols, t.headers.size());
  std::vector<double> widths(ncols, kMinWidth);
  for (const auto& t : tables) {
    for (size_t c = 0; c < t.headers.size(); ++c) widths[c] = FitWidth(widths[c], t.headers[c]);
    for (const auto& r : t.rows) {
      for (size_t c = 0; c < r.size(); ++c) widths[c] = FitWidth(widths[c], r[c].text);
    }
  }
  bool ok = true;
  for (size_t c = 0; c < ncols && ok; ++c) ok = wb.Column(sheet, static_cast<uint16_t>(c), widths[c], Style::kNumber);
  uint32_t row = 0;
  for (const auto& t : tables) {
    ok = ok && WriteRow(wb, sheet, row, {t.title}, widths);
    ok = ok && wb.Text(sheet, row++, 0, t.title, Style::kHeader, Loc{});
    ok = ok && WriteRow(wb, sheet, row, t.headers, widths);
    for (size_t c = 0; c < t.headers.size() && ok; ++c) {
      ok = wb.Text(sheet, row, static_cast<uint16_t>(c), t.headers[c], Style::kHeader, Loc{});
    }
    ++row;
    for (const auto& r : t.rows) {
      std::vector<std::string> texts;
      for (const auto& cell : r) texts.push_back(cell.text);
      ok = ok && WriteRow(wb, sheet, row, texts, widths);
      for (size_t c = 0; c < r.size() && ok; ++c) {
        ok = r[c].number ? wb.Number(sheet, row, static_cast<uint16_t>(c), r[c].value, Style::kNumber)
                         : wb.Text(sheet, row, static_cast<uint16_t>(c), r[c].text, Style::kLocked, Loc{});
      }
      ++row;
    }
    ++row;  // a blank row between tables
  }
  return ok && wb.HeaderAndPrint(sheet, 1, "Summary") && wb.Protect(sheet);
}

WorkbookOptions BookOptions(const EmitContext& ctx, const WorkbookView& view, const WriteOptions& options) {
  WorkbookOptions wo;
  wo.created = ctx.as_of;
  wo.constant_memory = options.constant_memory;
  wo.title = (ctx.draft ? "DRAFT: " : "") + std::string("Backup and restoration worksheets: ") + view.name;
  wo.subject = ctx.plan.title.value;
  wo.tmpdir = ctx.scratch_dir;
  return wo;
}

void KeyChoices(const Choices& ch, KeyWriter& k) {
  k << static_cast<int64_t>(ch.values.size());
  for (const auto& v : ch.values) k << v;
  k << ch.strict << ch.prompt;
}

// What WriteLayoutSheet and WriteValidationLog read of a layout.
void KeyLayout(const EmitContext& ctx, const WorksheetLayout& layout, KeyWriter& k) {
  k << layout.sheet.value << layout.title.value << static_cast<int64_t>(layout.notes.size());
  for (const auto& n : layout.notes) k << n.value;
  k << static_cast<int64_t>(layout.columns.size());
  for (const auto& col : layout.columns) {
    k << col.id.value << col.header.value;
    KeyChoices(ChoicesFor(ctx.profile, layout, col), k);
  }
}

}  // namespace

std::string WorkbookKeyData(const EmitContext& ctx, const WorkbookView& view, const WriteOptions& options) {
  const WorkbookOptions wo = BookOptions(ctx, view, options);
  KeyWriter k;
  k << "xlsx-workbook" << static_cast<int64_t>(wo.created.days) << wo.constant_memory << wo.title << wo.subject
    << view.path;
  k << (options.summary != nullptr);
  if (options.summary) {
    for (const auto& t : *options.summary) {
      k << t.title << static_cast<int64_t>(t.headers.size());
      for (const auto& h : t.headers) k << h;
      k << static_cast<int64_t>(t.rows.size());
      for (const auto& r : t.rows) {
        k << static_cast<int64_t>(r.size());
        for (const auto& c : r) {
          char value[64];
          std::snprintf(value, sizeof value, "%a", c.value);  // every bit of the number
          k << c.text << c.number << value;
        }
      }
    }
  }
  k << static_cast<int64_t>(view.sheets.size());
  for (const auto& sheet : view.sheets) {
    KeyLayout(ctx, *sheet.layout, k);
    k << static_cast<int64_t>(sheet.rows.size());
    for (const auto& r : sheet.rows) {
      k << static_cast<int64_t>(r.cells.size());
      for (const auto& c : r.cells) k << c.text << c.locked << c.to_fill << c.comment;
    }
  }
  k << (view.validation_log != nullptr);
  if (view.validation_log) KeyLayout(ctx, *view.validation_log, k);
  return k.text();
}

bool WriteWorksheetWorkbook(const EmitContext& ctx, const WorkbookView& view, const WriteOptions& options,
                            std::string* bytes) {
  Workbook wb(view.path, BookOptions(ctx, view, options), ctx.diags);
  const size_t errors_before = static_cast<size_t>(ctx.diags.errors());
  bool ok = wb.ok();
  if (ok && options.summary) ok = WriteSummary(wb, *options.summary);
  for (const auto& sheet : view.sheets) ok = ok && WriteLayoutSheet(ctx, wb, sheet, options.constant_memory);
  if (ok && view.validation_log) ok = WriteValidationLog(ctx, wb, *view.validation_log);
  ok = ok && wb.Finish(bytes);
  // Text that had to be repaired or cut is reported as an error: the workbook is not kept.
  return ok && static_cast<size_t>(ctx.diags.errors()) == errors_before;
}

}  // namespace plangen::xlsx

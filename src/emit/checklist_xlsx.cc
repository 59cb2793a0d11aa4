// checklists/validation.xlsx: the validation checklist as one sheet, with a Done column to tick,
// a Status column for the Validation Log result, frozen headers and print settings.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <xlsxwriter.h>

#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/xlsx_workbook.h"
#include "util/scratch_file.h"

namespace plangen {

namespace {

using kainjow::mustache::data;

std::string Get(const data& d, const char* key) {
  const data* v = d.get(key);
  return v && v->is_string() ? v->string_value() : std::string();
}

// A date of the view ("2026-12-01") as a date cell; other text ("unknown ...") as text.
void PutDate(lxw_worksheet* ws, int row, int col, const std::string& s, lxw_format* date, lxw_format* text) {
  int y, m, d;
  if (auto parsed = ParseDate(s)) {
    CivilFromDate(*parsed, &y, &m, &d);
    lxw_datetime dt = {y, m, d, 0, 0, 0};
    worksheet_write_datetime(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), &dt, date);
  } else if (!s.empty()) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                           xlsx::EscapeOoxmlLiterals(s).c_str(), text);
  } else {
    worksheet_write_blank(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col), text);
  }
}

// Cell text is always written as a string, so text starting with '=' can never become a formula.
void PutText(lxw_worksheet* ws, int row, int col, const std::string& s, lxw_format* f) {
  worksheet_write_string(ws, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(col),
                         xlsx::EscapeOoxmlLiterals(s).c_str(), f);
}

}  // namespace

bool EmitChecklistXlsx(const EmitContext& ctx, OutputSet& out) {
  TemplateData view = ChecklistView(ctx);
  ScratchFile scratch;
  std::string why;
  if (!scratch.Create(&why)) {
    ctx.diags.Report(DiagId::err_checklist_xlsx, Loc{}, {why});
    return false;
  }
  lxw_workbook_options lo = {};
  std::string tmpdir = ctx.scratch_dir;
  if (!tmpdir.empty()) lo.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(scratch.path().c_str(), &lo);
  if (!wb) {
    ctx.diags.Report(DiagId::err_checklist_xlsx, Loc{}, {"cannot start the workbook"});
    return false;
  }
  int y, m, d;
  CivilFromDate(ctx.as_of, &y, &m, &d);
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  lxw_doc_properties props{};
  std::string title = "Validation checklist: " + Get(view, "plan_title");
  std::vector<char> title_buf(title.begin(), title.end());
  title_buf.push_back(0);
  props.title = title_buf.data();
  props.created = timegm(&tm);  // from --as-of, so that the bytes do not depend on the clock
  workbook_set_properties(wb, &props);

  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_bg_color(head, 0xDDDDDD);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_text_wrap(head);
  lxw_format* group = workbook_add_format(wb);
  format_set_bold(group);
  format_set_font_size(group, 12);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  format_set_text_wrap(cell);
  format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
  // Dates are date cells shown as yyyy-mm-dd; an overdue one says so in red, and stays a date.
  lxw_format* date = workbook_add_format(wb);
  format_set_border(date, LXW_BORDER_THIN);
  format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(date, LXW_ALIGN_LEFT);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* overdue = workbook_add_format(wb);
  format_set_border(overdue, LXW_BORDER_THIN);
  format_set_align(overdue, LXW_ALIGN_VERTICAL_TOP);
  format_set_align(overdue, LXW_ALIGN_LEFT);
  format_set_num_format(overdue, "yyyy-mm-dd \" (overdue)\"");
  format_set_font_color(overdue, 0xB00000);
  format_set_bold(overdue);
  lxw_format* fill = workbook_add_format(wb);
  format_set_border(fill, LXW_BORDER_THIN);
  format_set_bg_color(fill, 0xFFF2CC);
  format_set_unlocked(fill);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "Validation checklist");
  static const char* kHeaders[] = {"Interval", "Owner", "#", "Check", "What", "Next due", "Then",
                                   "Records", "Done (x)", "Status (Validation Log)", "Source"};
  // Next due is wide enough for "2026-11-20 (overdue)".
  static const double kWidths[] = {14, 22, 4, 40, 45, 21, 12, 30, 9, 24, 28};
  const std::vector<double> widths(std::begin(kWidths), std::end(kWidths));
  for (int c = 0; c < 11; ++c) worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c], nullptr);
  PutText(ws, 0, 0, title + " (as of " + Get(view, "as_of") + ")", group);
  for (int c = 0; c < 11; ++c) PutText(ws, 2, c, kHeaders[c], head);
  worksheet_set_row(ws, 2, xlsx::RowPoints(std::vector<std::string>(std::begin(kHeaders), std::end(kHeaders)), widths), nullptr);
  worksheet_freeze_panes(ws, 3, 0);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 2, 2);
  int row = 3;
  const data* groups = view.get("groups");
  for (const data& g : groups->list_value()) {
    for (const data& o : g.get("owners")->list_value()) {
      for (const data& c : o.get("checks")->list_value()) {
        const bool late = c.get("overdue")->is_true();
        const std::vector<std::string> texts = {
            Get(g, "interval"), Get(o, "owner"), Get(c, "number"), Get(c, "kind") + ": " + Get(c, "meaning"),
            Get(c, "title"), Get(c, "next_due") + (late ? " (overdue)" : ""), Get(c, "then_due"), Get(c, "records"),
            "", Get(c, "status"), Get(c, "source")};
        for (int col : {0, 1, 2, 3, 4, 7, 10}) PutText(ws, row, col, texts[col], cell);
        PutDate(ws, row, 5, Get(c, "next_due"), late ? overdue : date, cell);
        PutDate(ws, row, 6, Get(c, "then_due"), date, cell);
        PutText(ws, row, 8, "", fill);
        PutText(ws, row, 9, texts[9], fill);
        worksheet_set_row(ws, static_cast<lxw_row_t>(row), xlsx::RowPoints(texts, widths), nullptr);
        ++row;
      }
    }
  }
  if (row > 3) worksheet_autofilter(ws, 2, 0, static_cast<lxw_row_t>(row - 1), 10);
  lxw_error err = workbook_close(wb);
  std::string bytes;
  if (err == LXW_NO_ERROR && !scratch.ReadAll(&bytes, &why)) bytes.clear();
  if (err != LXW_NO_ERROR || bytes.empty()) {
    ctx.diags.Report(DiagId::err_checklist_xlsx, Loc{}, {err != LXW_NO_ERROR ? lxw_strerror(err) : "empty file"});
    return false;
  }
  out.Add("checklists/validation.xlsx", std::move(bytes));
  return true;
}

}  // namespace plangen

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
  lxw_format* fill = workbook_add_format(wb);
  format_set_border(fill, LXW_BORDER_THIN);
  format_set_bg_color(fill, 0xFFF2CC);
  format_set_unlocked(fill);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "Validation checklist");
  static const char* kHeaders[] = {"Interval", "Owner", "#", "Check", "What", "Next due", "Then",
                                   "Records", "Done (x)", "Status (Validation Log)", "Source"};
  static const double kWidths[] = {14, 22, 4, 40, 45, 12, 12, 30, 9, 24, 28};
  for (int c = 0; c < 11; ++c) worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), kWidths[c], nullptr);
  PutText(ws, 0, 0, title + " (as of " + Get(view, "as_of") + ")", group);
  for (int c = 0; c < 11; ++c) PutText(ws, 2, c, kHeaders[c], head);
  worksheet_freeze_panes(ws, 3, 0);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_repeat_rows(ws, 2, 2);
  int row = 3;
  const data* groups = view.get("groups");
  for (const data& g : groups->list_value()) {
    for (const data& o : g.get("owners")->list_value()) {
      for (const data& c : o.get("checks")->list_value()) {
        PutText(ws, row, 0, Get(g, "interval"), cell);
        PutText(ws, row, 1, Get(o, "owner"), cell);
        PutText(ws, row, 2, Get(c, "number"), cell);
        PutText(ws, row, 3, Get(c, "kind") + ": " + Get(c, "meaning"), cell);
        PutText(ws, row, 4, Get(c, "title"), cell);
        PutText(ws, row, 5, Get(c, "next_due") + (c.get("overdue")->is_true() ? " (overdue)" : ""), cell);
        PutText(ws, row, 6, Get(c, "then_due"), cell);
        PutText(ws, row, 7, Get(c, "records"), cell);
        PutText(ws, row, 8, "", fill);
        PutText(ws, row, 9, Get(c, "status"), fill);
        PutText(ws, row, 10, Get(c, "source"), cell);
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

#include "emit/docx_tables.h"

#include <cstdint>

#include "tmpl/data_moves.h"

namespace plangen {

const std::vector<DocxTableLayout>& DocxTableLayouts() {
  // Heading words in bold 9.5 pt DejaVu Sans, with the cells' 80-twip margins on both sides:
  // "Done" 713, "Check" 802, "Records" 1022, "(Validation" 1328; a date in bold (overdue) 1374.
  static const std::vector<DocxTableLayout> layouts = {
      // Done, #, Check, What, Next due, Then, Records, Status (Validation Log)
      {"checklist", "checks", {750, 450, 1600, 1588, 1400, 1300, 1150, 1400}},
      // Role, Relation, Contact
      {"runbook", "contacts", {2600, 2000, 5038}},
      // #, Step, Role, Estimate, Start, Finish, After
      {"runbook", "steps", {450, 2838, 1650, 1200, 1250, 1250, 1000}},
      // What, Value
      {"runbook", "backup", {2200, 7438}},
      // Done, Check, What, Every, Next due, Then, Records
      {"runbook", "checks", {750, 850, 2638, 1100, 1400, 1300, 1600}},
      // Sheet, Row, Server, Backup
      {"runbook", "worksheet_rows", {2000, 3438, 2600, 1600}},
  };
  return layouts;
}

std::vector<int> DocxColumnWidths(const std::vector<int>& widths, int text_width) {
  int64_t total = 0;
  for (int w : widths) total += w;
  std::vector<int> out;
  if (total <= 0) return out;
  // Each column ends where its scaled cumulative width rounds to, so the rounding never adds up.
  int64_t sum = 0, end_before = 0;
  for (int w : widths) {
    sum += w;
    const int64_t end = (sum * text_width * 2 + total) / (total * 2);
    out.push_back(static_cast<int>(end - end_before));
    end_before = end;
  }
  return out;
}

void SetDocxColumnKeys(const std::string& kind, int text_width, TemplateData* view) {
  for (const DocxTableLayout& t : DocxTableLayouts()) {
    if (kind != t.kind) continue;
    const std::vector<int> widths = DocxColumnWidths(t.widths, text_width);
    for (size_t i = 0; i < widths.size(); ++i)
      Set(*view, "docx_col_" + std::string(t.table) + "_" + std::to_string(i + 1),
          TemplateData(std::to_string(widths[i])));
  }
}

}  // namespace plangen

// The column widths of the Word documents' tables. Every table has a fixed layout: a grid as wide
// as the text, and the same width on each of its cells. An automatic layout lets LibreOffice size
// the columns from their content, and it broke heading words ("Don e"); Word and LibreOffice both
// keep a fixed grid.
#pragma once

#include <string>
#include <vector>

#include "tmpl/templates.h"

namespace plangen {

/// A table of a document's template: its columns' widths in twips on A4's text width (9638, the
/// narrower of the two papers), wide enough that no heading word breaks in Arial or in DejaVu
/// Sans, the wider face LibreOffice sets where Arial is not installed.
struct DocxTableLayout {
  const char* kind;   ///< the document: "runbook" or "checklist"
  const char* table;  ///< the table's name in the keys docx_col_<table>_<n>
  std::vector<int> widths;
};

/// A4's text width in twips, which the layouts' widths add up to.
constexpr int kDocxLayoutWidth = 11906 - 2 * 1134;

/// Every table of every document kind.
const std::vector<DocxTableLayout>& DocxTableLayouts();

/// `widths` scaled to `text_width`, each rounded so that they add up to exactly `text_width`.
std::vector<int> DocxColumnWidths(const std::vector<int>& widths, int text_width);

/// Sets docx_col_<table>_<n> (n from 1) to the width of each column of each table of `kind`,
/// for a page whose text is `text_width` twips wide.
void SetDocxColumnKeys(const std::string& kind, int text_width, TemplateData* view);

}  // namespace plangen

// Excel "XML Spreadsheet 2003" (SpreadsheetML) into the workbook model.
#include <string>

#include "load/xml_input.h"
#include "sheets/cell_values.h"
#include "sheets/readers.h"
#include "sheets/xml_names.h"

namespace plangen::sheets {

namespace {

const char kSsNs[] = "urn:schemas-microsoft-com:office:spreadsheet";
const char kExcelNs[] = "urn:schemas-microsoft-com:office:excel";

class SpreadsheetMlReader {
 public:
  SpreadsheetMlReader(Workbook* book, SourceManager& sm, DiagEngine& diags)
      : book_(book), sm_(sm), diags_(diags) {}

  void ReadWorkbook(const pugi::xml_node& root, const NsScope& scope) {
    int position = 0;
    for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      NsScope cs(&scope, child);
      if (cs.Is(child, kSsNs, "Worksheet")) {
        ReadWorksheet(child, cs, ++position);
      } else if (cs.Is(child, kExcelNs, "ExcelWorkbook")) {
        for (pugi::xml_node o = child.first_child(); o; o = o.next_sibling()) {
          NsScope os(&cs, o);
          if (o.type() == pugi::node_element && os.Is(o, kExcelNs, "Date1904")) book_->date1904 = true;
        }
      }
    }
    if (book_->sheets.empty()) diags_.Report(DiagId::err_sheet_no_worksheets, NodeLoc(book_->file, root));
  }

 private:
  void ReadWorksheet(const pugi::xml_node& ws, const NsScope& scope, int position) {
    pugi::xml_attribute name_attr = scope.Attr(ws, kSsNs, "Name");
    std::string name = name_attr.value();
    if (name.empty()) {
      diags_.Report(DiagId::err_sheet_no_name, NodeLoc(book_->file, ws), {std::to_string(position)});
      name = "Sheet" + std::to_string(position);
    }
    Sheet& sheet = AddSheet(book_, std::move(name), NodeLoc(book_->file, ws), sm_, diags_);
    for (pugi::xml_node t = ws.first_child(); t; t = t.next_sibling()) {
      if (t.type() != pugi::node_element) continue;
      NsScope ts(&scope, t);
      if (ts.Is(t, kSsNs, "Table")) {
        ReadTable(t, ts, &sheet);
        break;  // a worksheet has one table
      }
    }
    FinishSheet(&sheet, diags_);
  }

  // Reads a whole-number attribute; reports it and returns false when it is not one.
  bool WholeAttr(const pugi::xml_node& el, const pugi::xml_attribute& a, uint64_t min, uint64_t max,
                 uint64_t* value) {
    std::optional<uint64_t> v = ParseWhole(a.value());
    if (!v || *v < min) {
      diags_.Report(DiagId::err_sheet_bad_index, AttrValueLoc(sm_, book_->file, el, a.name()),
                    {a.value(), a.name(), std::to_string(min), std::to_string(max)});
      return false;
    }
    *value = *v;
    return true;
  }

  void ReportBeyond(const pugi::xml_node& el, const pugi::xml_attribute& a, bool row, uint64_t value) {
    Loc where = a ? AttrValueLoc(sm_, book_->file, el, a.name()) : NodeLoc(book_->file, el);
    diags_.Report(DiagId::err_sheet_out_of_range, where,
                  {row ? "row" : "column", std::to_string(value), row ? "1048576" : "16384 (XFD)"});
  }

  void ReadTable(const pugi::xml_node& table, const NsScope& scope, Sheet* sheet) {
    uint64_t last_row = 0;  // the last row used, including spans
    for (pugi::xml_node row = table.first_child(); row; row = row.next_sibling()) {
      if (row.type() != pugi::node_element) continue;
      NsScope rs(&scope, row);
      if (!rs.Is(row, kSsNs, "Row")) continue;
      uint64_t r = last_row + 1;
      pugi::xml_attribute index = rs.Attr(row, kSsNs, "Index");
      if (index) {
        if (!WholeAttr(row, index, 1, kMaxRows, &r)) continue;
        if (r <= last_row) {
          diags_.Report(DiagId::err_sheet_not_ascending, AttrValueLoc(sm_, book_->file, row, index.name()),
                        {"row", std::to_string(r), std::to_string(last_row)});
          continue;
        }
      }
      if (r > kMaxRows) {
        // Every later row is beyond the limit too: one report is enough. Nothing is allocated
        // for the rows in between: the model is sparse.
        ReportBeyond(row, index, true, r);
        return;
      }
      uint64_t span = 0;
      pugi::xml_attribute span_attr = rs.Attr(row, kSsNs, "Span");
      if (span_attr && !WholeAttr(row, span_attr, 0, kMaxRows - 1, &span)) span = 0;
      last_row = std::min<uint64_t>(r + span, kMaxRows);
      ReadRow(row, rs, static_cast<uint32_t>(r), sheet);
    }
  }

  void ReadRow(const pugi::xml_node& row, const NsScope& scope, uint32_t r, Sheet* sheet) {
    uint64_t last_col = 0;
    for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
      if (cell.type() != pugi::node_element) continue;
      NsScope cs(&scope, cell);
      if (!cs.Is(cell, kSsNs, "Cell")) continue;
      uint64_t c = last_col + 1;
      pugi::xml_attribute index = cs.Attr(cell, kSsNs, "Index");
      if (index) {
        if (!WholeAttr(cell, index, 1, kMaxCols, &c)) continue;
        if (c <= last_col) {
          diags_.Report(DiagId::err_sheet_not_ascending, AttrValueLoc(sm_, book_->file, cell, index.name()),
                        {"column", ColumnName(static_cast<uint32_t>(c)), ColumnName(static_cast<uint32_t>(last_col))});
          continue;
        }
      }
      if (c > kMaxCols) {
        ReportBeyond(cell, index, false, c);
        return;
      }
      uint64_t across = 0, down = 0;
      pugi::xml_attribute across_attr = cs.Attr(cell, kSsNs, "MergeAcross");
      pugi::xml_attribute down_attr = cs.Attr(cell, kSsNs, "MergeDown");
      if (across_attr && WholeAttr(cell, across_attr, 0, kMaxCols - 1, &across) && c + across > kMaxCols) {
        ReportBeyond(cell, across_attr, false, c + across);
        across = kMaxCols - c;
      }
      if (down_attr && WholeAttr(cell, down_attr, 0, kMaxRows - 1, &down) && r + down > kMaxRows) {
        ReportBeyond(cell, down_attr, true, r + down);
        down = kMaxRows - r;
      }
      last_col = c + across;  // the next cell starts after the merged span
      if (across > 0 || down > 0) {
        sheet->merges.push_back(CellRange{r, static_cast<uint32_t>(c), static_cast<uint32_t>(r + down),
                                          static_cast<uint32_t>(c + across)});
      }
      for (pugi::xml_node data = cell.first_child(); data; data = data.next_sibling()) {
        if (data.type() != pugi::node_element) continue;
        NsScope ds(&cs, data);
        if (ds.Is(data, kSsNs, "Data")) {
          ReadData(data, ds, sheet->LocOf(r, static_cast<uint32_t>(c)), sheet);
          break;
        }
      }
    }
  }

  void ReadData(const pugi::xml_node& data, const NsScope& scope, Loc where, Sheet* sheet) {
    Cell cell;
    cell.row = where.row;
    cell.col = where.col;
    cell.loc = where;
    AppendAllText(data, &cell.text);
    pugi::xml_attribute type_attr = scope.Attr(data, kSsNs, "Type");
    std::string type = type_attr ? type_attr.value() : "String";
    if (type == "String") {
      if (cell.text.empty()) return;  // shows nothing
      cell.type = Cell::Type::kString;
    } else if (type == "Number") {
      std::optional<double> v = ParseNumber(cell.text);
      if (!v) return BadValue(cell, "Number");
      cell.type = Cell::Type::kNumber;
      cell.number = *v;
      cell.text = FormatNumber(*v);
    } else if (type == "Boolean") {
      std::optional<double> v = ParseNumber(cell.text);
      if (!v || (*v != 0 && *v != 1)) return BadValue(cell, "Boolean");
      cell.type = Cell::Type::kBoolean;
      cell.number = *v;
      cell.text = *v != 0 ? "TRUE" : "FALSE";
    } else if (type == "DateTime") {
      std::optional<double> v = ParseIsoDateTime(cell.text);
      if (!v) return BadValue(cell, "DateTime");
      cell.type = Cell::Type::kDateTime;
      cell.number = *v;
      cell.text = FormatSerial(*v);
    } else if (type == "Error") {
      if (cell.text.empty()) return;
      cell.type = Cell::Type::kError;
    } else {
      diags_.Report(DiagId::err_sheet_unknown_type, AttrValueLoc(sm_, book_->file, data, type_attr.name()), {type});
      return;
    }
    sheet->cells.push_back(std::move(cell));
  }

  void BadValue(const Cell& cell, const char* type) {
    diags_.Report(DiagId::err_sheet_bad_cell_value, cell.loc, {cell.text, type});
  }

  Workbook* book_;
  SourceManager& sm_;
  DiagEngine& diags_;
};

}  // namespace

bool ReadSpreadsheetMl(const std::string& display, const std::string& bytes, Workbook* out, SourceManager& sm,
                       DiagEngine& diags) {
  const int errors_before = diags.errors();
  out->format = "spreadsheetml";
  XmlDocument doc;
  bool parsed = ParseXml(display, bytes, &doc, sm, diags);
  out->file = doc.file;
  if (!parsed) return false;
  pugi::xml_node root = doc.doc.document_element();
  NsScope scope(nullptr, root);
  if (!scope.Is(root, kSsNs, "Workbook")) {
    diags.Report(DiagId::err_sheet_wrong_root, NodeLoc(doc.file, root),
                 {NsScope::LocalOf(root.name()), scope.UriOf(root.name())});
    return false;
  }
  SpreadsheetMlReader(out, sm, diags).ReadWorkbook(root, scope);
  return diags.errors() == errors_before;
}

}  // namespace plangen::sheets

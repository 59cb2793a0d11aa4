// Office Open XML workbooks (.xlsx) into the workbook model.
#include <map>
#include <string>
#include <vector>

#include "load/xml_input.h"
#include "sheets/cell_values.h"
#include "sheets/readers.h"
#include "sheets/xml_names.h"
#include "sheets/zip_archive.h"
#include "util/text_decode.h"

namespace plangen::sheets {

namespace {

// Transitional (what Excel and LibreOffice write) and Strict namespaces.
const char kMainNs[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char kMainStrictNs[] = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const char kRelNs[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const char kRelStrictNs[] = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const char kPackageRelNs[] = "http://schemas.openxmlformats.org/package/2006/relationships";

bool IsMain(const NsScope& s, const pugi::xml_node& n, const char* local) {
  return n.type() == pugi::node_element && (s.Is(n, kMainNs, local) || s.Is(n, kMainStrictNs, local));
}

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// "xl/worksheets/sheet1.xml" from the folder of the referring part and a relationship target.
// Empty when the target climbs out of the package.
std::string ResolveTarget(const std::string& base_dir, const std::string& target) {
  std::string path = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string DirOf(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// Office Open XML escapes characters XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return).
void DecodeXString(std::string* s) {
  if (s->find("_x") == std::string::npos) return;
  std::string out;
  for (size_t i = 0; i < s->size(); ++i) {
    if (i + 6 < s->size() && (*s)[i] == '_' && (*s)[i + 1] == 'x' && (*s)[i + 6] == '_' &&
        std::isxdigit(static_cast<unsigned char>((*s)[i + 2])) && std::isxdigit(static_cast<unsigned char>((*s)[i + 3])) &&
        std::isxdigit(static_cast<unsigned char>((*s)[i + 4])) && std::isxdigit(static_cast<unsigned char>((*s)[i + 5]))) {
      uint32_t cp = static_cast<uint32_t>(std::stoul(s->substr(i + 2, 4), nullptr, 16));
      // Excel escapes UTF-16 units: a high surrogate pairs with the escape that follows; a lone
      // surrogate or NUL names no character and stays as the text it is.
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 13 < s->size() && s->compare(i + 7, 2, "_x") == 0 &&
          (*s)[i + 13] == '_') {
        uint32_t lo = static_cast<uint32_t>(std::strtoul(s->substr(i + 9, 4).c_str(), nullptr, 16));
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          AppendUtf8(0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00), &out);
          i += 13;
          continue;
        }
      }
      if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out.append(*s, i, 7);
      } else {
        AppendUtf8(cp, &out);
      }
      i += 6;
    } else {
      out += (*s)[i];
    }
  }
  *s = std::move(out);
}

// A string item (<si> or <is>): plain <t>, or rich text runs <r><t>; phonetic hints <rPh> are not
// shown by Excel and are skipped.
std::string StringItemText(const pugi::xml_node& item, const NsScope& scope) {
  std::string text;
  for (pugi::xml_node c = item.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    NsScope cs(&scope, c);
    if (IsMain(cs, c, "t")) {
      AppendAllText(c, &text);
    } else if (IsMain(cs, c, "r")) {
      for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling()) {
        NsScope ts(&cs, t);
        if (IsMain(ts, t, "t")) AppendAllText(t, &text);
      }
    }
  }
  DecodeXString(&text);
  return text;
}

// "B3" -> row 3, column 2. False for anything else.
bool ParseCellRef(const char* ref, uint64_t* row, uint64_t* col) {
  uint64_t c = 0, r = 0;
  size_t i = 0;
  for (; ref[i] >= 'A' && ref[i] <= 'Z' && i < 4; ++i) c = c * 26 + static_cast<uint64_t>(ref[i] - 'A' + 1);
  if (i == 0 || ref[i] == '\0') return false;
  size_t digits = 0;
  for (; ref[i] >= '0' && ref[i] <= '9' && digits < 8; ++i, ++digits) r = r * 10 + static_cast<uint64_t>(ref[i] - '0');
  if (ref[i] != '\0' || r == 0) return false;
  *row = r;
  *col = c;
  return true;
}

struct Relationship {
  std::string type;    // full type URI
  std::string target;  // resolved part name
};

class XlsxReader {
 public:
  XlsxReader(const std::string& display, Workbook* book, SourceManager& sm, DiagEngine& diags)
      : display_(display), book_(book), sm_(sm), diags_(diags) {}

  void Read(const std::string& bytes) {
    if (!zip_.Open(bytes, Loc::At(book_->file, 0), ZipLimits(), diags_)) return;
    std::string workbook_part = "xl/workbook.xml";
    std::map<std::string, Relationship> root_rels;
    if (ReadRelationships("", &root_rels)) {
      for (const auto& [id, rel] : root_rels) {
        if (EndsWith(rel.type, "/officeDocument")) workbook_part = rel.target;
      }
    }
    XmlDocument wb;
    if (!LoadPart(workbook_part, "; this archive is not an Excel workbook", &wb)) return;
    std::map<std::string, Relationship> rels;
    ReadRelationships(workbook_part, &rels);
    for (const auto& [id, rel] : rels) {
      if (EndsWith(rel.type, "/sharedStrings")) ReadSharedStrings(rel.target);
      if (EndsWith(rel.type, "/styles")) ReadStyles(rel.target);
    }
    ReadWorkbookPart(workbook_part, wb, rels);
  }

 private:
  // Reads and parses one part. XML problems are reported with the part's name in front.
  bool LoadPart(const std::string& name, const std::string& why_missing, XmlDocument* doc) {
    const ZipEntry* e = zip_.Find(name);
    if (!e) {
      if (!why_missing.empty()) {
        diags_.Report(DiagId::err_xlsx_missing_part, Loc::At(book_->file, 0), {name, why_missing});
      }
      return false;
    }
    std::string data;
    if (!zip_.Read(*e, &data, diags_)) return false;
    DiagEngine part_diags(sm_);
    bool ok = ParseXml(display_, data, doc, sm_, part_diags);
    for (const Diagnostic* d : part_diags.Sorted()) {
      Diagnostic& copy = diags_.Report(d->id, d->loc);
      copy.message = name + ": " + d->message;
      copy.notes = d->notes;
    }
    return ok;
  }

  void PartError(const std::string& part, Loc where, const std::string& what) {
    diags_.Report(DiagId::err_xlsx_bad_part, where, {part, what});
  }

  bool CheckRoot(const std::string& part, const XmlDocument& doc, const char* local) {
    pugi::xml_node root = doc.doc.document_element();
    NsScope s(nullptr, root);
    if (IsMain(s, root, local)) return true;
    PartError(part, NodeLoc(doc.file, root),
              std::string("root element is '") + NsScope::LocalOf(root.name()) + "' in namespace '" +
                  s.UriOf(root.name()) + "'; expected '" + local + "' in namespace '" + kMainNs + "'");
    return false;
  }

  // The relationships of `part` ("" for the package), by id, with resolved targets.
  bool ReadRelationships(const std::string& part, std::map<std::string, Relationship>* out) {
    std::string dir = DirOf(part);
    std::string base = part.substr(dir.size());
    std::string rels_part = dir + "_rels/" + base + ".rels";
    XmlDocument doc;
    if (!LoadPart(rels_part, "", &doc)) return false;
    pugi::xml_node root = doc.doc.document_element();
    NsScope rs(nullptr, root);
    for (pugi::xml_node r = root.first_child(); r; r = r.next_sibling()) {
      if (r.type() != pugi::node_element) continue;
      NsScope s(&rs, r);
      if (!s.Is(r, kPackageRelNs, "Relationship")) continue;
      if (std::strcmp(r.attribute("TargetMode").value(), "External") == 0) continue;
      std::string target = ResolveTarget(dir, r.attribute("Target").value());
      if (target.empty()) {
        PartError(rels_part, AttrValueLoc(sm_, doc.file, r, "Target"),
                  std::string("relationship target '") + r.attribute("Target").value() + "' is outside the package");
        continue;
      }
      (*out)[r.attribute("Id").value()] = Relationship{r.attribute("Type").value(), target};
    }
    return true;
  }

  void ReadSharedStrings(const std::string& part) {
    XmlDocument doc;
    if (!LoadPart(part, "; the workbook refers to it", &doc) || !CheckRoot(part, doc, "sst")) return;
    pugi::xml_node root = doc.doc.document_element();
    NsScope rs(nullptr, root);
    for (pugi::xml_node si = root.first_child(); si; si = si.next_sibling()) {
      NsScope s(&rs, si);
      if (IsMain(s, si, "si")) strings_.push_back(StringItemText(si, s));
    }
  }

  void ReadStyles(const std::string& part) {
    XmlDocument doc;
    if (!LoadPart(part, "; the workbook refers to it", &doc) || !CheckRoot(part, doc, "styleSheet")) return;
    pugi::xml_node root = doc.doc.document_element();
    NsScope rs(nullptr, root);
    std::map<uint64_t, bool> custom_is_date;
    std::vector<uint64_t> xf_formats;
    for (pugi::xml_node sec = root.first_child(); sec; sec = sec.next_sibling()) {
      NsScope ss(&rs, sec);
      bool num_fmts = IsMain(ss, sec, "numFmts");
      if (!num_fmts && !IsMain(ss, sec, "cellXfs")) continue;
      for (pugi::xml_node item = sec.first_child(); item; item = item.next_sibling()) {
        NsScope is(&ss, item);
        std::optional<uint64_t> id = ParseWhole(item.attribute("numFmtId").value());
        if (num_fmts && IsMain(is, item, "numFmt") && id) {
          custom_is_date[*id] = IsDateFormatCode(item.attribute("formatCode").value());
        } else if (!num_fmts && IsMain(is, item, "xf")) {
          xf_formats.push_back(id ? *id : 0);
        }
      }
    }
    for (uint64_t id : xf_formats) {
      auto custom = custom_is_date.find(id);
      xf_is_date_.push_back(custom != custom_is_date.end() ? custom->second
                                                           : IsBuiltinDateFormat(static_cast<uint32_t>(id)));
    }
  }

  void ReadWorkbookPart(const std::string& part, const XmlDocument& wb,
                        const std::map<std::string, Relationship>& rels) {
    if (!CheckRoot(part, wb, "workbook")) return;
    pugi::xml_node root = wb.doc.document_element();
    NsScope rs(nullptr, root);
    for (pugi::xml_node sec = root.first_child(); sec; sec = sec.next_sibling()) {
      NsScope ss(&rs, sec);
      if (IsMain(ss, sec, "workbookPr")) {
        std::string v = sec.attribute("date1904").value();
        book_->date1904 = v == "1" || v == "true";
      }
      if (!IsMain(ss, sec, "sheets")) continue;
      int position = 0;
      for (pugi::xml_node sh = sec.first_child(); sh; sh = sh.next_sibling()) {
        NsScope shs(&ss, sh);
        if (!IsMain(shs, sh, "sheet")) continue;
        ++position;
        pugi::xml_attribute rid = shs.Attr(sh, kRelNs, "id");
        if (!rid) rid = shs.Attr(sh, kRelStrictNs, "id");
        auto rel = rels.find(rid.value());
        if (rel == rels.end()) {
          PartError(part, NodeLoc(wb.file, sh),
                    std::string("sheet '") + sh.attribute("name").value() + "' has no relationship '" +
                        rid.value() + "'");
          continue;
        }
        if (!EndsWith(rel->second.type, "/worksheet")) continue;  // chart sheets hold no cells
        std::string name = sh.attribute("name").value();
        if (name.empty()) {
          diags_.Report(DiagId::err_sheet_no_name, NodeLoc(wb.file, sh), {std::to_string(position)});
          name = "Sheet" + std::to_string(position);
        }
        Sheet& sheet = AddSheet(book_, std::move(name), NodeLoc(wb.file, sh), sm_, diags_);
        ReadWorksheet(rel->second.target, &sheet);
        FinishSheet(&sheet, diags_);
      }
    }
    if (book_->sheets.empty()) diags_.Report(DiagId::err_sheet_no_worksheets, NodeLoc(wb.file, root));
  }

  void ReadWorksheet(const std::string& part, Sheet* sheet) {
    XmlDocument doc;
    if (!LoadPart(part, "; the workbook refers to it for sheet '" + sheet->name + "'", &doc) ||
        !CheckRoot(part, doc, "worksheet")) {
      return;
    }
    pugi::xml_node root = doc.doc.document_element();
    NsScope rs(nullptr, root);
    for (pugi::xml_node sec = root.first_child(); sec; sec = sec.next_sibling()) {
      NsScope ss(&rs, sec);
      if (IsMain(ss, sec, "sheetData")) {
        ReadSheetData(part, doc.file, sec, ss, sheet);
      } else if (IsMain(ss, sec, "mergeCells")) {
        for (pugi::xml_node m = sec.first_child(); m; m = m.next_sibling()) {
          NsScope ms(&ss, m);
          if (IsMain(ms, m, "mergeCell")) ReadMerge(part, doc.file, m, sheet);
        }
      }
    }
  }

  void ReadMerge(const std::string& part, int32_t file, const pugi::xml_node& m, Sheet* sheet) {
    std::string ref = m.attribute("ref").value();
    size_t colon = ref.find(':');
    uint64_t r1, c1, r2, c2;
    if (colon == std::string::npos || !ParseCellRef(ref.substr(0, colon).c_str(), &r1, &c1) ||
        !ParseCellRef(ref.substr(colon + 1).c_str(), &r2, &c2) || r1 > r2 || c1 > c2 || r2 > kMaxRows ||
        c2 > kMaxCols) {
      PartError(part, AttrValueLoc(sm_, file, m, "ref"), "'" + ref + "' is not a valid range of cells");
      return;
    }
    sheet->merges.push_back(CellRange{static_cast<uint32_t>(r1), static_cast<uint32_t>(c1),
                                      static_cast<uint32_t>(r2), static_cast<uint32_t>(c2)});
  }

  void ReadSheetData(const std::string& part, int32_t file, const pugi::xml_node& data, const NsScope& scope,
                     Sheet* sheet) {
    uint64_t last_row = 0;
    for (pugi::xml_node row = data.first_child(); row; row = row.next_sibling()) {
      NsScope rs(&scope, row);
      if (!IsMain(rs, row, "row")) continue;
      uint64_t r = last_row + 1;
      if (pugi::xml_attribute ra = row.attribute("r")) {
        std::optional<uint64_t> v = ParseWhole(ra.value());
        if (!v || *v == 0) {
          PartError(part, AttrValueLoc(sm_, file, row, "r"), std::string("'") + ra.value() + "' is not a row number");
          continue;
        }
        r = *v;
      }
      if (r > kMaxRows) {
        diags_.Report(DiagId::err_sheet_out_of_range, NodeLoc(file, row), {"row", std::to_string(r), "1048576"});
        continue;
      }
      last_row = r;
      uint64_t last_col = 0;
      for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
        NsScope cs(&rs, c);
        if (!IsMain(cs, c, "c")) continue;
        uint64_t cr = r, cc = last_col + 1;
        if (pugi::xml_attribute ref = c.attribute("r")) {
          if (!ParseCellRef(ref.value(), &cr, &cc)) {
            PartError(part, AttrValueLoc(sm_, file, c, "r"),
                      std::string("'") + ref.value() + "' is not a valid cell reference");
            continue;
          }
        }
        if (cr > kMaxRows || cc > kMaxCols) {
          bool is_row = cr > kMaxRows;
          diags_.Report(DiagId::err_sheet_out_of_range, NodeLoc(file, c),
                        {is_row ? "row" : "column", std::to_string(is_row ? cr : cc), is_row ? "1048576" : "16384 (XFD)"});
          continue;
        }
        last_col = cc;
        ReadCell(c, cs, sheet->LocOf(static_cast<uint32_t>(cr), static_cast<uint32_t>(cc)), sheet);
      }
    }
  }

  void ReadCell(const pugi::xml_node& c, const NsScope& scope, Loc where, Sheet* sheet) {
    Cell cell;
    cell.row = where.row;
    cell.col = where.col;
    cell.loc = where;
    std::string type = c.attribute("t") ? c.attribute("t").value() : "n";
    pugi::xml_node v, is;
    for (pugi::xml_node ch = c.first_child(); ch; ch = ch.next_sibling()) {
      NsScope s(&scope, ch);
      if (IsMain(s, ch, "v")) v = ch;
      if (IsMain(s, ch, "is")) is = ch;
    }
    std::string value;
    if (v) AppendAllText(v, &value);
    if (type == "inlineStr") {
      if (!is) return;
      cell.text = StringItemText(is, NsScope(&scope, is));
      if (cell.text.empty()) return;
    } else if (!v) {
      return;  // no value: a styled but empty cell
    } else if (type == "s") {
      std::optional<uint64_t> index = ParseWhole(value.c_str());
      if (!index || *index >= strings_.size()) {
        diags_.Report(DiagId::err_xlsx_bad_part, where,
                      {"shared string " + value, "it does not exist; the table holds " +
                                                     std::to_string(strings_.size()) + " strings"});
        return;
      }
      cell.text = strings_[*index];
      if (cell.text.empty()) return;
    } else if (type == "str") {
      DecodeXString(&value);
      if (value.empty()) return;
      cell.text = value;
    } else if (type == "e") {
      if (value.empty()) return;
      cell.type = Cell::Type::kError;
      cell.text = value;
    } else if (type == "b") {
      if (value != "0" && value != "1") return BadValue(where, value, "boolean");
      cell.type = Cell::Type::kBoolean;
      cell.number = value == "1" ? 1 : 0;
      cell.text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "d") {
      std::optional<double> serial = ParseIsoDateTime(value);
      if (!serial) return BadValue(where, value, "date");
      SetDate(&cell, *serial);
    } else if (type == "n") {
      std::optional<double> number = ParseNumber(value);
      if (!number) return BadValue(where, value, "number");
      std::optional<uint64_t> style = ParseWhole(c.attribute("s").value());
      double serial = *number + (book_->date1904 ? k1904Offset : 0);
      if (style && *style < xf_is_date_.size() && xf_is_date_[*style] && serial >= 0 && serial < kMaxSerial) {
        SetDate(&cell, serial);
      } else {
        cell.type = Cell::Type::kNumber;
        cell.number = *number;
        cell.text = FormatNumber(*number);
      }
    } else {
      diags_.Report(DiagId::err_xlsx_bad_part, where,
                    {"cell type '" + type + "'", "expected s, str, inlineStr, n, b, e or d"});
      return;
    }
    sheet->cells.push_back(std::move(cell));
  }

  static void SetDate(Cell* cell, double serial) {
    cell->type = Cell::Type::kDateTime;
    cell->number = serial;
    cell->text = FormatSerial(serial);
  }

  void BadValue(Loc where, const std::string& value, const char* type) {
    diags_.Report(DiagId::err_sheet_bad_cell_value, where, {value, type});
  }

  // One past 9999-12-31, the last day Excel shows.
  static constexpr double kMaxSerial = 2958466;

  const std::string& display_;
  Workbook* book_;
  SourceManager& sm_;
  DiagEngine& diags_;
  ZipArchive zip_;
  std::vector<std::string> strings_;
  std::vector<bool> xf_is_date_;
};

}  // namespace

bool ReadXlsx(const std::string& display, const std::string& bytes, Workbook* out, SourceManager& sm,
              DiagEngine& diags) {
  const int errors_before = diags.errors();
  out->format = "xlsx";
  out->file = sm.AddFile(display, "", false);
  XlsxReader(display, out, sm, diags).Read(bytes);
  return diags.errors() == errors_before;
}

}  // namespace plangen::sheets

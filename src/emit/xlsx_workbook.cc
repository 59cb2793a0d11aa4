#include "emit/xlsx_workbook.h"
#include "util/strings.h"

#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace plangen::xlsx {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is invalid.
size_t Utf8SeqLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return n;
}


// The first `chars` characters of valid UTF-8 text.
std::string Utf8Prefix(std::string_view s, size_t chars) {
  size_t i = 0;
  for (size_t k = 0; k < chars && i < s.size(); ++k) i += Utf8SeqLength(s, i);
  return std::string(s.substr(0, i));
}

bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string QuoteSheet(const std::string& name) {
  std::string q = "'";
  for (char c : name) {
    if (c == '\'') q += '\'';
    q += c;
  }
  return q + "'";
}

}  // namespace

size_t Utf8Length(std::string_view s) {
  size_t chars = 0;
  for (size_t i = 0; i < s.size(); ++chars) {
    size_t n = Utf8SeqLength(s, i);
    if (n == 0) return std::string::npos;
    i += n;
  }
  return chars;
}

std::string SheetNameProblem(const std::string& name) {
  if (name.empty()) return "it is empty";
  size_t chars = Utf8Length(name);
  if (chars == std::string::npos) return "it is not valid UTF-8";
  if (chars > kMaxSheetNameChars) return "it is longer than 31 characters";
  for (char c : std::string("[]:*?/\\")) {
    if (name.find(c) != std::string::npos) return std::string("it holds '") + c + "'";
  }
  if (name.front() == '\'' || name.back() == '\'') return "it begins or ends with an apostrophe";
  if (AsciiLower(name) == "history") return "Excel reserves the name 'History'";
  return "";
}

std::string MakeSheetName(const std::string& wanted, const std::vector<std::string>& taken) {
  std::string base;
  for (size_t i = 0; i < wanted.size();) {
    size_t n = Utf8SeqLength(wanted, i);
    if (n == 0) { base += '_'; ++i; continue; }
    char c = wanted[i];
    if (n == 1 && (std::strchr("[]:*?/\\", c) != nullptr || static_cast<unsigned char>(c) < 0x20)) base += '_';
    else base.append(wanted, i, n);
    i += n;
  }
  while (!base.empty() && base.front() == '\'') base.erase(0, 1);
  while (!base.empty() && base.back() == '\'') base.pop_back();
  if (base.empty()) base = "Sheet";
  if (AsciiLower(base) == "history") base += "_";
  base = Utf8Prefix(base, kMaxSheetNameChars);
  auto is_taken = [&](const std::string& n) {
    for (const auto& t : taken) if (AsciiLower(t) == AsciiLower(n)) return true;
    return false;
  };
  std::string name = base;
  for (int k = 2; is_taken(name) || !SheetNameProblem(name).empty(); ++k) {
    std::string suffix = " (" + std::to_string(k) + ")";
    std::string stem = Utf8Prefix(base, kMaxSheetNameChars - suffix.size());
    while (!stem.empty() && stem.back() == '\'') stem.pop_back();
    name = stem + suffix;
  }
  return name;
}

int WrappedLines(std::string_view text, double width) {
  const size_t usable = static_cast<size_t>(std::max(1.0, std::floor(width - 1)));
  int lines = 0;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    // Greedy filling, as a spreadsheet wraps: words separated by spaces, each line as full as it goes.
    size_t used = 0;
    int here = 1;
    size_t pos = 0;
    while (pos < line.size()) {
      size_t sp = line.find(' ', pos);
      std::string_view word = line.substr(pos, sp == std::string_view::npos ? std::string_view::npos : sp - pos);
      size_t n = Utf8Length(word);
      if (n == std::string::npos) n = word.size();
      size_t need = used == 0 ? n : used + 1 + n;
      if (need <= usable) {
        used = need;
      } else if (used == 0) {
        // A word wider than the cell is broken at the edge.
        here += static_cast<int>((n - 1) / usable);
        used = n - (n - 1) / usable * usable;
      } else {
        ++here;
        here += n > usable ? static_cast<int>((n - 1) / usable) : 0;
        used = n > usable ? n - (n - 1) / usable * usable : n;
      }
      if (sp == std::string_view::npos) break;
      pos = sp + 1;
    }
    lines += here;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

double RowPoints(const std::vector<std::string>& texts, const std::vector<double>& widths) {
  int lines = 1;
  for (size_t c = 0; c < texts.size() && c < widths.size(); ++c) lines = std::max(lines, WrappedLines(texts[c], widths[c]));
  return kLinePoints * lines;
}

std::string EscapeOoxmlLiterals(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && (text[i + 1] == 'x' || text[i + 1] == 'X') && IsHex(text[i + 2]) &&
        IsHex(text[i + 3]) && IsHex(text[i + 4]) && IsHex(text[i + 5]) && text[i + 6] == '_') {
      out += "_x005F";
    }
    out += text[i];
  }
  return out;
}

Workbook::Workbook(std::string display, const WorkbookOptions& options, DiagEngine& diags)
    : display_(std::move(display)), diags_(diags), constant_memory_(options.constant_memory),
      title_(options.title), subject_(options.subject), tmpdir_(options.tmpdir) {
  std::string why;
  if (!scratch_.Create(&why)) {
    Fail(why);
    return;
  }
  lxw_workbook_options lo = {};
  lo.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
  if (!tmpdir_.empty()) lo.tmpdir = tmpdir_.data();
  wb_ = workbook_new_opt(scratch_.path().c_str(), &lo);
  if (!wb_) {
    Fail("libxlsxwriter could not create the workbook");
    return;
  }
  ok_ = true;
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(title_.c_str());
  props.subject = const_cast<char*>(subject_.c_str());
  props.author = const_cast<char*>("plangen");
  // Midnight UTC of --as-of: libxlsxwriter writes the current time when this is 0.
  props.created = static_cast<time_t>(options.created.days) * 86400 + (options.created.days == 0 ? 1 : 0);
  Check(workbook_set_properties(wb_, &props), "workbook_set_properties");

  for (int s = 0; s < static_cast<int>(Style::kNumber) + 1; ++s) {
    lxw_format* f = workbook_add_format(wb_);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xBFBFBF);
    switch (static_cast<Style>(s)) {
      case Style::kHeader:
        format_set_bold(f);
        format_set_bg_color(f, 0xD9E1F2);
        break;
      case Style::kLocked:
        format_set_bg_color(f, 0xF2F2F2);
        break;
      case Style::kEditable:
        format_set_unlocked(f);
        break;
      case Style::kToFill:
        format_set_unlocked(f);
        format_set_bg_color(f, 0xFFF2CC);
        break;
      case Style::kDate:
        format_set_unlocked(f);
        format_set_num_format(f, "yyyy-mm-dd");
        break;
      case Style::kNumber:
        break;
    }
    formats_[s] = f;
  }
}

Workbook::~Workbook() {
  if (wb_ && !finished_) {
    // Nothing was asked for: libxlsxwriter still has to free its memory, which it only does on close.
    workbook_close(wb_);
  }
}

bool Workbook::Fail(const std::string& why) {
  if (ok_ || wb_ == nullptr) diags_.Report(DiagId::err_xlsxout_write, Loc{}, {display_, why});
  ok_ = false;
  return false;
}

bool Workbook::Check(lxw_error e, const char* what) {
  if (e == LXW_NO_ERROR) return true;
  return Fail(std::string(what) + ": " + lxw_strerror(e));
}

lxw_worksheet* Workbook::Sheet(int sheet) {
  if (!ok_ || sheet < 0 || sheet >= static_cast<int>(sheets_.size())) return nullptr;
  return sheets_[sheet];
}

int Workbook::AddSheet(const std::string& wanted, Loc loc) {
  if (!ok_) return -1;
  std::string name = MakeSheetName(wanted, names_);
  if (name != wanted) {
    std::string why = SheetNameProblem(wanted);
    if (why.empty()) why = "another sheet has that name";
    diags_.Report(DiagId::warn_xlsxout_sheet_renamed, loc, {wanted, why, name});
  }
  lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
  if (!ws) {
    Fail("workbook_add_worksheet refused sheet '" + name + "'");
    return -1;
  }
  sheets_.push_back(ws);
  names_.push_back(name);
  return static_cast<int>(sheets_.size()) - 1;
}

std::string Workbook::Clean(std::string_view text, Loc loc) {
  std::string valid;
  if (Utf8Length(text) == std::string::npos) {
    diags_.Report(DiagId::err_xlsxout_text_not_utf8, loc, {display_});
    for (size_t i = 0; i < text.size();) {
      size_t n = Utf8SeqLength(text, i);
      if (n == 0) { valid += "\xEF\xBF\xBD"; ++i; continue; }
      valid.append(text.substr(i, n));
      i += n;
    }
  } else {
    valid.assign(text);
  }
  std::string escaped = EscapeOoxmlLiterals(valid);
  size_t chars = Utf8Length(escaped);
  if (chars > kMaxCellChars) {
    diags_.Report(DiagId::err_xlsxout_text_too_long, loc, {std::to_string(Utf8Length(valid)), display_});
    escaped = Utf8Prefix(escaped, kMaxCellChars);
  }
  return escaped;
}

bool Workbook::Text(int sheet, uint32_t row, uint16_t col, std::string_view text, Style style, Loc loc) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  if (text.empty()) return Blank(sheet, row, col, style);
  std::string clean = Clean(text, loc);
  return Check(worksheet_write_string(ws, row, col, clean.c_str(), Format(style)), "worksheet_write_string");
}

bool Workbook::Number(int sheet, uint32_t row, uint16_t col, double value, Style style) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  return Check(worksheet_write_number(ws, row, col, value, Format(style)), "worksheet_write_number");
}

bool Workbook::Blank(int sheet, uint32_t row, uint16_t col, Style style) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  return Check(worksheet_write_blank(ws, row, col, Format(style)), "worksheet_write_blank");
}

bool Workbook::Column(int sheet, uint16_t col, double width, Style style) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  return Check(worksheet_set_column(ws, col, col, width, Format(style)), "worksheet_set_column");
}

bool Workbook::RowHeight(int sheet, uint32_t row, double points) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  return Check(worksheet_set_row(ws, row, points, nullptr), "worksheet_set_row");
}

std::string Workbook::ListRange(const std::vector<std::string>& values) {
  if (lists_sheet_ < 0) {
    lists_sheet_ = AddSheet("Lists", Loc{});
    if (lists_sheet_ < 0) return "";
    worksheet_hide(sheets_[lists_sheet_]);
  }
  uint32_t first = lists_next_row_;
  for (const auto& v : values) {
    if (!Text(lists_sheet_, lists_next_row_++, 0, v, Style::kNumber, Loc{})) return "";
  }
  return "=" + QuoteSheet(names_[lists_sheet_]) + "!$A$" + std::to_string(first + 1) + ":$A$" +
         std::to_string(lists_next_row_);
}

bool Workbook::ListValidation(int sheet, uint32_t first_row, uint32_t last_row, uint16_t col,
                              const std::vector<std::string>& values, bool strict, const std::string& prompt) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws || values.empty()) return ws != nullptr;
  size_t inline_chars = 0;
  bool inline_ok = true;
  for (const auto& v : values) {
    inline_chars += Utf8Length(v) + 1;
    if (v.find_first_of(",\"") != std::string::npos || Utf8Length(v) == std::string::npos) inline_ok = false;
  }
  if (inline_chars > kMaxInlineListChars) inline_ok = false;
  lxw_data_validation dv = {};
  std::vector<const char*> list;
  std::string formula;
  if (inline_ok) {
    for (const auto& v : values) list.push_back(v.c_str());
    list.push_back(nullptr);
    dv.validate = LXW_VALIDATION_TYPE_LIST;
    dv.value_list = const_cast<char**>(list.data());
  } else {
    formula = ListRange(values);
    if (formula.empty()) return false;
    dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    dv.value_formula = const_cast<char*>(formula.c_str());
  }
  dv.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_WARNING;
  dv.input_message = const_cast<char*>(prompt.c_str());
  return Check(worksheet_data_validation_range(ws, first_row, col, last_row, col, &dv),
               "worksheet_data_validation_range");
}

bool Workbook::DateValidation(int sheet, uint32_t first_row, uint32_t last_row, uint16_t col,
                              const std::string& prompt) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  lxw_data_validation dv = {};
  dv.validate = LXW_VALIDATION_TYPE_DATE;
  dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  dv.minimum_datetime = lxw_datetime{2000, 1, 1, 0, 0, 0};
  dv.maximum_datetime = lxw_datetime{2099, 12, 31, 0, 0, 0};
  dv.input_message = const_cast<char*>(prompt.c_str());
  return Check(worksheet_data_validation_range(ws, first_row, col, last_row, col, &dv),
               "worksheet_data_validation_range");
}

bool Workbook::HeaderAndPrint(int sheet, uint32_t rows, const std::string& title) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  worksheet_freeze_panes(ws, rows, 0);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  if (!Check(worksheet_repeat_rows(ws, 0, rows - 1), "worksheet_repeat_rows")) return false;
  // '&' starts a control code in Excel page headers.
  std::string header = "&C&\"-,Bold\"";
  for (char c : title) {
    header += c;
    if (c == '&') header += '&';
  }
  if (Utf8Length(header) > 255) header = "&C&\"-,Bold\"" + Utf8Prefix(title, 200);
  return Check(worksheet_set_header(ws, header.c_str()), "worksheet_set_header") &&
         Check(worksheet_set_footer(ws, "&L&A&RPage &P of &N"), "worksheet_set_footer");
}

bool Workbook::Protect(int sheet) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  lxw_protection p = {};
  p.format_columns = 1;
  p.format_rows = 1;
  p.insert_rows = 1;
  p.sort = 1;
  p.autofilter = 1;
  worksheet_protect(ws, nullptr, &p);
  return true;
}

bool Workbook::Comment(int sheet, uint32_t row, uint16_t col, std::string_view text, Loc loc) {
  lxw_worksheet* ws = Sheet(sheet);
  if (!ws) return false;
  std::string clean = Clean(text, loc);
  lxw_comment_options o = {};
  o.author = const_cast<char*>("plangen");
  o.width = 360;
  o.height = 120;
  return Check(worksheet_write_comment_opt(ws, row, col, clean.c_str(), &o), "worksheet_write_comment");
}

bool Workbook::Finish(std::string* bytes) {
  if (finished_ || wb_ == nullptr) return false;
  finished_ = true;
  lxw_error e = workbook_close(wb_);
  wb_ = nullptr;
  if (!ok_) return false;
  if (!Check(e, "workbook_close")) return false;
  std::string why;
  if (!scratch_.ReadAll(bytes, &why)) return Fail("cannot read back the workbook: " + why);
  if (bytes->empty()) return Fail("libxlsxwriter wrote an empty workbook");
  return true;
}

}  // namespace plangen::xlsx

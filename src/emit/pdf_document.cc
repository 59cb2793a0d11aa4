#include "emit/pdf_document.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <vector>

namespace plangen {

PdfPageSize PdfPaperSize(Paper paper) {
  // A4 is 210 x 297 mm; Letter 8.5 x 11 in.
  return paper == Paper::kLetter ? PdfPageSize{612, 792} : PdfPageSize{595.276, 841.89};
}

std::string PdfEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr double kMarginX = 54, kMarginTop = 54, kMarginBottom = 62, kFooterBaseline = 34;
constexpr double kCodePad = 4;   // inside a command box, above and below its lines
constexpr double kCodeInset = 5; // inside a command box, left and right
constexpr double kLabelWidth = 18;

double Pt(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

const char* FontSpec(PdfFont f) {
  switch (f) {
    case PdfFont::kTitle: return "DejaVu Sans Bold 16";
    case PdfFont::kHeading: return "DejaVu Sans Bold 13";
    case PdfFont::kSubheading: return "DejaVu Sans Bold 11";
    case PdfFont::kMinor: return "DejaVu Sans Bold 9.5";
    case PdfFont::kBody: return "DejaVu Sans 9.5";
    case PdfFont::kSmall: return "DejaVu Sans 7.5";
    case PdfFont::kCode: return "DejaVu Sans Mono 8";
    case PdfFont::kChart: return "DejaVu Sans 7";
  }
  return "DejaVu Sans 9.5";
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// "page=3 pos=[54 120]": where a link or an outline entry goes, in whole points.
std::string Destination(int page, double y) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "page=%d pos=[%d %d]", page + 1, static_cast<int>(kMarginX),
                static_cast<int>(std::max(0.0, y - 6)));
  return buf;
}

}  // namespace

struct PdfDocument::Impl {
  enum class Kind { kText, kCode, kDrawing, kSpace, kGroupBegin, kGroupEnd, kContents };
  struct Line {
    double top, bottom, baseline, x;
  };
  struct Block {
    Kind kind = Kind::kText;
    PangoLayout* layout = nullptr;
    PangoLayout* label = nullptr;  // a list item's number or bullet
    std::vector<Line> lines;
    double x = 0;                  // left of the text, from the left margin
    double before = 0;             // space above
    double height = 0;             // drawings and spaces
    PdfDraw draw;
    std::string anchor;            // headings links point to
    int outline_level = 0;         // > 0: an outline entry
    std::string outline_text;
    std::string target;            // contents entries: the anchor they link to
    bool keep_with_next = false;
    std::string tag;               // its structure element in the tagged PDF ("H2", "P", "LI", ...)
  };
  struct Frag {
    size_t block;
    int page;
    double y;  // top on the page
    size_t from, to;
  };

  PdfPageSize size;
  PangoFontMap* font_map = nullptr;
  PangoContext* context = nullptr;
  std::map<PdfFont, PangoFontDescription*> fonts;
  std::vector<Block> blocks;
  std::vector<Frag> frags;
  std::map<std::string, std::pair<int, double>> anchors;
  int pages = 0;

  explicit Impl(Paper paper) : size(PdfPaperSize(paper)) {
    {
      // fontconfig's first initialisation is not safe to race.
      static std::mutex init;
      std::lock_guard<std::mutex> lock(init);
      font_map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    }
    // Sizes in points: cairo's PDF units are points.
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map), 72.0);
    context = pango_font_map_create_context(font_map);
    // Unhinted outlines and metrics: the layout is that of the printed page, not of a screen.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context, FALSE);
    for (PdfFont f : {PdfFont::kTitle, PdfFont::kHeading, PdfFont::kSubheading, PdfFont::kMinor, PdfFont::kBody,
                      PdfFont::kSmall, PdfFont::kCode, PdfFont::kChart})
      fonts[f] = pango_font_description_from_string(FontSpec(f));
  }

  ~Impl() {
    for (Block& b : blocks) {
      if (b.layout) g_object_unref(b.layout);
      if (b.label) g_object_unref(b.label);
    }
    for (auto& [f, d] : fonts) pango_font_description_free(d);
    g_object_unref(context);
    g_object_unref(font_map);
  }

  double TextWidth() const { return size.width - 2 * kMarginX; }
  double Bottom() const { return size.height - kMarginBottom; }

  // A layout of `text` (markup or plain) `width` points wide (0: one line), breaking lines at
  // word boundaries and inside a word only when it is longer than the line, without hyphens.
  PangoLayout* NewLayout(PdfFont font, double width, const std::string& text, bool markup) const {
    PangoLayout* l = pango_layout_new(context);
    pango_layout_set_font_description(l, fonts.at(font));
    if (width > 0) {
      pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if (markup) {
      pango_layout_set_markup(l, text.c_str(), -1);
    } else {
      pango_layout_set_text(l, text.c_str(), -1);
    }
    PangoAttrList* set = pango_layout_get_attributes(l);
    PangoAttrList* attrs = set ? pango_attr_list_copy(set) : pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
    return l;
  }

  static std::vector<Line> Lines(PangoLayout* l) {
    std::vector<Line> out;
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      int y0 = 0, y1 = 0;
      pango_layout_iter_get_line_yrange(it, &y0, &y1);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      out.push_back({Pt(y0), Pt(y1), Pt(pango_layout_iter_get_baseline(it)), Pt(logical.x)});
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return out;
  }

  void AddText(PdfFont font, const std::string& text, bool markup, double x, double before, PangoLayout* label = nullptr,
               Kind kind = Kind::kText) {
    Block b;
    b.kind = kind;
    double width = TextWidth() - x - (kind == Kind::kCode ? 2 * kCodeInset : 0) - (kind == Kind::kContents ? 36 : 0);
    b.layout = NewLayout(font, width, text, markup);
    b.lines = Lines(b.layout);
    b.label = label;
    b.x = x;
    b.before = before;
    b.tag = kind == Kind::kCode ? "Code" : kind == Kind::kContents ? "TOCI" : label ? "LI" : "P";
    blocks.push_back(std::move(b));
  }

  // Height of one line `i` of a text block, or of a whole drawing.
  static double LineHeight(const Block& b, size_t i) { return b.lines[i].bottom - b.lines[i].top; }
  static double Height(const Block& b) {
    if (b.kind == Kind::kDrawing || b.kind == Kind::kSpace) return b.height;
    if (b.lines.empty()) return 0;
    return b.lines.back().bottom - b.lines.front().top + (b.kind == Kind::kCode ? 2 * kCodePad : 0);
  }
  static double FirstHeight(const Block& b) {
    if (b.kind == Kind::kDrawing || b.kind == Kind::kSpace) return b.height;
    if (b.lines.empty()) return 0;
    return LineHeight(b, 0) + (b.kind == Kind::kCode ? 2 * kCodePad : 0);
  }

  void Layout() {
    frags.clear();
    anchors.clear();
    const double top = kMarginTop, bottom = Bottom(), body = bottom - top;
    int page = 0;
    double y = top;
    auto new_page = [&] {
      ++page;
      y = top;
    };
    for (size_t i = 0; i < blocks.size(); ++i) {
      const Block& b = blocks[i];
      switch (b.kind) {
        case Kind::kGroupBegin: {
          double h = 0;
          for (size_t j = i + 1; j < blocks.size() && blocks[j].kind != Kind::kGroupEnd; ++j)
            h += blocks[j].before + Height(blocks[j]);
          if (y > top && y + h > bottom && h <= body) new_page();
          break;
        }
        case Kind::kGroupEnd:
          break;
        case Kind::kSpace:
          if (y > top) y = std::min(bottom, y + b.height);
          break;
        case Kind::kDrawing: {
          if (y > top) y += b.before;
          if (y > top && y + b.height > bottom) new_page();
          frags.push_back({i, page, y, 0, 0});
          y += b.height;
          break;
        }
        default: {
          if (y > top) y += b.before;
          // A heading goes with the first line of what follows it.
          double need = FirstHeight(b);
          if (b.keep_with_next) {
            need = Height(b);
            for (size_t j = i + 1; j < blocks.size(); ++j) {
              const Block& n = blocks[j];
              if (n.kind == Kind::kGroupBegin || n.kind == Kind::kGroupEnd || n.kind == Kind::kSpace) continue;
              need += n.before + FirstHeight(n);
              break;
            }
          }
          if (y > top && y + need > bottom) new_page();
          if (!b.anchor.empty()) anchors[b.anchor] = {page, y};
          const double pad = b.kind == Kind::kCode ? kCodePad : 0;
          size_t from = 0;
          double frag_top = y;
          y += pad;
          for (size_t k = 0; k < b.lines.size(); ++k) {
            double h = LineHeight(b, k);
            if (k > from && y + h + pad > bottom) {
              frags.push_back({i, page, frag_top, from, k});
              new_page();
              from = k;
              frag_top = y;
              y += pad;
            }
            y += h;
          }
          y += pad;
          frags.push_back({i, page, frag_top, from, b.lines.size()});
        }
      }
    }
    pages = page + 1;
  }
};

namespace {

class Canvas : public PdfCanvas {
 public:
  Canvas(cairo_t* cr, PdfDocument::Impl& doc) : cr_(cr), doc_(doc) {}
  cairo_t* cr() override { return cr_; }
  double Text(const std::string& text, PdfFont font, double x, double y, int align, double max_width) override {
    PangoLayout* l = doc_.NewLayout(font, 0, text, false);
    if (max_width > 0) {
      pango_layout_set_width(l, static_cast<int>(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    }
    PangoRectangle logical;
    pango_layout_get_extents(l, nullptr, &logical);
    double w = Pt(logical.width);
    double left = align < 0 ? x : align == 0 ? x - w / 2 : x - w;
    cairo_move_to(cr_, left - Pt(logical.x), y);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
    return w;
  }

 private:
  cairo_t* cr_;
  PdfDocument::Impl& doc_;
};

}  // namespace

PdfDocument::PdfDocument(Paper paper) : impl_(std::make_unique<Impl>(paper)) {}
PdfDocument::~PdfDocument() = default;

bool PdfDocument::FontsAvailable(std::string* why) const {
  for (const char* family : {kPdfSansFamily, kPdfMonoFamily}) {
    PangoFontDescription* d = pango_font_description_from_string(family);
    PangoFont* font = pango_font_map_load_font(impl_->font_map, impl_->context, d);
    std::string found;
    if (font) {
      PangoFontDescription* got = pango_font_describe(font);
      const char* f = pango_font_description_get_family(got);
      found = f ? f : "";
      pango_font_description_free(got);
      g_object_unref(font);
    }
    pango_font_description_free(d);
    if (found != family) {
      *why = std::string("the font '") + family + "' is not installed (" +
             (found.empty() ? std::string("no font found") : "fontconfig offers '" + found + "' instead") +
             "); install fonts-dejavu-core";
      return false;
    }
  }
  return true;
}

double PdfDocument::TextWidth() const { return impl_->TextWidth(); }
int PdfDocument::pages() const { return impl_->pages; }

void PdfDocument::Heading(int level, const std::string& text, const std::string& anchor, bool outline) {
  static const PdfFont kFonts[] = {PdfFont::kTitle, PdfFont::kTitle, PdfFont::kHeading, PdfFont::kSubheading, PdfFont::kMinor};
  static const double kBefore[] = {0, 0, 16, 12, 7};
  level = std::clamp(level, 1, 4);
  impl_->AddText(kFonts[level], PdfEscape(text), true, 0, kBefore[level]);
  Impl::Block& b = impl_->blocks.back();
  b.keep_with_next = true;
  b.anchor = anchor;
  b.tag = "H" + std::to_string(level);
  if (outline) {
    b.outline_level = level;
    b.outline_text = text;
  }
}

void PdfDocument::Paragraph(const std::string& markup, double indent, PdfFont font) {
  impl_->AddText(font, markup, true, indent, 4);
}

void PdfDocument::Item(const std::string& label, const std::string& markup, double indent) {
  PangoLayout* l = impl_->NewLayout(PdfFont::kBody, 0, label, false);
  impl_->AddText(PdfFont::kBody, markup, true, indent + kLabelWidth, 3, l);
}

void PdfDocument::Code(const std::string& text, double indent) {
  impl_->AddText(PdfFont::kCode, text, false, indent, 3, nullptr, Impl::Kind::kCode);
}

void PdfDocument::ContentsEntry(const std::string& text, const std::string& anchor, double indent) {
  impl_->AddText(PdfFont::kBody, PdfEscape(text), true, indent, 2, nullptr, Impl::Kind::kContents);
  impl_->blocks.back().target = anchor;
}

void PdfDocument::Drawing(double height, PdfDraw draw) {
  Impl::Block b;
  b.kind = Impl::Kind::kDrawing;
  b.tag = "Figure";
  b.height = height;
  b.before = 4;
  b.draw = std::move(draw);
  impl_->blocks.push_back(std::move(b));
}

void PdfDocument::Space(double points) {
  Impl::Block b;
  b.kind = Impl::Kind::kSpace;
  b.height = points;
  impl_->blocks.push_back(std::move(b));
}

void PdfDocument::BeginGroup() {
  Impl::Block b;
  b.kind = Impl::Kind::kGroupBegin;
  impl_->blocks.push_back(std::move(b));
}

void PdfDocument::EndGroup() {
  Impl::Block b;
  b.kind = Impl::Kind::kGroupEnd;
  impl_->blocks.push_back(std::move(b));
}

bool PdfDocument::Write(const PdfMetadata& meta, const std::string& footer, std::string* bytes, std::string* why) {
  Impl& d = *impl_;
  d.Layout();
  bytes->clear();
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendBytes, bytes, d.size.width, d.size.height);
  // Every date from --as-of: without them cairo writes the clock's time into /CreationDate.
  const std::string date = meta.date + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta.author.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta.subject.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "plangen");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  cairo_t* cr = cairo_create(surface);
  Canvas drawing(cr, d);
  PdfCanvas& canvas = drawing;
  // A tagged PDF: each block is a structure element (headings, paragraphs, list items in lists,
  // commands, contents entries, figures) in reading order, under one Document, so that screen
  // readers and reflowing viewers follow the text. Elements end with their page; the footer is
  // left out of the structure.
  cairo_tag_begin(cr, "Document", "");
  size_t next = 0;
  for (int page = 0; page < d.pages; ++page) {
    bool in_list = false;
    for (; next < d.frags.size() && d.frags[next].page == page; ++next) {
      const Impl::Frag& f = d.frags[next];
      const Impl::Block& b = d.blocks[f.block];
      const double x = kMarginX + b.x;
      if (in_list != (b.tag == "LI")) {
        if (in_list) cairo_tag_end(cr, "L");
        else cairo_tag_begin(cr, "L", "");
        in_list = !in_list;
      }
      cairo_tag_begin(cr, b.tag.c_str(), "");
      if (b.kind == Impl::Kind::kDrawing) {
        cairo_save(cr);
        b.draw(canvas, kMarginX, f.y, d.TextWidth());
        cairo_restore(cr);
        cairo_tag_end(cr, b.tag.c_str());
        continue;
      }
      const double first_top = b.lines[f.from].top;
      const double pad = b.kind == Impl::Kind::kCode ? kCodePad : 0;
      if (b.kind == Impl::Kind::kCode) {
        double h = b.lines[f.to - 1].bottom - first_top + 2 * pad;
        cairo_rectangle(cr, x, f.y, d.TextWidth() - b.x, h);
        cairo_set_source_rgb(cr, 0.94, 0.94, 0.94);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
        cairo_set_line_width(cr, 0.6);
        cairo_stroke(cr);
      }
      cairo_set_source_rgb(cr, 0, 0, 0);
      const double text_x = x + (b.kind == Impl::Kind::kCode ? kCodeInset : 0);
      std::string link;
      if (b.kind == Impl::Kind::kContents) {
        auto it = d.anchors.find(b.target);
        if (it != d.anchors.end()) {
          link = Destination(it->second.first, it->second.second);
          cairo_tag_begin(cr, CAIRO_TAG_LINK, link.c_str());
        }
      }
      if (f.from == 0 && b.label) {
        // The number or bullet ends a little left of the text, whatever its width ("9." and "10.").
        PangoRectangle logical;
        pango_layout_get_extents(b.label, nullptr, &logical);
        cairo_move_to(cr, x - 4 - Pt(logical.width), f.y + pad + b.lines[0].baseline - first_top);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.label, 0));
      }
      for (size_t k = f.from; k < f.to; ++k) {
        cairo_move_to(cr, text_x + b.lines[k].x, f.y + pad + b.lines[k].baseline - first_top);
        pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(b.layout, static_cast<int>(k)));
      }
      if (b.kind == Impl::Kind::kContents) {
        auto it = d.anchors.find(b.target);
        if (it != d.anchors.end()) {
          canvas.Text(std::to_string(it->second.first + 1), PdfFont::kBody, kMarginX + d.TextWidth(),
                      f.y + b.lines[f.to - 1].top - first_top, 1);
        }
        if (!link.empty()) cairo_tag_end(cr, CAIRO_TAG_LINK);
      }
      cairo_tag_end(cr, b.tag.c_str());
    }
    if (in_list) cairo_tag_end(cr, "L");
    // The running footer.
    const double fy = d.size.height - kFooterBaseline;
    cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
    cairo_move_to(cr, kMarginX, fy - 8);
    cairo_line_to(cr, d.size.width - kMarginX, fy - 8);
    cairo_set_line_width(cr, 0.4);
    cairo_stroke(cr);
    const std::string number = "Page " + std::to_string(page + 1) + " of " + std::to_string(d.pages);
    double nw = canvas.Text(number, PdfFont::kSmall, d.size.width - kMarginX, fy - 4, 1);
    canvas.Text(footer, PdfFont::kSmall, kMarginX, fy - 4, -1, d.TextWidth() - nw - 18);
    cairo_show_page(cr);
  }
  cairo_tag_end(cr, "Document");
  // The outline: parts, and the duties nested under them.
  int parent[5] = {CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT,
                   CAIRO_PDF_OUTLINE_ROOT};
  for (const Impl::Block& b : d.blocks) {
    if (b.outline_level == 0) continue;
    auto it = d.anchors.find(b.anchor);
    if (it == d.anchors.end()) continue;
    int id = cairo_pdf_surface_add_outline(surface, parent[b.outline_level - 1], b.outline_text.c_str(),
                                           Destination(it->second.first, it->second.second).c_str(),
                                           static_cast<cairo_pdf_outline_flags_t>(0));
    for (int l = b.outline_level; l < 5; ++l) parent[l] = id;
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    *why = std::string("cairo: ") + cairo_status_to_string(status);
    bytes->clear();
    return false;
  }
  return true;
}

}  // namespace plangen

// A small typesetting layer over pango and cairo for the PDF outputs (--pdf): blocks of text,
// monospaced command boxes and vector drawings flowed onto A4 or Letter pages, laid out once to
// count the pages, then drawn with a running footer ("Page i of N"), an outline and links from
// the contents to the pages. Pango shapes and breaks the text (at spaces and punctuation, inside a
// word only when it is longer than the line); cairo writes the PDF with subsets of the fonts
// embedded. The fonts are pinned by family name and checked, and the PDF's dates come from
// --as-of, so the bytes depend on the inputs only.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "emit/print_page.h"

typedef struct _cairo cairo_t;

namespace plangen {

/// The families every PDF is set in (fonts-dejavu-core); a machine without them fails the build.
constexpr const char* kPdfSansFamily = "DejaVu Sans";
constexpr const char* kPdfMonoFamily = "DejaVu Sans Mono";

/// A page's size in points (1/72 in): A4 595.276 x 841.89, Letter 612 x 792.
struct PdfPageSize {
  double width;
  double height;
};
PdfPageSize PdfPaperSize(Paper paper);

/// `text` escaped for pango markup (<, >, &, quotes).
std::string PdfEscape(const std::string& text);

enum class PdfFont { kTitle, kHeading, kSubheading, kMinor, kBody, kSmall, kCode, kChart };

/// What a drawing block gets to draw with: the cairo context, its box, and text set in the
/// document's fonts.
class PdfCanvas {
 public:
  virtual ~PdfCanvas() = default;
  virtual cairo_t* cr() = 0;
  /// Draws `text` (plain, not markup) with its top at `y`; `align` -1 left of x, 0 centred on x,
  /// 1 ending at x. Text wider than `max_width` (> 0) is cut with an ellipsis. Returns its width.
  virtual double Text(const std::string& text, PdfFont font, double x, double y, int align, double max_width = 0) = 0;
};
using PdfDraw = std::function<void(PdfCanvas& canvas, double x, double y, double width)>;

struct PdfMetadata {
  std::string title;
  std::string author;
  std::string subject;
  /// ISO 8601 date ("2026-12-01"): the creation and modification dates of the document.
  std::string date;
};

class PdfDocument {
 public:
  explicit PdfDocument(Paper paper);
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  /// False (with the reason) when a pinned font family is missing: fontconfig would set the text
  /// in some other font.
  bool FontsAvailable(std::string* why) const;

  /// The width text may take on a page, in points.
  double TextWidth() const;

  /// A heading (level 1 title, 2 part, 3 duty, 4 sub-part). `anchor`: a name links point to;
  /// with `outline`, an entry in the PDF's outline (bookmarks), nested by level. Headings stay on
  /// the page of what follows them.
  void Heading(int level, const std::string& text, const std::string& anchor = "", bool outline = false);
  /// A paragraph of pango markup, indented by `indent` points.
  void Paragraph(const std::string& markup, double indent = 0, PdfFont font = PdfFont::kBody);
  /// A list item: `label` ("3.", "•", "☐") hanging in the indent, then the markup.
  void Item(const std::string& label, const std::string& markup, double indent = 14);
  /// A command in a monospaced face in a shaded box, wrapped at spaces and punctuation.
  void Code(const std::string& text, double indent = 14);
  /// A contents line: the text linked to `anchor`'s page, whose number is printed at the right.
  void ContentsEntry(const std::string& text, const std::string& anchor, double indent = 0);
  /// A drawing `height` points tall, across the text width.
  void Drawing(double height, PdfDraw draw);
  /// Vertical space.
  void Space(double points);
  /// What is between BeginGroup and EndGroup starts on a new page when it does not fit on the
  /// rest of this one but fits on a page; a longer group flows from where it is.
  void BeginGroup();
  void EndGroup();

  /// Lays the blocks out, then writes the PDF: every page with `footer` at the bottom left and
  /// "Page i of N" at the right. False with the reason when cairo reports an error.
  bool Write(const PdfMetadata& meta, const std::string& footer, std::string* bytes, std::string* why);
  /// The number of pages of the last Write.
  int pages() const;

  struct Impl;  ///< the blocks, their layout and the fonts (pdf_document.cc)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace plangen

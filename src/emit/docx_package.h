// Word documents (.docx): the WordprocessingML parts rendered from the Mustache templates under
// templates/docx/ (escaped for XML), with their images, zipped by the project's zip writer. No
// maintained C or C++ library writes .docx in Debian; the parts are kept to what Word and
// LibreOffice need, one template each.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "audit/zip_writer.h"
#include "emit/emit_context.h"
#include "tmpl/templates.h"

namespace plangen {

/// The page of a Word document for --paper, in twentieths of a point: A4 11906 x 16838,
/// Letter 12240 x 15840, with margins of 1134 (2 cm) on every side.
struct DocxPage {
  int width = 0, height = 0, margin = 1134;
  int TextWidth() const { return width - 2 * margin; }
};
DocxPage DocxPageOf(Paper paper);

/// One document being put together: the numbered lists, bookmarks and images its
/// document.xml refers to, then Write renders every part and zips them.
class DocxDocument {
 public:
  /// `path`: the output the document becomes ("runbooks/dba.docx"), for diagnostics.
  DocxDocument(const EmitContext& ctx, std::string path) : ctx_(ctx), path_(std::move(path)) {}

  /// Renders the document's main part (word/document.xml, which grows with the plan) into a file
  /// in `dir` (the staging directory) rather than in memory; it is removed once zipped.
  void SetScratchDir(std::string dir) { scratch_dir_ = std::move(dir); }

  /// A new numbered list starting at 1: the numId its paragraphs name.
  std::string NewList();
  /// A bookmark id not used before in the document.
  std::string NewBookmarkId() { return std::to_string(next_bookmark_++); }
  /// Adds an SVG drawing (an <svg> element, as the HTML pages inline it, styled by `css`) as a
  /// picture as wide as the text: a PNG drawn by librsvg, with the SVG itself as Word's SVG
  /// extension. Sets `drawing` to the keys of a drawing: png_rid, svg_rid, cx, cy, drawing_id,
  /// name, descr. False when the SVG cannot be drawn (reported).
  bool AddSvg(const std::string& svg, const std::string& css, const std::string& descr, TemplateData* drawing);
  /// What zips a document's parts: into an output of its own (OutputSet::AddZip, straight into
  /// the staging directory) or into bytes. False, with `err`, when the archive cannot be made.
  using Zip = std::function<bool(std::vector<audit::ZipMember> members, const audit::ZipWriteOptions& options,
                                 std::string* err)>;

  /// Renders templates/docx/<kind>/document.xml.mustache and the shared parts with `view`
  /// and the document's own keys (docx_*), and hands them to `zip`. `title`: the document's
  /// title property; `footer`: the text of every page's footer, before "Page X of Y".
  bool Write(const std::string& kind, TemplateData view, const std::string& title, const std::string& footer,
             const Zip& zip);
  /// Write, zipped into `bytes`.
  bool Write(const std::string& kind, TemplateData view, const std::string& title, const std::string& footer,
             std::string* bytes);

 private:
  struct Image {
    std::shared_ptr<const std::string> png;  ///< shared with the build's PngCache
    std::string svg;
  };
  const EmitContext& ctx_;
  std::string path_;
  std::string scratch_dir_;
  int lists_ = 0;
  int next_bookmark_ = 100;  // the templates' own bookmarks use ids below 100
  std::vector<Image> images_;
};

/// A section lambda, {{#docx_lines}}...{{/docx_lines}}: renders its text, then turns each line
/// break into a Word line break inside the run (the text must sit in a <w:t xml:space="preserve">).
TemplateData DocxLinesLambda();

/// The names of the parts every document has, in the order they are written.
const std::vector<std::string>& DocxPartNames();

}  // namespace plangen

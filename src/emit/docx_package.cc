#include "emit/docx_package.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "audit/zip_writer.h"
#include "emit/docx_tables.h"
#include "emit/svg_png.h"
#include "tmpl/data_moves.h"

namespace plangen {

namespace {

using kainjow::mustache::data;

// English Metric Units per twip: 914400 per inch, 1440 twips per inch.
constexpr int64_t kEmuPerTwip = 635;
// The PNG is drawn at twice the SVG's size, sharp on paper and on high-density screens.
constexpr double kPngScale = 2.0;

struct Part {
  const char* name;
  const char* tmpl;  // under templates/docx/; "%" is the document's kind
};

const std::vector<Part>& Parts() {
  static const std::vector<Part> parts = {
      {"[Content_Types].xml", "content_types.xml.mustache"},
      {"_rels/.rels", "rels.xml.mustache"},
      {"docProps/core.xml", "core.xml.mustache"},
      {"word/document.xml", "%/document.xml.mustache"},
      {"word/_rels/document.xml.rels", "document_rels.xml.mustache"},
      {"word/styles.xml", "styles.xml.mustache"},
      {"word/numbering.xml", "numbering.xml.mustache"},
      {"word/footer1.xml", "footer.xml.mustache"},
  };
  return parts;
}

// `svg` as a document of its own: the HTML page's style rules for it inside, and without the
// characters XML forbids (an HTML page shows a control character of a step's title; an SVG
// file holding one is not XML).
std::string StandaloneSvg(const std::string& svg, const std::string& css) {
  std::string clean;
  clean.reserve(svg.size());
  for (size_t i = 0; i < svg.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(svg[i]);
    if (c < 0x20 && c != '\t' && c != '\n') continue;
    if (c == 0xEF && i + 2 < svg.size() && static_cast<unsigned char>(svg[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(svg[i + 2]) & 0xFE) == 0xBE) {
      i += 2;
      continue;
    }
    clean.push_back(static_cast<char>(c));
  }
  size_t open = clean.find("<svg");
  size_t end = open == std::string::npos ? std::string::npos : clean.find('>', open);
  if (end == std::string::npos) return clean;
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + clean.substr(0, end + 1) + "<style>" + css + "</style>" +
         clean.substr(end + 1);
}

}  // namespace

DocxPage DocxPageOf(Paper paper) {
  DocxPage p;
  if (paper == Paper::kLetter) {
    p.width = 12240;
    p.height = 15840;
  } else {
    p.width = 11906;
    p.height = 16838;
  }
  return p;
}

const std::vector<std::string>& DocxPartNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const Part& p : Parts()) n.push_back(p.name);
    return n;
  }();
  return names;
}

TemplateData DocxLinesLambda() {
  return TemplateData(kainjow::mustache::lambda2{[](const std::string& text, const kainjow::mustache::renderer& render) {
    std::string in = render(text), out;
    for (char c : in) {
      if (c == '\n') {
        out += "</w:t><w:br/><w:t xml:space=\"preserve\">";
      } else {
        out.push_back(c);
      }
    }
    return out;
  }});
}

std::string DocxDocument::NewList() { return std::to_string(++lists_ + 1); }  // numId 1 is the bullets

bool DocxDocument::AddSvg(const std::string& svg, const std::string& css, const std::string& descr, TemplateData* drawing) {
  Image img;
  img.svg = StandaloneSvg(svg, css);
  PngCache::Png png;
  std::string err;
  if (!ctx_.png_cache->Draw(img.svg, kPngScale, &png, &err)) {
    ctx_.diags.Report(DiagId::err_output_unwritable, Loc(), {path_, err});
    return false;
  }
  img.png = png.bytes;
  const int w = png.width, h = png.height;
  images_.push_back(std::move(img));
  const std::string n = std::to_string(images_.size());
  const int64_t cx = static_cast<int64_t>(DocxPageOf(ctx_.paper).TextWidth()) * kEmuPerTwip;
  const int64_t cy = static_cast<int64_t>(std::llround(static_cast<double>(cx) * h / w));
  data d;
  d.set("png_rid", "rIdImage" + n + "png");
  d.set("svg_rid", "rIdImage" + n + "svg");
  d.set("cx", std::to_string(cx));
  d.set("cy", std::to_string(cy));
  d.set("drawing_id", n);
  d.set("name", "Picture " + n);
  d.set("descr", descr);
  *drawing = std::move(d);
  return true;
}

bool DocxDocument::Write(const std::string& kind, TemplateData view, const std::string& title, const std::string& footer,
                         std::string* bytes) {
  return Write(kind, std::move(view), title, footer,
               [bytes](std::vector<audit::ZipMember> members, const audit::ZipWriteOptions& options, std::string* err) {
                 return audit::ZipToBytes(std::move(members), options, bytes, err);
               });
}

bool DocxDocument::Write(const std::string& kind, TemplateData view, const std::string& title, const std::string& footer,
                         const Zip& zip) {
  const DocxPage page = DocxPageOf(ctx_.paper);
  Set(view, "docx_page_w", data(std::to_string(page.width)));
  Set(view, "docx_page_h", data(std::to_string(page.height)));
  Set(view, "docx_text_w", data(std::to_string(page.TextWidth())));
  SetDocxColumnKeys(kind, page.TextWidth(), &view);
  Set(view, "docx_title", data(title));
  Set(view, "docx_footer", data(footer));
  Set(view, "docx_date", data(FormatDate(ctx_.as_of) + "T00:00:00Z"));
  data lists{data::type::list};
  for (int i = 1; i <= lists_; ++i) {
    data l;
    l.set("num_id", std::to_string(i + 1));
    Append(lists, std::move(l));
  }
  Set(view, "docx_lists", std::move(lists));
  std::vector<audit::ZipMember> members;
  data images{data::type::list};
  // Pictures that draw the same (the timelines of scenarios that differ only in names, which a
  // title holds and the drawing does not show) share one PNG part: the package holds each
  // picture once, however many scenarios show it.
  std::map<std::string_view, std::string> png_part;  // PNG bytes -> the part that holds them
  for (size_t i = 0; i < images_.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    const std::string& png_bytes = *images_[i].png;
    auto [part, added] = png_part.emplace(png_bytes, "media/image" + n + ".png");
    data d;
    d.set("png_rid", "rIdImage" + n + "png");
    d.set("svg_rid", "rIdImage" + n + "svg");
    d.set("png_target", part->second);
    d.set("svg_target", "media/image" + n + ".svg");
    Append(images, std::move(d));
    if (added) {
      audit::ZipMember png{"word/" + part->second, ""};
      png.borrowed = &png_bytes;
      members.push_back(std::move(png));
    }
    members.push_back({"word/media/image" + n + ".svg", std::move(images_[i].svg)});
  }
  Set(view, "docx_has_images", data(!images.is_empty_list()));
  Set(view, "docx_images", std::move(images));
  Set(view, "docx_lines", DocxLinesLambda());
  std::vector<std::string> scratch_files;
  auto remove_scratch = [&](bool result) {
    for (const std::string& f : scratch_files) std::remove(f.c_str());
    return result;
  };
  for (const Part& p : Parts()) {
    std::string tmpl = p.tmpl;
    if (size_t pct = tmpl.find('%'); pct != std::string::npos) tmpl.replace(pct, 1, kind);
    if (p.name == "word/document.xml" && !scratch_dir_.empty()) {
      // Written to a file the archive reads, never held whole: a hidden name, unique to this
      // output, in the staging directory (removed with it if the build stops here).
      std::string file = path_;
      std::replace(file.begin(), file.end(), '/', '-');
      file = scratch_dir_ + "/.plangen-part-" + file + "-document.xml";
      std::ofstream part(file, std::ios::binary | std::ios::trunc);
      const bool rendered = ctx_.templates.RenderTo(
          "docx/" + tmpl, view, [&part](const std::string& piece) { part.write(piece.data(), static_cast<std::streamsize>(piece.size())); },
          ctx_.diags, ctx_.sources);
      part.close();
      scratch_files.push_back(file);
      if (!rendered) return remove_scratch(false);
      if (!part) {
        ctx_.diags.Report(DiagId::err_output_unwritable, Loc(), {path_, "cannot write '" + file + "'"});
        return remove_scratch(false);
      }
      audit::ZipMember m{p.name, {}};
      m.file = file;
      members.push_back(std::move(m));
      continue;
    }
    std::string text;
    if (!ctx_.templates.Render("docx/" + tmpl, view, &text, ctx_.diags, ctx_.sources)) return remove_scratch(false);
    members.push_back({p.name, std::move(text)});
  }
  audit::ZipWriteOptions zo;
  zo.mtime = static_cast<int64_t>(ctx_.as_of.days) * 86400;
  zo.office_package = true;
  std::string err;
  const bool zipped = zip(std::move(members), zo, &err);
  remove_scratch(true);
  images_.clear();  // after the archive: its PNG members borrowed their bytes
  if (!zipped) {
    ctx_.diags.Report(DiagId::err_output_unwritable, Loc(), {path_, err});
    return false;
  }
  return true;
}

}  // namespace plangen

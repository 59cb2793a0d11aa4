// runbooks/<role>.docx: the runbook as a Word document, from the view the HTML and Markdown
// runbooks are rendered from, with the keys only a Word document needs: a bookmark per
// scenario and backup for the contents' links, a numbered list per procedure run and backup
// (numbering restarts at 1 in each), and each scenario's timeline as a picture.
#include "emit/docx_package.h"
#include "emit/runbook_view.h"
#include "tmpl/data_moves.h"

namespace plangen {

namespace {

using kainjow::mustache::data;

// The timeline's look, as the HTML pages' style sheet gives it (partials/print_css.mustache).
constexpr const char* kTimelineCss =
    "svg{font-family:Arial,'Liberation Sans',sans-serif;font-size:10px}"
    ".grid{stroke:#ddd}.tick{fill:#555;font-size:12px}.lane{fill:#111}"
    ".bar rect{fill:#8fb3d9;stroke:#245}.bar.critical rect{fill:#d98f8f;stroke:#622}"
    ".bar.lead rect{fill:#ccc;stroke:#555}.bar text{fill:#000}"
    ".rto{stroke:#b00;stroke-width:2;stroke-dasharray:5 3}.rto-label{fill:#b00;text-anchor:end}";

// The items of the list `key` of `object`, to add keys to (none when it is not a list).
kainjow::mustache::list* Items(const data& object, const char* key) {
  const data* d = object.get(key);
  if (!d || !d->is_list()) return nullptr;
  return &const_cast<kainjow::mustache::list&>(d->list_value());
}

std::string StringKey(const data& object, const char* key) {
  const data* d = object.get(key);
  return d && d->is_string() ? d->string_value() : std::string();
}

}  // namespace

bool RenderRunbookDocx(const EmitContext& ctx, TemplateData view, const std::string& path, OutputSet& out) {
  DocxDocument doc(ctx, path);
  if (out.staged()) doc.SetScratchDir(out.staged()->staging_dir());
  int n = 0;
  if (kainjow::mustache::list* scenarios = Items(view, "scenarios")) {
    for (data& s : *scenarios) {
      Set(s, "docx_bookmark", data("scenario_" + std::to_string(++n)));
      Set(s, "docx_bookmark_id", data(doc.NewBookmarkId()));
      data drawing(false);
      const std::string svg = StringKey(s, "timeline_svg");
      if (!svg.empty() && !doc.AddSvg(svg, kTimelineCss, "Timeline of " + StringKey(s, "title"), &drawing)) return false;
      // The document shows the picture, not the SVG text (tens of megabytes at 100,000 servers):
      // this copy of the view need not keep it.
      if (!svg.empty()) Set(s, "timeline_svg", data(std::string()));
      Set(s, "docx_timeline", std::move(drawing));
      if (kainjow::mustache::list* runs = Items(s, "procedure_runs"))
        for (data& run : *runs) Set(run, "docx_list", data(doc.NewList()));
    }
  }
  n = 0;
  if (kainjow::mustache::list* backups = Items(view, "backups")) {
    for (data& b : *backups) {
      Set(b, "docx_bookmark", data("backup_" + std::to_string(++n)));
      Set(b, "docx_bookmark_id", data(doc.NewBookmarkId()));
      Set(b, "docx_list", data(doc.NewList()));
    }
  }
  const std::string role_title = StringKey(view, "role_title");
  // Zipped straight into its file: the archive is never held in memory.
  return doc.Write("runbook", std::move(view), "Runbook: " + role_title,
                   PrintFooterPlan(ctx) + " \u00b7 Runbook: " + role_title,
                   [&out, &path](std::vector<audit::ZipMember> members, const audit::ZipWriteOptions& options,
                                 std::string* err) {
                     OutputSet::Written written;
                     return out.AddZip(path, std::move(members), options, &written, err);
                   });
}

}  // namespace plangen

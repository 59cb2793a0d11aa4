// index.html at the top of the output directory: a link to every other output, by folder.
#include <map>

#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "tmpl/data_moves.h"
#include "util/paths.h"

namespace plangen {

namespace {

using kainjow::mustache::data;

const char* FolderTitle(const std::string& folder) {
  if (folder == "runbooks") return "Runbooks";
  if (folder == "checklists") return "Validation checklists";
  if (folder == "calendar") return "Calendars";
  if (folder == "worksheets") return "Worksheets";
  if (folder == "scripts") return "Scripts";
  if (folder == "report") return "Cross-check report";
  if (folder == "audit") return "Audit package";
  return "Other files";
}


}  // namespace

bool EmitIndex(const EmitContext& ctx, OutputSet& out) {
  std::map<std::string, std::string> role_by_stem;
  for (const Role& r : ctx.plan.roles) role_by_stem[RoleFileStem(r.id.value)] = r.name.empty() ? r.id.value : r.name.value;
  std::map<std::string, data> folders;
  std::vector<std::string> order = {"runbooks", "checklists", "calendar", "worksheets", "scripts", "report", "audit"};
  for (const auto& [path, bytes] : out.files()) {
    if (path == "summary.html") continue;  // at the top of the page, not among the other files
    size_t slash = path.find('/');
    std::string folder = slash == std::string::npos ? "" : path.substr(0, slash);
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    size_t dot = name.rfind('.');
    std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
    data f;
    f.set("href", PercentEncodePath(path));
    f.set("path", path);
    f.set("label", (folder == "runbooks" || folder == "calendar") && role_by_stem.count(stem) ? role_by_stem[stem] : name);
    f.set("format", dot == std::string::npos ? std::string() : name.substr(dot + 1));
    auto it = folders.find(folder);
    if (it == folders.end()) it = folders.emplace(folder, data(data::type::list)).first;
    Append(it->second, std::move(f));
  }
  for (const auto& [folder, files] : folders)
    if (std::find(order.begin(), order.end(), folder) == order.end()) order.push_back(folder);
  data sections{data::type::list};
  for (const std::string& folder : order) {
    auto it = folders.find(folder);
    if (it == folders.end()) continue;
    data s;
    s.set("title", std::string(FolderTitle(folder)));
    Set(s, "files", std::move(it->second));
    Append(sections, std::move(s));
  }
  data view;
  view.set("plan_title", ctx.plan.title.value);
  view.set("plan_id", ctx.plan.id.value);
  view.set("plan_version", ctx.plan.version.value);
  view.set("as_of", FormatDate(ctx.as_of));
  view.set("draft", ctx.draft);
  SetPrintPage(ctx, PrintFooterPlan(ctx) + " \u00b7 Outputs", &view);
  Set(view, "sections", std::move(sections));
  view.set("has_summary", out.Has("summary.html"));
  return AddRendered(ctx, "index.html", "index.html.mustache", view, out);
}

}  // namespace plangen

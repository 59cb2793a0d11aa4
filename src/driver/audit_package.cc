#include "driver/audit_package.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "audit/safe_name.h"
#include "audit/zip_reader.h"
#include "emit/audit_summary_view.h"
#include "plangen_config.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

using audit::MemberRole;
using audit::PackageMember;

class MemberList {
 public:
  explicit MemberList(DiagEngine& diags) : diags_(diags) {}

  bool Add(std::string path, std::string data, MemberRole role) {
    return Add(PackageMember{std::move(path), std::move(data), role});
  }

  bool Add(PackageMember m) {
    std::string why = audit::UnusableMemberPathReason(m.path);
    if (!why.empty()) {
      diags_.Report(DiagId::err_output_name_unsafe, Loc(), {"audit package member", m.path, why});
      return false;
    }
    if (!names_.emplace(m.path, members_.size()).second) {
      diags_.Report(DiagId::err_package_unwritable, Loc(), {m.path, "two members would have this name"});
      return false;
    }
    members_.push_back(std::move(m));
    return true;
  }

  bool Has(const std::string& path) const { return names_.count(path) > 0; }

  std::vector<PackageMember> Take() {
    std::sort(members_.begin(), members_.end(),
              [](const PackageMember& a, const PackageMember& b) { return a.path < b.path; });
    return std::move(members_);
  }

 private:
  DiagEngine& diags_;
  std::map<std::string, size_t> names_;
  std::vector<PackageMember> members_;
};

// The bytes the compilation read and checked, never a second reading of the file: a file changed
// on disk since then must not slip into the package.
bool AddInput(const std::string& path, const std::string& display, const std::string& member, MemberList& list,
              const EmitContext& ectx) {
  const std::string* bytes = ectx.sources.InputBytes(path);
  if (!bytes) {
    int32_t f = ectx.sources.AddFile(display, "", false);
    ectx.diags.Report(DiagId::err_file_unreadable, Loc::At(f, 0), {display, "it was not read when the plan was checked"});
    return false;
  }
  PackageMember m{member, {}, MemberRole::kInput};
  m.borrowed = bytes;  // the SourceManager keeps them for the compilation's life
  return list.Add(std::move(m));
}


bool AddInputs(const CompileOptions& options, const EmitContext& ectx, MemberList& list) {
  bool ok = true;
  const Plan& plan = ectx.plan;
  const std::string plan_display = ectx.sources.Name(plan.file);
  // Plan and parts: the loader names each part by its path from the current folder, so the name
  // it is shown under is also where it is read from again.
  for (int32_t f : plan.files) {
    const std::string& display = ectx.sources.Name(f);
    std::string path = f == plan.file ? options.plan_path : display;
    ok = AddInput(path, display, PlanInputMemberName(plan_display, display), list, ectx) && ok;
  }
  std::string profile_id = plan.profile.empty() ? "lync-server-2013" : plan.profile.value;
  if (ectx.profile.file >= 0) {
    ok = AddInput(ectx.profile.dir + "/profile.xml", ectx.sources.Name(ectx.profile.file),
                  "inputs/profile/" + profile_id + "/profile.xml", list, ectx) && ok;
  }
  // The workbooks the compilation read, not a second listing of the folders given.
  if (ectx.worksheets) {
    for (const std::string& path : ectx.worksheets->files) {
      ok = AddInput(path, path, "inputs/worksheets/" + fs::path(path).filename().string(), list, ectx) && ok;
    }
  }
  // Likewise the evidence files the compilation read.
  if (ectx.evidence_files) {
    for (const std::string& path : *ectx.evidence_files) {
      ok = AddInput(path, path, "inputs/evidence/" + fs::path(path).filename().string(), list, ectx) && ok;
    }
  }
  std::string topology = options.topology, topology_display = options.topology;
  if (topology.empty() && !plan.topology.file.empty() && !IsPlaceholder(plan.topology.file.value)) {
    topology = (fs::path(options.plan_path).parent_path() / plan.topology.file.value).string();
    topology_display = (fs::path(plan_display).parent_path() / plan.topology.file.value).lexically_normal().string();
  }
  if (!topology.empty()) {
    ok = AddInput(topology, topology_display, "inputs/topology/" + fs::path(topology).filename().string(), list, ectx) &&
         ok;
  }
  return ok;
}

std::string Where(const SourceManager& sm, const Loc& loc) {
  if (!loc.valid()) return "";
  ResolvedLoc r = sm.ResolveForOutput(loc);
  if (!r.cell.empty()) return r.file + ":" + r.sheet + "!" + r.cell;
  return r.line > 0 ? r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.column) : r.file;
}

}  // namespace

std::string PlanInputMemberName(const std::string& plan_display, const std::string& display) {
  fs::path base = fs::path(plan_display).parent_path();
  fs::path rel = fs::path(display).lexically_normal().lexically_relative(base.lexically_normal());
  if (rel.empty()) rel = fs::path(display).filename();
  std::string name = "inputs";
  for (const fs::path& part : rel) {
    std::string s = part.string();
    if (s == ".") continue;
    name += "/" + (s == ".." ? std::string("parent-dir") : s);
  }
  return name;
}

std::string ApprovalsJson(const EmitContext& ectx) {
  using nlohmann::json;
  json j;
  j["plan"] = {{"id", ectx.plan.id.value}, {"version", ectx.plan.version.value}, {"title", ectx.plan.title.value}};
  j["as_of"] = FormatDate(ectx.as_of);
  json approvals = json::array();
  for (const Approval& a : ectx.plan.governance.approvals) {
    approvals.push_back({{"kind", a.kind.value},
                         {"by", a.by.value},
                         {"date", a.date.text.value},
                         {"plan_version", a.plan_version.value},
                         {"digest", a.digest.value},
                         {"comment", a.comment.value},
                         {"where", Where(ectx.sources, a.loc)}});
  }
  j["approvals"] = approvals;
  std::map<DiagId, json> waived;
  for (const Diagnostic* d : ectx.diags.Waived()) {
    json& list = waived[d->id];
    if (list.is_null()) list = json::array();
    list.push_back({{"message", d->message}, {"where", Where(ectx.sources, d->loc)}});
  }
  json waivers = json::array();
  for (const auto& [id, o] : ectx.diags.overrides()) {
    json w = {{"code", CodeString(id)},
              {"set_to", o.off ? std::string("off") : std::string(SeverityName(o.severity))},
              {"reason", o.reason},
              {"declared_at", o.where.valid() ? Where(ectx.sources, o.where) : std::string("command line")},
              {"scope", o.scope},
              {"findings_changed", o.applied}};
    auto it = waived.find(id);
    w["waived_findings"] = it == waived.end() ? json::array() : it->second;
    waivers.push_back(w);
  }
  j["waivers"] = waivers;
  return j.dump(2) + "\n";
}

bool AssembleAuditPackage(const CompileOptions& options, const EmitContext& ectx, const OutputSet& outputs,
                          AuditPackage* out) {
  out->path = AuditPackagePath(ectx);
  if (out->path.empty()) return false;
  MemberList list(ectx.diags);
  bool ok = AddInputs(options, ectx, list);
  // The outputs the roles' bundles hold are deflated in them already: the package copies their
  // compressed data from the first bundle that holds them (the same bytes as deflating them again).
  std::map<std::string, std::string> in_bundle;  // output -> the written bundle that holds it
  for (const auto& [rel, bytes] : outputs.files()) {
    if (rel.compare(0, 13, "distribution/") != 0 || rel.size() < 4 || rel.compare(rel.size() - 4, 4, ".zip") != 0) continue;
    const std::string bundle = outputs.WrittenPath(rel);
    if (bundle.empty()) continue;
    for (const std::string& name : audit::ZipMemberNames(bundle))
      if (outputs.Has(name)) in_bundle.emplace(name, bundle);
  }
  // Outputs are not copied: a member reads the file written through to the staging directory, or
  // borrows the bytes held in `outputs`.
  for (const auto& [rel, bytes] : outputs.files()) {
    const bool report = rel.compare(0, 7, "report/") == 0;
    PackageMember m{report ? "reports/" + rel.substr(7) : "outputs/" + rel, {},
                    report ? MemberRole::kReport : MemberRole::kOutput};
    if (const OutputSet::Written* w = outputs.WrittenFile(rel)) {
      m.file = outputs.WrittenPath(rel);
      m.size = w->size;
      m.sha256 = w->sha256;
      m.crc32 = w->crc32;
      if (auto b = in_bundle.find(rel); b != in_bundle.end()) {
        m.copy_archive = b->second;
        m.copy_member = rel;
      }
    } else {
      m.borrowed = &bytes;
    }
    ok = list.Add(std::move(m)) && ok;
  }
  ok = list.Add("reports/approvals.json", ApprovalsJson(ectx), MemberRole::kReport) && ok;
  if (!ok) return false;
  std::vector<PackageMember> members = list.Take();
  std::vector<SummaryLink> links;
  for (const PackageMember& m : members) {
    const char* section = m.role == MemberRole::kInput ? "Inputs" : m.role == MemberRole::kOutput ? "Outputs" : "Reports";
    links.push_back({section, m.path});
  }
  // Sorted member names group the links: inputs/, outputs/, reports/.
  std::string summary;
  if (!RenderAuditSummary(ectx, links, true, &summary)) return false;
  members.push_back(PackageMember{"summary.html", std::move(summary), MemberRole::kReport});
  std::sort(members.begin(), members.end(),
            [](const PackageMember& a, const PackageMember& b) { return a.path < b.path; });
  out->members = std::move(members);
  out->info.plangen_version = PLANGEN_VERSION;
  out->info.as_of = FormatDate(ectx.as_of);
  out->info.paper = PaperName(ectx.paper);
  // Every member carries the as-of date (midnight UTC) as its time: reproducible, and still
  // meaningful to someone listing the zip.
  out->info.mtime = static_cast<int64_t>(ectx.as_of.days) * 86400;
  return true;
}

}  // namespace plangen

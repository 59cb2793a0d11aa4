#include "emit/distribution.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "audit/safe_name.h"
#include "audit/sha256.h"
#include "audit/zip_writer.h"
#include "util/strings.h"
#include "emit/checklist_view.h"
#include "emit/emitters.h"
#include "emit/runbook_view.h"
#include "emit/runbook_pdf.h"
#include "emit/scripts_view.h"
#include "emit/xlsx_worksheet_view.h"
#include "emit/xlsx_worksheets_writer.h"

namespace plangen {

namespace {

// The emitters whose outputs can belong to a role: a build for some roles runs only these. The
// runbooks are rendered for those roles alone, with the templates and extensions of the runbook
// emitters (runbook_*_emitter.cc), which is most of the time a build for one role saves.
const std::set<std::string> kRoleEmitters = {"calendars", "backup-scripts", "backup-tasks", "restore-scripts"};

constexpr const char* kReadme = "README.md";
constexpr const char* kContacts = "contacts.md";

bool StartsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

std::string Md(const std::string& s) { return EscapeMarkdown(s); }

// A change in words ("schedule daily 04:15 -> daily 03:15"), escaped for Markdown with its arrows
// kept readable in plain text.
std::string ChangeLine(const std::string& s) {
  std::string out;
  size_t from = 0;
  for (size_t at; (at = s.find(" -> ", from)) != std::string::npos; from = at + 4) out += Md(s.substr(from, at - from)) + " → ";
  return out + Md(s.substr(from));
}

std::string Code(const std::string& s) { return "`" + EscapeMarkdownCode(s) + "`"; }

// The role's workbook path inside its bundle.
std::string WorkbookPath(const std::string& role_id) { return "worksheets/" + RoleFileStem(role_id) + ".xlsx"; }

bool OwnsRows(const Plan& plan, const std::string& id) {
  if (!plan.BackupsOwnedBy(id).empty()) return true;
  for (const ValidationCheck& c : plan.checks) {
    if (c.owner.value == id) return true;
  }
  return false;
}

// The role's rows of the worksheets (every sheet of all.xlsx but the Summary, with only the
// backups it owns) as a workbook it fills in and returns; it reads back with --worksheets like a
// pool's workbook, since sheets are recognised by their headers and rows by their Row id.
bool RoleWorkbook(const EmitContext& ctx, const Role& role, std::string* bytes) {
  xlsx::WorkbookView view = xlsx::AllWorkbook(ctx);
  view.name = RoleName(ctx.plan, role.id.value);
  view.path = WorkbookPath(role.id.value);
  view.loc = role.loc;
  for (xlsx::SheetView& sheet : view.sheets) {
    std::vector<xlsx::ViewRow> rows;
    for (xlsx::ViewRow& r : sheet.rows) {
      if (r.backup && r.backup->owner.value == role.id.value) rows.push_back(std::move(r));
    }
    sheet.rows = std::move(rows);
  }
  return xlsx::WriteWorksheetWorkbook(ctx, view, xlsx::WriteOptions{}, bytes);
}

// A hand-off between two steps of a scenario done by different roles.
struct Handoff {
  const Scenario* scenario = nullptr;
  int from = -1, to = -1;  ///< step indexes: `to` waits for `from`
};

// The hand-offs to or from role `id`, in plan order, and the partner roles, in plan order.
std::vector<Handoff> RoleHandoffs(const Plan& plan, const std::string& id) {
  std::vector<Handoff> out;
  for (const Scenario* scenario : plan.ScenariosOf(id)) {
    const Scenario& s = *scenario;
    std::unordered_map<std::string, std::vector<int>> by_id;  // a duplicated step id names every step it is on
    for (size_t p = 0; p < s.steps.size(); ++p) by_id[s.steps[p].id.value].push_back(static_cast<int>(p));
    for (size_t i = 0; i < s.steps.size(); ++i) {
      const ScenarioStep& st = s.steps[i];
      for (const Ref& a : st.after) {
        auto it = by_id.find(a.value);
        if (it == by_id.end()) continue;
        for (int p : it->second) {
          const ScenarioStep& prev = s.steps[p];
          if (prev.role.value == st.role.value) continue;
          if (prev.role.value != id && st.role.value != id) continue;
          out.push_back({&s, p, static_cast<int>(i)});
        }
      }
    }
  }
  return out;
}

std::string StepName(const Scenario& s, int i) {
  return "step " + std::to_string(i + 1) + " (" + s.steps[i].title.value + ")";
}

std::string ContactSheet(const EmitContext& ctx, const Role& role) {
  const Plan& plan = ctx.plan;
  const std::string& id = role.id.value;
  std::vector<Handoff> handoffs = RoleHandoffs(plan, id);
  std::string out = "# Contacts for " + Md(RoleName(plan, id)) + "\n\n";
  if (ctx.draft) out += "**DRAFT: the plan has errors.**\n\n";
  std::set<std::string> partners;
  for (const Handoff& h : handoffs) {
    const std::string& a = h.scenario->steps[h.from].role.value;
    const std::string& b = h.scenario->steps[h.to].role.value;
    partners.insert(a == id ? b : a);
  }
  if (partners.empty()) {
    return out + "You hand off to no other role and no other role hands off to you: in every restoration scenario "
                 "your steps wait only for your own.\n";
  }
  out += "The roles you hand off to or take over from in the restoration scenarios, and how to reach them.\n";
  for (const Role& r : plan.roles) {
    if (!partners.count(r.id.value)) continue;
    out += "\n## " + Md(RoleName(plan, r.id.value)) + " (" + Code(r.id.value) + ")\n\n";
    std::vector<std::string> facts;
    if (!r.department.empty()) facts.push_back("Department: " + Md(r.department.value) + ".");
    if (!r.kind.empty()) facts.push_back("Kind: " + Md(r.kind.value) + ".");
    if (!facts.empty()) {
      for (size_t i = 0; i < facts.size(); ++i) out += (i ? " " : "") + facts[i];
      out += "\n\n";
    }
    bool any = false;
    for (const Contact& c : r.contacts) {
      out += "- " + Md(c.type.value) + ": " + Md(c.value.value) + "\n";
      any = true;
    }
    for (const Ref& m : r.members) {
      const Person* p = plan.FindPerson(m.value);
      if (!p) continue;
      std::string line = "- member: " + Md(p->name.empty() ? p->id.value : p->name.value);
      for (const Contact& c : p->contacts) line += ", " + Md(c.type.value) + " " + Md(c.value.value);
      out += line + "\n";
      any = true;
    }
    if (!any) out += "- no contact in the plan: ask the plan owner\n";
    out += "\nHand-offs:\n\n";
    for (const Handoff& h : handoffs) {
      const Scenario& s = *h.scenario;
      const std::string& from = s.steps[h.from].role.value;
      const std::string& to = s.steps[h.to].role.value;
      if (from != r.id.value && to != r.id.value) continue;
      std::string scenario = "scenario " + Md(s.title.empty() ? s.id.value : s.title.value);
      if (from == id) {
        out += "- " + scenario + ": when you finish " + Md(StepName(s, h.from)) + ", tell them to start " +
               Md(StepName(s, h.to)) + "\n";
      } else {
        out += "- " + scenario + ": they tell you when they finish " + Md(StepName(s, h.from)) + ", then you start " +
               Md(StepName(s, h.to)) + "\n";
      }
    }
  }
  return out;
}

// The scripts a bundle of role `id` can hold, by path, with what each is: its restoration script
// of each scenario it acts in, the task definition of each backup it owns, and the backup script
// of each server where it owns a backup. Built once per bundle from the plan's indexes.
std::map<std::string, std::string> ScriptDescriptions(const Plan& plan, const std::string& id) {
  std::map<std::string, std::string> out;
  for (const Scenario* s : plan.ScenariosOf(id)) {
    out.emplace(RestoreScriptPath(*s, id), "your restoration script of scenario " +
                                               Md(s->title.empty() ? s->id.value : s->title.value) +
                                               " (it walks you through your steps)");
  }
  for (const Backup* b : plan.BackupsOwnedBy(id)) {
    out.emplace(TaskDefinitionPath(*b), "the Task Scheduler definition that runs your backup " + Code(b->id.value));
  }
  for (const Backup* b : plan.BackupsOwnedBy(id)) {
    if (b->server.empty() || IsPlaceholder(b->server.value)) continue;
    // The script is named after the server as the plan first spells it.
    const std::string& server = plan.BackupsOn(b->server.value).front()->server.value;
    out.emplace(BackupScriptPath(server), "the backup script of " + Code(server) +
                                              ", where you own a backup (it runs every backup of the server "
                                              "unless -Backup names some)");
  }
  return out;
}

// What a bundle member is, for the README.
std::string Describe(const std::string& path, const std::map<std::string, std::string>& scripts) {
  auto ext = [&]() {
    size_t dot = path.rfind('.');
    return dot == std::string::npos ? std::string() : path.substr(dot + 1);
  };
  if (path == kContacts) return "who you hand off to or take over from, and how to reach them";
  if (StartsWith(path, "runbooks/")) {
    std::string e = ext();
    if (e == "html") return "your runbook, to read on screen or print (HTML)";
    if (e == "md") return "your runbook as Markdown text";
    if (e == "docx") return "your runbook as a Word document, to print or annotate";
    if (e == "pdf") return "your runbook typeset to print (PDF)";
    return "your runbook (" + e + ")";
  }
  if (StartsWith(path, "calendar/")) return "your backup and validation duties as recurring calendar events (import it)";
  if (StartsWith(path, "worksheets/"))
    return "your rows of the backup and restoration worksheets: fill them in and return the workbook";
  if (auto it = scripts.find(path); it != scripts.end()) return it->second;
  return "";
}

std::string Readme(const EmitContext& ctx, const DistributionOptions& options, const Role& role,
                   const std::vector<std::string>& files) {
  const Plan& plan = ctx.plan;
  const std::string& id = role.id.value;
  std::string title = plan.title.empty() ? plan.id.value : plan.title.value;
  std::string out = "# " + Md(title) + ": " + Md(RoleName(plan, id)) + "\n\n";
  out += "What the role " + Code(id) + " must do in this plan, and only that.\n\n";
  out += "- Plan: " + Code(plan.id.value) + ", version " + Md(plan.version.value) + "\n";
  out += "- Plan digest: " + Code(options.plan_digest) + "\n";
  out += "- Built as of: " + FormatDate(ctx.as_of) + "\n";
  if (options.compared) {
    out += "\n## What changed for you since " + Md(options.since) + "\n\n";
    auto it = options.changes.find(id);
    if (it == options.changes.end() || it->second.empty()) {
      out += "Nothing that concerns you changed.\n";
    } else {
      for (const std::string& line : it->second) out += "- " + ChangeLine(line) + "\n";
    }
  }
  out += "\n## What is inside\n\n| File | What it is |\n|---|---|\n";
  out += "| " + Code(kReadme) + " | this page |\n";
  const std::map<std::string, std::string> scripts = ScriptDescriptions(plan, id);
  for (const std::string& f : files) out += "| " + Code(f) + " | " + Describe(f, scripts) + " |\n";
  out += "\n## Approvals\n\n";
  if (plan.governance.approvals.empty()) {
    out += "The plan records no approval.\n";
  } else {
    out += "| Kind | By | Date | Plan version | Digest |\n|---|---|---|---|---|\n";
    for (const Approval& a : plan.governance.approvals) {
      std::string digest = a.digest.empty() ? "not recorded"
                           : a.digest.value == options.plan_digest ? "this plan's"
                                                                   : "another version's (" + Code(a.digest.value) + ")";
      out += "| " + Md(a.kind.value) + " | " + Md(RoleName(plan, a.by.value)) + " | " + Md(a.date.text.value) + " | " +
             Md(a.plan_version.value) + " | " + digest + " |\n";
    }
  }
  if (std::find(files.begin(), files.end(), WorkbookPath(id)) != files.end()) {
    out += "\n## Returning your worksheet\n\n";
    out += "Fill in " + Code(WorkbookPath(id)) +
           " (keep its header rows and the Row id column; add a row to the Validation Log for each check you "
           "perform) and send the workbook back to the plan owner, who reads it with "
           "`plangen check plan.xml --worksheets FILE`.\n";
  }
  return out;
}

// The bundle of `role` from the outputs in `out`, added to `into`; false when it cannot be written.
bool Bundle(const EmitContext& ctx, const DistributionOptions& options, const Role& role, const OutputSet& out,
            OutputSet& into, std::vector<std::string>* names, OutputSet::Written* written) {
  std::vector<audit::ZipMember> members;
  // The role's outputs are not copied: the zip reads them where they are (the staging directory,
  // or the bytes the set holds).
  for (const std::string& path : RoleOutputs(ctx, role, out)) {
    audit::ZipMember m{path, {}};
    if (out.WrittenFile(path)) {
      m.file = out.WrittenPath(path);
    } else {
      m.borrowed = &out.files().at(path);
    }
    members.push_back(std::move(m));
  }
  if (OwnsRows(ctx.plan, role.id.value)) {
    std::string xlsx;
    if (!RoleWorkbook(ctx, role, &xlsx)) return false;
    members.push_back({WorkbookPath(role.id.value), std::move(xlsx)});
  }
  members.push_back({kContacts, ContactSheet(ctx, role)});
  std::sort(members.begin(), members.end(),
            [](const audit::ZipMember& a, const audit::ZipMember& b) { return a.name < b.name; });
  std::vector<std::string> files;
  for (const audit::ZipMember& m : members) files.push_back(m.name);
  members.push_back({kReadme, Readme(ctx, options, role, files)});
  for (const audit::ZipMember& m : members) names->push_back(m.name);
  std::sort(names->begin(), names->end());
  audit::ZipWriteOptions zo;
  zo.mtime = static_cast<int64_t>(ctx.as_of.days) * 86400;
  std::string err;
  if (!into.AddZip(BundlePath(role.id.value), std::move(members), zo, written, &err)) {
    ctx.diags.Report(DiagId::err_output_unwritable, Loc(), {BundlePath(role.id.value), err});
    return false;
  }
  return true;
}

}  // namespace

std::string BundlePath(const std::string& role_id) { return "distribution/" + RoleFileStem(role_id) + ".zip"; }

std::vector<std::string> RoleOutputs(const EmitContext& ctx, const Role& role, const OutputSet& out) {
  const Plan& plan = ctx.plan;
  const std::string& id = role.id.value;
  const std::string stem = RoleFileStem(id);
  // The role's calendar and scripts: its restoration script of each scenario it has steps in, the
  // Task Scheduler definition of each backup it owns, and the backup script of each server where
  // it owns a backup (that script runs every backup of the server, whoever owns it).
  std::set<std::string> wanted = {"calendar/" + stem + ".ics"};
  for (const auto& [path, what] : ScriptDescriptions(plan, id)) wanted.insert(path);
  std::vector<std::string> paths;
  for (const auto& [path, bytes] : out.files()) {
    bool runbook = StartsWith(path, "runbooks/" + stem + ".") && path.find('/', 9) == std::string::npos;
    if (runbook || wanted.count(path)) paths.push_back(path);
  }
  return paths;
}

bool EmitDistribution(const EmitContext& ctx, const DistributionOptions& options, OutputSet& out) {
  std::vector<const Role*> roles;
  for (const Role* r : RolesWithDuties(ctx.plan)) {
    if (options.roles.empty() ||
        std::find(options.roles.begin(), options.roles.end(), r->id.value) != options.roles.end())
      roles.push_back(r);
  }
  // The roles' bundles side by side (--jobs): each reads the outputs in `out` and writes its own.
  struct Made {
    bool ok = false;
    std::vector<std::string> names;
    OutputSet::Written bundle;
  };
  std::vector<Made> made(roles.size());
  std::vector<EmitPart> parts;
  bool ok = true;
  for (size_t i = 0; i < roles.size(); ++i) {
    const Role* role = roles[i];
    if (!audit::SafeComponent(RoleFileStem(role->id.value) + ".zip", "role", role->loc, ctx.diags)) {
      ok = false;
      continue;
    }
    parts.push_back([&ctx, &options, &out, role, m = &made[i]](OutputSet& into) {
      m->ok = Bundle(ctx, options, *role, out, into, &m->names, &m->bundle);
      return m->ok;
    });
  }
  ok = RunSideBySide(ctx, std::move(parts), out) && ok;
  nlohmann::ordered_json bundles = nlohmann::ordered_json::array();
  for (size_t i = 0; i < roles.size(); ++i) {
    const Role* role = roles[i];
    if (!made[i].ok) continue;
    const std::vector<std::string>& names = made[i].names;
    const OutputSet::Written& bundle = made[i].bundle;
    nlohmann::ordered_json b;
    b["role"] = role->id.value;
    b["name"] = RoleName(ctx.plan, role->id.value);
    b["bundle"] = BundlePath(role->id.value);
    b["sha256"] = bundle.sha256;
    b["size"] = bundle.size;
    b["members"] = names;
    if (options.compared) {
      auto it = options.changes.find(role->id.value);
      b["changes"] = it == options.changes.end() ? std::vector<std::string>() : it->second;
    }
    bundles.push_back(b);
  }
  if (!ok || !options.record) return ok;
  nlohmann::ordered_json j;
  j["plan"] = {{"id", ctx.plan.id.value}, {"version", ctx.plan.version.value}, {"digest", options.plan_digest}};
  j["as_of"] = FormatDate(ctx.as_of);
  j["since"] = options.compared ? nlohmann::ordered_json(options.since) : nlohmann::ordered_json();
  j["bundles"] = bundles;
  out.Add("report/distribution.json", j.dump(2) + "\n");
  return true;
}

bool EmitRoleFiles(const EmitContext& ctx, const std::vector<std::string>& role_ids, OutputSet& out) {
  OutputSet all;
  bool ok = true;
  for (const Emitter& e : AllEmitters()) {
    if (kRoleEmitters.count(e.name)) ok = e.run(ctx, all) && ok;
  }
  if (!ok) return false;
  for (const std::string& id : role_ids) {
    const Role* role = ctx.plan.FindRole(id);
    if (!role) continue;
    if (!RenderRunbook(ctx, *role, RunbookFormats(), all)) return false;
    if (ctx.pdf && !RenderRunbookPdf(ctx, *role, all)) return false;
    for (const std::string& path : RoleOutputs(ctx, *role, all)) out.Add(path, all.Bytes(path));
  }
  return true;
}

}  // namespace plangen

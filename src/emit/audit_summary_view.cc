#include <algorithm>
#include "emit/audit_summary_view.h"

#include <cctype>
#include <map>
#include <set>

#include "audit/safe_name.h"
#include "emit/checklist_view.h"
#include "emit/html_breaks.h"
#include "emit/runbook_view.h"
#include "tmpl/data_moves.h"
#include "plangen_config.h"
#include "util/paths.h"
#include "worksheets_in/returned.h"

namespace plangen {

namespace {

using kainjow::mustache::data;


std::string Where(const SourceManager& sm, const Loc& loc) {
  if (!loc.valid()) return "command line";
  ResolvedLoc r = sm.ResolveForOutput(loc);
  if (!r.cell.empty()) return r.file + ":" + r.sheet + "!" + r.cell;
  return r.line > 0 ? r.file + ":" + std::to_string(r.line) : r.file;
}

// "1 note", "2 notes", "0 notes".
std::string Count(size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A role's name followed by its id, "IT Director (it-director)"; the id alone when the plan has
// no such role (a person, or text from a worksheet).
std::string RoleLabel(const Plan& plan, const std::string& id) {
  const Role* r = plan.FindRole(id);
  if (!r || r->name.empty() || r->name.value == id) return id;
  return r->name.value + " (" + id + ")";
}

// Each approval with whether the digest it records is the digest of the plan as built, and one
// sentence over all of them.
void Approvals(const EmitContext& ctx, data* view) {
  data list{data::type::list};
  size_t match = 0, differ = 0, none = 0;
  const std::string& digest = ctx.plan_digest;
  for (const Approval& a : ctx.plan.governance.approvals) {
    data d;
    d.set("kind", a.kind.value);
    d.set("by", RoleLabel(ctx.plan, a.by.value));
    d.set("date", a.date.text.value);
    d.set("plan_version", a.plan_version.value);
    d.set("current", a.plan_version.value == ctx.plan.version.value);
    d.set("comment", a.comment.value);
    std::string status;
    if (a.digest.empty()) {
      status = "no digest recorded";
      ++none;
    } else if (digest.empty()) {
      status = "not compared";
    } else if (a.digest.value == digest) {
      status = "matches the plan";
      ++match;
    } else {
      status = "does not match: the plan changed after this approval";
      ++differ;
    }
    d.set("digest_status", status);
    d.set("digest_ok", !digest.empty() && a.digest.value == digest);
    Append(list, std::move(d));
  }
  size_t total = ctx.plan.governance.approvals.size();
  std::string sentence;
  if (total > 0 && !digest.empty()) {
    if (match == total) {
      std::string who = total == 1 ? "The approval records" : total == 2 ? "Both approvals record"
                                                          : "All " + std::to_string(total) + " approvals record";
      sentence = who + " the digest of this plan: what was approved is what was built.";
    } else {
      sentence = Count(match, "approval matches", "approvals match") + " the digest of this plan; " +
                 Count(differ, "was", "were") + " given for another text of the plan" +
                 (none ? " and " + Count(none, "records", "record") + " no digest" : std::string()) +
                 ". Approve the plan again (plangen approve) before relying on it.";
    }
  }
  Set(*view, "approvals", std::move(list));
  view->set("has_approvals", total > 0);
  view->set("plan_digest", digest);
  // The digest may wrap on a phone, between groups of 16 hex digits; copied, it is whole.
  std::string wrapped;
  for (size_t i = 0; i < digest.size(); ++i) {
    if (i > 7 && (i - 7) % 16 == 0) wrapped += "<wbr>";
    wrapped.push_back(std::isalnum(static_cast<unsigned char>(digest[i])) || digest[i] == ':' ? digest[i] : '?');
  }
  view->set("plan_digest_html", wrapped);
  view->set("has_plan_digest", !digest.empty());
  view->set("digest_sentence", sentence);
  view->set("digests_ok", total > 0 && !digest.empty() && match == total);
}

// Backups per data type (settings, database, file-store): how many plan backups, and how many of
// the profile's items of that type have at least one.
data BackupCoverage(const EmitContext& ctx) {
  std::map<std::string, int> backups;
  std::map<std::string, std::set<std::string>> covered;
  std::map<std::string, int> items;
  for (const ProfileItem& it : ctx.profile.items) ++items[it.type.value];
  for (const Backup& b : ctx.plan.backups) {
    const ProfileItem* it = ctx.profile.FindItem(b.item.value);
    std::string type = it ? it->type.value : "unknown item";
    ++backups[type];
    if (it) covered[type].insert(it->id.value);
  }
  std::set<std::string> types;
  for (const auto& [t, n] : items) types.insert(t);
  for (const auto& [t, n] : backups) types.insert(t);
  data list{data::type::list};
  for (const std::string& t : types) {
    data d;
    d.set("type", t);
    d.set("backups", std::to_string(backups[t]));
    d.set("items_covered", std::to_string(covered[t].size()));
    d.set("items_total", std::to_string(items[t]));
    // In words: "1 of the profile's 5 file-store items has a backup in the plan".
    size_t n = covered[t].size();
    std::string words = "the profile has no " + t + " item";
    if (items[t] != 0) {
      words = std::to_string(n) + " of the profile's " + std::to_string(items[t]) + " " + t +
              (items[t] == 1 ? " item " : " items ") + (n == 1 ? "has" : "have") + " a backup in the plan";
    }
    d.set("items_words", words);
    Append(list, std::move(d));
  }
  return list;
}

// Servers covered by some scenario, directly or through their pool (by id or FQDN).
void ServerCoverage(const EmitContext& ctx, data* view) {
  const Topology& topo = ctx.plan.topology;
  std::set<std::string> covers;
  for (const Scenario& s : ctx.plan.scenarios)
    for (const Ref& r : s.covers) covers.insert(r.value);
  std::set<int> covered;
  for (size_t i = 0; i < topo.servers.size(); ++i)
    if (covers.count(topo.servers[i].fqdn.value)) covered.insert(static_cast<int>(i));
  for (const Pool& p : topo.pools) {
    if (!covers.count(p.id.value) && !covers.count(p.fqdn.value)) continue;
    for (int i : p.servers) covered.insert(i);
  }
  data uncovered{data::type::list};
  for (size_t i = 0; i < topo.servers.size(); ++i) {
    if (covered.count(static_cast<int>(i))) continue;
    data d;
    d.set("fqdn", topo.servers[i].fqdn.value);
    Append(uncovered, std::move(d));
  }
  view->set("servers_total", std::to_string(topo.servers.size()));
  view->set("servers_covered", std::to_string(covered.size()));
  view->set("has_uncovered_servers", covered.size() < topo.servers.size());
  Set(*view, "uncovered_servers", std::move(uncovered));
}

data Finding(const EmitContext& ctx, const Diagnostic& d) {
  data f;
  f.set("code", CodeString(d.id));
  f.set("severity", std::string(SeverityName(d.severity)));
  f.set("message", d.message);
  f.set("where", d.loc.valid() ? Where(ctx.sources, d.loc) : std::string("(no location)"));
  return f;
}

void Findings(const EmitContext& ctx, data* view) {
  data open{data::type::list};
  for (const Diagnostic* d : ctx.diags.Sorted()) Append(open, Finding(ctx, *d));
  view->set("has_findings", !ctx.diags.Sorted().empty());
  Set(*view, "findings", std::move(open));
  view->set("errors", Count(ctx.diags.errors(), "error", "errors"));
  view->set("warnings", Count(ctx.diags.warnings(), "warning", "warnings"));
  view->set("notes", Count(ctx.diags.notes(), "note", "notes"));
  std::map<DiagId, int> waived;
  for (const Diagnostic* d : ctx.diags.Waived()) ++waived[d->id];
  data waivers{data::type::list};
  for (const auto& [id, o] : ctx.diags.overrides()) {
    data w;
    w.set("code", CodeString(id));
    w.set("action", o.off ? std::string("off") : std::string(SeverityName(o.severity)));
    w.set("reason", o.reason);
    w.set("where", Where(ctx.sources, o.where));
    w.set("waived", std::to_string(waived[id]));
    Append(waivers, std::move(w));
  }
  view->set("has_waivers", !ctx.diags.overrides().empty());
  Set(*view, "waivers", std::move(waivers));
}

// The returned Validation Log rows, newest first (undated rows last, in file order).
void ValidationHistory(const EmitContext& ctx, data* view) {
  std::vector<const ValidationLogEntry*> log;
  const std::vector<ValidationLogEntry> entries = ValidationEntries(ctx);
  for (const ValidationLogEntry& e : entries) log.push_back(&e);
  std::stable_sort(log.begin(), log.end(), [](const ValidationLogEntry* a, const ValidationLogEntry* b) {
    if (a->date && b->date) return *b->date < *a->date;
    return a->date.has_value() && !b->date.has_value();
  });
  data list{data::type::list};
  for (const ValidationLogEntry* entry : log) {
    const ValidationLogEntry& e = *entry;
    data d;
    d.set("date", e.date ? FormatDate(*e.date) : std::string("undated"));
    d.set("check", (e.kind.empty() ? std::string("unknown check") : e.kind) + (e.target.empty() ? "" : " of " + e.target));
    d.set("by", e.performed_by.empty() ? std::string("unknown") : RoleLabel(ctx.plan, e.performed_by));
    d.set("result", (e.result.empty() ? std::string("no result") : e.result) + (e.duration.empty() ? "" : ", " + e.duration));
    Append(list, std::move(d));
  }
  view->set("has_validation_history", !list.is_empty_list());
  // Say why there is no history: nothing was given, or what was given holds no entry.
  view->set("worksheets_given", ctx.worksheets != nullptr || ctx.evidence_entries != nullptr);
  Set(*view, "validation_history", std::move(list));
}

}  // namespace

TemplateData AuditSummaryView(const EmitContext& ctx, const std::vector<SummaryLink>& links, bool in_package) {
  data view;
  view.set("plan_title", ctx.plan.title.value);
  view.set("plan_id", ctx.plan.id.value);
  view.set("plan_version", ctx.plan.version.value);
  view.set("profile", ctx.profile.id.value);
  view.set("as_of", FormatDate(ctx.as_of));
  view.set("plangen_version", std::string(PLANGEN_VERSION));
  SetPrintPage(ctx, PrintFooterPlan(ctx) + " \u00b7 Audit summary", &view);
  view.set("draft", ctx.draft);
  view.set("in_package", in_package);
  Approvals(ctx, &view);
  view.set("backup_coverage", BackupCoverage(ctx));
  ServerCoverage(ctx, &view);
  Findings(ctx, &view);
  ValidationHistory(ctx, &view);
  data sections{data::type::list};
  std::string current;
  data files{data::type::list};
  auto flush = [&]() {
    if (current.empty()) return;
    data s;
    s.set("title", current);
    Set(s, "files", std::move(files));
    Append(sections, std::move(s));
    files = data(data::type::list);
  };
  for (const SummaryLink& l : links) {
    if (l.section != current) {
      flush();
      current = l.section;
    }
    data f;
    f.set("href", PercentEncodePath(l.path));
    f.set("path", l.path);
    Append(files, std::move(f));
  }
  flush();
  Set(view, "sections", std::move(sections));
  view.set("word_breaks", WordBreaksLambda());
  return view;
}

bool RenderAuditSummary(const EmitContext& ctx, const std::vector<SummaryLink>& links, bool in_package,
                        std::string* out) {
  return ctx.templates.Render("audit/summary.html.mustache", AuditSummaryView(ctx, links, in_package), out, ctx.diags,
                              ctx.sources);
}

std::string AuditPackagePath(const EmitContext& ctx) {
  std::string name = ctx.plan.id.value + "-v" + ctx.plan.version.value + "-" + FormatDate(ctx.as_of) + ".zip";
  Loc at = ctx.plan.id.loc.valid() ? ctx.plan.id.loc : ctx.plan.loc;
  if (!audit::SafeComponent(name, "audit package name", at, ctx.diags)) return "";
  return "audit/" + name;
}

}  // namespace plangen

#include "load/profile_loader.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "load/plan_schema.h"
#include "load/value_reader.h"
#include "load/xml_input.h"
#include "util/data_dir.h"
#include "util/edit_distance.h"

namespace fs = std::filesystem;

namespace plangen {

std::vector<std::string> ProfileSearchPath(const std::string& extra) {
  std::vector<std::string> path;
  if (!extra.empty()) path.push_back(extra);
  path.push_back(DataDir() + "/worksheets");
  return path;
}

std::string OpenablePath(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec).lexically_normal();
  if (ec) return p.string();
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
  }
  return abs.generic_string();
}

std::vector<std::string> AvailableProfiles(const std::vector<std::string>& search_path) {
  std::set<std::string> names;
  for (const auto& dir : search_path) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (fs::exists(e.path() / "profile.xml", ec)) names.insert(e.path().filename().string());
    }
  }
  return {names.begin(), names.end()};
}

namespace {

class ProfileReader {
 public:
  ProfileReader(const SourceManager& sm, DiagEngine& diags, int32_t file, Profile* p)
      : v_(sm, diags, file), diags_(diags), p_(p) {}

  void Read(const pugi::xml_node& root) {
    p_->id = v_.Attr(root, "id");
    p_->title = v_.Attr(root, "title");
    p_->product = v_.Attr(root, "product");
    for (auto t : root.child("tools").children("tool")) {
      ProfileTool& tool = p_->tools.emplace_back();
      tool.id = v_.Attr(t, "id");
      tool.kind = v_.Enum(t, "kind", {"cmdlet", "program", "console", "media"});
      tool.permission = v_.Attr(t, "permission");
      tool.description = v_.Content(t);
      tool.loc = v_.Where(t);
      tool.parameters = ListOf(t, "parameters");
      tool.method = v_.Attr(t, "method");
      tool.needs_before = v_.Attr(t, "needs-before");
      tool.needs_after = v_.Attr(t, "needs-after");
      tool.rebuilt_requires = ListOf(t, "rebuilt-requires");
      tool.fresh_file = v_.Attr(t, "fresh-file");
      tool.names_failed_pool = v_.Attr(t, "names-failed-pool");
      tool.needs_running = v_.Attr(t, "needs-running");
      tool.instead = v_.Attr(t, "instead");
      tool.after_failover_needs_one_of = ListOf(t, "after-failover-needs-one-of");
      tool.owner_kinds = ListOf(t, "owner-kinds");
    }
    pugi::xml_node items = root.child("items");
    for (auto n : items.children("item")) {
      ProfileItem it;
      it.id = v_.Attr(n, "id");
      it.name = v_.Attr(n, "name");
      it.store = v_.Attr(n, "store");
      it.type = v_.Enum(n, "type", {"settings", "database", "file-store"});
      it.scope = v_.Enum(n, "scope", {"global", "pool", "server"});
      it.holder = v_.Attr(n, "holder");
      it.backup_tool = v_.Attr(n, "backup-tool");
      it.alt_backup_tools = ListOf(n, "alt-backup-tools");
      it.restore_tool = v_.Attr(n, "restore-tool");
      it.worksheet = v_.Attr(n, "worksheet");
      it.backup_procedure = v_.Attr(n, "procedure");
      it.when = v_.Content(n.child("when"));
      for (auto a : n.children("alias")) it.aliases.push_back(v_.Content(a));
      it.loc = v_.Where(n);
      p_->items.push_back(it);
    }
    for (auto n : items.children("no-backup")) {
      p_->no_backup.push_back({v_.Attr(n, "id"), v_.Attr(n, "name"), v_.Attr(n, "store"), v_.Content(n), v_.Where(n)});
    }
    for (auto n : items.children("reminder")) {
      p_->reminders.push_back({v_.Attr(n, "id"), v_.Attr(n, "title"), v_.Content(n), v_.Where(n)});
    }
    for (auto n : root.child("services").children("service")) {
      p_->services.push_back({v_.Attr(n, "name"), ListOf(n, "items"), ListOf(n, "scenarios"), v_.Where(n)});
    }
    for (auto n : root.child("services").children("role")) {
      p_->roles.push_back({v_.Attr(n, "name"), ListOf(n, "scenarios"), ListOf(n, "items"), v_.Where(n), v_.Attr(n, "rebuild-needs-step")});
    }
    for (auto w : root.child("worksheets").children("worksheet")) {
      WorksheetLayout l;
      l.id = v_.Attr(w, "id");
      l.sheet = v_.Attr(w, "sheet");
      l.title = v_.Attr(w, "title");
      for (auto c : w.children("column")) {
        WorksheetColumn col{v_.Attr(c, "id"), v_.Attr(c, "header"), {}, v_.Bool(c, "team-fills"), v_.Where(c)};
        for (auto a : c.children("alias")) col.aliases.push_back(v_.Content(a));
        l.columns.push_back(col);
      }
      for (auto r : w.children("row")) {
        l.rows.push_back({v_.Attr(r, "item"), v_.Content(r), v_.Attr(r, "tool"), v_.Attr(r, "hint"),
                          v_.Attr(r, "notes"), v_.Where(r)});
      }
      for (auto nn : w.children("note")) l.notes.push_back(v_.Content(nn));
      l.loc = v_.Where(w);
      p_->worksheets.push_back(l);
    }
    for (auto n : root.child("procedures").children("procedure")) {
      ProfileProcedure pr;
      pr.id = v_.Attr(n, "id");
      pr.kind = v_.Enum(n, "kind", {"backup", "restore"});
      pr.title = v_.Attr(n, "title");
      pr.item = v_.Attr(n, "item");
      pr.permission = v_.Attr(n, "permission");
      pr.output = v_.Attr(n, "output");
      for (auto e : n.children("exclude")) pr.excludes.push_back(v_.Content(e));
      for (auto s : n.children("step")) {
        ProfileStep st;
        st.text = v_.Content(s);
        st.command = v_.Attr(s, "command");
        st.tool = v_.Attr(s, "tool");
        st.role_kind = v_.Attr(s, "role-kind");
        st.estimate = v_.DurationAttr(s, "estimate");
        st.verify = v_.Attr(s, "verify");
        st.procedure = v_.Attr(s, "procedure");
        st.when = Conditions(s);
        st.for_each = v_.Attr(s, "for-each");
        st.items = ListOf(s, "item");
        st.loc = v_.Where(s);
        pr.steps.push_back(st);
      }
      pr.loc = v_.Where(n);
      p_->procedures.push_back(pr);
    }
    for (auto n : root.child("scenarios").children("scenario")) {
      ProfileScenario sc;
      sc.id = v_.Attr(n, "id");
      sc.title = v_.Attr(n, "title");
      sc.procedure = v_.Attr(n, "procedure");
      sc.rto = v_.DurationAttr(n, "rto");
      sc.rpo = v_.DurationAttr(n, "rpo");
      sc.new_hardware = v_.Bool(n, "new-hardware");
      sc.about = v_.Enum(n, "about", {"server", "pool"});
      sc.when = Conditions(n);
      sc.uses_backups = v_.Bool(n, "uses-backups");
      for (auto c : n.children("criteria")) sc.criteria.push_back(v_.Content(c));
      for (auto c : n.children("verify")) sc.verify.push_back(v_.Content(c));
      sc.loc = v_.Where(n);
      p_->scenarios.push_back(sc);
    }
    for (auto n : root.child("role-kinds").children("role-kind")) {
      p_->role_kinds.push_back({v_.Attr(n, "id"), v_.Attr(n, "name"), v_.Where(n)});
    }
    for (auto n : root.child("step-kinds").children("step-kind")) {
      ProfileStepKind k{v_.Attr(n, "id"), ListOf(n, "produces"), ListOf(n, "needs"), {}, v_.Where(n), {}, {}};
      for (auto m : n.children("match")) k.matches.push_back(v_.Content(m));
      k.pool_wide = v_.Bool(n, "pool-wide");
      k.may_run_early = v_.Bool(n, "may-run-early");
      p_->step_kinds.push_back(k);
    }
    for (auto n : root.child("never").children("action")) {
      NeverAction a{v_.Attr(n, "id"), v_.Attr(n, "why"), {}, v_.Where(n)};
      for (auto m : n.children("match")) a.matches.push_back(v_.Content(m));
      p_->never.push_back(a);
    }
  }

  // Ids unique, references resolve, tools declared, steps have a role kind.
  void CheckIntegrity() {
    Unique("data item", [&](auto f) { for (auto& i : p_->items) f(i.id); for (auto& i : p_->no_backup) f(i.id); });
    Unique("tool", [&](auto f) { for (auto& t : p_->tools) f(t.id); });
    Unique("procedure", [&](auto f) { for (auto& t : p_->procedures) f(t.id); });
    Unique("scenario", [&](auto f) { for (auto& t : p_->scenarios) f(t.id); });
    Unique("worksheet", [&](auto f) { for (auto& t : p_->worksheets) f(t.id); });
    Unique("service", [&](auto f) { for (auto& t : p_->services) f(t.service); });
    Unique("server role", [&](auto f) { for (auto& t : p_->roles) f(t.role); });
    Unique("role kind", [&](auto f) { for (auto& t : p_->role_kinds) f(t.id); });
    Unique("step kind", [&](auto f) { for (auto& t : p_->step_kinds) f(t.id); });

    std::vector<std::string> tools, items, procs, scens, sheets;
    for (auto& t : p_->tools) tools.push_back(t.id.value);
    for (auto& t : p_->items) items.push_back(t.id.value);
    for (auto& t : p_->no_backup) items.push_back(t.id.value);
    for (auto& t : p_->procedures) procs.push_back(t.id.value);
    for (auto& t : p_->scenarios) scens.push_back(t.id.value);
    for (auto& t : p_->worksheets) sheets.push_back(t.id.value);
    std::vector<std::string> role_kinds;
    for (auto& t : p_->role_kinds) role_kinds.push_back(t.id.value);

    auto tool = [&](const Text& t) {
      if (t.empty() || p_->FindTool(t.value)) return;
      std::string s = Suggest(t.value, tools);
      diags_.Report(DiagId::err_profile_unknown_tool, t.loc, {t.value, s.empty() ? "" : "; did you mean '" + s + "'?"});
    };
    for (auto& t : p_->tools) {
      tool(t.needs_before);
      tool(t.needs_after);
      tool(t.instead);
    }
    std::vector<std::string> step_kinds;
    for (auto& k : p_->step_kinds) step_kinds.push_back(k.id.value);
    for (auto& r : p_->roles) Ref(r.rebuild_needs_step, "step kind", step_kinds);
    for (auto& it : p_->items) {
      tool(it.backup_tool);
      tool(it.restore_tool);
      for (auto& t : it.alt_backup_tools) tool(t);
      Ref(it.worksheet, "worksheet", sheets);
      Ref(it.backup_procedure, "procedure", procs);
    }
    for (auto& pr : p_->procedures) {
      Ref(pr.item, "data item", items);
      for (auto& st : pr.steps) {
        tool(st.tool);
        if (st.role_kind.empty()) diags_.Report(DiagId::err_profile_step_no_role, st.loc, {pr.id.value});
        if (!role_kinds.empty()) Ref(st.role_kind, "role kind", role_kinds);
        Ref(st.procedure, "procedure", procs);
        CheckStepBinding(st, items);
      }
    }
    for (auto& sc : p_->scenarios) {
      Ref(sc.procedure, "procedure", procs);
      for (auto& c : sc.when) CheckCondition(c, false);
    }
    for (auto& sv : p_->services) {
      for (auto& i : sv.items) Ref(i, "data item", items);
      for (auto& s : sv.scenarios) Ref(s, "scenario", scens);
    }
    for (auto& r : p_->roles) {
      for (auto& i : r.items) Ref(i, "data item", items);
      for (auto& s : r.scenarios) Ref(s, "scenario", scens);
    }
    for (auto& w : p_->worksheets) {
      for (auto& r : w.rows) Ref(r.item, "data item", items);
    }
  }

 private:
  // "when": space-separated conditions, each "[!]kind[:value|value...]".
  std::vector<StepCondition> Conditions(const pugi::xml_node& n) {
    std::vector<StepCondition> out;
    for (const Text& t : ListOf(n, "when")) {
      StepCondition c;
      c.loc = t.loc;
      std::string s = t.value;
      if (!s.empty() && s[0] == '!') {
        c.negate = true;
        s.erase(0, 1);
      }
      size_t colon = s.find(':');
      c.kind = s.substr(0, colon);
      if (colon != std::string::npos) {
        std::string rest = s.substr(colon + 1);
        size_t start = 0;
        while (start <= rest.size()) {
          size_t bar = rest.find('|', start);
          if (bar == std::string::npos) bar = rest.size();
          c.values.push_back(rest.substr(start, bar - start));
          start = bar + 1;
        }
      }
      out.push_back(c);
    }
    return out;
  }

  // A condition names a kind plangen knows and values the profile (or the plan format) defines.
  void CheckCondition(const StepCondition& c, bool step_has_item) {
    static const std::vector<std::string> kinds = {"edition", "holds", "role", "mirrored", "paired",
                                                   "site-has", "other-pool", "partner-in-site", "offsite",
                                                   "via"};
    const std::string written = (c.negate ? "!" : "") + c.kind;
    if (std::find(kinds.begin(), kinds.end(), c.kind) == kinds.end()) {
      std::string s = Suggest(c.kind, kinds);
      diags_.Report(DiagId::err_profile_bad_condition, c.loc,
                    {written, s.empty() ? "conditions are edition, holds, role, mirrored, paired, site-has, other-pool, partner-in-site, offsite and via"
                                        : "did you mean '" + s + "'?"});
      return;
    }
    const bool takes_values = c.kind != "mirrored" && c.kind != "paired" && c.kind != "partner-in-site" &&
                               c.kind != "offsite";
    bool empty_value = false;
    for (const auto& v : c.values) empty_value = empty_value || v.empty();
    if (takes_values == c.values.empty() || empty_value) {
      std::string whole = written;
      for (size_t i = 0; i < c.values.size(); ++i) whole += (i ? "|" : ":") + c.values[i];
      diags_.Report(DiagId::err_profile_bad_condition, c.loc,
                    {whole, takes_values ? "'" + c.kind + "' needs a value: " + c.kind + ":VALUE" : "'" + c.kind + "' takes no value"});
      return;
    }
    if (c.kind == "via" && !step_has_item) {
      diags_.Report(DiagId::err_profile_bad_condition, c.loc, {written + ":" + c.values.front(), "'via' needs the step's item, which says whose backup it asks about"});
    }
    for (const std::string& v : c.values) {
      Text t{v, c.loc};
      if (c.kind == "edition") {
        if (v != "standard" && v != "enterprise") diags_.Report(DiagId::err_xml_bad_value, c.loc, {v, "edition", "standard or enterprise"});
      } else if (c.kind == "site-has") {
        static const std::vector<std::string> pool_kinds = {"front-end", "edge", "persistent-chat", "director", "mediation",
                                                            "sql", "file", "office-web-apps", "sba"};
        if (std::find(pool_kinds.begin(), pool_kinds.end(), v) == pool_kinds.end())
          diags_.Report(DiagId::err_xml_bad_value, c.loc, {v, "a pool kind", "front-end, edge, persistent-chat, director, mediation, sql, file, office-web-apps or sba"});
      } else if (c.kind == "holds") {
        if (!p_->FindService(v)) Ref(t, "service", ServiceNames());
      } else if (c.kind == "role") {
        Ref(t, "server role", RoleNames());
      } else if (c.kind == "via") {
        const ProfileProcedure* pr = p_->FindProcedure(v);
        if (!pr || pr->kind.value != "backup") Ref(t, "backup procedure", BackupProcedureNames());
      }
    }
  }

  // for-each names a server role or "backup"; item names data items, one unless for-each="backup".
  void CheckStepBinding(const ProfileStep& st, const std::vector<std::string>& items) {
    for (auto& i : st.items) Ref(i, "data item", items);
    for (auto& c : st.when) CheckCondition(c, !st.items.empty());
    if (st.for_each.value == "backup") {
      if (st.items.empty()) diags_.Report(DiagId::err_profile_bad_for_each, st.for_each.loc, {"'backup' needs the data items in item=\"...\""});
    } else {
      if (!st.for_each.empty() && !p_->FindRole(st.for_each.value)) {
        std::vector<std::string> known = RoleNames();
        known.push_back("backup");
        std::string s = Suggest(st.for_each.value, known);
        diags_.Report(DiagId::err_profile_bad_for_each, st.for_each.loc,
                      {"'" + st.for_each.value + "' is neither a server role of the profile nor 'backup'" + (s.empty() ? std::string() : "; did you mean '" + s + "'?")});
      }
      if (st.items.size() > 1) {
        diags_.Report(DiagId::err_profile_bad_for_each, st.items[1].loc,
                      {"is missing: a step bound to several data items must repeat with for-each=\"backup\""});
      }
    }
  }

  std::vector<std::string> ServiceNames() const {
    std::vector<std::string> v;
    for (auto& s : p_->services) v.push_back(s.service.value);
    return v;
  }
  std::vector<std::string> RoleNames() const {
    std::vector<std::string> v;
    for (auto& r : p_->roles) v.push_back(r.role.value);
    return v;
  }
  std::vector<std::string> BackupProcedureNames() const {
    std::vector<std::string> v;
    for (auto& p : p_->procedures)
      if (p.kind.value == "backup") v.push_back(p.id.value);
    return v;
  }

  std::vector<Text> ListOf(const pugi::xml_node& n, const char* name) { return v_.List(n, name); }

  template <class F>
  void Unique(const char* what, F each) {
    std::map<std::string, Loc> seen;
    each([&](const Text& t) {
      if (t.empty()) return;
      auto [it, fresh] = seen.emplace(t.value, t.loc);
      if (!fresh) {
        diags_.Report(DiagId::err_duplicate_id, t.loc, {what, t.value})
            .AddNote(it->second, Info(DiagId::note_previous_definition).format);
      }
    });
  }

  void Ref(const Text& t, const char* what, const std::vector<std::string>& known) {
    if (t.empty()) return;
    if (std::find(known.begin(), known.end(), t.value) != known.end()) return;
    std::string s = Suggest(t.value, known);
    diags_.Report(DiagId::err_dangling_reference, t.loc, {what, t.value, s.empty() ? "" : "; did you mean '" + s + "'?"});
  }

  ValueReader v_;
  DiagEngine& diags_;
  Profile* p_;
};

}  // namespace

bool LoadProfileFile(const std::string& path, const std::string& display, Profile* out, SourceManager& sm,
                     DiagEngine& diags) {
  XmlDocument doc;
  if (!LoadXmlFile(path, display, &doc, sm, diags)) return false;
  out->file = doc.file;
  out->dir = fs::path(path).parent_path().string();
  pugi::xml_node root = doc.doc.document_element();
  if (LocalName(root) != "profile" || NamespaceOf(root) != kProfileNamespace) {
    diags.Report(DiagId::err_xml_wrong_root, NodeLoc(doc.file, root),
                 {LocalName(root), NamespaceOf(root), "profile", kProfileNamespace});
    return false;
  }
  ValidateTree(ProfileSchema(), "profile", root, kProfileNamespace, doc.file, sm, diags);
  ProfileReader reader(sm, diags, doc.file, out);
  reader.Read(root);
  reader.CheckIntegrity();
  return true;
}

bool LoadProfile(const std::string& id, const std::vector<std::string>& search_path, Loc where, Profile* out,
                 SourceManager& sm, DiagEngine& diags) {
  bool safe = !id.empty() && id.find('/') == std::string::npos && id.find('\\') == std::string::npos && id != "." && id != "..";
  if (safe) {
    for (const auto& dir : search_path) {
      fs::path p = fs::path(dir) / id / "profile.xml";
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) {
        return LoadProfileFile(p.string(), OpenablePath(p), out, sm, diags);
      }
    }
  }
  std::vector<std::string> names = AvailableProfiles(search_path);
  std::string s = Suggest(id, names);
  diags.Report(DiagId::err_profile_unknown, where, {id, s.empty() ? "" : "; did you mean '" + s + "'?"});
  return false;
}

}  // namespace plangen

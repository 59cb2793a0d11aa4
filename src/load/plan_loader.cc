#include "load/plan_loader.h"

#include <filesystem>
#include <map>
#include <set>

#include "load/open_decisions.h"
#include "load/plan_schema.h"
#include "load/value_reader.h"
#include "load/xml_input.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

constexpr int kMaxIncludeDepth = 8;

class PlanReader {
 public:
  PlanReader(SourceManager& sm, DiagEngine& diags, Plan* plan) : sm_(sm), diags_(diags), plan_(plan) {}

  /// Marks the main file as being read, so that a part including it is a cycle.
  void Enter(const std::string& path) { active_.insert(Key(path)); }

  bool ReadFile(const std::string& path, const std::string& display, bool part, int depth, Loc included_from) {
    XmlDocument doc;
    if (!LoadXmlFile(path, display, &doc, sm_, diags_)) return false;
    plan_->files.push_back(doc.file);
    pugi::xml_node root = doc.doc.document_element();
    size_t first_decision = plan_->decisions.size();
    RecordOpenDecisions(sm_, doc.file, root, &plan_->decisions);
    for (size_t i = first_decision; i < plan_->decisions.size(); ++i) {
      decision_at_[{doc.file, plan_->decisions[i].loc.offset}] = i;
    }
    const char* want = part ? "plan-part" : "plan";
    if (LocalName(root) != want || NamespaceOf(root) != kPlanNamespace) {
      diags_.Report(DiagId::err_xml_wrong_root, NodeLoc(doc.file, root),
                    {LocalName(root), NamespaceOf(root), want, kPlanNamespace});
      if (included_from.valid()) {
        diags_.Report(DiagId::err_include_failed, included_from, {display, "it is not a plan part"});
      }
      return false;
    }
    ValidateTree(PlanSchema(), "plan", root, kPlanNamespace, doc.file, sm_, diags_, part);
    ValueReader v(sm_, diags_, doc.file);
    if (!part) {
      plan_->file = doc.file;
      plan_->loc = v.Where(root);
      plan_->id = v.Attr(root, "id");
      plan_->version = v.Attr(root, "version");
      plan_->profile = v.Attr(root, "profile");
      plan_->last_changed = v.DateAttr(root, "last-changed");
      plan_->title = v.Content(root.child("title"));
      plan_->description = v.Content(root.child("description"));
    }
    ReadSections(v, root);
    for (pugi::xml_node inc : root.children("include")) {
      Text href = v.Attr(inc, "href");
      if (href.empty()) continue;
      Include(path, display, href, depth);
    }
    // Keep the documents alive: the model copies every value, so nothing else is needed.
    return true;
  }

 private:
  // `from` is the including file's path, `from_display` the same file as findings name it.
  void Include(const std::string& from, const std::string& from_display, const Text& href, int depth) {
    if (depth + 1 > kMaxIncludeDepth) {
      diags_.Report(DiagId::err_include_failed, href.loc, {href.value, "includes nest deeper than 8 levels"});
      return;
    }
    fs::path base = fs::path(from).parent_path();
    fs::path target = base / href.value;
    std::error_code ec;
    std::string key = Key(target.string());
    if (active_.count(key)) {
      diags_.Report(DiagId::err_include_failed, href.loc, {href.value, "it includes itself (a cycle)"});
      return;
    }
    if (!fs::is_regular_file(target, ec)) {
      diags_.Report(DiagId::err_include_failed, href.loc, {href.value, "no such file"});
      return;
    }
    // Named relative to the including file, as the path in the file system is.
    std::string display = (fs::path(from_display).parent_path() / fs::path(href.value)).lexically_normal().string();
    active_.insert(key);
    ReadFile(target.string(), display, true, depth + 1, href.loc);
    active_.erase(key);
  }

  void ReadSections(ValueReader& v, const pugi::xml_node& root) {
    for (auto n : root.child("roles").children("role")) {
      Role r;
      r.id = v.Attr(n, "id");
      r.kind = Enum(v, n, "kind", {"team", "individual"});
      r.name = v.Attr(n, "name");
      r.department = v.Attr(n, "department");
      r.role_kind = v.Attr(n, "role-kind");
      for (auto c : n.children("contact")) {
        r.contacts.push_back({Enum(v, c, "type", {"email", "phone", "pager", "chat", "other"}), v.Content(c), v.Where(c)});
      }
      r.loc = v.Where(n);
      r.members = v.List(n, "members");
      r.time_zone = v.Attr(n, "time-zone");
      plan_->roles.push_back(r);
    }
    for (auto n : root.child("people").children("person")) {
      Person p;
      p.id = v.Attr(n, "id");
      p.name = v.Attr(n, "name");
      for (auto c : n.children("contact")) {
        p.contacts.push_back({Enum(v, c, "type", {"email", "phone", "pager", "chat", "other"}), v.Content(c), v.Where(c)});
      }
      p.loc = v.Where(n);
      plan_->people.push_back(p);
    }
    if (pugi::xml_node g = root.child("governance")) {
      Governance& gv = plan_->governance;
      if (gv.present) {
        diags_.Report(DiagId::err_xml_repeated, v.Where(g), {"governance", "plan"}).AddNote(gv.loc, "first 'governance' is here");
      }
      gv.present = true;
      gv.loc = v.Where(g);
      gv.reviewer = RefAttr(v, g, "reviewer", "role");
      gv.validator = RefAttr(v, g, "validator", "role");
      gv.change_approver = RefAttr(v, g, "change-approver", "role");
      gv.review_interval = v.DurationAttr(g, "review-interval");
      gv.last_reviewed = v.DateAttr(g, "last-reviewed");
      for (auto a : g.children("approval")) {
        gv.approvals.push_back({Enum(v, a, "kind", {"business", "technical"}), RefAttr(v, a, "by", "role"), v.DateAttr(a, "date"),
                                v.Attr(a, "plan-version"), v.Attr(a, "digest"), v.Content(a), v.Where(a)});
        gv.approvals.back().waivers = v.List(a, "waivers");
      }
      for (auto c : g.child("decision-criteria").children("criterion")) gv.decision_criteria.push_back(v.Content(c));
    }
    for (auto n : root.child("locations").children("location")) {
      Location l;
      l.id = v.Attr(n, "id");
      l.path = v.Attr(n, "path");
      l.host = v.Attr(n, "host");
      l.types = EnumList(v, n, "types", {"settings", "database", "file-store"});
      l.secure = Bool(v, n, "secure");
      l.offsite = Bool(v, n, "offsite");
      l.region = v.Attr(n, "region");
      l.kind = Enum(v, n, "kind", {"disk", "share", "tape", "cloud-vault"});
      l.notes = v.Content(n);
      l.loc = v.Where(n);
      plan_->locations.push_back(l);
    }
    if (pugi::xml_node t = root.child("topology")) ReadTopology(v, t);
    for (auto n : root.child("spare-hardware").children("spare")) {
      plan_->spares.push_back({v.Attr(n, "id"), v.Attr(n, "source"), v.DurationAttr(n, "lead-time"), RefAttr(v, n, "contact", "role"),
                               v.Content(n), v.Where(n), v.Attr(n, "site"), v.DurationAttr(n, "transport")});
    }
    for (auto n : root.child("backups").children("backup")) {
      Backup b;
      b.id = v.Attr(n, "id");
      b.item = v.Attr(n, "item");
      b.server = v.Attr(n, "server");
      b.owner = RefAttr(v, n, "owner", "role");
      b.schedule = v.ScheduleAttr(n, "schedule");
      b.retention = v.DurationAttr(n, "retention");
      b.locations = RefList(v, n, "locations", "location");
      b.procedure = v.Attr(n, "procedure");
      b.run_as = v.Attr(n, "run-as");
      b.notes = v.Content(n);
      b.loc = v.Where(n);
      plan_->backups.push_back(b);
    }
    for (auto n : root.child("procedures").children("procedure")) {
      Procedure p;
      p.id = v.Attr(n, "id");
      p.kind = Enum(v, n, "kind", {"backup", "restore"});
      p.title = v.Attr(n, "title");
      p.based_on = v.Attr(n, "based-on");
      p.last_changed = v.DateAttr(n, "last-changed");
      p.last_tested = v.DateAttr(n, "last-tested");
      p.tested_by = RefAttr(v, n, "tested-by", "role");
      for (auto t : n.children("tool")) p.tools.push_back(v.Content(t));
      for (auto x : n.children("exclude")) p.excludes.push_back(v.Content(x));
      for (auto s : n.children("step")) p.steps.push_back({v.Content(s), RefAttr(v, s, "role", "role"), v.Attr(s, "tool"), v.Where(s)});
      p.loc = v.Where(n);
      plan_->procedures.push_back(p);
    }
    for (auto n : root.child("scenarios").children("scenario")) {
      Scenario s;
      s.id = v.Attr(n, "id");
      s.title = v.Attr(n, "title");
      s.template_id = v.Attr(n, "template");
      s.rto = v.DurationAttr(n, "rto");
      s.rpo = v.DurationAttr(n, "rpo");
      s.decider = RefAttr(v, n, "decider", "role");
      s.new_hardware = Bool(v, n, "new-hardware");
      s.spare = RefAttr(v, n, "spare", "spare");
      s.covers = v.List(n, "covers");
      s.items = v.List(n, "items");
      for (auto c : n.children("criteria")) s.criteria.push_back(v.Content(c));
      for (auto st : n.children("step")) {
        ScenarioStep step;
        step.id = v.Attr(st, "id");
        step.title = v.Attr(st, "title");
        if (step.title.empty()) step.title = v.Content(st);
        step.role = RefAttr(v, st, "role", "role");
        step.estimate = v.DurationAttr(st, "estimate");
        step.after = v.List(st, "after");
        step.procedure = v.Attr(st, "procedure");
        step.loc = v.Where(st);
        s.steps.push_back(step);
      }
      s.loc = v.Where(n);
      plan_->scenarios.push_back(s);
    }
    for (auto n : root.child("validations").children("check")) {
      plan_->checks.push_back({v.Attr(n, "id"), Enum(v, n, "kind", {"V1", "V2", "V3", "V4", "V5", "M1"}),
                               v.DurationAttr(n, "interval"), RefAttr(v, n, "owner", "role"), v.Attr(n, "records"),
                               v.Attr(n, "target"), v.Attr(n, "title").empty() ? v.Content(n) : v.Attr(n, "title"),
                               v.Where(n)});
    }
    for (auto n : root.child("waivers").children("waive")) {
      Waiver w;
      w.code = v.Attr(n, "code");
      w.severity = Enum(v, n, "severity", {"off", "note", "warning", "error"});
      w.reason = v.Attr(n, "reason");
      w.loc = v.Where(n);
      w.id = v.Attr(n, "id");
      w.owner = RefAttr(v, n, "owner", "role");
      w.expires = v.DateAttr(n, "expires");
      w.scope = v.List(n, "scope");
      plan_->waivers.push_back(std::move(w));
    }
  }

  void ReadTopology(ValueReader& v, const pugi::xml_node& t) {
    Topology& topo = plan_->topology;
    topo.present = true;
    if (!topo.loc.valid()) topo.loc = v.Where(t);
    Text file = v.Attr(t, "file");
    if (!file.empty()) topo.file = file;
    for (auto sn : t.children("site")) {
      Site site{v.Attr(sn, "id"), v.Attr(sn, "name"), {}, v.Where(sn), v.Attr(sn, "time-zone"), v.List(sn, "residency")};
      int site_index = static_cast<int>(topo.sites.size());
      for (auto pn : sn.children("pool")) {
        Pool pool;
        pool.id = v.Attr(pn, "id");
        pool.fqdn = v.Attr(pn, "fqdn");
        pool.edition = Enum(v, pn, "edition", {"enterprise", "standard"});
        pool.kind = v.Attr(pn, "kind");
        pool.paired_with = v.Attr(pn, "paired-with");
        pool.loc = v.Where(pn);
        pool.site = site_index;
        int pool_index = static_cast<int>(topo.pools.size());
        for (auto svn : pn.children("server")) {
          Server s;
          s.fqdn = v.Attr(svn, "fqdn");
          s.roles = v.List(svn, "roles");
          s.mirror_of = v.Attr(svn, "mirror-of");
          s.instance = v.Attr(svn, "instance");
          for (auto sv : svn.children("service")) {
            s.services.push_back({v.Attr(sv, "type"), v.Attr(sv, "share"), v.Attr(sv, "instance"), v.Where(sv)});
          }
          s.loc = v.Where(svn);
          s.pool = pool_index;
          pool.servers.push_back(static_cast<int>(topo.servers.size()));
          topo.servers.push_back(s);
        }
        site.pools.push_back(pool_index);
        topo.pools.push_back(pool);
      }
      topo.sites.push_back(site);
    }
  }

  // Enum, EnumList and Bool read attributes whose values form a closed set: an open decision
  // there is recorded with the values it may take.
  Text Enum(const ValueReader& v, const pugi::xml_node& n, const char* name,
            std::initializer_list<const char*> allowed) {
    NoteAllowed(v, n, name, allowed);
    return v.Enum(n, name, allowed);
  }
  std::vector<Text> EnumList(const ValueReader& v, const pugi::xml_node& n, const char* name,
                             std::initializer_list<const char*> allowed) {
    NoteAllowed(v, n, name, allowed, true);
    return v.EnumList(n, name, allowed);
  }
  BoolValue Bool(const ValueReader& v, const pugi::xml_node& n, const char* name) {
    NoteAllowed(v, n, name, {"yes", "no"});
    return v.Bool(n, name);
  }
  // RefAttr and RefList read references to ids of the plan (roles, locations, spares): an open
  // decision there is recorded with the kind it names, and PG5101 lists the plan's ids of that kind.
  Text RefAttr(const ValueReader& v, const pugi::xml_node& n, const char* name, const char* kind) {
    if (OpenDecision* d = DecisionAt(v, n, name)) d->refers_to = kind;
    return v.Attr(n, name);
  }
  std::vector<Text> RefList(const ValueReader& v, const pugi::xml_node& n, const char* name, const char* kind) {
    if (OpenDecision* d = DecisionAt(v, n, name)) d->refers_to = kind, d->many = true;
    return v.List(n, name);
  }
  void NoteAllowed(const ValueReader& v, const pugi::xml_node& n, const char* name,
                   std::initializer_list<const char*> allowed, bool many = false) {
    if (OpenDecision* d = DecisionAt(v, n, name)) {
      d->allowed.assign(allowed.begin(), allowed.end());
      d->many = many;
    }
  }
  // The open decision recorded for an attribute, or null when its value is not a placeholder.
  OpenDecision* DecisionAt(const ValueReader& v, const pugi::xml_node& n, const char* name) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a || !IsPlaceholder(Trim(a.value()))) return nullptr;  // the common case, without locating it
    Text t = v.Attr(n, name);
    auto at = decision_at_.find({t.loc.file, t.loc.offset});
    return at == decision_at_.end() ? nullptr : &plan_->decisions[at->second];
  }

  static std::string Key(const std::string& path) {
    std::error_code ec;
    fs::path canon = fs::weakly_canonical(path, ec);
    return ec ? fs::path(path).lexically_normal().string() : canon.string();
  }

  SourceManager& sm_;
  DiagEngine& diags_;
  Plan* plan_;
  std::set<std::string> active_;
  std::map<std::pair<int32_t, uint32_t>, size_t> decision_at_;  ///< (file, offset) -> index in plan_->decisions
};

}  // namespace

bool LoadPlan(const std::string& path, const std::string& display, Plan* plan, SourceManager& sm, DiagEngine& diags) {
  PlanReader reader(sm, diags, plan);
  reader.Enter(path);
  return reader.ReadFile(path, display, false, 0, Loc{});
}

}  // namespace plangen

// ResolvePlan: ids are unique and every reference names something that exists.
#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "load/plan_loader.h"
#include "util/edit_distance.h"
#include "util/name_maps.h"

namespace plangen {

namespace {


// Distinct names in plan order, viewing the plan's (or profile's) own strings, with a hash set for
// exact lookups; the set without regard to case is built on the first lookup that needs it.
// Names that are never told apart by case (FQDNs) keep only that set.
class NameSet {
 public:
  enum Case { kExact, kAnyCase };
  explicit NameSet(std::vector<std::string_view> list, Case kind = kExact) : names_(std::move(list)), kind_(kind) {
    if (kind == kAnyCase) {
      folded_.emplace(names_.begin(), names_.end());
      return;
    }
    exact_.reserve(names_.size());
    exact_.insert(names_.begin(), names_.end());
  }
  // A set of kAnyCase names answers without regard to case whatever `fold_case` says.
  bool Has(std::string_view name, bool fold_case) const {
    if (exact_.count(name)) return true;
    if (!fold_case && kind_ == kExact) return false;
    if (!folded_) folded_.emplace(names_.begin(), names_.end());
    return folded_->count(name) > 0;
  }
  const std::vector<std::string_view>& names() const { return names_; }

 private:
  std::vector<std::string_view> names_;
  Case kind_;
  std::unordered_set<std::string_view> exact_;
  mutable std::optional<std::unordered_set<std::string_view, FoldedHash, FoldedEqual>> folded_;
};

// The names a reference may take: the union of one or more sets.
using Known = std::initializer_list<const NameSet*>;

class Resolver {
 public:
  Resolver(const Plan& plan, const Profile* profile, DiagEngine& diags) : plan_(plan), profile_(profile), diags_(diags) {}

  void Run() {
    const Plan& p = plan_;
    // Names that other elements refer to.
    const NameSet roles_s(Names("role", [&](auto f) { for (auto& r : p.roles) f(r.id); }));
    const NameSet locations_s(Names("location", [&](auto f) { for (auto& l : p.locations) f(l.id); }));
    const NameSet spares_s(Names("spare", [&](auto f) { for (auto& s : p.spares) f(s.id); }));
    std::vector<std::string_view> procedures = Names("procedure", [&](auto f) { for (auto& x : p.procedures) f(x.id); });
    Names("backup", [&](auto f) { for (auto& x : p.backups) f(x.id); });
    Names("scenario", [&](auto f) { for (auto& x : p.scenarios) f(x.id); });
    Names("validation check", [&](auto f) { for (auto& x : p.checks) f(x.id); });
    const NameSet sites_s(Names("site", [&](auto f) { for (auto& x : p.topology.sites) f(x.id); }));
    const NameSet pools_s(Names("pool", [&](auto f) { for (auto& x : p.topology.pools) f(x.id); }));
    // FQDNs are case-insensitive and unique across pools and servers, except that a Standard
    // Edition pool and its one server share a name.
    const NameSet servers_s(Names("server", [&](auto f) { for (auto& x : p.topology.servers) f(x.fqdn); }, true),
                            NameSet::kAnyCase);
    const NameSet pool_fqdns_s(Names("pool FQDN", [&](auto f) { for (auto& x : p.topology.pools) f(x.fqdn); }, true),
                               NameSet::kAnyCase);

    std::vector<std::string_view> all_procedures = procedures;
    std::vector<std::string_view> items, scenario_templates, server_roles, services, role_kinds;
    if (profile_) {
      for (auto& x : profile_->procedures) all_procedures.push_back(x.id.value);
      for (auto& x : profile_->items) items.push_back(x.id.value);
      for (auto& x : profile_->no_backup) items.push_back(x.id.value);
      for (auto& x : profile_->scenarios) scenario_templates.push_back(x.id.value);
      for (auto& x : profile_->roles) server_roles.push_back(x.role.value);
      for (auto& x : profile_->services) services.push_back(x.service.value);
      for (auto& x : profile_->role_kinds) role_kinds.push_back(x.id.value);
    }
    const NameSet all_procedures_s(std::move(all_procedures)), scenario_templates_s(std::move(scenario_templates)),
        server_roles_s(std::move(server_roles)), services_s(std::move(services)), role_kinds_s(std::move(role_kinds)),
        items_s(std::move(items));
    const Known pool_keys = {&pools_s, &pool_fqdns_s}, coverable = {&pools_s, &pool_fqdns_s, &servers_s};
    // A profile that lists role kinds accepts only those.
    if (!role_kinds_s.names().empty()) {
      for (auto& r : p.roles) {
        if (r.role_kind.empty() || IsPlaceholder(r.role_kind.value) || role_kinds_s.Has(r.role_kind.value, false)) continue;
        diags_.Report(DiagId::err_dangling_reference, r.role_kind.loc,
                      {"role kind", r.role_kind.value, Hint(r.role_kind.value, {&role_kinds_s}, "the profile defines ")});
      }
    }
    const Governance& g = p.governance;
    Ref(g.reviewer, "role", {&roles_s});
    Ref(g.validator, "role", {&roles_s});
    Ref(g.change_approver, "role", {&roles_s});
    for (auto& a : g.approvals) Ref(a.by, "role", {&roles_s});
    for (auto& s : p.spares) {
      Ref(s.contact, "role", {&roles_s});
      Ref(s.site, "site", {&sites_s});
    }
    for (auto& pool : p.topology.pools) Ref(pool.paired_with, "pool", pool_keys, true);
    for (auto& s : p.topology.servers) {
      Ref(s.mirror_of, "server", {&servers_s}, true);
      if (profile_) {
        for (auto& r : s.roles) Ref(r, "server role", {&server_roles_s});
        for (auto& sv : s.services) Ref(sv.type, "topology service", {&services_s}, true);
      }
    }
    for (auto& b : p.backups) {
      if (profile_) Item(b.item, items_s);
      Ref(b.server, "server", {&servers_s}, true);
      Ref(b.owner, "role", {&roles_s});
      for (auto& l : b.locations) Ref(l, "location", {&locations_s});
      Ref(b.procedure, "procedure", {&all_procedures_s});
    }
    for (auto& pr : p.procedures) {
      Ref(pr.tested_by, "role", {&roles_s});
      if (profile_) Ref(pr.based_on, "profile procedure", {&all_procedures_s});
      for (auto& st : pr.steps) Ref(st.role, "role", {&roles_s});
    }
    for (auto& sc : p.scenarios) {
      Ref(sc.decider, "role", {&roles_s});
      Ref(sc.spare, "spare", {&spares_s});
      if (profile_) Ref(sc.template_id, "scenario template", {&scenario_templates_s});
      for (auto& c : sc.covers) Ref(c, "pool or server", coverable, true);
      if (profile_) {
        for (auto& i : sc.items) Item(i, items_s);
      }
      const NameSet steps_s(Names("step", [&](auto f) { for (auto& st : sc.steps) f(st.id); }));
      for (auto& st : sc.steps) {
        Ref(st.role, "role", {&roles_s});
        Ref(st.procedure, "procedure", {&all_procedures_s});
        for (auto& a : st.after) Ref(a, "step", {&steps_s});
      }
    }
    for (auto& c : p.checks) Ref(c.owner, "role", {&roles_s});
    const NameSet people_s(Names("person", [&](auto f) { for (auto& x : p.people) f(x.id); }));
    for (auto& r : p.roles) {
      for (auto& m : r.members) Ref(m, "person", {&people_s});
    }
    const NameSet waivers_s(Names("waiver", [&](auto f) { for (auto& w : p.waivers) f(w.id); }));
    for (auto& w : p.waivers) {
      if (!w.code.empty() && !FindCode(w.code.value)) {
        diags_.Report(DiagId::err_dangling_reference, w.code.loc, {"diagnostic code", w.code.value, ""});
      }
      Ref(w.owner, "role", {&roles_s});
    }
    for (auto& a : g.approvals) {
      for (auto& w : a.waivers) Ref(w, "waiver", {&waivers_s});
    }
  }

 private:
  // Reports duplicates among the names `each` yields and returns the distinct names.
  template <class F>
  std::vector<std::string_view> Names(const char* what, F each, bool fold_case = false) {
    return fold_case ? Distinct<FoldedNameMap<Loc>>(what, each) : Distinct<NameMap<Loc>>(what, each);
  }
  template <class Seen, class F>
  std::vector<std::string_view> Distinct(const char* what, F each) {
    Seen seen;
    std::vector<std::string_view> out;
    each([&](const Text& t) {
      if (t.empty()) return;
      auto [it, fresh] = seen.emplace(t.value, t.loc);
      if (fresh) {
        out.push_back(t.value);
      } else {
        diags_.Report(DiagId::err_duplicate_id, t.loc, {what, t.value})
            .AddNote(it->second, Info(DiagId::note_previous_definition).format);
      }
    });
    return out;
  }

  // Reports `t` when it names nothing in `known`. The lookup is a hash probe, so resolving stays
  // linear in the size of the plan; only a miss pays for the suggestion.
  void Ref(const Text& t, const char* what, Known known, bool fold_case = false) {
    if (t.empty() || IsPlaceholder(t.value)) return;  // a decision left open, listed by PG5101
    // Exactly as written first in every set: a name in another case is the rare one.
    for (const NameSet* k : known) {
      if (k->Has(t.value, false)) return;
    }
    if (fold_case) {
      for (const NameSet* k : known) {
        if (k->Has(t.value, true)) return;
      }
    }
    diags_.Report(DiagId::err_dangling_reference, t.loc, {what, t.value, Hint(t.value, known, "the plan defines ")});
  }

  // "; did you mean 'x'?" when a name is close, else the names there are to choose from (at most
  // twelve), so that a typo and a wrong guess both end with something to write.
  static std::string Hint(const std::string& value, Known known, const char* lead) {
    std::vector<std::string> names;
    for (const NameSet* k : known) names.insert(names.end(), k->names().begin(), k->names().end());
    std::string s = Suggest(value, names);
    if (!s.empty()) return "; did you mean '" + s + "'?";
    if (names.empty()) return std::string("; ") + lead + "none";
    std::sort(names.begin(), names.end());
    constexpr size_t kMax = 12;
    std::string out = std::string("; ") + lead;
    const size_t shown = std::min(names.size(), kMax);
    for (size_t i = 0; i < shown; ++i) {
      if (i > 0) out += (i + 1 == shown && names.size() <= kMax) ? " and " : ", ";
      out += "'" + names[i] + "'";
    }
    if (names.size() > kMax) out += " and " + std::to_string(names.size() - kMax) + " more";
    return out;
  }

  void Item(const Text& t, const NameSet& items) {
    if (t.empty() || items.Has(t.value, false)) return;
    if (IsPlaceholder(t.value)) return;
    diags_.Report(DiagId::err_unknown_item, t.loc, {t.value, profile_->id.value, Hint(t.value, {&items}, "it defines ")});
  }

  const Plan& plan_;
  const Profile* profile_;
  DiagEngine& diags_;
};

}  // namespace

void ResolvePlan(const Plan& plan, const Profile* profile, DiagEngine& diags) {
  Resolver(plan, profile, diags).Run();
}

}  // namespace plangen

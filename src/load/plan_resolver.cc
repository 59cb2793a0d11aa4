// ResolvePlan: ids are unique and every reference names something that exists.
#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_set>
#include <unordered_set>

#include "load/plan_loader.h"
#include "util/edit_distance.h"
#include "util/strings.h"

namespace plangen {

namespace {


// A list of names with hash sets for lookups, exact and without regard to case.
struct NameSet {
  explicit NameSet(const std::vector<std::string>& list) : names(list) {
    for (const auto& n : names) {
      exact.insert(n);
      folded.insert(AsciiLower(n));
    }
  }
  std::vector<std::string> names;
  std::unordered_set<std::string> exact, folded;
};

class Resolver {
 public:
  Resolver(const Plan& plan, const Profile* profile, DiagEngine& diags) : plan_(plan), profile_(profile), diags_(diags) {}

  void Run() {
    const Plan& p = plan_;
    // Names that other elements refer to.
    auto roles = Names("role", [&](auto f) { for (auto& r : p.roles) f(r.id); });
    auto locations = Names("location", [&](auto f) { for (auto& l : p.locations) f(l.id); });
    auto spares = Names("spare", [&](auto f) { for (auto& s : p.spares) f(s.id); });
    auto procedures = Names("procedure", [&](auto f) { for (auto& x : p.procedures) f(x.id); });
    Names("backup", [&](auto f) { for (auto& x : p.backups) f(x.id); });
    Names("scenario", [&](auto f) { for (auto& x : p.scenarios) f(x.id); });
    Names("validation check", [&](auto f) { for (auto& x : p.checks) f(x.id); });
    auto sites = Names("site", [&](auto f) { for (auto& x : p.topology.sites) f(x.id); });
    auto pools = Names("pool", [&](auto f) { for (auto& x : p.topology.pools) f(x.id); });
    // FQDNs are case-insensitive and unique across pools and servers, except that a Standard
    // Edition pool and its one server share a name.
    auto servers = Names("server", [&](auto f) { for (auto& x : p.topology.servers) f(x.fqdn); }, true);
    auto pool_fqdns = Names("pool FQDN", [&](auto f) { for (auto& x : p.topology.pools) f(x.fqdn); }, true);

    std::vector<std::string> all_procedures = procedures;
    std::vector<std::string> items;
    std::vector<std::string> scenario_templates;
    std::vector<std::string> server_roles, services, role_kinds;
    if (profile_) {
      for (auto& x : profile_->procedures) all_procedures.push_back(x.id.value);
      for (auto& x : profile_->items) items.push_back(x.id.value);
      for (auto& x : profile_->no_backup) items.push_back(x.id.value);
      for (auto& x : profile_->scenarios) scenario_templates.push_back(x.id.value);
      for (auto& x : profile_->roles) server_roles.push_back(x.role.value);
      for (auto& x : profile_->services) services.push_back(x.service.value);
      for (auto& x : profile_->role_kinds) role_kinds.push_back(x.id.value);
    }
    std::vector<std::string> pool_keys = pools;
    pool_keys.insert(pool_keys.end(), pool_fqdns.begin(), pool_fqdns.end());
    std::vector<std::string> coverable = pool_keys;
    coverable.insert(coverable.end(), servers.begin(), servers.end());

    const NameSet roles_s(roles), locations_s(locations), spares_s(spares), all_procedures_s(all_procedures),
        scenario_templates_s(scenario_templates), server_roles_s(server_roles), services_s(services),
        pool_keys_s(pool_keys), coverable_s(coverable), servers_s(servers), sites_s(sites), role_kinds_s(role_kinds);
    // A profile that lists role kinds accepts only those.
    if (!role_kinds.empty()) {
      for (auto& r : p.roles) {
        if (r.role_kind.empty() || IsPlaceholder(r.role_kind.value) || role_kinds_s.exact.count(r.role_kind.value)) continue;
        diags_.Report(DiagId::err_dangling_reference, r.role_kind.loc,
                      {"role kind", r.role_kind.value, Hint(r.role_kind.value, role_kinds, "the profile defines ")});
      }
    }
    const Governance& g = p.governance;
    Ref(g.reviewer, "role", roles_s);
    Ref(g.validator, "role", roles_s);
    Ref(g.change_approver, "role", roles_s);
    for (auto& a : g.approvals) Ref(a.by, "role", roles_s);
    for (auto& s : p.spares) {
      Ref(s.contact, "role", roles_s);
      Ref(s.site, "site", sites_s);
    }
    for (auto& pool : p.topology.pools) Ref(pool.paired_with, "pool", pool_keys_s, true);
    for (auto& s : p.topology.servers) {
      Ref(s.mirror_of, "server", servers_s, true);
      if (profile_) {
        for (auto& r : s.roles) Ref(r, "server role", server_roles_s);
        for (auto& sv : s.services) Ref(sv.type, "topology service", services_s, true);
      }
    }
    for (auto& b : p.backups) {
      if (profile_) Item(b.item, items);
      Ref(b.server, "server", servers_s, true);
      Ref(b.owner, "role", roles_s);
      for (auto& l : b.locations) Ref(l, "location", locations_s);
      Ref(b.procedure, "procedure", all_procedures_s);
    }
    for (auto& pr : p.procedures) {
      Ref(pr.tested_by, "role", roles_s);
      if (profile_) Ref(pr.based_on, "profile procedure", all_procedures_s);
      for (auto& st : pr.steps) Ref(st.role, "role", roles_s);
    }
    for (auto& sc : p.scenarios) {
      Ref(sc.decider, "role", roles_s);
      Ref(sc.spare, "spare", spares_s);
      if (profile_) Ref(sc.template_id, "scenario template", scenario_templates_s);
      for (auto& c : sc.covers) Ref(c, "pool or server", coverable_s, true);
      if (profile_) {
        for (auto& i : sc.items) Item(i, items);
      }
      const NameSet steps_s(Names("step", [&](auto f) { for (auto& st : sc.steps) f(st.id); }));
      for (auto& st : sc.steps) {
        Ref(st.role, "role", roles_s);
        Ref(st.procedure, "procedure", all_procedures_s);
        for (auto& a : st.after) Ref(a, "step", steps_s);
      }
    }
    for (auto& c : p.checks) Ref(c.owner, "role", roles_s);
    const NameSet people_s(Names("person", [&](auto f) { for (auto& x : p.people) f(x.id); }));
    for (auto& r : p.roles) {
      for (auto& m : r.members) Ref(m, "person", people_s);
    }
    const NameSet waivers_s(Names("waiver", [&](auto f) { for (auto& w : p.waivers) f(w.id); }));
    for (auto& w : p.waivers) {
      if (!w.code.empty() && !FindCode(w.code.value)) {
        diags_.Report(DiagId::err_dangling_reference, w.code.loc, {"diagnostic code", w.code.value, ""});
      }
      Ref(w.owner, "role", roles_s);
    }
    for (auto& a : g.approvals) {
      for (auto& w : a.waivers) Ref(w, "waiver", waivers_s);
    }
  }

 private:
  // Reports duplicates among the names `each` yields and returns the distinct names.
  template <class F>
  std::vector<std::string> Names(const char* what, F each, bool fold_case = false) {
    std::map<std::string, Loc> seen;
    std::vector<std::string> out;
    each([&](const Text& t) {
      if (t.empty()) return;
      std::string key = fold_case ? AsciiLower(t.value) : t.value;
      auto [it, fresh] = seen.emplace(key, t.loc);
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
  void Ref(const Text& t, const char* what, const NameSet& known, bool fold_case = false) {
    if (t.empty() || IsPlaceholder(t.value)) return;  // a decision left open, listed by PG5101
    if (known.exact.count(t.value) || (fold_case && known.folded.count(AsciiLower(t.value)))) return;
    diags_.Report(DiagId::err_dangling_reference, t.loc, {what, t.value, Hint(t.value, known.names, "the plan defines ")});
  }

  // "; did you mean 'x'?" when a name is close, else the names there are to choose from (at most
  // twelve), so that a typo and a wrong guess both end with something to write.
  static std::string Hint(const std::string& value, const std::vector<std::string>& names, const char* lead) {
    std::string s = Suggest(value, names);
    if (!s.empty()) return "; did you mean '" + s + "'?";
    if (names.empty()) return std::string("; ") + lead + "none";
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    constexpr size_t kMax = 12;
    std::string out = std::string("; ") + lead;
    const size_t shown = std::min(sorted.size(), kMax);
    for (size_t i = 0; i < shown; ++i) {
      if (i > 0) out += (i + 1 == shown && sorted.size() <= kMax) ? " and " : ", ";
      out += "'" + sorted[i] + "'";
    }
    if (sorted.size() > kMax) out += " and " + std::to_string(sorted.size() - kMax) + " more";
    return out;
  }

  void Item(const Text& t, const std::vector<std::string>& items) {
    if (t.empty() || std::find(items.begin(), items.end(), t.value) != items.end()) return;
    if (t.empty() || IsPlaceholder(t.value)) return;
    diags_.Report(DiagId::err_unknown_item, t.loc, {t.value, profile_->id.value, Hint(t.value, items, "it defines ")});
  }

  const std::unordered_set<std::string>& Index(const std::vector<std::string>& known, bool fold_case) {
    auto key = std::make_pair(&known, fold_case);
    auto it = indexes_.find(key);
    if (it != indexes_.end()) return it->second;
    std::unordered_set<std::string>& set = indexes_[key];
    for (const auto& k : known) set.insert(fold_case ? AsciiLower(k) : k);
    return set;
  }

  const Plan& plan_;
  const Profile* profile_;
  DiagEngine& diags_;
  std::map<std::pair<const std::vector<std::string>*, bool>, std::unordered_set<std::string>> indexes_;
};

}  // namespace

void ResolvePlan(const Plan& plan, const Profile* profile, DiagEngine& diags) {
  Resolver(plan, profile, diags).Run();
}

}  // namespace plangen

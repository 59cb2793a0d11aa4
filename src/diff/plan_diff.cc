#include "diff/plan_diff.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "util/strings.h"

namespace plangen::diff {

namespace {

// One compared value: `key` decides equality, `shown` is how the plan wrote it.
struct Field {
  std::string name;
  std::string key;
  std::string shown;
};

class Fields {
 public:
  Fields& Text(const char* name, const plangen::Text& t) {
    std::string v = CollapseSpace(t.value);
    v_.push_back({name, v, v});
    return *this;
  }
  Fields& Fqdn(const char* name, const plangen::Text& t) {
    std::string v = CollapseSpace(t.value);
    v_.push_back({name, AsciiLower(v), v});
    return *this;
  }
  Fields& Duration(const char* name, const DurationValue& d) {
    std::string key = CollapseSpace(d.text.value);
    if (d.value) {
      const plangen::Duration& x = *d.value;
      key = "P" + std::to_string(x.years) + "Y" + std::to_string(x.months) + "M" +
            std::to_string(static_cast<int64_t>(x.weeks) * 7 + x.days) + "DT" +
            std::to_string(x.hours * 3600 + x.minutes * 60 + x.seconds) + "S";
    }
    v_.push_back({name, key, CollapseSpace(d.text.value)});
    return *this;
  }
  Fields& Schedule(const char* name, const ScheduleValue& s) {
    v_.push_back({name, s.value ? s.value->Canonical() : CollapseSpace(s.text.value), CollapseSpace(s.text.value)});
    return *this;
  }
  Fields& Date(const char* name, const DateValue& d) {
    v_.push_back({name, d.value ? FormatDate(*d.value) : CollapseSpace(d.text.value), CollapseSpace(d.text.value)});
    return *this;
  }
  Fields& Bool(const char* name, const BoolValue& b) {
    std::string key = b.value ? (*b.value ? "yes" : "no") : CollapseSpace(b.text.value);
    v_.push_back({name, key, CollapseSpace(b.text.value)});
    return *this;
  }
  /// A list whose order carries no meaning: shown and compared sorted.
  Fields& Set(const char* name, const std::vector<plangen::Text>& list, bool fold = false) {
    std::vector<std::string> items;
    for (const auto& t : list) items.push_back(fold ? AsciiLower(CollapseSpace(t.value)) : CollapseSpace(t.value));
    return SetOf(name, std::move(items));
  }
  Fields& SetOf(const char* name, std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    std::string joined;
    for (const auto& i : items) joined += (joined.empty() ? "" : ", ") + i;
    v_.push_back({name, joined, joined});
    return *this;
  }
  /// A list whose order matters.
  Fields& Seq(const char* name, const std::vector<plangen::Text>& list) {
    std::string joined;
    for (const auto& t : list) joined += (joined.empty() ? "" : "; ") + CollapseSpace(t.value);
    v_.push_back({name, joined, joined});
    return *this;
  }
  std::vector<Field> Take() { return std::move(v_); }

 private:
  std::vector<Field> v_;
};

// A step of a scenario (keyed by id) or of a procedure (keyed by position).
struct Child {
  std::string id;
  std::vector<Field> fields;
  std::string Key() const {
    std::string k;
    for (const Field& f : fields) k += f.name + "=" + f.key + "\n";
    return k;
  }
};

struct Element {
  std::string id;     ///< shown
  std::string key;    ///< compared (FQDNs folded)
  std::vector<Field> fields;
  std::vector<std::string> roles;
  bool keyed_children = true;
  std::vector<Child> children;
};

void AddRoles(std::vector<std::string>* roles, std::initializer_list<const plangen::Text*> refs) {
  for (const plangen::Text* r : refs) {
    if (!r->value.empty()) roles->push_back(CollapseSpace(r->value));
  }
}

PlanChange Make(const std::string& area, const Element& e, ChangeKind kind, const std::string& field = "",
                const std::string& before = "", const std::string& after = "") {
  PlanChange c;
  c.area = area;
  c.id = e.id;
  c.kind = kind;
  c.field = field;
  c.before = before;
  c.after = after;
  return c;
}

std::string Quoted(const std::string& s) { return "'" + s + "'"; }

std::string StepText(const Child& c) {
  for (const Field& f : c.fields) {
    if (f.name == "text") return f.shown;
  }
  return c.id;
}

void CompareFields(const std::string& area, const Element& a, const Element& b, const std::string& prefix,
                   const std::vector<Field>& fa, const std::vector<Field>& fb, std::vector<PlanChange>* out) {
  for (size_t i = 0; i < fa.size() && i < fb.size(); ++i) {
    if (fa[i].key != fb[i].key) out->push_back(Make(area, b, ChangeKind::kChanged, prefix + fa[i].name, fa[i].shown, fb[i].shown));
  }
  (void)a;
}

void CompareKeyedChildren(const std::string& area, const Element& a, const Element& b, std::vector<PlanChange>* out) {
  std::map<std::string, const Child*> before, after;
  for (const Child& c : a.children) before.emplace(c.id, &c);
  for (const Child& c : b.children) after.emplace(c.id, &c);
  for (const Child& c : a.children) {
    if (!after.count(c.id)) out->push_back(Make(area, b, ChangeKind::kRemoved, "step " + Quoted(c.id)));
  }
  for (const Child& c : b.children) {
    auto it = before.find(c.id);
    if (it == before.end()) {
      out->push_back(Make(area, b, ChangeKind::kAdded, "step " + Quoted(c.id)));
      continue;
    }
    CompareFields(area, a, b, "step " + Quoted(c.id) + " ", it->second->fields, c.fields, out);
  }
  // The order of the steps both versions have.
  std::vector<std::string> order_a, order_b;
  for (const Child& c : a.children) {
    if (after.count(c.id)) order_a.push_back(c.id);
  }
  for (const Child& c : b.children) {
    if (before.count(c.id)) order_b.push_back(c.id);
  }
  if (order_a != order_b) {
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
      return s;
    };
    out->push_back(Make(area, b, ChangeKind::kReordered, "steps", join(order_a), join(order_b)));
  }
}

// Steps without ids: the longest common subsequence stays, the rest is removed or added.
void CompareSequencedChildren(const std::string& area, const Element& a, const Element& b, std::vector<PlanChange>* out) {
  const size_t n = a.children.size(), m = b.children.size();
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      lcs[i][j] = a.children[i].Key() == b.children[j].Key() ? lcs[i + 1][j + 1] + 1
                                                             : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a.children[i].Key() == b.children[j].Key()) {
      ++i, ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out->push_back(Make(area, b, ChangeKind::kAdded, "step " + std::to_string(j + 1), "", StepText(b.children[j])));
      ++j;
    } else {
      out->push_back(Make(area, b, ChangeKind::kRemoved, "step " + std::to_string(i + 1), StepText(a.children[i]), ""));
      ++i;
    }
  }
}

void CompareArea(const std::string& area, const std::vector<Element>& before, const std::vector<Element>& after,
                 std::vector<PlanChange>* out) {
  std::map<std::string, const Element*> a, b;
  for (const Element& e : before) a.emplace(e.key, &e);
  for (const Element& e : after) b.emplace(e.key, &e);
  std::set<std::string> keys;
  for (const auto& [k, e] : a) keys.insert(k);
  for (const auto& [k, e] : b) keys.insert(k);
  for (const std::string& k : keys) {
    auto ia = a.find(k), ib = b.find(k);
    std::vector<PlanChange> changes;
    std::vector<std::string> roles;
    if (ia == a.end()) {
      changes.push_back(Make(area, *ib->second, ChangeKind::kAdded));
      roles = ib->second->roles;
    } else if (ib == b.end()) {
      changes.push_back(Make(area, *ia->second, ChangeKind::kRemoved));
      roles = ia->second->roles;
    } else {
      const Element& x = *ia->second;
      const Element& y = *ib->second;
      CompareFields(area, x, y, "", x.fields, y.fields, &changes);
      if (y.keyed_children) CompareKeyedChildren(area, x, y, &changes);
      else CompareSequencedChildren(area, x, y, &changes);
      roles = x.roles;
      roles.insert(roles.end(), y.roles.begin(), y.roles.end());
    }
    std::sort(roles.begin(), roles.end());
    roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
    for (PlanChange& c : changes) {
      c.roles = roles;
      out->push_back(std::move(c));
    }
  }
}

template <class T, class F>
std::vector<Element> Each(const std::vector<T>& v, F make) {
  std::vector<Element> out;
  for (const T& x : v) out.push_back(make(x));
  return out;
}

Element ById(const plangen::Text& id) {
  Element e;
  e.id = CollapseSpace(id.value);
  e.key = e.id;
  return e;
}

Element ByFqdn(const plangen::Text& fqdn) {
  Element e;
  e.id = CollapseSpace(fqdn.value);
  e.key = AsciiLower(e.id);
  return e;
}

Element PlanElement(const Plan& p) {
  Element e;
  e.fields = Fields().Text("id", p.id).Text("version", p.version).Text("profile", p.profile).Text("title", p.title)
                 .Text("description", p.description).Text("topology file", p.topology.file).Take();
  return e;
}

std::vector<Element> Roles(const Plan& p) {
  return Each(p.roles, [](const Role& r) {
    Element e = ById(r.id);
    std::vector<std::string> contacts;
    for (const Contact& c : r.contacts) contacts.push_back(CollapseSpace(c.type.value) + " " + CollapseSpace(c.value.value));
    e.fields = Fields().Text("name", r.name).Text("kind", r.kind).Text("department", r.department)
                   .Text("role-kind", r.role_kind).SetOf("contacts", contacts).Take();
    e.roles = {e.id};
    return e;
  });
}

Element GovernanceElement(const Plan& p) {
  const Governance& g = p.governance;
  Element e;
  e.fields = Fields().Text("reviewer", g.reviewer).Text("validator", g.validator).Text("change-approver", g.change_approver)
                 .Duration("review-interval", g.review_interval).Seq("decision criteria", g.decision_criteria).Take();
  AddRoles(&e.roles, {&g.reviewer, &g.validator, &g.change_approver});
  return e;
}

std::vector<Element> Locations(const Plan& p) {
  return Each(p.locations, [](const Location& l) {
    Element e = ById(l.id);
    e.fields = Fields().Text("path", l.path).Fqdn("host", l.host).Set("types", l.types).Bool("secure", l.secure)
                   .Bool("offsite", l.offsite).Text("notes", l.notes).Take();
    return e;
  });
}

std::vector<Element> Sites(const Plan& p) {
  return Each(p.topology.sites, [](const Site& s) {
    Element e = ById(s.id);
    e.fields = Fields().Text("name", s.name).Take();
    return e;
  });
}

std::vector<Element> Pools(const Plan& p) {
  const Topology& t = p.topology;
  return Each(t.pools, [&](const Pool& pool) {
    Element e = ByFqdn(pool.fqdn);
    plangen::Text site;
    if (pool.site >= 0 && pool.site < static_cast<int>(t.sites.size())) site = t.sites[pool.site].id;
    e.fields = Fields().Text("id", pool.id).Text("edition", pool.edition).Text("kind", pool.kind)
                   .Fqdn("paired-with", pool.paired_with).Text("site", site).Take();
    return e;
  });
}

std::vector<Element> Servers(const Plan& p) {
  const Topology& t = p.topology;
  return Each(t.servers, [&](const Server& s) {
    Element e = ByFqdn(s.fqdn);
    std::vector<std::string> services;
    for (const Service& v : s.services) {
      std::string d = CollapseSpace(v.type.value);
      if (!v.share.empty()) d += " share " + CollapseSpace(v.share.value);
      if (!v.instance.empty()) d += " instance " + CollapseSpace(v.instance.value);
      services.push_back(d);
    }
    plangen::Text pool;
    if (s.pool >= 0 && s.pool < static_cast<int>(t.pools.size())) pool = t.pools[s.pool].fqdn;
    e.fields = Fields().Fqdn("pool", pool).Set("roles", s.roles).Fqdn("mirror-of", s.mirror_of).Text("instance", s.instance)
                   .SetOf("services", services).Take();
    return e;
  });
}

std::vector<Element> Spares(const Plan& p) {
  return Each(p.spares, [](const Spare& s) {
    Element e = ById(s.id);
    e.fields = Fields().Text("source", s.source).Duration("lead-time", s.lead_time).Text("contact", s.contact)
                   .Text("notes", s.notes).Take();
    AddRoles(&e.roles, {&s.contact});
    return e;
  });
}

std::vector<Element> Backups(const Plan& p) {
  return Each(p.backups, [](const Backup& b) {
    Element e = ById(b.id);
    e.fields = Fields().Text("item", b.item).Fqdn("server", b.server).Text("owner", b.owner).Schedule("schedule", b.schedule)
                   .Duration("retention", b.retention).Set("locations", b.locations).Text("procedure", b.procedure)
                   .Text("notes", b.notes).Take();
    AddRoles(&e.roles, {&b.owner});
    return e;
  });
}

std::vector<Element> Procedures(const Plan& p) {
  return Each(p.procedures, [](const Procedure& x) {
    Element e = ById(x.id);
    e.fields = Fields().Text("kind", x.kind).Text("title", x.title).Text("based-on", x.based_on).Set("tools", x.tools)
                   .Date("last-changed", x.last_changed).Date("last-tested", x.last_tested).Text("tested-by", x.tested_by)
                   .Take();
    e.keyed_children = false;
    for (const ProcedureStep& s : x.steps) {
      e.children.push_back({"", Fields().Text("text", s.text).Text("role", s.role).Text("tool", s.tool).Take()});
      AddRoles(&e.roles, {&s.role});
    }
    AddRoles(&e.roles, {&x.tested_by});
    return e;
  });
}

std::vector<Element> Scenarios(const Plan& p) {
  return Each(p.scenarios, [](const Scenario& x) {
    Element e = ById(x.id);
    e.fields = Fields().Text("title", x.title).Text("template", x.template_id).Duration("rto", x.rto).Duration("rpo", x.rpo)
                   .Text("decider", x.decider).Bool("new-hardware", x.new_hardware).Text("spare", x.spare)
                   .Set("covers", x.covers, true).Seq("criteria", x.criteria).Take();
    for (const ScenarioStep& s : x.steps) {
      e.children.push_back({CollapseSpace(s.id.value), Fields().Text("title", s.title).Text("role", s.role)
                                                      .Duration("estimate", s.estimate).Set("after", s.after)
                                                      .Text("procedure", s.procedure).Take()});
      AddRoles(&e.roles, {&s.role});
    }
    AddRoles(&e.roles, {&x.decider});
    return e;
  });
}

std::vector<Element> Checks(const Plan& p) {
  return Each(p.checks, [](const ValidationCheck& c) {
    Element e = ById(c.id);
    e.fields = Fields().Text("kind", c.kind).Duration("interval", c.interval).Text("owner", c.owner)
                   .Text("records", c.records).Text("target", c.target).Text("title", c.title).Take();
    AddRoles(&e.roles, {&c.owner});
    return e;
  });
}

std::vector<Element> Waivers(const Plan& p) {
  return Each(p.waivers, [](const Waiver& w) {
    Element e = ById(w.code);
    e.fields = Fields().Text("severity", w.severity).Text("reason", w.reason).Take();
    return e;
  });
}

}  // namespace

const char* ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kAdded: return "added";
    case ChangeKind::kRemoved: return "removed";
    case ChangeKind::kChanged: return "changed";
    case ChangeKind::kReordered: return "reordered";
  }
  return "changed";
}

std::string PlanChange::Describe() const {
  std::string subject = area + (id.empty() ? "" : " '" + id + "'");
  auto shown = [](const std::string& v) { return v.empty() ? std::string("(none)") : v; };
  switch (kind) {
    case ChangeKind::kAdded:
      if (field.empty()) return subject + " added";
      return subject + ": " + field + " added" + (after.empty() ? "" : ": " + after);
    case ChangeKind::kRemoved:
      if (field.empty()) return subject + " removed";
      return subject + ": " + field + " removed" + (before.empty() ? "" : ": " + before);
    case ChangeKind::kReordered:
      return subject + ": " + field + " reordered: " + before + " -> " + after;
    case ChangeKind::kChanged:
      break;
  }
  return subject + ": " + field + " " + shown(before) + " -> " + shown(after);
}

std::vector<PlanChange> DiffPlans(const Plan& before, const Plan& after) {
  std::vector<PlanChange> out;
  CompareArea("plan", {PlanElement(before)}, {PlanElement(after)}, &out);
  CompareArea("role", Roles(before), Roles(after), &out);
  CompareArea("governance", {GovernanceElement(before)}, {GovernanceElement(after)}, &out);
  CompareArea("location", Locations(before), Locations(after), &out);
  CompareArea("site", Sites(before), Sites(after), &out);
  CompareArea("pool", Pools(before), Pools(after), &out);
  CompareArea("server", Servers(before), Servers(after), &out);
  CompareArea("spare", Spares(before), Spares(after), &out);
  CompareArea("backup", Backups(before), Backups(after), &out);
  CompareArea("procedure", Procedures(before), Procedures(after), &out);
  CompareArea("scenario", Scenarios(before), Scenarios(after), &out);
  CompareArea("validation", Checks(before), Checks(after), &out);
  CompareArea("waiver", Waivers(before), Waivers(after), &out);
  return out;
}

}  // namespace plangen::diff

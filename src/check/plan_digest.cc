#include "check/plan_digest.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <vector>

#include <openssl/evp.h>

#include "check/plan_index.h"
#include "util/strings.h"

namespace plangen::check {

namespace {

std::string DurationKey(const DurationValue& d) {
  if (!d.value) return CollapseSpace(d.text.value);
  const Duration& v = *d.value;
  int64_t time = v.hours * 3600 + v.minutes * 60 + v.seconds;
  return "P" + std::to_string(v.years) + "Y" + std::to_string(v.months) + "M" +
         std::to_string(static_cast<int64_t>(v.weeks) * 7 + v.days) + "DT" + std::to_string(time) + "S";
}

std::string DateKey(const DateValue& d) { return d.value ? FormatDate(*d.value) : CollapseSpace(d.text.value); }
std::string ScheduleKey(const ScheduleValue& s) { return s.value ? s.value->Canonical() : CollapseSpace(s.text.value); }
std::string BoolKey(const BoolValue& b) {
  if (!b.value) return CollapseSpace(b.text.value);
  return *b.value ? "yes" : "no";
}

// Builds one element's records; elements are then sorted or kept in order by the caller.
class Rec {
 public:
  Rec& Field(const char* name, const std::string& value) {
    out_ += name;
    out_ += ' ';
    out_ += std::to_string(value.size());
    out_ += ':';
    out_ += value;
    out_ += '\n';
    return *this;
  }
  Rec& Text(const char* name, const plangen::Text& t) { return Field(name, CollapseSpace(t.value)); }
  Rec& Fqdn(const char* name, const plangen::Text& t) { return Field(name, AsciiLower(CollapseSpace(t.value))); }
  /// A field added to the format after digests were first given: written only when the plan
  /// sets it, so that the digests of plans that do not use it stay as they were.
  Rec& Optional(const char* name, const plangen::Text& t) { return t.empty() ? *this : Text(name, t); }
  /// A list whose order carries no meaning.
  Rec& Set(const char* name, const std::vector<plangen::Text>& v, bool fold = false) {
    std::vector<std::string> s;
    for (const auto& t : v) s.push_back(fold ? AsciiLower(t.value) : t.value);
    std::sort(s.begin(), s.end());
    for (const auto& x : s) Field(name, x);
    return Field(name, "");  // end marker, so that adjacent lists cannot blur
  }
  /// A list whose order matters.
  Rec& Seq(const char* name, const std::vector<plangen::Text>& v) {
    for (const auto& t : v) Text(name, t);
    return Field(name, "");
  }
  Rec& Nested(const char* name, std::vector<std::string> parts, bool sort) {
    if (sort) std::sort(parts.begin(), parts.end());
    for (const auto& p : parts) Field(name, p);
    return Field(name, "");
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

template <class T, class F>
std::vector<std::string> Each(const std::vector<T>& v, F encode) {
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const T& x : v) {
    Rec r;
    encode(r, x);
    out.push_back(r.Take());
  }
  return out;
}

}  // namespace

std::string CanonicalPlanText(const Plan& p) {
  Rec top;
  top.Field("format", "plangen-plan-digest 1");
  top.Text("id", p.id).Text("version", p.version).Text("profile", p.profile).Text("title", p.title)
      .Text("description", p.description);
  top.Nested("role", Each(p.roles, [](Rec& r, const Role& x) {
    r.Text("id", x.id).Text("name", x.name).Text("kind", x.kind).Text("department", x.department)
        .Text("role-kind", x.role_kind);
    r.Nested("contact", Each(x.contacts, [](Rec& c, const Contact& k) { c.Text("type", k.type).Text("value", k.value); }),
             false);
    if (!x.members.empty()) r.Set("members", x.members);
    r.Optional("time-zone", x.time_zone);
  }), true);
  if (!p.people.empty()) {
    top.Nested("person", Each(p.people, [](Rec& r, const Person& x) {
      r.Text("id", x.id).Text("name", x.name);
      r.Nested("contact", Each(x.contacts, [](Rec& c, const Contact& k) { c.Text("type", k.type).Text("value", k.value); }),
               false);
    }), true);
  }
  const Governance& g = p.governance;
  top.Field("governance", g.present ? "yes" : "no")
      .Text("reviewer", g.reviewer).Text("validator", g.validator).Text("change-approver", g.change_approver)
      .Field("review-interval", DurationKey(g.review_interval)).Seq("criterion", g.decision_criteria);
  top.Nested("location", Each(p.locations, [](Rec& r, const Location& x) {
    r.Text("id", x.id).Text("path", x.path).Fqdn("host", x.host).Set("types", x.types)
        .Field("secure", BoolKey(x.secure)).Field("offsite", BoolKey(x.offsite)).Text("notes", x.notes)
        .Optional("region", x.region).Optional("kind", x.kind);
  }), true);
  const Topology& t = p.topology;
  // What the topology path points at, not its text: the same file spelled './t.tbxml' or by an
  // absolute path, or a plan folder moved with its topology, keeps the digest.
  if (!t.file_digest.empty()) top.Field("topology-file", t.file_digest);
  else top.Field("topology-file", t.file.empty() ? "" : "unread " + std::filesystem::path(CollapseSpace(t.file.value)).filename().string());
  top.Nested("site", Each(t.sites, [&](Rec& r, const Site& s) {
    r.Text("id", s.id).Text("name", s.name).Optional("time-zone", s.time_zone);
    if (!s.residency.empty()) r.Set("residency", s.residency, true);
    std::vector<std::string> pools;
    for (int pi : s.pools) {
      const Pool& pool = t.pools[pi];
      Rec pr;
      pr.Text("id", pool.id).Fqdn("fqdn", pool.fqdn).Text("edition", pool.edition).Text("kind", pool.kind)
          .Fqdn("paired-with", pool.paired_with);
      std::vector<std::string> servers;
      for (int si : pool.servers) {
        const Server& sv = t.servers[si];
        Rec sr;
        sr.Fqdn("fqdn", sv.fqdn).Set("roles", sv.roles).Fqdn("mirror-of", sv.mirror_of).Text("instance", sv.instance);
        sr.Nested("service", Each(sv.services, [](Rec& c, const Service& k) {
          c.Text("type", k.type).Text("share", k.share).Text("instance", k.instance);
        }), true);
        servers.push_back(sr.Take());
      }
      pr.Nested("server", servers, true);
      pools.push_back(pr.Take());
    }
    r.Nested("pool", pools, true);
  }), true);
  top.Nested("spare", Each(p.spares, [](Rec& r, const Spare& x) {
    r.Text("id", x.id).Text("source", x.source).Field("lead-time", DurationKey(x.lead_time)).Text("contact", x.contact)
        .Text("notes", x.notes);
    // Added in a later format: recorded only when given, so digests of plans without them stay.
    if (!x.site.empty()) r.Text("site", x.site);
    if (!x.transport.text.empty()) r.Field("transport", DurationKey(x.transport));
  }), true);
  top.Nested("backup", Each(p.backups, [](Rec& r, const Backup& x) {
    r.Text("id", x.id).Text("item", x.item).Fqdn("server", x.server).Text("owner", x.owner)
        .Field("schedule", ScheduleKey(x.schedule)).Field("retention", DurationKey(x.retention))
        .Set("locations", x.locations).Text("procedure", x.procedure).Text("notes", x.notes);
  }), true);
  top.Nested("procedure", Each(p.procedures, [](Rec& r, const Procedure& x) {
    r.Text("id", x.id).Text("kind", x.kind).Text("title", x.title).Text("based-on", x.based_on).Set("tools", x.tools)
        .Field("last-changed", DateKey(x.last_changed)).Field("last-tested", DateKey(x.last_tested))
        .Text("tested-by", x.tested_by);
    if (!x.excludes.empty()) r.Set("excludes", x.excludes);
    r.Nested("step", Each(x.steps, [](Rec& c, const ProcedureStep& s) {
      c.Text("text", s.text).Text("role", s.role).Text("tool", s.tool);
    }), false);
  }), true);
  top.Nested("scenario", Each(p.scenarios, [](Rec& r, const Scenario& x) {
    r.Text("id", x.id).Text("title", x.title).Text("template", x.template_id).Field("rto", DurationKey(x.rto))
        .Field("rpo", DurationKey(x.rpo)).Text("decider", x.decider).Field("new-hardware", BoolKey(x.new_hardware))
        .Text("spare", x.spare).Set("covers", x.covers, true).Seq("criteria", x.criteria);
    if (!x.items.empty()) r.Set("items", x.items);
    r.Nested("step", Each(x.steps, [](Rec& c, const ScenarioStep& s) {
      c.Text("id", s.id).Text("title", s.title).Text("role", s.role).Field("estimate", DurationKey(s.estimate))
          .Set("after", s.after).Text("procedure", s.procedure);
    }), false);
  }), true);
  top.Nested("check", Each(p.checks, [](Rec& r, const ValidationCheck& x) {
    r.Text("id", x.id).Text("kind", x.kind).Field("interval", DurationKey(x.interval)).Text("owner", x.owner)
        .Text("records", x.records).Text("target", x.target).Text("title", x.title);
  }), true);
  top.Nested("waive", Each(p.waivers, [](Rec& r, const Waiver& x) {
    r.Text("code", x.code).Text("severity", x.severity).Text("reason", x.reason);
    r.Optional("id", x.id).Optional("owner", x.owner).Optional("expires", x.expires.text);
    if (!x.scope.empty()) r.Set("scope", x.scope, true);
  }), true);
  return top.Take();
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 || EVP_DigestFinal_ex(ctx.get(), md, &len) != 1) {
    return std::string();
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(hex[md[i] >> 4]);
    out.push_back(hex[md[i] & 15]);
  }
  return out;
}

std::string PlanDigest(const Plan& plan) { return "sha256:" + Sha256Hex(CanonicalPlanText(plan)); }

}  // namespace plangen::check

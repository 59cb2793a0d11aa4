// B3: where each backup goes. Locations must take the item's data type, must not sit on the
// server they protect nor on any server of a pool, must say truthfully whether they are offsite,
// and at least one of each backup's locations must be offsite and one secure. Every location that
// holds a copy must be secure, not only the offsite one. A location's host is its host="..." or
// the host its UNC path names.
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

#include "check/check_context.h"
#include "check/location_hosts.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/name_maps.h"

namespace plangen {

namespace {

// The topology server a host names (by FQDN, or by a short name that is the first label of one
// server only), or -1.
class HostIndex {
 public:
  explicit HostIndex(const Topology& t) {
    full_.reserve(t.servers.size());
    first_.reserve(t.servers.size());
    for (size_t i = 0; i < t.servers.size(); ++i) {
      std::string_view f = t.servers[i].fqdn.value;
      full_.emplace(f, static_cast<int>(i));
      auto [it, fresh] = first_.emplace(f.substr(0, f.find('.')), static_cast<int>(i));
      if (!fresh && it->second != static_cast<int>(i)) it->second = -1;  // ambiguous short name
    }
  }
  int Find(std::string_view host) const {
    if (auto it = full_.find(host); it != full_.end()) return it->second;
    if (host.find('.') == std::string_view::npos) {
      if (auto it = first_.find(host); it != first_.end()) return it->second;
    }
    return -1;
  }

 private:
  // Views of the topology's own FQDNs and of their first labels, found in any case.
  FoldedNameMap<int> full_, first_;
};

Loc HostLoc(const Location& l) { return !l.host.empty() ? l.host.loc : l.path.loc; }
std::string HostWhere(const Location& l) {
  return "location '" + l.id.value + "' " + (!l.host.empty() ? "names its host here" : "names its host in its path here");
}

// `on_protected`: locations already reported on the server they protect (PG2105).
void CheckLocationsThemselves(const Plan& plan, const std::set<std::string>& on_protected, DiagEngine& diags) {
  const Topology& topo = plan.topology;
  HostIndex hosts(topo);
  for (const Location& l : plan.locations) {
    std::string unc = IsPlaceholder(l.path.value) ? "" : check::UncHost(l.path.value);
    if (!l.host.empty() && !IsPlaceholder(l.host.value) && !unc.empty() && !check::SameHost(l.host.value, unc)) {
      diags.Report(DiagId::err_location_host_mismatch, l.host.loc, {l.id.value, l.host.value, unc})
          .AddNote(l.path.loc, "the path names '" + unc + "' here");
    }
    std::string host = check::LocationHost(l);
    if (host.empty()) continue;
    int s = hosts.Find(host);
    if (s >= 0 && topo.servers[s].pool >= 0 && !on_protected.count(l.id.value)) {
      diags.Report(DiagId::warn_location_on_lync_server, HostLoc(l), {l.id.value, host, topo.pools[topo.servers[s].pool].fqdn.value})
          .AddNote(topo.servers[s].loc, "server '" + topo.servers[s].fqdn.value + "' is here");
    }
  }
  // An offsite location on the same computer as an on-site one is not offsite.
  for (const Location& off : plan.locations) {
    if (!off.offsite.get()) continue;
    std::string host = check::LocationHost(off);
    for (const Location& on : plan.locations) {
      if (&on == &off || !on.offsite.value || *on.offsite.value) continue;
      if (!check::SameHost(host, check::LocationHost(on))) continue;
      diags.Report(DiagId::err_offsite_same_host, HostLoc(off), {off.id.value, host, on.id.value})
          .AddNote(HostLoc(on), HostWhere(on));
      break;
    }
  }
}

}  // namespace

void CheckBackupLocations(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const check::PlanIndex& pi = ctx.Index();
  check::ProfileIndex prof(ctx.profile);
  std::set<std::string> on_protected;
  std::set<std::string> insecure_reported;
  for (const Backup& b : plan.backups) {
    const ProfileItem* item = prof.item(b.item.value);
    int s = pi.server_of(b);
    std::string server = s >= 0 ? plan.topology.servers[s].fqdn.value : b.server.value;
    std::string pool;
    if (s >= 0 && plan.topology.servers[s].pool >= 0) pool = plan.topology.pools[plan.topology.servers[s].pool].fqdn.value;
    bool any = false, offsite = false, secure = false;
    std::vector<std::pair<const Location*, const Ref*>> insecure;
    for (const Ref& ref : b.locations) {
      const Location* l = pi.location(ref.value);
      if (!l) continue;  // the resolver reports it
      any = true;
      std::string host = check::LocationHost(*l);
      if (check::SameHost(host, server) || check::SameHost(host, pool)) {
        diags.Report(DiagId::err_location_on_protected_server, ref.loc, {l->id.value, host, b.id.value})
            .AddNote(HostLoc(*l), HostWhere(*l));
        on_protected.insert(l->id.value);
      }
      if (item) {
        bool accepts = false;
        std::string types;
        for (const Text& t : l->types) {
          accepts = accepts || t.value == item->type.value;
          types += (types.empty() ? "" : ", ") + t.value;
        }
        if (!accepts) {
          diags.Report(DiagId::err_location_wrong_type, ref.loc,
                       {l->id.value, item->type.value, types.empty() ? "none" : types});
          continue;  // a location that cannot take the data holds no copy of it
        }
      }
      offsite = offsite || l->offsite.get();
      secure = secure || l->secure.get();
      if (l->secure.value && !*l->secure.value) insecure.push_back({l, &ref});
    }
    if (!any) continue;
    Loc where = b.locations.front().loc;
    if (!offsite) diags.Report(DiagId::warn_backup_no_offsite, where, {b.id.value});
    if (!secure) diags.Report(DiagId::warn_backup_no_secure, where, {b.id.value});
    // A copy kept where it is not secure is exposed, however secure the other copies are (a
    // backup with no secure location at all is reported above, once).
    for (const auto& [l, ref] : secure ? insecure : decltype(insecure){}) {
      if (!insecure_reported.insert(l->id.value).second) continue;
      diags.Report(DiagId::warn_location_not_secure, l->secure.text.loc, {l->id.value, b.id.value})
          .AddNote(ref->loc, "backup '" + b.id.value + "' keeps copies in location '" + l->id.value + "' here");
    }
  }
  CheckLocationsThemselves(plan, on_protected, diags);
}

}  // namespace plangen

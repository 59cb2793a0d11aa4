// B3: where each backup goes. Locations must take the item's data type, must not sit on the
// server they protect, and at least one must be offsite and one secure.
#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {


void CheckBackupLocations(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  check::PlanIndex pi(plan);
  check::ProfileIndex prof(ctx.profile);
  for (const Backup& b : plan.backups) {
    const ProfileItem* item = prof.item(b.item.value);
    int s = pi.server(b.server.value);
    std::string server = s >= 0 ? AsciiLower(plan.topology.servers[s].fqdn.value) : AsciiLower(b.server.value);
    std::string pool;
    if (s >= 0 && plan.topology.servers[s].pool >= 0) pool = AsciiLower(plan.topology.pools[plan.topology.servers[s].pool].fqdn.value);
    bool any = false, offsite = false, secure = false;
    for (const Ref& ref : b.locations) {
      const Location* l = pi.location(ref.value);
      if (!l) continue;  // the resolver reports it
      any = true;
      if (!l->host.empty() && (AsciiLower(l->host.value) == server || (!pool.empty() && AsciiLower(l->host.value) == pool))) {
        diags.Report(DiagId::err_location_on_protected_server, ref.loc, {l->id.value, l->host.value, b.id.value})
            .AddNote(l->host.loc, "location '" + l->id.value + "' names its host here");
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
    }
    if (!any) continue;
    Loc where = b.locations.front().loc;
    if (!offsite) diags.Report(DiagId::warn_backup_no_offsite, where, {b.id.value});
    if (!secure) diags.Report(DiagId::warn_backup_no_secure, where, {b.id.value});
  }
}

}  // namespace plangen

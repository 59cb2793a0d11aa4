// Where copies are kept: a cloud vault is off the premises by nature, and a site that says in
// which regions its data may be kept (residency) must not have copies elsewhere. Being in the
// same region as the servers is not, by itself, a finding: a region is far larger than the
// building an offsite copy must survive the loss of.
#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "model/sites.h"
#include "util/strings.h"

namespace plangen {

namespace {

std::string Regions(const std::vector<Text>& list) {
  std::string out;
  for (const Text& t : list) out += (out.empty() ? "" : ", ") + t.value;
  return out;
}

bool Allowed(const std::vector<Text>& list, const std::string& region) {
  for (const Text& t : list) {
    if (AsciiLower(t.value) == AsciiLower(region)) return true;
  }
  return false;
}

}  // namespace

void CheckResidency(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  for (const Location& l : plan.locations) {
    if (l.kind.value == "cloud-vault" && l.offsite.value && !*l.offsite.value) {
      diags.Report(DiagId::warn_cloud_vault_not_offsite, l.offsite.text.loc, {l.id.value})
          .AddNote(l.kind.loc, "its kind is set here");
    }
  }
  const check::PlanIndex& pi = ctx.Index();
  for (const Backup& b : plan.backups) {
    const Site* site = SiteOfServer(plan, b.server.value);
    if (!site || site->residency.empty()) continue;
    for (const Ref& ref : b.locations) {
      const Location* l = pi.location(ref.value);
      if (!l) continue;
      if (l->region.empty()) {
        diags.Report(DiagId::warn_copy_region_unknown, ref.loc, {l->id.value, b.id.value, site->id.value, Regions(site->residency)})
            .AddNote(l->loc, "location '" + l->id.value + "' is defined here");
      } else if (!Allowed(site->residency, l->region.value)) {
        diags.Report(DiagId::err_copy_outside_residency, ref.loc,
                     {b.id.value, l->id.value, l->region.value, site->id.value, Regions(site->residency)})
            .AddNote(site->residency.front().loc, "site '" + site->id.value + "' keeps its data in " + Regions(site->residency));
      }
    }
  }
}

}  // namespace plangen

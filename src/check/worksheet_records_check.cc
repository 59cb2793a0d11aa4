// V4: the completed worksheets hold server names, backup destinations and backup set names; they
// are kept in a secure place that is easy to reach when restoring (fact sheet section 4). The
// place a V4 check names in records="..." must not be a server of the deployment (the worksheets
// are needed to restore it), a backup location the plan marks not secure, or a place its own
// wording says is open to everyone (PG2405).
#include <array>

#include "check/check_context.h"
#include "check/location_hosts.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

void CheckWorksheetRecords(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  static const std::array<const char*, 7> kOpen = {"public", "everyone", "all staff", "all users", "readable by all",
                                                  "anonymous", "unrestricted"};
  for (const ValidationCheck& c : plan.checks) {
    if (c.kind.value != "V4" || c.records.empty()) continue;
    const std::string& records = c.records.value;
    const std::string lower = AsciiLower(records);
    std::string reason;
    // On a server of the deployment: its UNC host, or a server's FQDN written in the text.
    const std::string host = check::UncHost(records.substr(std::min(records.find("\\\\"), records.size())));
    for (const Server& sv : plan.topology.servers) {
      if ((!host.empty() && check::SameHost(host, sv.fqdn.value)) || lower.find(AsciiLower(sv.fqdn.value)) != std::string::npos) {
        reason = "on server '" + sv.fqdn.value + "', one of the servers they are needed to restore";
        break;
      }
    }
    // On a backup location the plan marks not secure.
    for (const Location& l : plan.locations) {
      if (!reason.empty()) break;
      if (l.secure.get(true) || l.path.empty()) continue;
      if (lower.find(AsciiLower(l.path.value)) != std::string::npos || (!host.empty() && check::SameHost(host, check::LocationHost(l)))) {
        reason = "on location '" + l.id.value + "', which the plan marks not secure";
      }
    }
    // Said to be open.
    for (const char* word : kOpen) {
      if (!reason.empty()) break;
      size_t at = lower.find(word);
      if (at == std::string::npos) continue;
      reason = "a place its records describe as open ('" + records.substr(at, std::string(word).size()) + "')";
    }
    if (!reason.empty()) diags.Report(DiagId::err_worksheets_not_secure, c.records.loc, {c.id.value, records, reason});
  }
}

}  // namespace plangen

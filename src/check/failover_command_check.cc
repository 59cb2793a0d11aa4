// R4: the commands of a failover name the right things (fact sheet 3.L, 3.M).
// - Invoke-CsPoolFailover and Invoke-CsPoolFailback take -PoolFQDN the pool whose users were
//   homed on it, the failed pool, for failover and failback alike; naming the surviving partner
//   fails its users over to the pool that is down (PG2226). The profile's tools say which
//   parameter names the failed pool (names-failed-pool="...").
// - A tool that needs a service running (Move-CsManagementServer reads the Central Management
//   store) cannot serve a scenario that has lost the server running it, unless an earlier text
//   first runs what the profile gives instead (Invoke-CsManagementServerFailover) (PG2227).
// - After a pool failover, the Response Group objects imported into the backup pool still belong
//   to the failed pool: Get-CsRgsWorkflow and its kin list them only with -Owner or -ShowAll
//   (PG2228; the profile's after-failover-needs-one-of="...").
#include <set>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "check/scenario_texts.h"
#include "check/tool_mentions.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

// A value written for the plan to fill in, or a PowerShell variable: nothing to judge.
bool Placeholder(const std::string& v) {
  return v.empty() || v.find('{') != std::string::npos || v.find('<') != std::string::npos || v[0] == '$';
}

std::string OneOf(const std::vector<Text>& params) {
  std::string out;
  for (size_t i = 0; i < params.size(); ++i) {
    if (i > 0) out += i + 1 == params.size() ? " or " : ", ";
    out += "-" + params[i].value;
  }
  return out;
}

}  // namespace

void CheckFailoverCommands(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  const Topology& topo = plan.topology;
  const check::PlanIndex& pi = ctx.Index();
  std::set<std::pair<const std::string*, std::string>> reported;  // a procedure text serves several scenarios
  auto once = [&](const check::ScenarioText& t, const std::string& what) { return reported.insert({t.text, what}).second; };

  for (const Scenario& sc : plan.scenarios) {
    const std::vector<check::ScenarioText> texts = check::TextsOf(pi, ctx.profile, sc);
    const check::Coverage cov = check::CoverageOf(pi, sc);
    std::vector<std::vector<check::ToolCall>> calls;
    bool fails_over = false;
    for (const check::ScenarioText& t : texts) {
      calls.push_back(check::ToolCalls(ctx.profile, *t.text));
      for (const check::ToolCall& c : calls.back()) fails_over = fails_over || !c.tool->names_failed_pool.empty();
    }
    std::set<std::string> ran;  // tools run so far, lower-case
    for (size_t k = 0; k < texts.size(); ++k) {
      const check::ScenarioText& t = texts[k];
      for (const check::ToolCall& c : calls[k]) {
        const ProfileTool& tool = *c.tool;
        // PG2226: -PoolFQDN names a pool the scenario is about.
        if (!tool.names_failed_pool.empty() && !cov.pools.empty()) {
          const check::ToolCall::Argument* a = c.Find(tool.names_failed_pool.value);
          int pool = a && !Placeholder(a->value) ? pi.pool(a->value) : -1;
          if (pool >= 0 && !cov.pools.count(pool) && once(t, tool.id.value)) {
            const Pool& about = topo.pools[*cov.pools.begin()];
            diags.Report(DiagId::err_failover_names_other_pool, t.loc,
                         {t.who, tool.id.value, tool.names_failed_pool.value, a->value, sc.id.value, about.fqdn.empty() ? about.id.value : about.fqdn.value})
                .AddNote(sc.loc, "scenario '" + sc.id.value + "' covers " + (about.fqdn.empty() ? about.id.value : about.fqdn.value))
                .AddNote(tool.loc, "-" + tool.names_failed_pool.value + " names the pool the users were homed on, for failover and failback");
          }
        }
        // PG2227: a tool that needs a service the scenario has lost.
        if (!tool.needs_running.empty() && (tool.instead.empty() || !ran.count(AsciiLower(tool.instead.value)))) {
          for (int s : cov.servers) {
            bool runs = false;
            for (const Service& x : topo.servers[s].services) runs = runs || EqualsIgnoreCase(x.type.value, tool.needs_running.value);
            if (!runs || !once(t, tool.id.value + "@" + sc.id.value)) continue;
            diags.Report(DiagId::err_tool_needs_lost_service, t.loc,
                         {t.who, tool.id.value, tool.needs_running.value, sc.id.value, topo.servers[s].fqdn.value,
                          tool.instead.empty() ? "" : "; run " + tool.instead.value + " first"})
                .AddNote(tool.loc, tool.id.value + " needs " + tool.needs_running.value + " running");
            break;
          }
        }
        // PG2228: listing what was imported into the backup pool.
        if (fails_over && !tool.after_failover_needs_one_of.empty()) {
          bool has = false;
          for (const Text& p : tool.after_failover_needs_one_of) has = has || c.Find(p.value);
          if (!has && once(t, tool.id.value)) {
            diags.Report(DiagId::warn_listing_after_failover, t.loc,
                         {t.who, tool.id.value, OneOf(tool.after_failover_needs_one_of), sc.id.value})
                .AddNote(tool.loc, "after a failover, " + tool.id.value + " needs " + OneOf(tool.after_failover_needs_one_of));
          }
        }
        ran.insert(AsciiLower(tool.id.value));
      }
    }
  }
}

}  // namespace plangen

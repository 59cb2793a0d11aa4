// R4, D4: steps wait for what they use. The profile's step kinds say, from a step's wording, what
// it produces (a prepared server, SQL Server, the databases, the topology, the Lync services,
// restored data) and what it needs. A step that needs what another step of the scenario produces
// must wait for it through its `after` list, directly or through other steps; otherwise the
// critical path is too short and a team may start too early. Steps that name different servers of
// the scenario (by FQDN, short name or server role) do not depend on each other. Only steps that
// are not ordered at all are judged: an explicit order, even a strange one, was written on purpose.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "check/check_context.h"
#include "check/plan_index.h"
#include "diag/diagnostic.h"
#include "util/strings.h"

namespace plangen {

namespace {

using Words = std::set<std::string>;

// Lower-case words; '-' and '.' stay inside words (Import-CsUserData, setup.exe), not at their ends.
Words WordsOf(const std::string& text) {
  Words out;
  std::string w;
  auto flush = [&] {
    while (!w.empty() && (w.back() == '.' || w.back() == '-')) w.pop_back();
    while (!w.empty() && (w.front() == '.' || w.front() == '-')) w.erase(w.begin());
    if (!w.empty()) out.insert(w);
    w.clear();
  };
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '.' || u >= 0x80) w.push_back(static_cast<char>(std::tolower(u)));
    else flush();
  }
  flush();
  return out;
}

bool HoldsAll(const Words& have, const Words& need) {
  if (need.empty()) return false;
  for (const auto& w : need) {
    if (!have.count(w)) return false;
  }
  return true;
}

// "FileStore" -> "file store": the words a service type is written with.
std::string SplitCamel(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && std::isupper(static_cast<unsigned char>(s[i])) && std::islower(static_cast<unsigned char>(s[i - 1]))) out += ' ';
    out += s[i];
  }
  return out;
}

struct Kind {
  const ProfileStepKind* kind;
  std::vector<Words> matches;
};

// The title and step texts of a profile procedure, with those of the procedures its steps carry
// out (down to `depth` levels).
std::string ProfileProcedureText(const Profile& profile, const std::string& id, int depth) {
  const ProfileProcedure* p = profile.FindProcedure(id);
  if (!p || depth <= 0) return "";
  std::string out = p->title.value;
  for (const ProfileStep& s : p->steps) {
    out += "\n" + s.text.value;
    if (!s.procedure.empty()) out += "\n" + ProfileProcedureText(profile, s.procedure.value, depth - 1);
  }
  return out;
}

// What the profile's step kinds call a new or clean server with the failed server's FQDN.
constexpr const char* kCleanServer = "clean-server";

std::string Resource(const std::string& token) {
  std::string out = token;
  std::replace(out.begin(), out.end(), '-', ' ');
  return out;
}

}  // namespace

void CheckStepFlow(const CheckContext& ctx, DiagEngine& diags) {
  const Plan& plan = ctx.plan;
  if (ctx.profile.step_kinds.empty()) return;
  std::vector<Kind> kinds;
  for (const ProfileStepKind& k : ctx.profile.step_kinds) {
    Kind x{&k, {}};
    for (const Text& m : k.matches) x.matches.push_back(WordsOf(m.value));
    kinds.push_back(std::move(x));
  }
  const check::PlanIndex& pi = ctx.Index();
  const Topology& topo = plan.topology;
  // The words that name each server: its FQDN, its first label, its roles and its services.
  std::vector<std::vector<Words>> names(topo.servers.size());
  for (size_t s = 0; s < topo.servers.size(); ++s) {
    const Server& sv = topo.servers[s];
    const std::string fqdn = AsciiLower(sv.fqdn.value);
    names[s].push_back({fqdn});
    names[s].push_back({fqdn.substr(0, fqdn.find('.'))});
    for (const Text& r : sv.roles) names[s].push_back(WordsOf(Resource(r.value)));
    for (const Service& x : sv.services) names[s].push_back(WordsOf(SplitCamel(x.type.value)));
  }

  for (const Scenario& sc : plan.scenarios) {
    const int n = static_cast<int>(sc.steps.size());
    // A restore onto new hardware starts from a clean server (fact sheet 1.1, 3.1): some step
    // must be of a kind that produces one (PG2223).
    if (n > 0 && sc.new_hardware.get()) {
      bool clean = false;
      for (const ScenarioStep& st : sc.steps) {
        std::string text = st.title.value;
        if (const Procedure* p = st.procedure.empty() ? nullptr : pi.procedure(st.procedure.value)) text += "\n" + p->title.value;
        else if (!st.procedure.empty()) text += "\n" + ProfileProcedureText(ctx.profile, st.procedure.value, 3);
        Words words = WordsOf(text);
        for (const Kind& k : kinds) {
          bool produces_clean = false;
          for (const Text& t : k.kind->produces) produces_clean = produces_clean || t.value == kCleanServer;
          for (const Words& m : k.matches) clean = clean || (produces_clean && HoldsAll(words, m));
        }
      }
      if (!clean) diags.Report(DiagId::err_rebuild_without_clean_server, sc.new_hardware.text.loc, {sc.id.value});
    }
    if (n < 2) continue;
    std::vector<int> servers;
    for (const Ref& c : sc.covers) {
      if (int s = pi.server_of(sc, c); s >= 0) servers.push_back(s);
      else if (int p = pi.pool_of(sc, c); p >= 0) servers.insert(servers.end(), topo.pools[p].servers.begin(), topo.pools[p].servers.end());
    }
    std::sort(servers.begin(), servers.end());
    servers.erase(std::unique(servers.begin(), servers.end()), servers.end());

    // early_needs[i]: what step i needs through kinds that may run early (judged only unordered).
    std::vector<std::set<std::string>> produces(n), needs(n), serves_pool(n), early_needs(n);
    std::vector<std::set<int>> targets(n);
    std::unordered_map<std::string, int> by_id;
    for (int i = 0; i < n; ++i) {
      const ScenarioStep& st = sc.steps[i];
      by_id.emplace(st.id.value, i);
      std::string text = st.title.value;
      if (!st.procedure.empty()) {
        if (const Procedure* p = pi.procedure(st.procedure.value)) text += "\n" + p->title.value;
        else if (const ProfileProcedure* p = ctx.profile.FindProcedure(st.procedure.value)) text += "\n" + p->title.value;
      }
      Words words = WordsOf(text);
      std::vector<const ProfileStepKind*> hits;
      for (const Kind& k : kinds) {
        bool hit = false;
        for (const Words& m : k.matches) hit = hit || HoldsAll(words, m);
        if (hit) hits.push_back(k.kind);
      }
      for (const ProfileStepKind* k : hits) {
        for (const Text& t : k->produces) {
          produces[i].insert(t.value);
          if (k->pool_wide.get()) serves_pool[i].insert(t.value);
        }
        for (const Text& t : k->needs) {
          needs[i].insert(t.value);
          if (k->may_run_early.get()) early_needs[i].insert(t.value);
        }
      }
      // A need may wait for later only when every kind of the step that has it may run early.
      for (const ProfileStepKind* k : hits) {
        if (k->may_run_early.get()) continue;
        for (const Text& t : k->needs) early_needs[i].erase(t.value);
      }
      for (const auto& p : produces[i]) needs[i].erase(p);
      for (int s : servers) {
        for (const Words& w : names[s]) {
          if (HoldsAll(words, w)) {
            targets[i].insert(s);
            break;
          }
        }
      }
    }
    // before[i][j]: step j must finish before step i can start (through any chain of `after`).
    std::vector<std::vector<bool>> before(n, std::vector<bool>(n, false));
    for (int i = 0; i < n; ++i) {
      std::vector<int> stack{i};
      while (!stack.empty()) {
        int at = stack.back();
        stack.pop_back();
        for (const Ref& a : sc.steps[at].after) {
          auto it = by_id.find(a.value);
          if (it == by_id.end() || before[i][it->second]) continue;
          before[i][it->second] = true;
          stack.push_back(it->second);
        }
      }
    }
    auto apart = [&](int i, int j) {
      if (targets[i].empty() || targets[j].empty()) return false;
      for (int s : targets[i]) {
        if (targets[j].count(s)) return false;
      }
      return true;
    };
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        // Waiting for the producer is right; a cycle of `after` is reported by PG2203.
        if (i == j || before[i][j]) continue;
        // Ordered the wrong way round: the producing step waits, directly or through others, for
        // the step that needs what it produces.
        const bool reversed = before[j][i];
        std::string resource;
        for (const auto& r : needs[i]) {
          if (reversed && early_needs[i].count(r)) continue;
          if (produces[j].count(r) && (serves_pool[j].count(r) || !apart(i, j))) {
            resource = r;
            break;
          }
        }
        if (resource.empty()) continue;
        const ScenarioStep& user = sc.steps[i];
        const ScenarioStep& maker = sc.steps[j];
        if (reversed) {
          diags.Report(DiagId::err_step_ordered_before_prerequisite, user.loc,
                       {user.id.value, sc.id.value, maker.id.value, Resource(resource)})
              .AddNote(maker.loc, "step '" + maker.id.value + "' produces the " + Resource(resource) + " here, and waits for step '" +
                                      user.id.value + "'");
          continue;
        }
        diags.Report(DiagId::err_step_before_prerequisite, user.loc, {user.id.value, sc.id.value, maker.id.value, Resource(resource)})
            .AddNote(maker.loc, "step '" + maker.id.value + "' produces the " + Resource(resource) + " here");
      }
    }
  }
}

}  // namespace plangen

#include "emit/procedure_expansion.h"

#include <algorithm>

#include "util/strings.h"

namespace plangen {

namespace {

constexpr int kMaxDepth = 8;  // procedures running procedures; deeper means a cycle

const Pool* PoolOf(const Plan& plan, const Server* s) {
  return s && s->pool >= 0 ? &plan.topology.pools[s->pool] : nullptr;
}

bool AnyOf(const std::vector<std::string>& values, const std::string& v, bool ignore_case = false) {
  for (const auto& x : values) {
    if (ignore_case ? EqualsIgnoreCase(x, v) : x == v) return true;
  }
  return false;
}

bool ServerHolds(const Server& s, const std::vector<std::string>& services) {
  for (const auto& sv : s.services) {
    if (AnyOf(services, sv.type.value, true)) return true;
  }
  return false;
}

bool ServerHasRole(const Server& s, const std::vector<std::string>& roles) {
  for (const auto& r : s.roles) {
    if (AnyOf(roles, r.value)) return true;
  }
  return false;
}

bool Mirrored(const Plan& plan, const Server& s) { return !s.mirror_of.empty() || plan.MirrorOf(s.fqdn.value); }

// The servers a condition looks at: the context's server, else every server of its pool.
template <class F>
bool AnyServer(const Plan& plan, const StepContext& c, F test) {
  if (c.server) return test(*c.server);
  if (!c.pool) return false;
  for (int i : c.pool->servers) {
    if (test(plan.topology.servers[i])) return true;
  }
  return false;
}

bool Holds(const Plan& plan, const Profile& profile, const StepCondition& cond, const StepContext& c, bool skip_via) {
  const Pool* pool = c.pool;
  const Pool* partner = pool && !pool->paired_with.empty() ? plan.FindPool(pool->paired_with.value) : nullptr;
  bool yes = false;
  if (cond.kind == "edition") {
    yes = pool && AnyOf(cond.values, pool->edition.value);
  } else if (cond.kind == "holds") {
    yes = AnyServer(plan, c, [&](const Server& s) { return ServerHolds(s, cond.values); });
  } else if (cond.kind == "role") {
    yes = AnyServer(plan, c, [&](const Server& s) { return ServerHasRole(s, cond.values); });
  } else if (cond.kind == "mirrored") {
    yes = AnyServer(plan, c, [&](const Server& s) { return Mirrored(plan, s); });
  } else if (cond.kind == "paired") {
    yes = partner != nullptr;
  } else if (cond.kind == "partner-in-site") {
    yes = partner && partner->site == pool->site;
  } else if (cond.kind == "site-has") {
    for (const std::string& kind : cond.values) yes = yes || (pool && !plan.FirstPoolsOfKindInSite(kind, pool->site).empty());
  } else if (cond.kind == "other-pool") {
    for (const std::string& kind : cond.values) {
      for (const Pool* p : plan.FirstPoolsOfKind(kind)) yes = yes || p != pool;
    }
  } else if (cond.kind == "offsite") {
    yes = c.backup && OffsiteCopyOf(plan, *c.backup);
  } else if (cond.kind == "via") {
    if (skip_via) return true;
    yes = c.backup && AnyOf(cond.values, BackupProcedureId(profile, *c.backup));
  }
  return yes != cond.negate;
}

std::string Subject(const StepContext& c) {
  if (c.server) return c.server->fqdn.value;
  return c.pool ? c.pool->fqdn.value : std::string();
}

class Expander {
 public:
  Expander(const Plan& plan, const Profile& profile, ExpandedProcedure& out) : plan_(plan), profile_(profile), out_(out) {}

  void Run(const ProfileProcedure& proc, const StepContext& c, ExpandedRun& run, int depth) {
    for (size_t i = 0; i < proc.steps.size(); ++i) {
      const ProfileStep& st = proc.steps[i];
      const int number = static_cast<int>(i) + 1;
      if (!ConditionsHold(plan_, profile_, st.when, c, /*skip_via=*/true)) continue;
      std::vector<StepContext> contexts;
      if (!Contexts(st, c, &contexts, proc, number)) continue;
      for (const StepContext& sc : contexts) {
        if (!ConditionsHold(plan_, profile_, st.when, sc)) continue;
        if (!st.procedure.empty()) {
          const ProfileProcedure* inner = profile_.FindProcedure(st.procedure.value);
          if (!inner) continue;  // the profile loader reported it
          if (depth >= kMaxDepth) {
            Problem(proc, st, number, sc, "", "procedure '" + inner->id.value + "' runs itself, directly or through others");
            continue;
          }
          Run(*inner, sc, run, depth + 1);
          continue;
        }
        Fill(proc, st, number, sc, run);
      }
    }
  }

 private:
  void Problem(const ProfileProcedure& proc, const ProfileStep& st, int number, const StepContext& c,
               const std::string& placeholder, const std::string& why) {
    out_.problems.push_back({&st, &proc, number, Subject(c), c.backup, placeholder, why});
  }

  // The placeholders of `c`, worked out once for the steps that run in it one after another (most
  // of a procedure's steps share their context).
  const std::map<std::string, std::string>& Values(const StepContext& c) {
    if (!values_made_ || c.pool != values_of_.pool || c.server != values_of_.server || c.backup != values_of_.backup) {
      values_ = ContextPlaceholders(plan_, profile_, c);
      values_of_ = c;
      values_made_ = true;
    }
    return values_;
  }

  void Fill(const ProfileProcedure& proc, const ProfileStep& st, int number, const StepContext& c, ExpandedRun& run) {
    const std::map<std::string, std::string>& values = Values(c);
    std::vector<std::string> unfilled;
    ExpandedStep e;
    e.step = &st;
    e.procedure = &proc;
    e.context = c;
    e.text = FillPlaceholders(st.text.value, values, &unfilled);
    e.command = FillPlaceholders(st.command.value, values, &unfilled);
    e.verify = FillPlaceholders(st.verify.value, values, &unfilled);
    if (!unfilled.empty()) {
      Problem(proc, st, number, c, "{" + unfilled.front() + "}", WhyUnfilled(plan_, unfilled.front(), c));
      return;
    }
    run.steps.push_back(std::move(e));
  }

  // The plan's backup of `item` for the context: on its server, else in its pool, else (for a
  // global item) anywhere in the plan.
  const Backup* Bind(const std::string& item, const StepContext& c) const {
    auto find = [&](const std::vector<const Backup*>& in) -> const Backup* {
      for (const Backup* b : in) {
        if (b->item.value == item) return b;
      }
      return nullptr;
    };
    if (c.server) {
      if (const Backup* b = find(plan_.BackupsOn(c.server->fqdn.value))) return b;
    }
    if (c.pool) {
      if (const Backup* b = find(plan_.BackupsInPool(PoolIndex(plan_, c.pool)))) return b;
    }
    const ProfileItem* it = profile_.FindItem(item);
    if (it && it->scope.value == "global") return plan_.FirstBackupOf(item);
    return nullptr;
  }

  std::string Where(const StepContext& c) const {
    if (c.server) return "on " + c.server->fqdn.value + (c.pool ? " or in pool " + c.pool->fqdn.value : std::string());
    if (c.pool) return "in pool " + c.pool->fqdn.value;
    return "in the plan";
  }

  // The contexts a step runs in: one per matching server (for-each=ROLE), one per backup of its
  // items (for-each="backup"), or the caller's; bound to the backup of its item when it has one.
  bool Contexts(const ProfileStep& st, const StepContext& c, std::vector<StepContext>* out,
                const ProfileProcedure& proc, int number) {
    if (st.for_each.value == "backup") {
      std::vector<const Backup*> scope;
      if (c.server) {
        scope = plan_.BackupsOn(c.server->fqdn.value);
      } else if (c.pool) {
        scope = plan_.BackupsInPool(PoolIndex(plan_, c.pool));
      }
      for (const Backup* b : scope) {
        bool wanted = false;
        for (const Text& i : st.items) wanted = wanted || i.value == b->item.value;
        if (!wanted) continue;
        const Server* s = plan_.FindServer(b->server.value);
        out->push_back({PoolOf(plan_, s), s, b});
      }
      return true;
    }
    std::vector<StepContext> base;
    if (!st.for_each.empty()) {
      if (c.pool) {
        for (int i : c.pool->servers) {
          const Server& s = plan_.topology.servers[i];
          if (ServerHasRole(s, {st.for_each.value})) base.push_back({c.pool, &s, nullptr});
        }
      }
    } else {
      base.push_back(c);
    }
    for (StepContext& sc : base) {
      if (!st.items.empty()) {
        sc.backup = Bind(st.items.front().value, sc);
        if (!sc.backup) {
          Problem(proc, st, number, sc, "", "the plan has no backup of '" + st.items.front().value + "' " + Where(sc));
          continue;
        }
      }
      out->push_back(sc);
    }
    return true;
  }

  const Plan& plan_;
  const Profile& profile_;
  ExpandedProcedure& out_;
  bool values_made_ = false;
  StepContext values_of_;
  std::map<std::string, std::string> values_;
};

}  // namespace

std::string BackupProcedureId(const Profile& profile, const Backup& b) {
  if (!b.procedure.empty()) {
    if (profile.FindProcedure(b.procedure.value)) return b.procedure.value;
    return "";  // a plan procedure: not one of the profile's
  }
  const ProfileItem* it = profile.FindItem(b.item.value);
  return it ? it->backup_procedure.value : std::string();
}

bool ConditionsHold(const Plan& plan, const Profile& profile, const std::vector<StepCondition>& when,
                    const StepContext& context, bool skip_via) {
  for (const StepCondition& c : when) {
    if (!Holds(plan, profile, c, context, skip_via)) return false;
  }
  return true;
}

ExpandedProcedure ExpandScenario(const Plan& plan, const Profile& profile, const Scenario& s) {
  ExpandedProcedure out;
  const ProfileScenario* ps = s.template_id.empty() ? nullptr : profile.FindScenario(s.template_id.value);
  out.procedure = ps ? profile.FindProcedure(ps->procedure.value) : nullptr;
  if (!out.procedure) return out;
  const bool about_pool = ps->about.value == "pool";
  // What the scenario covers: servers named and the servers of pools named (or, about pools, the
  // pools named and the pools of servers named), each once, in the order written.
  std::vector<StepContext> subjects;
  auto add = [&](const StepContext& c) {
    for (const StepContext& x : subjects) {
      if (x.server == c.server && x.pool == c.pool) return;
    }
    if (ConditionsHold(plan, profile, ps->when, c, /*skip_via=*/true)) subjects.push_back(c);
  };
  for (const Ref& c : s.covers) {
    if (const Server* srv = plan.FindServer(c.value)) {
      if (about_pool) {
        if (const Pool* p = PoolOf(plan, srv)) add({p, nullptr, nullptr});
      } else {
        add({PoolOf(plan, srv), srv, nullptr});
      }
    } else if (const Pool* p = plan.FindPool(c.value)) {
      if (about_pool) {
        add({p, nullptr, nullptr});
      } else {
        for (int i : p->servers) add({p, &plan.topology.servers[i], nullptr});
      }
    }
  }
  if (subjects.empty()) {
    std::string cond;
    for (const StepCondition& c : ps->when) {
      cond += (cond.empty() ? "" : " ") + std::string(c.negate ? "!" : "") + c.kind;
      for (size_t i = 0; i < c.values.size(); ++i) cond += (i ? "|" : ":") + c.values[i];
    }
    out.no_subject = std::string("it covers no ") + (about_pool ? "pool" : "server") +
                     (cond.empty() ? "" : " for which '" + cond + "' holds") + ", which procedure '" +
                     out.procedure->id.value + "' is about";
    return out;
  }
  Expander x(plan, profile, out);
  for (const StepContext& c : subjects) {
    ExpandedRun run;
    run.subject = Subject(c);
    run.context = c;
    x.Run(*out.procedure, c, run, 0);
    out.runs.push_back(std::move(run));
  }
  return out;
}

ExpandedProcedure ExpandBackup(const Plan& plan, const Profile& profile, const Backup& b, const ProfileProcedure& p) {
  ExpandedProcedure out;
  out.procedure = &p;
  const Server* s = plan.FindServer(b.server.value);
  StepContext c{PoolOf(plan, s), s, &b};
  ExpandedRun run;
  run.subject = b.server.value;
  run.context = c;
  Expander(plan, profile, out).Run(p, c, run, 0);
  out.runs.push_back(std::move(run));
  return out;
}

}  // namespace plangen

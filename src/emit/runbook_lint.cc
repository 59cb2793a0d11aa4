#include "emit/runbook_lint.h"

#include <algorithm>
#include <regex>
#include <set>
#include <unordered_set>
#include <utility>

#include "emit/command_scan.h"
#include "emit/procedure_expansion.h"
#include "util/strings.h"

namespace plangen {

namespace {

bool IsBlank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Splits a command into words, keeping "quoted text" together (without its quotes).
std::vector<std::string> Words(const std::string& command) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, any = false;
  for (char ch : command) {
    if (ch == '"') {
      quoted = !quoted;
      any = true;
    } else if (!quoted && (ch == ' ' || ch == '\t' || ch == '\n' || ch == ';')) {
      if (any) out.push_back(cur);
      cur.clear();
      any = false;
    } else {
      cur.push_back(ch);
      any = true;
    }
  }
  if (any) out.push_back(cur);
  return out;
}

// What the plan has and writes, for the lint to compare commands with.
struct PlanFacts {
  std::unordered_set<std::string> hosts;  // lower case: servers, pools, location hosts
  std::vector<std::string> shares;  // "\\host\share" of File Stores and locations
  std::vector<std::string> locations;  // location paths, longest first
  std::vector<std::string> outputs;    // every path a backup writes, for each of its locations
  std::vector<std::string> open_locations;  // locations written by plan-defined procedures: any path

  PlanFacts(const Plan& plan, const Profile& profile) {
    for (const Server& s : plan.topology.servers) {
      hosts.insert(AsciiLower(s.fqdn.value));
      for (const auto& sv : s.services) {
        if (sv.type.value == "FileStore" && !sv.share.empty()) shares.push_back("\\\\" + s.fqdn.value + "\\" + sv.share.value);
      }
    }
    for (const Pool& p : plan.topology.pools) hosts.insert(AsciiLower(p.fqdn.value));
    for (const Location& l : plan.locations) {
      if (!l.host.empty()) hosts.insert(AsciiLower(l.host.value));
      if (l.path.empty()) continue;
      locations.push_back(l.path.value);
      // "\\host\share\folder" gives the host and the share "\\host\share".
      if (l.path.value.rfind("\\\\", 0) == 0) {
        size_t host_end = l.path.value.find('\\', 2);
        hosts.insert(AsciiLower(l.path.value.substr(2, host_end == std::string::npos ? std::string::npos : host_end - 2)));
        if (host_end != std::string::npos) shares.push_back(l.path.value.substr(0, l.path.value.find('\\', host_end + 1)));
      }
    }
    std::sort(locations.begin(), locations.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    for (const Backup& b : plan.backups) {
      std::string proc_id = BackupProcedureId(profile, b);
      const ProfileProcedure* p = proc_id.empty() ? nullptr : profile.FindProcedure(proc_id);
      std::map<std::string, std::string> values;  // the backup's, once for all its locations
      for (const Ref& r : b.locations) {
        const Location* l = plan.FindLocation(r.value);
        if (!l || l->path.empty()) continue;
        if (!p) {
          open_locations.push_back(l->path.value);
          continue;
        }
        if (values.empty()) {
          const Server* s = plan.FindServer(b.server.value);
          StepContext c{s && s->pool >= 0 ? &plan.topology.pools[s->pool] : nullptr, s, &b};
          values = ContextPlaceholders(plan, profile, c);
        }
        values["location"] = l->path.value;
        std::vector<std::string> unfilled;
        std::string out = FillPlaceholders(p->output.value, values, &unfilled);
        if (unfilled.empty() && !out.empty()) outputs.push_back(out);
      }
    }
    Index();
  }

  bool KnownHost(const std::string& h) const { return hosts.count(AsciiLower(h)) > 0; }

  bool KnownShare(const std::string& unc) const { return share_index.count(AsciiLower(unc)) > 0; }

  // A path some backup writes: one of the outputs, or a file or folder inside one.
  bool Written(const std::string& path) const {
    const std::string lower = AsciiLower(path);
    if (output_index.count(lower)) return true;
    // Inside an output or an open location: the part before one of its backslashes is one.
    for (size_t at = lower.find('\\'); at != std::string::npos; at = lower.find('\\', at + 1)) {
      const std::string head = lower.substr(0, at);
      if (output_index.count(head) || open_location_index.count(head)) return true;
    }
    return false;
  }

  // A folder some backup writes into.
  bool WrittenInto(const std::string& folder) const {
    const std::string lower = AsciiLower(folder);
    return output_folder_index.count(lower) > 0 || open_location_index.count(lower) > 0;
  }

 private:
  // The lists above in lower case, found by name rather than by a walk through every backup's.
  void Index() {
    for (const std::string& s : shares) share_index.insert(AsciiLower(s));
    for (const std::string& l : open_locations) open_location_index.insert(AsciiLower(l));
    for (const std::string& o : outputs) {
      const std::string lower = AsciiLower(o);
      output_index.insert(lower);
      for (size_t at = lower.find('\\'); at != std::string::npos; at = lower.find('\\', at + 1))
        output_folder_index.insert(lower.substr(0, at));
    }
  }
  std::unordered_set<std::string> share_index, open_location_index, output_index;
  std::unordered_set<std::string> output_folder_index;  // every folder an output lies in, at any depth
};

class Linter {
 public:
  Linter(const Plan& plan, const Profile& profile, DiagEngine& diags)
      : plan_(plan), profile_(profile), diags_(diags), facts_(plan, profile) {
    // The databases the plan backs up, in any case, found by name for every command that names
    // one rather than by a walk through every backup.
    for (const plangen::Backup& b : plan_.backups) {
      const ProfileItem* it = profile_.FindItem(b.item.value);
      if (!it || it->type.value != "database") continue;
      const std::string& store = it->store.value;
      const std::string name = AsciiLower(store.substr(0, store.rfind('.')));
      databases_.insert(name);
      databases_on_.insert(DatabaseKey(b.server.value, name));
    }
  }

  void Scenario(const plangen::Scenario& s) {
    ExpandedProcedure ex = ExpandScenario(plan_, profile_, s);
    if (!ex.procedure) return;
    const Loc where = s.template_id.loc.valid() ? s.template_id.loc : s.loc;
    if (!ex.no_subject.empty()) {
      diags_.Report(DiagId::err_runbook_no_subject, where, {s.id.value, s.template_id.value, ex.no_subject})
          .AddNote(ex.procedure->loc, "the procedure is written here");
      return;
    }
    Problems(ex, where, [&](const std::string& subject) { return "scenario '" + s.id.value + "' (" + subject + ")"; });
    for (const ExpandedRun& run : ex.runs) {
      const std::string who = "scenario '" + s.id.value + "' (" + run.subject + ")";
      if (run.steps.empty()) {
        diags_.Report(DiagId::err_runbook_empty, where, {"procedure '" + ex.procedure->id.value + "' for " + who + ": none of its steps applies"})
            .AddNote(ex.procedure->loc, "the procedure is written here");
      }
      for (const ExpandedStep& e : run.steps) Step(e, where, who);
    }
    if (const ProfileScenario* ps = profile_.FindScenario(s.template_id.value)) {
      for (size_t i = 0; i < ps->verify.size(); ++i) {
        if (!IsBlank(ps->verify[i].value)) continue;
        diags_.Report(DiagId::err_runbook_empty, where,
                      {"verification point " + std::to_string(i + 1) + " of profile scenario '" + ps->id.value + "'"})
            .AddNote(ps->verify[i].loc.valid() ? ps->verify[i].loc : ps->loc, "the verification point is written here");
      }
    }
  }

  void Backup(const plangen::Backup& b) {
    if (!b.procedure.empty() && plan_.FindProcedure(b.procedure.value)) return;  // the plan's own procedure
    std::string proc_id = BackupProcedureId(profile_, b);
    const ProfileProcedure* p = proc_id.empty() ? nullptr : profile_.FindProcedure(proc_id);
    if (!p) return;  // the backup-procedure pass reports it
    if (OpenLocations(b)) return;  // the decisions pass lists the open decision
    ExpandedProcedure ex = ExpandBackup(plan_, profile_, b, *p);
    const std::string who = "backup '" + b.id.value + "'";
    Problems(ex, b.loc, [&](const std::string&) { return who; });
    for (const ExpandedRun& run : ex.runs) {
      for (const ExpandedStep& e : run.steps) Step(e, b.loc, who);
    }
  }

 private:
  template <class F>
  void Problems(const ExpandedProcedure& ex, const Loc& where, F who) {
    for (const StepProblem& p : ex.problems) {
      // A backup whose locations are still an open decision ("TODO...") is reported by the
      // decisions pass; its restore steps cannot be filled until it is taken.
      if (p.backup && OpenLocations(*p.backup)) continue;
      std::string what = p.placeholder.empty() ? p.why : p.placeholder + " has no value: " + p.why;
      Report(DiagId::err_runbook_step_unfilled, where, {std::to_string(p.number), p.procedure->id.value, who(p.subject), what},
             p.step->loc);
    }
  }

  static bool OpenLocations(const plangen::Backup& b) {
    for (const Ref& r : b.locations) {
      if (IsPlaceholder(r.value)) return true;
    }
    return false;
  }

  void Report(DiagId id, const Loc& where, std::vector<std::string> args, const Loc& step) {
    std::string key = std::to_string(static_cast<int>(id)) + "\n" + std::to_string(where.offset) + "\n";
    for (const auto& a : args) key += a + "\n";
    if (!seen_.insert(key).second) return;
    diags_.Report(id, where, std::move(args)).AddNote(step, "the profile step is written here");
  }

  int Number(const ExpandedStep& e) const {
    return static_cast<int>(e.step - e.procedure->steps.data()) + 1;
  }

  void Step(const ExpandedStep& e, const Loc& where, const std::string& who) {
    const std::string n = std::to_string(Number(e));
    const std::string proc = e.procedure->id.value;
    if (e.step->command.loc.valid() && IsBlank(e.command)) {
      Report(DiagId::err_runbook_empty, where, {"the command of step " + n + " of procedure '" + proc + "' for " + who}, e.step->loc);
    }
    if (e.step->verify.loc.valid() && IsBlank(e.verify)) {
      Report(DiagId::err_runbook_empty, where, {"the check of step " + n + " of procedure '" + proc + "' for " + who}, e.step->loc);
    }
    if (IsBlank(e.text)) {
      Report(DiagId::err_runbook_empty, where, {"the text of step " + n + " of procedure '" + proc + "' for " + who}, e.step->loc);
    }
    if (e.command.empty()) return;
    Objects(e, where, who, n, proc);
    if (e.procedure->kind.value == "restore") Sources(e, where, who, n, proc);
  }

  void Unknown(const ExpandedStep& e, const Loc& where, const std::string& who, const std::string& n,
               const std::string& proc, const std::string& what) {
    Report(DiagId::err_runbook_unknown_object, where, {n, proc, who, what}, e.step->loc);
  }

  // Databases, servers, pools and shares named by the command.
  void Objects(const ExpandedStep& e, const Loc& where, const std::string& who, const std::string& n, const std::string& proc) {
    static const std::regex database(R"(database\s+\[([^\]]+)\])", std::regex::icase);
    static const std::regex identity(R"((registrar|edgeserver|applicationserver):([^\s";,)]+))", std::regex::icase);
    static const std::regex instance(R"(-dbinstance\s+"?([^\s"\\;]+)\\)", std::regex::icase);
    const std::string& cmd = e.command;
    // Each rule runs only on a command that holds the words it cannot match without (std::regex
    // is slow, and a build lints every step of every backup).
    const std::string lower = AsciiLower(cmd);
    auto holds = [&](const char* word) { return lower.find(word) != std::string::npos; };
    if (holds("database")) {
      for (std::sregex_iterator it(cmd.begin(), cmd.end(), database), end; it != end; ++it) {
        const std::string name = (*it)[1];
        if (!DatabaseBackedUp(name, e.context.server)) {
          Unknown(e, where, who, n, proc,
                  "database '" + name + "', which the plan does not back up as a database" +
                      (e.context.server ? " on " + e.context.server->fqdn.value : std::string()));
        }
      }
    }
    auto host = [&](const std::string& h) {
      if (h.empty() || h[0] == '$' || h[0] == '<' || facts_.KnownHost(h)) return;
      Unknown(e, where, who, n, proc, "'" + h + "', which is no server, pool or backup host of the plan");
    };
    if (holds("fqdn") || holds("computername"))
      for (const std::string& h : HostParameterValues(cmd)) host(h);
    if (holds("registrar:") || holds("edgeserver:") || holds("applicationserver:"))
      for (std::sregex_iterator it(cmd.begin(), cmd.end(), identity), end; it != end; ++it) host((*it)[2]);
    if (holds("-dbinstance"))
      for (std::sregex_iterator it(cmd.begin(), cmd.end(), instance), end; it != end; ++it) host((*it)[1]);
    if (holds("\\\\")) {
      for (const auto& [unc_host, unc_share] : UncShares(cmd)) {
        const std::string share = "\\\\" + unc_host + "\\" + unc_share;
        if (!facts_.KnownShare(share)) {
          Unknown(e, where, who, n, proc, "the share '" + share + "', which is no File Store share or backup location of the plan");
        }
      }
    }
  }

  // Whether a backup of the plan (on `server`, when given) backs up the database `name`.
  bool DatabaseBackedUp(const std::string& name, const Server* server) const {
    if (!server) return databases_.count(AsciiLower(name)) > 0;
    return databases_on_.count(DatabaseKey(server->fqdn.value, name)) > 0;
  }
  // A database on a server, in lower case; an FQDN has no line breaks.
  static std::string DatabaseKey(const std::string& fqdn, const std::string& database) {
    return AsciiLower(fqdn) + '\n' + AsciiLower(database);
  }

  // Paths under a backup location that a restore step reads.
  void Sources(const ExpandedStep& e, const Loc& where, const std::string& who, const std::string& n, const std::string& proc) {
    const std::string& cmd = e.command;
    auto bad = [&](const std::string& path) { Report(DiagId::err_runbook_restore_source, where, {n, proc, who, path}, e.step->loc); };
    // "Robocopy <location> <destination> <file>...": each file is read from the location.
    std::vector<std::string> words = Words(cmd);
    std::set<size_t> handled;
    if (words.size() >= 3 && EqualsIgnoreCase(words[0], "Robocopy")) {
      for (const std::string& l : facts_.locations) {
        if (!EqualsIgnoreCase(words[1], l)) continue;
        bool files = false;
        for (size_t i = 3; i < words.size() && words[i][0] != '/'; ++i) {
          files = true;
          if (!facts_.Written(l + "\\" + words[i])) bad(l + "\\" + words[i]);
        }
        if (!files && !facts_.WrittenInto(l)) bad(l);
        return;
      }
    }
    const std::string lower = AsciiLower(cmd);
    std::vector<std::pair<size_t, size_t>> taken;  // spans already read, so a shorter location inside is not read again
    for (const std::string& l : facts_.locations) {
      const std::string needle = AsciiLower(l);
      for (size_t at = lower.find(needle); at != std::string::npos; at = lower.find(needle, at + 1)) {
        bool inside = false;
        for (auto& [from, to] : taken) inside = inside || (at >= from && at < to);
        if (inside) continue;
        size_t end = at + l.size();
        if (end < cmd.size() && cmd[end] != '\\' && cmd.find_first_of(" \t\"';", end) != end) continue;  // a longer name
        while (end < cmd.size() && std::string(" \t\"';)").find(cmd[end]) == std::string::npos) ++end;
        taken.push_back({at, end});
        const std::string path = cmd.substr(at, end - at);
        // A file or folder a backup writes, or a folder backups write their run folders into.
        if (!facts_.Written(path) && !facts_.WrittenInto(path)) bad(path);
      }
    }
  }

  const Plan& plan_;
  const Profile& profile_;
  DiagEngine& diags_;
  PlanFacts facts_;
  std::unordered_set<std::string> seen_;
  std::unordered_set<std::string> databases_;     // lower-case database names
  std::unordered_set<std::string> databases_on_;  // lower-case server FQDN and database: DatabaseKey
};

}  // namespace

void LintRunbooks(const Plan& plan, const Profile& profile, DiagEngine& diags) {
  Linter lint(plan, profile, diags);
  for (const Backup& b : plan.backups) lint.Backup(b);
  for (const Scenario& s : plan.scenarios) lint.Scenario(s);
}

}  // namespace plangen

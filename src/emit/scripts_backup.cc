// scripts/backup/<server>.ps1: one PowerShell script per server holding backups.
#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "emit/checklist_view.h"
#include "tmpl/data_moves.h"
#include "emit/emitters.h"
#include "emit/placeholders.h"
#include "emit/procedure_expansion.h"
#include "emit/scripts_ps.h"
#include "emit/scripts_view.h"
#include "util/strings.h"
#include "util/time_zone.h"

namespace plangen {

using kainjow::mustache::data;

namespace {

// A command line split into words: "double" and 'single' quoted words lose their quotes.
std::vector<std::string> SplitCommand(const std::string& command) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < command.size()) {
    while (i < command.size() && (command[i] == ' ' || command[i] == '\t')) ++i;
    if (i >= command.size()) break;
    std::string w;
    if (command[i] == '"' || command[i] == '\'') {
      char q = command[i++];
      while (i < command.size() && command[i] != q) w.push_back(command[i++]);
      ++i;
    } else {
      while (i < command.size() && command[i] != ' ' && command[i] != '\t') w.push_back(command[i++]);
    }
    words.push_back(w);
  }
  return words;
}

bool IsParameterName(const std::string& w) {
  return w.size() > 1 && w[0] == '-' && IsPsIdentifier(w.substr(1)) && std::isalpha(static_cast<unsigned char>(w[1]));
}

// One group name the account must belong to: the procedure's permission when it is a bare name
// ("RTCUniversalServerAdmins"), else nothing (prose the script cannot test).
std::string RightsGroup(const std::string& permission) {
  return IsPsIdentifier(permission) ? permission : std::string();
}

// An export cmdlet step as the runbook shows it, filled:
// "Export-CsUserData -PoolFqdn "pool01.contoso.com" -FileName "C:\Backup\...\UserData.zip"".
bool ReadExportStep(const ExpandedStep& st, BackupAction* a) {
  std::vector<std::string> words = SplitCommand(st.command);
  if (words.empty() || words[0] != st.step->tool.value || !IsPsIdentifier(words[0])) return false;
  if (words[0].compare(0, 7, "Export-") != 0) return false;
  a->action = "lync-export";
  a->command = words[0];
  bool has_file = false;
  for (size_t i = 1; i < words.size(); ++i) {
    if (!IsParameterName(words[i])) {
      a->action = "manual";
      a->why_manual = "the command of " + words[0] + " has '" + words[i] + "' where a parameter name belongs";
      return true;
    }
    std::string name = words[i].substr(1);
    bool has_value = i + 1 < words.size() && !IsParameterName(words[i + 1]);
    std::string value = has_value ? words[++i] : std::string();
    if (name == "FileName") {
      has_file = true;
      continue;
    }
    if (value.find('$') != std::string::npos) {
      a->action = "manual";
      a->why_manual = "the -" + name + " parameter of " + words[0] + " takes a value the script cannot give";
      return true;
    }
    a->parameters.emplace_back(name, value);
  }
  if (!has_file) {
    a->action = "manual";
    a->why_manual = words[0] + " is not given a -FileName to export to";
  }
  return true;
}

const ProfileProcedure* ProfileProcedureOf(const EmitContext& ctx, const Backup& b) {
  return ctx.profile.FindProcedure(BackupProcedureId(ctx.profile, b));
}

// Whether the expansion holds a step of the profile that copies the run off site: the step the
// runbook shows only where the backup has an off-site location (when="offsite").
bool CopiesOffsite(const ExpandedProcedure& ex) {
  for (const ExpandedRun& run : ex.runs) {
    for (const ExpandedStep& st : run.steps) {
      if (st.step->command.value.find("{offsite-location}") != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> ServersWithBackups(const Plan& plan) {
  std::vector<std::string> servers;
  std::set<std::string> seen;
  for (const Backup& b : plan.backups) {
    if (b.server.empty() || IsPlaceholder(b.server.value)) continue;
    if (seen.insert(AsciiLower(b.server.value)).second) servers.push_back(b.server.value);
  }
  return servers;
}

std::string BackupScriptPath(const std::string& server) { return "scripts/backup/" + ScriptFileStem(server) + ".ps1"; }

BackupScript BackupScriptOf(const EmitContext& ctx, const Backup& b) {
  BackupScript out;
  BackupAction& a = out.action;
  a.action = "manual";
  if (const Procedure* p = ctx.plan.FindProcedure(b.procedure.value)) {
    a.procedure = p->id.value;
    a.why_manual = "its procedure '" + p->id.value + "' is written in the plan as steps for people, not commands";
    return out;
  }
  const ProfileProcedure* p = ProfileProcedureOf(ctx, b);
  if (!p) {
    a.why_manual = "it has no backup procedure";
    return out;
  }
  a.procedure = p->id.value;
  a.rights_group = RightsGroup(p->permission.value);
  // The steps exactly as the backup's runbook shows them: a step the runbook leaves out (its
  // conditions do not hold, or a placeholder has no value) is not run by the script either.
  ExpandedProcedure ex = ExpandBackup(ctx.plan, ctx.profile, b, *p);
  if (ex.runs.empty()) {
    a.why_manual = "its procedure '" + p->id.value + "' has no run for it";
    return out;
  }
  out.values = ContextPlaceholders(ctx.plan, ctx.profile, ex.runs.front().context);
  out.offsite = CopiesOffsite(ex);
  if (!ex.problems.empty()) {
    a.why_manual = "step " + std::to_string(ex.problems.front().number) + " of procedure '" + p->id.value +
                   "' is left out of the runbook: " + ex.problems.front().why;
    return out;
  }
  for (const ExpandedStep& st : ex.runs.front().steps) {
    const std::string& cmd = st.command;
    if (cmd.find("BACKUP DATABASE") != std::string::npos || cmd.find("BACKUP LOG") != std::string::npos) {
      bool log = cmd.find("BACKUP LOG") != std::string::npos;
      a.action = log ? "sql-log" : "sql-full";
      if (out.values.count("database")) return out;
      // A log backup of a mirrored Back End names no database: like its runbook step, the script
      // backs up the log of every full-recovery database whose principal is on either partner.
      if (log && out.values.count("primary") && out.values.count("mirror")) {
        a.action = "sql-log-principals";
        return out;
      }
      a.action = "manual";
      a.why_manual = "the profile gives no database for data item '" + b.item.value + "'";
      return out;
    }
    const ProfileTool* tool = ctx.profile.FindTool(st.step->tool.value);
    if (tool && tool->kind.value == "cmdlet" && ReadExportStep(st, &a)) return out;
    if (st.step->tool.value == "Robocopy" && st.step->command.value.find("\\\\{server}\\{share}") != std::string::npos) {
      a.action = "folder-copy";
      return out;
    }
  }
  a.why_manual = "procedure '" + p->id.value + "' has no step a script can run (an export cmdlet, a SQL Server backup or a share copy)";
  return out;
}

TemplateData BackupScriptView(const EmitContext& ctx, const std::string& server, const std::string& file_name) {
  data view;
  const auto& backups = ctx.plan.BackupsOn(server);
  view.set("file_name", file_name);
  view.set("plan_id", PsLiteral(ctx.plan.id.value));
  view.set("plan_version", PsLiteral(ctx.plan.version.value));
  view.set("server", PsLiteral(server));
  std::string evidence = "C:\\Backup\\evidence\\" + ScriptFileStem(server) + "-backups.csv";
  view.set("evidence_file", PsLiteral(evidence));
  // The site's zone and its UTC offsets from a year before --as-of to two years after, from the
  // tz database: the script checks that the computer's clock keeps that zone, since the task
  // definitions start at the plan's wall-clock times read as the computer's local time.
  std::string zone = ScheduleTimeZone(ctx.plan, server), changes, offsets, until = "0";
  std::string why;
  std::optional<TimeZone> tz = zone.empty() ? std::nullopt : TimeZone::Find(zone, &why);
  if (tz) {
    Date from{ctx.as_of.days - 365}, to{ctx.as_of.days + 2 * 365};
    int64_t start = int64_t{from.days} * 1440;
    changes = std::to_string(start);
    offsets = std::to_string(tz->OffsetAtUtc(start));
    for (const ZoneShift& s : tz->Shifts(from, to)) {
      changes += ", " + std::to_string(s.utc_minutes);
      offsets += ", " + std::to_string(s.offset_after);
    }
    until = std::to_string(int64_t{to.days} * 1440);
  }
  view.set("zone", PsLiteral(tz ? zone : std::string()));
  view.set("zone_changes", changes);
  view.set("zone_offsets", offsets);
  view.set("zone_until", until);
  data list{data::type::list};
  for (const Backup* b : backups) {
    BackupScript script = BackupScriptOf(ctx, *b);
    const BackupAction& a = script.action;
    const auto& values = script.values;
    data d;
    d.set("id", PsLiteral(b->id.value));
    d.set("folder", PsLiteral(ScriptFileStem(b->id.value)));
    d.set("item", PsLiteral(b->item.value));
    d.set("procedure", PsLiteral(a.procedure));
    d.set("action", PsLiteral(a.action));
    d.set("module", PsLiteral(a.action == "lync-export" ? "Lync" : ""));
    d.set("command", PsLiteral(a.command));
    data params{data::type::list};
    for (const auto& [name, value] : a.parameters) {
      data p;
      p.set("name", name);  // IsPsIdentifier: checked when read
      p.set("value", value.empty() ? std::string("$true") : PsLiteral(value));
      params.push_back(p);
    }
    d.set("parameters", params);
    auto get = [&](const char* k) {
      auto it = values.find(k);
      return it == values.end() ? std::string() : it->second;
    };
    d.set("file", PsLiteral(get("file")));
    std::string source = a.action == "folder-copy" ? "\\\\" + get("server") + "\\" + get("share") : std::string();
    d.set("source_folder", PsLiteral(source));
    data excludes{data::type::list};
    if (a.action == "folder-copy") {
      const ProfileProcedure* p = ProfileProcedureOf(ctx, *b);
      for (size_t i = 0; p && i < p->excludes.size(); ++i) {
        data e;
        e.set("value", PsLiteral(p->excludes[i].value));
        e.set("last", i + 1 == p->excludes.size());
        excludes.push_back(e);
      }
    }
    d.set("excludes", excludes);
    // A host's instance as sqlcmd -S takes it: the default instance by the host's name alone.
    const std::string instance = get("sql-instance");
    auto instance_on = [&](const std::string& host) {
      return instance.empty() || AsciiLower(instance) == "mssqlserver" ? host : host + "\\" + instance;
    };
    d.set("sql_instance", PsLiteral(a.action.compare(0, 4, "sql-") == 0 ? instance_on(get("server")) : std::string()));
    d.set("database", PsLiteral(a.action == "sql-full" || a.action == "sql-log" ? get("database") : std::string()));
    data partners{data::type::list};
    if (a.action == "sql-log-principals") {
      for (const char* key : {"primary", "mirror"}) {
        std::string host = get(key);
        data pd;
        pd.set("value", PsLiteral(instance_on(host)));
        pd.set("last", std::string(key) == "mirror");
        partners.push_back(pd);
      }
    }
    d.set("partners", partners);
    d.set("rights_group", PsLiteral(a.rights_group));
    // The same cutoff the runbook's prune step uses (calendar months and years): code plangen
    // writes from the parsed duration, never plan text.
    std::string cutoff = get("retention-cutoff");
    d.set("retention_cutoff", cutoff.empty() ? std::string("$null") : "{ " + cutoff + " }");
    d.set("retention", PsLiteral(get("retention")));
    d.set("manual", a.action == "manual" ? PsLiteral("cannot be run by this script: " + a.why_manual) : std::string("''"));
    // The run is written to the backup's first location and, where the runbook copies it off
    // site, to {offsite-location}: the locations the runbook's steps use, no other.
    data locs{data::type::list};
    for (size_t k = 0; k < b->locations.size(); ++k) {
      const Location* l = ctx.plan.FindLocation(b->locations[k].value);
      if (!l) continue;
      if (k > 0 && !(script.offsite && l->offsite.get() && l->path.value == get("offsite-location"))) continue;
      data ld;
      ld.set("id", PsLiteral(l->id.value));
      ld.set("path", PsLiteral(l->path.value));
      ld.set("offsite", std::string(l->offsite.get() ? "true" : "false"));
      locs.push_back(ld);
    }
    d.set("locations", locs);
    Append(list, std::move(d));
  }
  Set(view, "backups", std::move(list));
  return view;
}

bool EmitBackupScripts(const EmitContext& ctx, OutputSet& out) {
  bool ok = true;
  for (const std::string& server : ServersWithBackups(ctx.plan)) {
    std::string path = BackupScriptPath(server);
    std::string text;
    std::string file_name = path.substr(path.rfind('/') + 1);
    if (!ctx.templates.Render("scripts/backup.ps1.mustache", BackupScriptView(ctx, server, file_name), &text, ctx.diags,
                              ctx.sources)) {
      ok = false;
      continue;
    }
    out.Add(path, std::move(text));
  }
  return ok;
}

}  // namespace plangen

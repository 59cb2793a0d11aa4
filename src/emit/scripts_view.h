// The view models of the PowerShell scripts and Task Scheduler definitions (scripts/): all logic
// lives here, templates/scripts/ only lays them out. Every plan value in these views is already
// a PowerShell literal or XML text (src/emit/scripts_ps.h), so a template cannot let plan text
// become code.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "emit/emit_context.h"
#include "tmpl/templates.h"

namespace plangen {

/// How a backup's script carries it out, read from its profile procedure's commands.
struct BackupAction {
  std::string action;        ///< lync-export | sql-full | sql-log | folder-copy | manual
  std::string command;       ///< the export cmdlet (lync-export)
  std::vector<std::pair<std::string, std::string>> parameters;  ///< cmdlet parameters, filled (not FileName)
  std::string rights_group;  ///< group the account must be in, when the procedure names one
  std::string why_manual;    ///< why the script cannot run it (manual)
  std::string procedure;     ///< the procedure's id
};

/// The servers that hold backups, in plan order of their first backup.
std::vector<std::string> ServersWithBackups(const Plan& plan);

/// What a backup's script does: its action, the placeholder values of its context and whether it
/// copies the run off site, all read from the backup's procedure as the runbook expands it
/// (ExpandBackup), so the script runs no step the runbook leaves out and fills none differently.
struct BackupScript {
  BackupAction action;
  std::map<std::string, std::string> values;  ///< ContextPlaceholders of the backup's context
  bool offsite = false;  ///< the runbook copies each run to {offsite-location}
};
BackupScript BackupScriptOf(const EmitContext& ctx, const Backup& b);

/// Mustache data for scripts/backup/<server>.ps1.
TemplateData BackupScriptView(const EmitContext& ctx, const std::string& server, const std::string& file_name);

/// "scripts/backup/<stem>.ps1" for a server.
std::string BackupScriptPath(const std::string& server);

/// The time zone the backup schedules of `server` are written in, or "" when the plan names
/// none (the server's own local time). The one place that reads zones from the plan.
std::string ScheduleTimeZone(const Plan& plan, const std::string& server);

/// "scripts/tasks/<stem>.xml" for a backup.
std::string TaskDefinitionPath(const Backup& b);
/// Mustache data for scripts/tasks/<backup>.xml (the backup has a schedule).
TemplateData TaskView(const EmitContext& ctx, const Backup& b);

/// "scripts/restore/<scenario>/<role>.ps1".
std::string RestoreScriptPath(const Scenario& s, const std::string& role);
/// Mustache data for a role's restoration script of a scenario.
TemplateData RestoreScriptView(const EmitContext& ctx, const Scenario& s, const std::string& role,
                               const std::string& file_name);

}  // namespace plangen

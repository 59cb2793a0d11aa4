// The view models of the PowerShell scripts and Task Scheduler definitions (scripts/): all logic
// lives here, templates/scripts/ only lays them out. Every plan value in these views is already
// a PowerShell literal or XML text (src/emit/scripts_ps.h), so a template cannot let plan text
// become code.
#pragma once

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

/// Reads the profile (or plan) procedure of `b` into the action its script runs.
BackupAction BackupActionOf(const EmitContext& ctx, const Backup& b);

/// Mustache data for scripts/backup/<server>.ps1.
TemplateData BackupScriptView(const EmitContext& ctx, const std::string& server, const std::string& file_name);

/// "scripts/backup/<stem>.ps1" for a server.
std::string BackupScriptPath(const std::string& server);

}  // namespace plangen

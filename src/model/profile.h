// A product profile (data, not code): data catalogue, worksheet layouts, procedures, scenarios.
#pragma once

#include <string>
#include <vector>

#include "model/values.h"

namespace plangen {

/// The id of the Validation Log layout (every other worksheet layout holds backups).
inline constexpr const char* kValidationLogLayout = "validation-log";

struct ProfileTool {
  Text id;           ///< "Export-CsConfiguration", "Robocopy", "SQL Server Management Studio"
  Text kind;         ///< cmdlet | program | console
  Text permission;   ///< group or right needed to run it
  Text description;
  Loc loc;
  /// Its parameters (names without the dash), when the product documents them all; empty when
  /// not known. PowerShell's common parameters are always accepted.
  std::vector<Text> parameters;
  /// The backup method it belongs to ("persistent-chat-export", "sql-backup"): data backed up by
  /// a tool of one method is restored by a tool of the same method.
  Text method;
  /// A tool a procedure must run in an earlier step (Stop-CsWindowsService before
  /// Import-CsUserData), and one it must run in a later step (Start-CsWindowsService).
  Text needs_before, needs_after;
  /// Parameters it must be given when it restores onto new hardware (Import-CsRgsConfiguration
  /// -OverwriteOwner into a rebuilt pool).
  std::vector<Text> rebuilt_requires;
  /// A file parameter whose file must not exist yet (the cmdlet stops if it does): a backup
  /// that runs it again and again must name a new file each run.
  Text fresh_file;
  /// The parameter that names the pool whose users are failed over (and back): a pool the
  /// scenario is about, never its partner.
  Text names_failed_pool;
  /// A service it needs running (Move-CsManagementServer reads the Central Management store),
  /// so it cannot serve a scenario that has lost the server running it; and what to run instead.
  Text needs_running, instead;
  /// After a pool failover, listing what was imported into the backup pool needs one of these
  /// parameters (Get-CsRgsWorkflow -Owner or -ShowAll).
  std::vector<Text> after_failover_needs_one_of;
  /// The only kinds of role that may run it (Export-CsPersistentChatData needs
  /// CsPersistentChatAdministrator, which database teams do not hold); empty: any.
  std::vector<Text> owner_kinds;
};

struct ProfileItem {
  Text id;             ///< stable id used by plans: "xds", "rtcxds", "file-store"...
  Text name;           ///< what it is, for people
  Text store;          ///< database or file: "Xds.mdf"
  Text type;           ///< settings | database | file-store
  Text scope;          ///< global | pool | server
  Text holder;         ///< the server role or service that holds it
  Text backup_tool;    ///< tool id (profile <tools>)
  std::vector<Text> alt_backup_tools;  ///< other accepted tools
  Text restore_tool;
  Text when;           ///< when to back it up
  Text worksheet;      ///< worksheet layout id (database, file-store, settings) or empty
  Text backup_procedure;  ///< default backup procedure id
  std::vector<Text> aliases;  ///< other wordings that name this item in worksheets
  Loc loc;
};

struct NoBackupItem {
  Text id, name, store, reason;
  Loc loc;
};

struct Reminder {
  Text id, title, text;
  Loc loc;
};

struct ServiceMapping {
  Text service;                 ///< topology service: UserStore, FileStore...
  std::vector<Text> items;      ///< data items that must then be backed up
  std::vector<Text> scenarios;  ///< profile scenarios that cover a server running it
  Loc loc;
};

struct RoleMapping {
  Text role;                    ///< plan server role: front-end, edge, back-end...
  std::vector<Text> scenarios;  ///< profile scenarios that cover a server with this role
  std::vector<Text> items;      ///< data items implied by the role
  Loc loc;
  /// A step kind a scenario that rebuilds a server of this role must have (an Edge server cannot
  /// read the Central Management store: exporting the configuration makes the file its setup
  /// imports).
  Text rebuild_needs_step;
};

/// Something a restoration must never do (delete the failed server's computer account), with the
/// phrases that say it: a step does it when one of its sentences holds every word of a phrase (a
/// word may carry an ending: "delet" matches "deletes") and does not say "not" or "never".
struct NeverAction {
  Text id;
  Text why;
  std::vector<Text> matches;
  Loc loc;
};

struct WorksheetColumn {
  Text id;       ///< item, server, schedule, tool, backup-set, destination, share, config-file, notes
  Text header;   ///< Microsoft's header text
  std::vector<Text> aliases;
  BoolValue team_fills;  ///< a team must fill it in
  Loc loc;
};

struct WorksheetRowTemplate {
  Text item;     ///< data item id
  Text label;    ///< first-column wording
  Text tool;     ///< pre-filled tool text
  Text hint;     ///< pre-filled share text (File Store)
  Text notes;    ///< pre-filled notes
  Loc loc;
};

struct WorksheetLayout {
  Text id;       ///< database | file-store | settings | validation-log
  Text sheet;    ///< sheet name
  Text title;    ///< section title
  std::vector<WorksheetColumn> columns;
  std::vector<WorksheetRowTemplate> rows;
  std::vector<Text> notes;
  Loc loc;

  /// The row Microsoft's worksheet has for data item `item`, or null.
  const WorksheetRowTemplate* RowFor(const std::string& item) const;
};

/// One condition of a step's or scenario's `when`: "edition:standard", "holds:CentralMgmtStore",
/// "role:front-end|director", "!mirrored"... (docs/profiles.md, "How steps are filtered").
struct StepCondition {
  bool negate = false;               ///< written with a leading '!'
  std::string kind;                  ///< edition | holds | role | mirrored | paired | site-has | partner-in-site | via
  std::vector<std::string> values;   ///< alternatives, any of which satisfies it ('|' separated)
  Loc loc;
};

struct ProfileStep {
  Text text;       ///< what to do; {placeholders} are filled from the plan
  Text command;    ///< the exact command, with {placeholders}
  Text tool;       ///< tool id
  Text role_kind;  ///< lync-admin, database, storage, network, server, ...
  DurationValue estimate;
  Text verify;     ///< what to check after it
  Text procedure;  ///< another profile procedure this step carries out in full (whole-pool restores)
  std::vector<StepCondition> when;  ///< all must hold in the step's context, or the step is left out
  Text for_each;   ///< repeat per server of the context pool with this role, or "backup" (per backup of `items`)
  std::vector<Text> items;  ///< data items the step is about: binds the plan's backup of it in the context
  Loc loc;
};

struct ProfileProcedure {
  Text id;
  Text kind;       ///< backup | restore
  Text title;
  Text item;       ///< data item (backup procedures)
  Text permission;
  Text output;     ///< where the result goes
  std::vector<Text> excludes;
  std::vector<ProfileStep> steps;
  Loc loc;
};

struct ProfileScenario {
  Text id;
  Text title;
  std::vector<Text> criteria;
  Text procedure;          ///< restore procedure id
  DurationValue rto;       ///< default RTO
  DurationValue rpo;
  BoolValue new_hardware;
  BoolValue uses_backups;  ///< "no": the data comes from elsewhere (a paired pool), not from backups
  std::vector<Text> verify;
  Text about;              ///< "server" (default) or "pool": what one run of the procedure is about
  std::vector<StepCondition> when;  ///< which of the covered servers or pools it is about
  Loc loc;
};

/// What a role of the plan may do (its role-kind): lync-admin, database, storage...
struct ProfileRoleKind {
  Text id;
  Text name;
  Loc loc;
};

/// A kind of restoration step, recognised by its wording, and what it produces for later steps
/// and needs from earlier ones (a server, SQL Server, the databases, the topology...).
struct ProfileStepKind {
  Text id;
  std::vector<Text> produces;
  std::vector<Text> needs;
  std::vector<Text> matches;  ///< phrases: a step matches when its words hold every word of one
  Loc loc;
  /// "yes": what it produces serves every server (the Back End serves the pool's Front End
  /// servers), so steps that name other servers still wait for it.
  BoolValue pool_wide;
  /// "yes": a step of this kind may be ordered early on purpose (a check run as a precondition);
  /// only its unordered steps are judged against what it needs.
  BoolValue may_run_early;
};

struct Profile {
  int32_t file = -1;
  std::string dir;       ///< folder holding profile.xml
  Text id, title, product;
  std::vector<ProfileTool> tools;
  std::vector<ProfileItem> items;
  std::vector<NoBackupItem> no_backup;
  std::vector<Reminder> reminders;
  std::vector<ServiceMapping> services;
  std::vector<RoleMapping> roles;
  std::vector<WorksheetLayout> worksheets;
  std::vector<ProfileProcedure> procedures;
  std::vector<ProfileScenario> scenarios;
  std::vector<ProfileRoleKind> role_kinds;  ///< empty: any role-kind is accepted
  std::vector<ProfileStepKind> step_kinds;
  std::vector<NeverAction> never;

  const ProfileItem* FindItem(const std::string& id) const;
  const NoBackupItem* FindNoBackup(const std::string& id) const;
  const ProfileTool* FindTool(const std::string& id) const;
  const ProfileProcedure* FindProcedure(const std::string& id) const;
  const ProfileScenario* FindScenario(const std::string& id) const;
  const WorksheetLayout* FindWorksheet(const std::string& id) const;
  const ServiceMapping* FindService(const std::string& name) const;
  const RoleMapping* FindRole(const std::string& role) const;

  /// The layout that holds a backup of `item`: the backup layout with a row for it, else the
  /// item's worksheet attribute; null when the item is on no worksheet.
  const WorksheetLayout* LayoutForItem(const std::string& item) const;
};

}  // namespace plangen

// Fills the {placeholders} of profile commands with the plan's own names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/plan.h"
#include "model/profile.h"

namespace plangen {

/// Where a step runs: the pool it is about, the server (when it is about one) and the backup it
/// restores or writes (when it is bound to a data item). Every placeholder comes from these.
struct StepContext {
  const Pool* pool = nullptr;
  const Server* server = nullptr;
  const Backup* backup = nullptr;
};

/// The values a backup's own procedure uses: {server}, {pool}, {sql-instance}, {share},
/// {location}, {store}, {database}, {item}, {file}, {<item>-file} and {<item>-dir} of that
/// backup; for keeping one copy per run, {backup} (its id), {offsite-location} (its first
/// off-site location after the first) and {retention} / {retention-cutoff} (what the prune keeps).
std::map<std::string, std::string> BackupPlaceholders(const Plan& plan, const Profile& profile, const Backup& b);

/// The values a step may use in `context` (docs/profiles.md, "How placeholders are bound"):
/// the backup's own values when it is bound to one; {server}, {sql-instance}, {share},
/// {primary} and {mirror} of its server; {pool}, {file-store}, {partner-pool},
/// {partner-back-end}, {partner-sql-instance}, {edge-pool} and {<item>-file} of its pool. A value
/// the plan cannot supply is absent.
std::map<std::string, std::string> ContextPlaceholders(const Plan& plan, const Profile& profile, const StepContext& context);

/// Why `name` has no value in `context`, in words, for the finding that leaves its step out.
std::string WhyUnfilled(const Plan& plan, const std::string& name, const StepContext& context);

/// The SQL instance of a server: the instance of its last service that names one, else its own,
/// else "rtc".
std::string SqlInstanceOf(const Server& s);

/// The off-site location a backup's runs are copied to: its first off-site location after the
/// first, where each run is written. None when the backup stays on site.
const Location* OffsiteCopyOf(const Plan& plan, const Backup& b);

/// The index of `pool` in the plan's topology, or -1 for none.
int PoolIndex(const Plan& plan, const Pool* pool);

/// Replaces every {name} found in `values`; unknown names are kept as written and listed in
/// `unfilled` when given.
std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values,
                             std::vector<std::string>* unfilled = nullptr);

}  // namespace plangen

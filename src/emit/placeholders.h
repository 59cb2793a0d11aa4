// Fills the {placeholders} of profile commands with the plan's own names.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/plan.h"
#include "model/profile.h"

namespace plangen {

/// The values a backup's commands may use: {server}, {pool}, {sql-instance}, {share},
/// {location}, {store}, {item}, {file}; and, for the restore procedures that bring the backup
/// back: {database} (store without extension), {file-store} (\\server\share of the pool's File
/// Store), {primary} and {mirror} (a mirrored Back End pair), {partner-pool},
/// {partner-back-end} and {partner-sql-instance} (the paired pool), {edge-pool} (an Edge pool
/// of the same site) and {<item>-file} (file of the plan's backup of <item> in the same pool).
/// A value the plan cannot supply is left out, so the placeholder stays visible.
std::map<std::string, std::string> BackupPlaceholders(const Plan& plan, const Profile& profile, const Backup& b);

/// The values a scenario's restore procedure may use: those of the backups of the first server it
/// covers (or of the first server of the first pool it covers), with {server} and {pool} set to
/// that server and its pool.
std::map<std::string, std::string> ScenarioPlaceholders(const Plan& plan, const Profile& profile, const Scenario& s);

/// Replaces every {name} found in `values`; unknown names are kept as written and listed in
/// `unfilled` when given.
std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values,
                             std::vector<std::string>* unfilled = nullptr);

}  // namespace plangen

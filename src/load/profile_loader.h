// Reads a profile folder (worksheets/<id>/profile.xml) into the model and checks its integrity.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/profile.h"

namespace plangen {

/// The folders searched for profiles, in order: `extra` (from --profiles), then the installed data.
std::vector<std::string> ProfileSearchPath(const std::string& extra);
/// Names of the profiles found on the search path (folders holding profile.xml), sorted.
/// How diagnostics name a profile file so that the user can open it: relative to the current
/// folder when it lies below it (the source tree, run from its root), else its absolute path.
std::string OpenablePath(const std::filesystem::path& p);

std::vector<std::string> AvailableProfiles(const std::vector<std::string>& search_path);

/// Loads the profile `id` from the search path. `where` is the plan's reference to it (for the
/// unknown-profile diagnostic). Returns false when it cannot be found or read.
bool LoadProfile(const std::string& id, const std::vector<std::string>& search_path, Loc where, Profile* out,
                 SourceManager& sm, DiagEngine& diags);
/// Loads a profile from a given profile.xml file (display name as given).
bool LoadProfileFile(const std::string& path, const std::string& display, Profile* out, SourceManager& sm,
                     DiagEngine& diags);

}  // namespace plangen

// The names a runbook command gives to hosts and shares, found by a scan of the command rather
// than by std::regex (which the lint ran on every step of every backup: a tenth of a check of
// 10,000 servers). Each scan finds exactly what its pattern, given beside it, finds.
#pragma once

#include <string>
#include <vector>

namespace plangen {

/// The values of host parameters: -(\w*fqdn|computername)\s+"?([^\s";,)]+), case ignored; the
/// second group of each match, left to right.
std::vector<std::string> HostParameterValues(const std::string& command);

/// The UNC shares: \\\\([A-Za-z0-9.-]+)\\([^\\\s"';]+); each match's host and share.
std::vector<std::pair<std::string, std::string>> UncShares(const std::string& command);

}  // namespace plangen

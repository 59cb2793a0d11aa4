// The computer a backup location sits on: its host="...", else the host its UNC path names.
#pragma once

#include <string>

#include "model/plan.h"

namespace plangen::check {

/// "host" of "\\host\share\..." or "//host/share/...", else "".
std::string UncHost(const std::string& path);

/// The location's host: host="..." when given, else its UNC path's host ("" when neither says).
std::string LocationHost(const Location& l);

/// Whether two host names name one computer, without regard to case; a short name ("bk01") and an
/// FQDN whose first label it is ("bk01.contoso.com") are the same computer.
bool SameHost(const std::string& a, const std::string& b);

}  // namespace plangen::check

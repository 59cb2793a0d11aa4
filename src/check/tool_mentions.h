// Where a text runs a profile tool, and with which parameters. A tool is mentioned where its id
// stands as a word of its own (case does not matter); a cmdlet's parameters are the "-Name"
// tokens that follow it, outside quotes, up to a pipe, a semicolon, a line break or the next
// cmdlet.
#pragma once

#include <string>
#include <vector>

#include "model/profile.h"

namespace plangen::check {

/// Whether `text` names the tool `id` as a word of its own (case-insensitive).
bool MentionsTool(const std::string& text, const std::string& id);

struct BadParameter {
  const ProfileTool* tool = nullptr;
  std::string parameter;   ///< as written, without the dash
  std::string suggestion;  ///< the closest documented parameter, or empty
};

/// Every parameter `text` passes to a profile tool whose parameters are documented
/// (ProfileTool::parameters) and that the tool does not have. PowerShell's common parameters
/// (-Verbose, -WhatIf, ...) are always accepted.
std::vector<BadParameter> UnknownParameters(const Profile& profile, const std::string& text);

}  // namespace plangen::check

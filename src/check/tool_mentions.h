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

/// One place where a text runs a profile tool, and the parameters it passes there.
struct ToolCall {
  const ProfileTool* tool = nullptr;
  struct Argument {
    std::string name;   ///< as written, without the dash
    std::string value;  ///< the word after it, without quotes; empty for a switch
  };
  std::vector<Argument> arguments;
  size_t begin = 0, end = 0;  ///< where the tool's name starts and its arguments end, in the text
  /// The value passed to parameter `name` (case-insensitive), or null when it is not passed.
  const Argument* Find(const std::string& name) const;
};

/// Every place `text` runs a profile tool, in the order of the text. Tools listed in a sentence
/// with the parameters after the last ("Get-CsRgsWorkflow, Get-CsRgsQueue and Get-CsRgsAgentGroup
/// -Owner X") all get those parameters.
std::vector<ToolCall> ToolCalls(const Profile& profile, const std::string& text);

/// Every parameter `text` passes to a profile tool whose parameters are documented
/// (ProfileTool::parameters) and that the tool does not have. PowerShell's common parameters
/// (-Verbose, -WhatIf, ...) are always accepted.
std::vector<BadParameter> UnknownParameters(const Profile& profile, const std::string& text);

}  // namespace plangen::check

#include "check/tool_mentions.h"

#include <cctype>

#include "util/edit_distance.h"
#include "util/strings.h"

namespace plangen::check {

namespace {

bool WordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

// Positions just past each whole-word occurrence of `id` in `text` (both lower-case).
std::vector<size_t> Ends(const std::string& lower_text, const std::string& lower_id) {
  std::vector<size_t> out;
  if (lower_id.empty()) return out;
  for (size_t at = lower_text.find(lower_id); at != std::string::npos; at = lower_text.find(lower_id, at + 1)) {
    size_t end = at + lower_id.size();
    if (at > 0 && WordChar(lower_text[at - 1])) continue;
    if (end < lower_text.size() && WordChar(lower_text[end])) continue;
    out.push_back(end);
  }
  return out;
}

// "Verb-CsNoun": where the next cmdlet starts, which ends the parameters of the one before.
bool CmdletAt(const std::string& lower, size_t i) {
  if (i > 0 && WordChar(lower[i - 1])) return false;
  size_t dash = lower.find("-cs", i);
  if (dash == std::string::npos || dash == i) return false;
  for (size_t k = i; k < dash; ++k) {
    if (!std::isalpha(static_cast<unsigned char>(lower[k]))) return false;
  }
  return dash + 3 < lower.size() && std::isalpha(static_cast<unsigned char>(lower[dash + 3]));
}

const std::vector<std::string>& CommonParameters() {
  static const std::vector<std::string> kCommon = {
      "verbose",     "debug",          "erroraction", "errorvariable", "warningaction", "warningvariable", "informationaction",
      "informationvariable", "outvariable", "outbuffer", "pipelinevariable", "whatif", "confirm"};
  return kCommon;
}

}  // namespace

bool MentionsTool(const std::string& text, const std::string& id) {
  return !Ends(AsciiLower(text), AsciiLower(id)).empty();
}

std::vector<BadParameter> UnknownParameters(const Profile& profile, const std::string& text) {
  std::vector<BadParameter> out;
  const std::string lower = AsciiLower(text);
  for (const ProfileTool& tool : profile.tools) {
    if (tool.parameters.empty()) continue;
    std::vector<std::string> known;
    for (const Text& p : tool.parameters) known.push_back(p.value);
    for (size_t i : Ends(lower, AsciiLower(tool.id.value))) {
      char quote = 0;
      for (; i < text.size(); ++i) {
        char c = text[i];
        if (quote) {
          if (c == quote) quote = 0;
          continue;
        }
        if (c == '"' || c == '\'') {
          quote = c;
          continue;
        }
        if (c == '|' || c == ';' || c == '\n' || CmdletAt(lower, i)) break;
        if (c != '-' || (i > 0 && !std::isspace(static_cast<unsigned char>(text[i - 1])))) continue;
        size_t end = i + 1;
        while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
        if (end == i + 1 || !std::isalpha(static_cast<unsigned char>(text[i + 1]))) continue;
        std::string name = text.substr(i + 1, end - i - 1);
        bool ok = false;
        for (const std::string& k : known) ok = ok || EqualsIgnoreCase(k, name);
        for (const std::string& k : CommonParameters()) ok = ok || EqualsIgnoreCase(k, name);
        if (!ok) out.push_back({&tool, name, Suggest(name, known)});
        i = end - 1;
      }
    }
  }
  return out;
}

}  // namespace plangen::check

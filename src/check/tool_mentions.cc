#include "check/tool_mentions.h"

#include <algorithm>
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

const ToolCall::Argument* ToolCall::Find(const std::string& name) const {
  for (const Argument& a : arguments) {
    if (EqualsIgnoreCase(a.name, name)) return &a;
  }
  return nullptr;
}

std::vector<ToolCall> ToolCalls(const Profile& profile, const std::string& text) {
  std::vector<std::pair<size_t, ToolCall>> found;
  const std::string lower = AsciiLower(text);
  for (const ProfileTool& tool : profile.tools) {
    for (size_t i : Ends(lower, AsciiLower(tool.id.value))) {
      ToolCall call;
      call.tool = &tool;
      call.begin = i - tool.id.value.size();
      const size_t at = i;
      size_t last = i;  // just past the name or the last argument
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
        ToolCall::Argument arg{text.substr(i + 1, end - i - 1), ""};
        // The value: the next word, or the quoted text, unless it is the next parameter.
        size_t v = end;
        while (v < text.size() && text[v] == ' ') ++v;
        if (v < text.size() && (text[v] == '"' || text[v] == '\'')) {
          size_t close = text.find(text[v], v + 1);
          if (close == std::string::npos) close = text.size();
          arg.value = text.substr(v + 1, close - v - 1);
          end = close < text.size() ? close + 1 : close;
        } else if (v < text.size() && text[v] != '-' && text[v] != '|' && text[v] != ';' && text[v] != '\n') {
          size_t w = v;
          while (w < text.size() && !std::isspace(static_cast<unsigned char>(text[w])) && text[w] != ';' && text[w] != '|' &&
                 text[w] != ',') {
            ++w;
          }
          arg.value = text.substr(v, w - v);
          end = w;
        }
        call.arguments.push_back(std::move(arg));
        last = end;
        i = end == 0 ? 0 : end - 1;
      }
      call.end = last;
      found.emplace_back(at, std::move(call));
    }
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<ToolCall> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  // "A, B and C -Param": A and B take C's parameters when only commas, "and" or "or" stand between.
  for (size_t k = out.size(); k-- > 1;) {
    ToolCall& a = out[k - 1];
    const ToolCall& b = out[k];
    if (!a.arguments.empty() || b.begin < a.end) continue;
    std::string between = AsciiLower(text.substr(a.end, b.begin - a.end));
    for (const char* w : {" and ", " or "}) {
      for (size_t at = between.find(w); at != std::string::npos; at = between.find(w)) between.replace(at, std::string(w).size(), " ");
    }
    if (between.find_first_not_of(" ,") == std::string::npos) a.arguments = b.arguments;
  }
  return out;
}

std::vector<BadParameter> UnknownParameters(const Profile& profile, const std::string& text) {
  std::vector<BadParameter> out;
  for (const ToolCall& call : ToolCalls(profile, text)) {
    const ProfileTool& tool = *call.tool;
    if (tool.parameters.empty()) continue;
    std::vector<std::string> known;
    for (const Text& p : tool.parameters) known.push_back(p.value);
    for (const ToolCall::Argument& a : call.arguments) {
      bool ok = false;
      for (const std::string& k : known) ok = ok || EqualsIgnoreCase(k, a.name);
      for (const std::string& k : CommonParameters()) ok = ok || EqualsIgnoreCase(k, a.name);
      if (!ok) out.push_back({&tool, a.name, Suggest(a.name, known)});
    }
  }
  return out;
}

}  // namespace plangen::check

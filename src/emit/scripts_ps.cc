#include "emit/scripts_ps.h"

#include "emit/checklist_view.h"

namespace plangen {

std::string PsLiteral(const std::string& text) {
  std::string out = "'";
  out.reserve(text.size() + 2);
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\'') {
      out += "''";
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               static_cast<unsigned char>(text[i + 2]) >= 0x98 && static_cast<unsigned char>(text[i + 2]) <= 0x9B) {
      // U+2018..U+201B: PowerShell reads each as a single quote; doubling keeps it text.
      out.append(text, i, 3);
      out.append(text, i, 3);
      i += 2;
    } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') {
      out += "\xEF\xBF\xBD";
    } else if (c == 0x7F) {
      out += "\xEF\xBF\xBD";
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out += "'";
  return out;
}

static bool Alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool IsPsIdentifier(const std::string& name) {
  if (name.empty() || name.size() > 64 || !Alnum(name[0])) return false;
  for (char c : name) {
    if (!Alnum(c) && c != '-') return false;
  }
  return true;
}

std::string PsIdentifierPart(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (out.size() >= 40) break;
    if (Alnum(c)) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

std::string XmlText(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\r' && c != '\n') break;
        out.push_back(ch);
    }
  }
  return out;
}

std::string ScriptFileStem(const std::string& name) {
  // RoleFileStem keeps plain names and hashes the rest; the same rule serves servers and scenarios.
  return RoleFileStem(name);
}

}  // namespace plangen

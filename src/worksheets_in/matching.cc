#include "worksheets_in/matching.h"

#include <cctype>

namespace plangen {
namespace {

// FQDNs ignore case and a trailing dot (the DNS root).
std::string HostKey(const std::string& fqdn) {
  std::string k = WordsKey(fqdn);
  while (!k.empty() && k.back() == '.') k.pop_back();
  return k;
}

}  // namespace

std::string WordsKey(const std::string& text) {
  std::string out;
  bool space = false;
  for (unsigned char ch : text) {
    if (std::isspace(ch)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(ch));
  }
  return out;
}

std::string ItemForLabel(const Profile& profile, const WorksheetLayout& layout, const std::string& label) {
  std::string key = WordsKey(label);
  if (key.empty()) return "";
  // The layout's own wording first: it is what plangen wrote and what Microsoft's sheets say.
  for (const WorksheetRowTemplate& r : layout.rows) {
    if (WordsKey(r.label.value) == key) return r.item.value;
  }
  for (const ProfileItem& item : profile.items) {
    if (WordsKey(item.id.value) == key || WordsKey(item.name.value) == key) return item.id.value;
    for (const Text& a : item.aliases) {
      if (WordsKey(a.value) == key) return item.id.value;
    }
  }
  return "";
}

RowMatch MatchRow(const Plan& plan, const Profile& profile, const ReturnedSheet& sheet, const ReturnedRow& row) {
  RowMatch m;
  if (!row.row_id.text.empty()) {
    m.by_row_id = true;
    for (const Backup& b : plan.backups) {
      if (b.id.value == row.row_id.text) {
        m.status = RowMatch::Status::kMatched;
        m.backup = &b;
        return m;
      }
    }
    m.status = RowMatch::Status::kUnknownRowId;
    return m;
  }
  const std::string& label = row.Get("item").text;
  const std::string& server = row.Get("server").text;
  if (label.empty() || server.empty()) return m;  // kNoKey
  m.item = ItemForLabel(profile, *sheet.layout, label);
  if (m.item.empty()) {
    m.status = RowMatch::Status::kUnknownItem;
    return m;
  }
  std::string host = HostKey(server);
  bool known_server = false;
  for (const Server& s : plan.topology.servers) known_server = known_server || HostKey(s.fqdn.value) == host;
  if (!known_server) {
    m.status = RowMatch::Status::kUnknownServer;
    return m;
  }
  for (const Backup& b : plan.backups) {
    if (b.item.value == m.item && HostKey(b.server.value) == host) {
      m.status = RowMatch::Status::kMatched;
      m.backup = &b;
      return m;
    }
  }
  m.status = RowMatch::Status::kNoBackup;
  return m;
}

}  // namespace plangen

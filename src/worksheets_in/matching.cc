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

RowMatcher::RowMatcher(const Plan& plan, const Profile& profile) : profile_(profile) {
  // The first backup of an id or of an (item, host) pair wins, as a scan in plan order would.
  for (const Backup& b : plan.backups) {
    by_id_.emplace(b.id.value, &b);
    by_item_host_.emplace(b.item.value + "\n" + HostKey(b.server.value), &b);
  }
  for (const Server& s : plan.topology.servers) hosts_.insert(HostKey(s.fqdn.value));
}

RowMatch RowMatcher::Match(const ReturnedSheet& sheet, const ReturnedRow& row) const {
  RowMatch m;
  if (!row.row_id.text.empty()) {
    m.by_row_id = true;
    auto it = by_id_.find(row.row_id.text);
    if (it == by_id_.end()) {
      m.status = RowMatch::Status::kUnknownRowId;
      return m;
    }
    m.status = RowMatch::Status::kMatched;
    m.backup = it->second;
    return m;
  }
  const std::string& label = row.Get("item").text;
  const std::string& server = row.Get("server").text;
  if (label.empty() || server.empty()) return m;  // kNoKey
  auto key = std::make_pair(sheet.layout, label);
  auto cached = items_.find(key);
  if (cached == items_.end()) cached = items_.emplace(key, ItemForLabel(profile_, *sheet.layout, label)).first;
  m.item = cached->second;
  if (m.item.empty()) {
    m.status = RowMatch::Status::kUnknownItem;
    return m;
  }
  std::string host = HostKey(server);
  if (!hosts_.count(host)) {
    m.status = RowMatch::Status::kUnknownServer;
    return m;
  }
  auto it = by_item_host_.find(m.item + "\n" + host);
  if (it == by_item_host_.end()) {
    m.status = RowMatch::Status::kNoBackup;
    return m;
  }
  m.status = RowMatch::Status::kMatched;
  m.backup = it->second;
  return m;
}

RowMatch MatchRow(const Plan& plan, const Profile& profile, const ReturnedSheet& sheet, const ReturnedRow& row) {
  return RowMatcher(plan, profile).Match(sheet, row);
}

}  // namespace plangen

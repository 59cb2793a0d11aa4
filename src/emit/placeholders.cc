#include "emit/placeholders.h"

namespace plangen {

std::map<std::string, std::string> BackupPlaceholders(const Plan& plan, const Profile& profile, const Backup& b) {
  std::map<std::string, std::string> v;
  v["server"] = b.server.value;
  v["item"] = b.item.value;
  const Server* server = plan.FindServer(b.server.value);
  if (server && server->pool >= 0) v["pool"] = plan.topology.pools[server->pool].fqdn.value;
  if (server) {
    v["sql-instance"] = server->instance.empty() ? "rtc" : server->instance.value;
    for (const auto& s : server->services) {
      if (!s.share.empty()) v["share"] = s.share.value;
      if (!s.instance.empty()) v["sql-instance"] = s.instance.value;
    }
  }
  if (!b.locations.empty()) {
    if (const Location* l = plan.FindLocation(b.locations.front().value)) v["location"] = l->path.value;
  }
  if (const ProfileItem* it = profile.FindItem(b.item.value)) {
    v["store"] = it->store.value;
  }
  v["file"] = b.item.value + "-" + b.id.value + ".zip";
  return v;
}

std::string FillPlaceholders(const std::string& text, const std::map<std::string, std::string>& values,
                             std::vector<std::string>* unfilled) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open + 1);
    if (close == std::string::npos) break;
    std::string name = text.substr(open + 1, close - open - 1);
    bool is_name = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    out.append(text, i, open - i);
    auto it = values.find(name);
    if (is_name && it != values.end() && !it->second.empty()) {
      out += it->second;
    } else {
      if (is_name && unfilled) unfilled->push_back(name);
      out.append(text, open, close - open + 1);
    }
    i = close + 1;
  }
  out.append(text, i, std::string::npos);
  return out;
}

}  // namespace plangen

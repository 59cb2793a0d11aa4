#include "model/profile.h"

#include "util/strings.h"

#include <cctype>

namespace plangen {

namespace {
template <class T, class F>
const T* FindIn(const std::vector<T>& v, F key) {
  for (const auto& x : v) {
    if (key(x)) return &x;
  }
  return nullptr;
}
}  // namespace

const ProfileItem* Profile::FindItem(const std::string& id) const {
  return FindIn(items, [&](const ProfileItem& i) { return i.id.value == id; });
}
const NoBackupItem* Profile::FindNoBackup(const std::string& id) const {
  return FindIn(no_backup, [&](const NoBackupItem& i) { return i.id.value == id; });
}
const ProfileTool* Profile::FindTool(const std::string& id) const {
  return FindIn(tools, [&](const ProfileTool& t) { return EqualsIgnoreCase(t.id.value, id); });
}
const ProfileProcedure* Profile::FindProcedure(const std::string& id) const {
  return FindIn(procedures, [&](const ProfileProcedure& p) { return p.id.value == id; });
}
const ProfileScenario* Profile::FindScenario(const std::string& id) const {
  return FindIn(scenarios, [&](const ProfileScenario& s) { return s.id.value == id; });
}
const WorksheetLayout* Profile::FindWorksheet(const std::string& id) const {
  return FindIn(worksheets, [&](const WorksheetLayout& w) { return w.id.value == id; });
}
const ServiceMapping* Profile::FindService(const std::string& name) const {
  return FindIn(services, [&](const ServiceMapping& s) { return EqualsIgnoreCase(s.service.value, name); });
}
const RoleMapping* Profile::FindRole(const std::string& role) const {
  return FindIn(roles, [&](const RoleMapping& r) { return r.role.value == role; });
}

const WorksheetRowTemplate* WorksheetLayout::RowFor(const std::string& item) const {
  return FindIn(rows, [&](const WorksheetRowTemplate& r) { return r.item.value == item; });
}

const WorksheetLayout* Profile::LayoutForItem(const std::string& item) const {
  for (const auto& layout : worksheets) {
    if (layout.id.value != kValidationLogLayout && layout.RowFor(item)) return &layout;
  }
  const ProfileItem* it = FindItem(item);
  if (!it || it->worksheet.empty() || it->worksheet.value == kValidationLogLayout) return nullptr;
  return FindWorksheet(it->worksheet.value);
}

}  // namespace plangen

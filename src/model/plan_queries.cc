#include "model/plan_queries.h"

#include "util/strings.h"

namespace plangen {

Text BackupTool(const Plan& plan, const Profile& profile, const Backup& b) {
  if (const Procedure* p = plan.FindProcedure(b.procedure.value)) {
    if (!p->tools.empty()) return p->tools.front();
  }
  const ProfileItem* item = profile.FindItem(b.item.value);
  std::string proc_id = !b.procedure.empty() ? b.procedure.value : item ? item->backup_procedure.value : "";
  if (const ProfileProcedure* pp = profile.FindProcedure(proc_id)) {
    // The step that does the backup, not the ones that prepare or copy it: the item's own tool,
    // else one of its alternatives, else the first tool named.
    auto uses = [&](const std::string& tool) -> const Text* {
      for (const auto& step : pp->steps)
        if (!tool.empty() && AsciiLower(step.tool.value) == AsciiLower(tool)) return &step.tool;
      return nullptr;
    };
    if (item) {
      if (const Text* t = uses(item->backup_tool.value)) return *t;
      for (const auto& alt : item->alt_backup_tools)
        if (const Text* t = uses(alt.value)) return *t;
    }
    for (const auto& step : pp->steps) {
      if (!step.tool.empty()) return step.tool;
    }
  }
  return item ? item->backup_tool : Text{};
}

}  // namespace plangen

#include "driver/plan_waivers.h"

#include "util/strings.h"

namespace plangen {

namespace {

std::string Label(const Waiver& w) { return w.id.empty() ? w.code.value : w.id.value; }

bool Expired(const Waiver& w, Date as_of) { return w.expires.value && *w.expires.value < as_of; }

bool BusinessApproved(const Plan& plan, const Waiver& w) {
  if (w.id.empty()) return false;
  for (const Approval& a : plan.governance.approvals) {
    if (a.kind.value != "business") continue;
    for (const Ref& r : a.waivers) {
      if (r.value == w.id.value) return true;
    }
  }
  return false;
}

// The waivers the engine was given, in plan order: those of codes the command line left alone.
bool Registered(const Waiver& w, Date as_of, const DiagEngine& diags, DiagId* id) {
  auto found = FindCode(w.code.value);
  if (!found || Expired(w, as_of)) return false;
  for (auto [it, end] = diags.overrides().equal_range(*found); it != end; ++it) {
    if (!it->second.where.valid()) return false;  // set on the command line
  }
  *id = *found;
  return true;
}

}  // namespace

bool IsDataSafetyFinding(DiagId id) {
  return id == DiagId::err_backup_missing || id == DiagId::err_location_on_protected_server;
}

void ApplyPlanWaivers(const Plan& plan, Date as_of, DiagEngine& diags) {
  std::vector<std::pair<DiagId, SeverityOverride>> add;
  for (const Waiver& w : plan.waivers) {
    auto id = FindCode(w.code.value);
    if (!id) continue;
    bool command_line = false;
    for (auto [it, end] = diags.overrides().equal_range(*id); it != end; ++it) command_line = true;
    if (command_line) continue;
    if (Expired(w, as_of)) {
      diags.Report(DiagId::warn_waiver_expired, w.expires.text.loc,
                   {Label(w), CodeString(*id), FormatDate(*w.expires.value)});
      continue;
    }
    SeverityOverride o;
    o.reason = w.reason.value;
    o.where = w.loc;
    for (const Text& s : w.scope) o.scope.push_back(s.value);
    if (w.severity.empty() || w.severity.value == "off") {
      o.off = true;
    } else if (auto s = ParseSeverity(w.severity.value)) {
      o.severity = *s;
    }
    if (IsDataSafetyFinding(*id) && (o.off || o.severity < Severity::kWarning) && !BusinessApproved(plan, w)) {
      diags.Report(DiagId::warn_waiver_needs_business_approval, w.severity.empty() ? w.loc : w.severity.loc,
                   {Label(w), CodeString(*id)});
      o.off = false;
      o.severity = Severity::kWarning;
    }
    add.emplace_back(*id, std::move(o));
  }
  for (auto& [id, o] : add) diags.AddOverride(id, std::move(o));
}

void ReportUnusedWaivers(const Plan& plan, Date as_of, bool worksheets, bool topology, DiagEngine& diags) {
  for (const Waiver& w : plan.waivers) {
    DiagId id;
    if (!Registered(w, as_of, diags, &id)) continue;
    int code = Info(id).code;
    bool judged = (code >= 2000 && code < 3000) || (worksheets && code >= 4000 && code < 5000) ||
                  (topology && code >= 5000 && code < 6000);
    if (!judged) continue;
    bool used = false;
    for (auto [it, end] = diags.overrides().equal_range(id); it != end; ++it) {
      const Loc& at = it->second.where;
      if (at.file == w.loc.file && at.offset == w.loc.offset && it->second.applied > 0) used = true;
    }
    if (!used) diags.Report(DiagId::warn_waiver_unused, w.loc, {Label(w), CodeString(id)});
  }
}

}  // namespace plangen

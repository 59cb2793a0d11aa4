#include "driver/compile.h"

#include "check/evidence_check.h"
#include "check/passes.h"
#include "check/plan_digest.h"
#include "driver/plan_waivers.h"
#include "emit/runbook_lint.h"
#include "load/plan_loader.h"
#include "load/xml_input.h"
#include "load/profile_loader.h"
#include "topology/topology.h"
#include "util/input_file.h"
#include "worksheets_in/returned.h"

#include <filesystem>

namespace plangen {

bool ApplySeverityFlags(const std::vector<std::string>& flags, DiagEngine& diags, std::string* error) {
  for (const std::string& f : flags) {
    size_t eq = f.find('=');
    if (eq == std::string::npos) {
      *error = "-W takes CODE=off|note|warning|error[:reason], not '" + f + "'";
      return false;
    }
    std::string code = f.substr(0, eq), rest = f.substr(eq + 1), reason;
    size_t colon = rest.find(':');
    if (colon != std::string::npos) {
      reason = rest.substr(colon + 1);
      rest = rest.substr(0, colon);
    }
    auto id = FindCode(code);
    if (!id) {
      *error = "unknown diagnostic code '" + code + "'";
      return false;
    }
    SeverityOverride o;
    o.reason = reason.empty() ? "set on the command line" : reason;
    if (rest == "off") {
      o.off = true;
    } else if (auto s = ParseSeverity(rest)) {
      o.severity = *s;
    } else {
      *error = "-W " + code + " takes off, note, warning or error, not '" + rest + "'";
      return false;
    }
    diags.SetOverride(*id, o);
  }
  return true;
}

// Where the plan's <topology file="..."> points: relative to the plan file. Empty when the plan
// names no topology file (or only a TODO).
static std::string PlanTopologyPath(const std::string& plan_path, const Plan& plan) {
  const Text& file = plan.topology.file;
  if (file.empty() || IsPlaceholder(file.value)) return "";
  return (std::filesystem::path(plan_path).parent_path() / file.value).string();
}

// Records what the plan's <topology file="..."> points at (a SHA-256 of its bytes), for the plan
// digest, whatever the profile or --topology. The bytes are read once and kept in the
// SourceManager, so the drift check compares exactly what was digested. Unreadable is left
// empty, without a finding: the drift check says why when it reads the file.
static void DigestPlanTopology(const std::string& plan_path, Compilation& c) {
  const std::string path = PlanTopologyPath(plan_path, c.plan);
  if (path.empty()) return;
  const std::string* bytes = c.sources.InputBytes(path);
  if (!bytes) {
    std::string read;
    InputFileError err;
    if (!ReadInputFile(path, kMaxXmlBytes, &read, &err)) return;
    c.sources.KeepInput(path, std::move(read));
    bytes = c.sources.InputBytes(path);
  }
  if (bytes) c.plan.topology.file_digest = "sha256:" + check::Sha256Hex(*bytes);
}

// The topology to compare the plan with: --topology FILE, else the plan's <topology file="...">,
// which is relative to the plan file. Returns false when there is none or it cannot be used (the
// reader has said why).
static bool LoadPlanTopology(const CompileOptions& options, Compilation& c, topo::Topology* out) {
  namespace fs = std::filesystem;
  std::string path = options.topology, display = options.topology;
  if (path.empty()) {
    path = PlanTopologyPath(options.plan_path, c.plan);
    if (path.empty()) return false;
    display = (fs::path(c.sources.Name(c.plan.file)).parent_path() / c.plan.topology.file.value).lexically_normal().string();
  }
  // The plan's topology file was read already for the digest: compare those bytes, not a second
  // reading (it may be the same file as --topology, by another spelling).
  const std::string* kept = c.sources.InputBytes(path);
  const bool read = kept ? topo::ReadTopologyBytes(display, *kept, out, c.sources, c.diags)
                         : topo::ReadTopology(path, display, out, c.sources, c.diags);
  if (!read) {
    for (const Diagnostic* d : c.diags.Sorted()) {
      if (d->id == DiagId::err_file_unreadable || d->id == DiagId::err_file_too_large) c.unreadable = true;
    }
    return false;
  }
  return true;
}

void Compile(const CompileOptions& options, Compilation& c) {
  c.diags.SetWerror(options.werror);
  c.diags.SetMaxErrors(options.max_errors);
  c.plan_read = LoadPlan(options.plan_path, options.plan_path, &c.plan, c.sources, c.diags);
  if (!c.plan_read) {
    for (const Diagnostic* d : c.diags.Sorted()) {
      if (d->id == DiagId::err_file_unreadable || d->id == DiagId::err_file_too_large) c.unreadable = true;
    }
    return;
  }
  DigestPlanTopology(options.plan_path, c);
  ApplyPlanWaivers(c.plan, options.as_of, c.diags);
  std::string profile_id = c.plan.profile.empty() ? "lync-server-2013" : c.plan.profile.value;
  Loc where = c.plan.profile.empty() ? c.plan.loc : c.plan.profile.loc;
  c.profile_read = LoadProfile(profile_id, ProfileSearchPath(options.profiles_dir), where, &c.profile, c.sources, c.diags);
  ResolvePlan(c.plan, c.profile_read ? &c.profile : nullptr, c.diags);
  if (!c.profile_read) return;
  CheckContext ctx{c.plan, c.profile, options.as_of, c.sources};
  topo::Topology topology;
  if (LoadPlanTopology(options, c, &topology)) ctx.topology = &topology;
  if (!options.worksheets.empty()) {
    if (!LoadReturnedWorksheets(options.worksheets, c.profile, &c.returned, c.sources, c.diags)) c.unreadable = true;
    c.has_worksheets = true;
    ctx.worksheets = &c.returned;
  }
  if (!options.evidence.empty()) {
    if (!LoadEvidence(options.evidence, &c.evidence, c.sources, c.diags)) c.unreadable = true;
    c.has_evidence = true;
    ctx.evidence = &c.evidence;
    c.evidence_entries = EvidenceEntries(c.plan, c.evidence);
  }
  RunPasses(ctx, c.diags);
  // Runbooks are checked on every build: their procedures, expanded exactly as they are shown.
  LintRunbooks(c.plan, c.profile, c.diags);
  ReportUnusedWaivers(c.plan, options.as_of, c.has_worksheets, ctx.topology != nullptr, c.diags);
}

}  // namespace plangen

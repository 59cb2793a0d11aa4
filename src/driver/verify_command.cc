#include "driver/verify_command.h"

#include <iostream>
#include <set>

#include "audit/package.h"
#include "audit/sha256.h"
#include "check/plan_digest.h"
#include "driver/audit_package.h"
#include "driver/common_options.h"
#include "driver/distribution_build.h"
#include "emit/emitters.h"
#include "plangen_config.h"
#include "util/data_dir.h"

namespace plangen {

namespace {

// Builds the package again from the inputs, in memory, and reports every member that differs
// from `package`, or why the inputs could not be rebuilt (their findings printed).
void CompareWithRebuild(const CompileOptions& copt, Paper paper, bool pdf, const std::string& templates_dir, const std::string& since,
                        const audit::VerifyResult& package, OutputFormat format, const Environment& env,
                        Compilation& v) {
  Loc nowhere;
  Compilation rc;
  std::string error;
  if (!ApplySeverityFlags(copt.severity_flags, rc.diags, &error)) {
    v.diags.Report(DiagId::err_rebuild_failed, nowhere, {copt.plan_path, error});
    return;
  }
  Compile(copt, rc);
  auto failed = [&](const std::string& why) {
    PrintFindings(rc, format, env, std::cout);
    v.diags.Report(DiagId::err_rebuild_failed, nowhere, {copt.plan_path, why});
  };
  if (!rc.plan_read || !rc.profile_read) return failed("the plan or its profile cannot be read");
  if (rc.diags.HasErrors()) return failed("the plan has errors, so a build makes no package");
  TemplateSet templates(templates_dir, DataDir() + "/templates");
  EmitContext ectx{rc.plan, rc.profile, copt.as_of, false, templates, rc.diags, rc.sources,
                   rc.has_worksheets ? &rc.returned : nullptr, rc.has_evidence ? &rc.evidence_entries : nullptr,
                   rc.has_evidence ? &rc.evidence.files : nullptr};
  ectx.plan_digest = check::PlanDigest(rc.plan);
  ectx.paper = paper;
  ectx.pdf = pdf;
  OutputSet outputs;
  AuditPackage rebuilt;
  DistributionOptions dist;
  if (!PrepareDistribution(rc, {}, since, &dist, &error)) return failed(error);
  if (!EmitBuildOutputs(ectx, dist, outputs) || !AssembleAuditPackage(copt, ectx, outputs, &rebuilt)) {
    return failed("the outputs cannot be made");
  }
  std::set<std::string> made;
  for (const audit::PackageMember& m : rebuilt.members) {
    made.insert(m.path);
    auto it = package.members.find(m.path);
    if (it == package.members.end()) {
      v.diags.Report(DiagId::err_rebuild_member_extra, nowhere, {m.path});
    } else if (it->second != m.bytes()) {
      v.diags.Report(DiagId::err_rebuild_member_differs, nowhere, {m.path});
    }
  }
  for (const auto& [path, data] : package.members) {
    if (!made.count(path)) v.diags.Report(DiagId::err_rebuild_member_missing, nowhere, {path});
  }
}

}  // namespace

int RunVerify(const ParsedArgs& r, const Environment& env) {
  CompileOptions copt;
  OutputFormat format = OutputFormat::kText;
  std::string error;
  if (!ReadCompileOptions(r, env, &copt, &format, &error)) return UsageError("verify", error);
  const std::string package = r.Positional("PACKAGE");

  Compilation v;
  audit::VerifyOptions vo;
  vo.public_key_path = r.Get("key");
  audit::VerifyResult result;
  audit::VerifyPackage(package, vo, v.sources, v.diags, &result);
  bool unreadable = false;
  for (const Diagnostic* d : v.diags.Sorted()) {
    if (d->id == DiagId::err_package_unreadable || d->id == DiagId::err_signing_key_unusable) unreadable = true;
  }
  if (!unreadable && r.Has("plan")) {
    copt.plan_path = r.Get("plan");
    if (!r.Has("as-of")) {
      if (auto d = ParseDate(result.manifest.as_of)) copt.as_of = *d;
    }
    if (!result.manifest.plangen_version.empty() && result.manifest.plangen_version != PLANGEN_VERSION) {
      v.diags.Report(DiagId::note_rebuild_version, Loc(), {result.manifest.plangen_version, PLANGEN_VERSION});
    }
    // The build's paper, as its MANIFEST recorded it; a package from before --paper was A4.
    const Paper paper = ParsePaper(result.manifest.paper).value_or(Paper::kA4);
    // A build with --pdf put PDF files in the package.
    bool pdf = false;
    for (const auto& [path, data] : result.members) pdf = pdf || (path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0);
    CompareWithRebuild(copt, paper, pdf, r.Get("templates"), r.Get("since"), result, format, env, v);
  }
  PrintFindings(v, format, env, std::cout);
  if (unreadable) return 2;
  if (v.diags.HasErrors()) return 1;
  if (format == OutputFormat::kText) {
    std::cout << "plangen verify: '" << package << "' is intact: " << result.members.size() << " members match the MANIFEST"
              << (result.signature_checked ? ", the signature verifies" : "")
              << (r.Has("plan") ? ", and a rebuild of the inputs gives the same bytes" : "") << "\n";
  }
  return 0;
}

}  // namespace plangen

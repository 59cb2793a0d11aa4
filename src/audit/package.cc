#include "audit/package.h"

#include <cstdio>
#include <set>

#include "audit/sha256.h"
#include "audit/signing.h"

namespace plangen::audit {

namespace {
ManifestEntry EntryOf(const PackageMember& pm) {
  if (pm.file.empty()) return MakeEntry(pm.path, pm.bytes(), pm.role);
  ManifestEntry e;
  e.path = pm.path;
  e.sha256 = pm.sha256;
  e.size = pm.size;
  e.role = pm.role;
  return e;
}
}  // namespace

std::string BuildManifestText(const std::vector<PackageMember>& members, const PackageInfo& info) {
  Manifest m;
  m.plangen_version = info.plangen_version;
  m.as_of = info.as_of;
  m.paper = info.paper;
  for (const PackageMember& pm : members) m.entries.push_back(EntryOf(pm));
  return FormatManifest(m);
}

bool WritePackage(const std::string& path, const std::vector<PackageMember>& members, const PackageInfo& info,
                  DiagEngine& diags) {
  auto fail = [&](const std::string& why) {
    diags.Report(DiagId::err_package_unwritable, Loc(), {path, why});
    return false;
  };
  Manifest m;
  m.plangen_version = info.plangen_version;
  m.as_of = info.as_of;
  m.paper = info.paper;
  for (const PackageMember& pm : members) m.entries.push_back(EntryOf(pm));
  std::string why = ValidateManifest(m);
  if (!why.empty()) return fail(why);

  std::vector<ZipMember> zip;
  zip.reserve(members.size() + 2);
  // Nothing is copied: the zip reads each member where it is (memory or the staging directory).
  for (const PackageMember& pm : members) {
    ZipMember z{pm.path, {}, pm.file, &pm.bytes(), pm.copy_archive, pm.copy_member};
    if (!pm.file.empty() && pm.crc32) {
      z.known_size = pm.size;
      z.known_crc32 = pm.crc32;
    }
    zip.push_back(std::move(z));
  }
  std::string manifest_text = FormatManifest(m);
  if (!info.sign_key_path.empty()) {
    std::string sig, err;
    if (!Sign(manifest_text, info.sign_key_path, &sig, &err)) {
      diags.Report(DiagId::err_signing_key_unusable, Loc(), {info.sign_key_path, err});
      return false;
    }
    zip.push_back(ZipMember{kSignatureName, std::move(sig)});
  }
  zip.push_back(ZipMember{kManifestName, std::move(manifest_text)});
  ZipWriteOptions zo;
  zo.mtime = info.mtime;
  std::string err;
  if (!WriteZip(path, std::move(zip), zo, &err)) return fail(err);
  return true;
}

namespace {

void ReportZipProblem(const ZipProblem& p, Loc at, DiagEngine& diags) {
  switch (p.kind) {
    case ZipProblem::kNotZip: break;  // handled by the caller, which knows the package name
    case ZipProblem::kTooMany: diags.Report(DiagId::err_package_limit, at, {p.detail}); break;
    case ZipProblem::kUnsafeName: diags.Report(DiagId::err_package_member_unsafe, at, {p.member, p.detail}); break;
    case ZipProblem::kDuplicate:
      diags.Report(DiagId::err_package_member_unreadable, at, {p.member, "another member has the same name"});
      break;
    case ZipProblem::kTooLarge:
      diags.Report(DiagId::err_package_limit, at, {"member '" + p.member + "': " + p.detail});
      break;
    case ZipProblem::kUnreadable:
      diags.Report(DiagId::err_package_member_unreadable, at, {p.member, p.detail});
      break;
  }
}

}  // namespace

bool VerifyPackage(const std::string& path, const VerifyOptions& options, SourceManager& sm, DiagEngine& diags,
                   VerifyResult* result) {
  VerifyResult local;
  VerifyResult& r = result ? *result : local;
  r = VerifyResult{};
  const int before = diags.errors();
  const Loc pkg = Loc::At(sm.AddFile(path, "", false), 0);

  ZipContents zc = ReadZipFile(path, options.limits);
  if (!zc.opened) {
    diags.Report(DiagId::err_package_unreadable, pkg, {path, zc.problems.front().detail});
    return false;
  }
  std::set<std::string> unreadable;  // members present but not readable: not "missing"
  for (const ZipProblem& p : zc.problems) {
    ReportZipProblem(p, pkg, diags);
    if (!p.member.empty()) unreadable.insert(p.member);
  }
  const std::string* manifest_text = nullptr;
  const std::string* signature = nullptr;
  for (ZipEntry& e : zc.entries) {
    if (e.name == kManifestName) manifest_text = &e.data;
    else if (e.name == kSignatureName) signature = &e.data;
    else r.members.emplace(e.name, std::move(e.data));
  }
  if (!manifest_text) {
    if (!unreadable.count(kManifestName)) diags.Report(DiagId::err_manifest_missing, pkg, {path});
    return false;
  }
  const int32_t mf = sm.AddFile(path + ":" + kManifestName, *manifest_text);
  ParseManifest(mf, diags, &r.manifest);

  std::set<std::string> listed;
  for (const ManifestEntry& e : r.manifest.entries) {
    listed.insert(e.path);
    const Loc line = Loc::At(mf, e.offset);
    auto it = r.members.find(e.path);
    if (it == r.members.end()) {
      if (!unreadable.count(e.path)) diags.Report(DiagId::err_member_missing, line, {e.path});
      continue;
    }
    const std::string& data = it->second;
    if (data.size() != e.size)
      diags.Report(DiagId::err_member_size, line, {e.path, std::to_string(data.size()), std::to_string(e.size)});
    std::string actual = Sha256Hex(data);
    if (actual != e.sha256)
      diags.Report(DiagId::err_member_changed, line, {e.path})
          .AddNote(line, "the MANIFEST records " + e.sha256 + ", the member's digest is " + actual);
  }
  for (const auto& [name, data] : r.members)
    if (!listed.count(name)) diags.Report(DiagId::err_member_extra, pkg, {name});

  if (!options.public_key_path.empty()) {
    if (!signature) {
      if (!unreadable.count(kSignatureName))
        diags.Report(DiagId::err_signature_missing, pkg, {path, options.public_key_path});
    } else {
      std::string err;
      switch (VerifySignature(*manifest_text, *signature, options.public_key_path, &err)) {
        case SignatureCheck::kValid: r.signature_checked = true; break;
        case SignatureCheck::kInvalid:
          diags.Report(DiagId::err_signature_invalid, pkg, {options.public_key_path});
          break;
        case SignatureCheck::kMalformed:
          diags.Report(DiagId::err_signature_invalid, pkg, {options.public_key_path}).AddNote(pkg, err);
          break;
        case SignatureCheck::kKeyUnusable:
          diags.Report(DiagId::err_signing_key_unusable, Loc(), {options.public_key_path, err});
          break;
      }
    }
  } else if (signature) {
    diags.Report(DiagId::note_signature_unchecked, pkg);
  }
  return diags.errors() == before;
}

}  // namespace plangen::audit

// Audit packages: one zip holding the inputs, outputs and reports of a build, and a MANIFEST
// of their SHA-256 digests, sizes and roles; optionally a detached signature MANIFEST.sig.
// See docs/audit-package.md for the layout and how an auditor checks it without plangen.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/manifest.h"
#include "audit/zip_reader.h"
#include "audit/zip_writer.h"
#include "diag/diagnostic.h"

namespace plangen::audit {

struct PackageMember {
  std::string path;  ///< inside the package, '/'-separated, e.g. "inputs/plan.xml"
  std::string data;
  MemberRole role = MemberRole::kOutput;
  /// When set, the bytes are held elsewhere (the compilation's inputs, the outputs in memory)
  /// until the package is written, and `data` is not used.
  const std::string* borrowed = nullptr;
  /// When not empty, the bytes are this file's (an output already written to the staging
  /// directory), with `size` and `sha256` worked out when it was written; `data` is not used.
  std::string file;
  uint64_t size = 0;
  std::string sha256;
  /// The CRC-32 of a file member's bytes, when it was worked out as they were written: a copy
  /// from `copy_archive` is checked against it (ZipMember::known_crc32).
  std::optional<uint32_t> crc32;
  /// A zip that holds the same bytes deflated already, as its member `copy_member` (a role's
  /// bundle): see ZipMember::copy_archive.
  std::string copy_archive, copy_member;

  /// The bytes of a member held in memory (not one in a file).
  const std::string& bytes() const { return borrowed ? *borrowed : data; }
};

struct PackageInfo {
  std::string plangen_version;  ///< recorded in the MANIFEST
  std::string as_of;            ///< YYYY-MM-DD, recorded in the MANIFEST
  std::string paper;            ///< "a4" or "letter" (--paper), recorded in the MANIFEST
  int64_t mtime = kZipEpoch;    ///< timestamp of every zip member (seconds since 1970, UTC)
  std::string sign_key_path;    ///< an Ed25519 private key PEM: add MANIFEST.sig; empty: unsigned
};

/// The MANIFEST text for `members`.
std::string BuildManifestText(const std::vector<PackageMember>& members, const PackageInfo& info);

/// Writes the package to `path`: the members, MANIFEST and, with a key, MANIFEST.sig, all
/// deterministic (same members and info give the same bytes). Problems are reported to
/// `diags` (err_package_unwritable, err_signing_key_unusable) with no location; returns
/// false then and leaves no file at `path`.
bool WritePackage(const std::string& path, const std::vector<PackageMember>& members, const PackageInfo& info,
                  DiagEngine& diags);

struct VerifyOptions {
  std::string public_key_path;  ///< non-empty: MANIFEST.sig must exist and verify with this key
  ZipLimits limits;
};

struct VerifyResult {
  Manifest manifest;                          ///< as parsed (may be partial)
  std::map<std::string, std::string> members; ///< every readable member except MANIFEST{,.sig}
  bool signature_checked = false;             ///< a key was given and the signature verified
};

/// Checks the package at `path`: every member's digest and size against the MANIFEST, no
/// member missing, none extra, none duplicated or unsafely named, and the signature when a
/// key is given. Each difference is reported to `diags` (PG3001..PG3014), manifest problems
/// at their line in "<path>:MANIFEST" (registered in `sm`). Returns true when intact.
bool VerifyPackage(const std::string& path, const VerifyOptions& options, SourceManager& sm, DiagEngine& diags,
                   VerifyResult* result = nullptr);

}  // namespace plangen::audit

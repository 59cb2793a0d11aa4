// The MANIFEST of an audit package: one file that `sha256sum -c MANIFEST` accepts as it is
// and that also records each member's role and size, the plangen version and the as-of date.
//
// GNU sha256sum skips lines that start with '#' (even under --strict, exit status 0), so the
// extra facts live in '#' lines and each digest line is exactly "<hex>  <path>":
//
//   # plangen-manifest: 1
//   # plangen-version: 0.1.0
//   # as-of: 2026-11-29
//   # paper: a4
//   # member: input 1234
//   3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b  inputs/plan.xml
//
// Members are listed sorted by path. The layout is described in docs/audit-package.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace plangen::audit {

/// The manifest's own name inside a package, and its detached signature's.
constexpr const char* kManifestName = "MANIFEST";
constexpr const char* kSignatureName = "MANIFEST.sig";
/// The only layout version written and read.
constexpr int kManifestFormat = 1;

enum class MemberRole { kInput, kOutput, kReport };

/// "input", "output", "report".
const char* RoleName(MemberRole role);
std::optional<MemberRole> ParseRole(std::string_view name);

struct ManifestEntry {
  std::string path;    ///< relative, '/'-separated
  std::string sha256;  ///< 64 lower-case hex digits
  uint64_t size = 0;   ///< bytes
  MemberRole role = MemberRole::kOutput;
  uint32_t offset = 0;  ///< where its digest line starts in the parsed text (0 when built)
};

struct Manifest {
  std::string plangen_version;  ///< "0.1.0"
  std::string as_of;            ///< "2026-11-29"
  std::string paper;            ///< "a4" or "letter": the --paper of the build; empty: not recorded (a4)
  std::vector<ManifestEntry> entries;
};

/// Digest and size of `data`, for a member about to be packaged.
ManifestEntry MakeEntry(std::string path, std::string_view data, MemberRole role);

/// Why `path` cannot be a member of a package, or "": unsafe paths and the manifest's own
/// names are refused.
std::string UnusableMemberPathReason(std::string_view path);

/// The manifest text, entries sorted by path. Entries must have usable paths and hex digests,
/// and version and as-of must be one line each without control characters; Validate() checks.
std::string FormatManifest(const Manifest& manifest);
/// Why `manifest` cannot be written, or "".
std::string ValidateManifest(const Manifest& manifest);

/// Parses the text of file `file` (registered in the SourceManager behind `diags`), reporting
/// err_manifest_malformed at the offending line. Returns false if anything was wrong; `out`
/// then holds what could be read.
bool ParseManifest(int32_t file, DiagEngine& diags, Manifest* out);

}  // namespace plangen::audit

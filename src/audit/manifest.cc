#include "audit/manifest.h"

#include <algorithm>
#include <set>

#include "audit/safe_name.h"
#include "audit/sha256.h"
#include "util/iso8601.h"

namespace plangen::audit {
namespace {

constexpr std::string_view kFormatKey = "# plangen-manifest: ";
constexpr std::string_view kVersionKey = "# plangen-version: ";
constexpr std::string_view kAsOfKey = "# as-of: ";
constexpr std::string_view kPaperKey = "# paper: ";
constexpr std::string_view kMemberKey = "# member: ";

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool OneLine(std::string_view s) {
  return std::none_of(s.begin(), s.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

bool ParseSize(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 19 || (s.size() > 1 && s[0] == '0')) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

const char* RoleName(MemberRole role) {
  switch (role) {
    case MemberRole::kInput: return "input";
    case MemberRole::kOutput: return "output";
    case MemberRole::kReport: return "report";
  }
  return "output";
}

std::optional<MemberRole> ParseRole(std::string_view name) {
  for (MemberRole r : {MemberRole::kInput, MemberRole::kOutput, MemberRole::kReport})
    if (name == RoleName(r)) return r;
  return std::nullopt;
}

ManifestEntry MakeEntry(std::string path, std::string_view data, MemberRole role) {
  ManifestEntry e;
  e.path = std::move(path);
  e.sha256 = Sha256Hex(data);
  e.size = data.size();
  e.role = role;
  return e;
}

std::string UnusableMemberPathReason(std::string_view path) {
  if (path == kManifestName || path == kSignatureName) return "the name is reserved for the manifest";
  return UnsafeRelativePathReason(path);
}

std::string ValidateManifest(const Manifest& m) {
  if (m.plangen_version.empty() || !OneLine(m.plangen_version)) return "the plangen version is not one line";
  if (!ParseDate(m.as_of)) return "the as-of date '" + m.as_of + "' is not YYYY-MM-DD";
  if (!m.paper.empty() && m.paper != "a4" && m.paper != "letter") return "the paper '" + m.paper + "' is not a4 or letter";
  std::set<std::string> seen;
  for (const ManifestEntry& e : m.entries) {
    std::string why = UnusableMemberPathReason(e.path);
    if (!why.empty()) return "member '" + e.path + "': " + why;
    if (!IsSha256Hex(e.sha256)) return "member '" + e.path + "' has no valid digest";
    if (!seen.insert(e.path).second) return "member '" + e.path + "' is listed twice";
  }
  return "";
}

std::string FormatManifest(const Manifest& m) {
  std::vector<const ManifestEntry*> sorted;
  for (const ManifestEntry& e : m.entries) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const ManifestEntry* a, const ManifestEntry* b) { return a->path < b->path; });
  std::string out;
  out += std::string(kFormatKey) + std::to_string(kManifestFormat) + "\n";
  out += std::string(kVersionKey) + m.plangen_version + "\n";
  out += std::string(kAsOfKey) + m.as_of + "\n";
  if (!m.paper.empty()) out += std::string(kPaperKey) + m.paper + "\n";
  for (const ManifestEntry* e : sorted) {
    out += std::string(kMemberKey) + RoleName(e->role) + " " + std::to_string(e->size) + "\n";
    out += e->sha256 + "  " + e->path + "\n";
  }
  return out;
}

bool ParseManifest(int32_t file, DiagEngine& diags, Manifest* out) {
  const std::string& text = diags.sources().Text(file);
  *out = Manifest{};
  bool ok = true;
  auto bad = [&](uint32_t offset, const std::string& why) {
    diags.Report(DiagId::err_manifest_malformed, Loc::At(file, offset), {why});
    ok = false;
  };
  if (text.empty()) {
    bad(0, "it is empty");
    return false;
  }
  if (text.back() != '\n') bad(static_cast<uint32_t>(text.size()), "the last line does not end with a newline");

  bool have_format = false, have_version = false, have_as_of = false, have_paper = false;
  std::optional<ManifestEntry> pending;  // the '# member:' line waiting for its digest line
  uint32_t pending_at = 0;
  std::set<std::string> paths;
  std::string previous_path;
  size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    uint32_t at = static_cast<uint32_t>(pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      bad(at, "line ends with a carriage return (CRLF); sha256sum would read it as part of the name");
      line.remove_suffix(1);
    }
    if (line_no == 1) {
      if (!StartsWith(line, kFormatKey)) {
        bad(at, "the first line must be '# plangen-manifest: " + std::to_string(kManifestFormat) + "'");
        return false;  // not a plangen manifest at all: further complaints would be noise
      }
      std::string_view v = line.substr(kFormatKey.size());
      if (v != std::to_string(kManifestFormat)) {
        bad(at, "layout version '" + std::string(v) + "' is not supported (this plangen reads " +
                    std::to_string(kManifestFormat) + ")");
        return false;
      }
      have_format = true;
      continue;
    }
    if (pending && (line.empty() || line[0] == '#')) {
      bad(pending_at, "'# member:' line is not followed by its digest line");
      pending.reset();
    }
    if (line.empty()) {
      bad(at, "empty line (sha256sum --strict rejects it)");
      continue;
    }
    if (StartsWith(line, kVersionKey)) {
      if (have_version) bad(at, "second '# plangen-version:' line");
      out->plangen_version = std::string(line.substr(kVersionKey.size()));
      if (out->plangen_version.empty()) bad(at, "the plangen version is empty");
      have_version = true;
    } else if (StartsWith(line, kAsOfKey)) {
      if (have_as_of) bad(at, "second '# as-of:' line");
      out->as_of = std::string(line.substr(kAsOfKey.size()));
      if (!ParseDate(out->as_of)) bad(at, "as-of date '" + out->as_of + "' is not a date YYYY-MM-DD");
      have_as_of = true;
    } else if (StartsWith(line, kPaperKey)) {
      if (have_paper) bad(at, "second '# paper:' line");
      out->paper = std::string(line.substr(kPaperKey.size()));
      if (out->paper != "a4" && out->paper != "letter") bad(at, "paper '" + out->paper + "' is not a4 or letter");
      have_paper = true;
    } else if (StartsWith(line, kMemberKey)) {
      std::string_view rest = line.substr(kMemberKey.size());
      size_t space = rest.find(' ');
      std::string_view role_text = rest.substr(0, space);
      std::string_view size_text = space == std::string_view::npos ? "" : rest.substr(space + 1);
      ManifestEntry e;
      std::optional<MemberRole> role = ParseRole(role_text);
      if (!role) {
        bad(at, "unknown role '" + std::string(role_text) + "' (expected input, output or report)");
        continue;
      }
      if (!ParseSize(size_text, &e.size)) {
        bad(at, "size '" + std::string(size_text) + "' is not a number of bytes");
        continue;
      }
      e.role = *role;
      pending = e;
      pending_at = at;
    } else if (line[0] == '#') {
      // A free comment: sha256sum ignores it and so do we.
    } else {
      // "<64 hex>  <path>", exactly as sha256sum writes it in text mode.
      if (line.size() < 67 || !IsSha256Hex(line.substr(0, 64)) || line.substr(64, 2) != "  ") {
        bad(at, "expected '<sha256>  <path>' (64 lower-case hex digits, two spaces, the path)");
        pending.reset();
        continue;
      }
      if (!pending) {
        bad(at, "digest line without a '# member:' line before it");
        continue;
      }
      ManifestEntry e = *pending;
      pending.reset();
      e.sha256 = std::string(line.substr(0, 64));
      e.path = std::string(line.substr(66));
      e.offset = at;
      std::string why = UnusableMemberPathReason(e.path);
      if (!why.empty()) {
        bad(at + 66, "path '" + e.path + "' cannot be a member: " + why);
        continue;
      }
      if (!paths.insert(e.path).second) {
        bad(at + 66, "'" + e.path + "' is listed twice");
        continue;
      }
      if (!previous_path.empty() && e.path < previous_path)
        bad(at + 66, "'" + e.path + "' is out of order (members are sorted by path)");
      previous_path = e.path;
      out->entries.push_back(std::move(e));
    }
  }
  if (pending) bad(pending_at, "'# member:' line is not followed by its digest line");
  if (have_format && !have_version) bad(0, "no '# plangen-version:' line");
  if (have_format && !have_as_of) bad(0, "no '# as-of:' line");
  return ok;
}

}  // namespace plangen::audit

#include "driver/write_outputs.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

#include "audit/output_tree.h"
#include "audit/safe_name.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

constexpr const char* kMarkerText =
    "This directory was written by plangen build. The next build replaces it whole:\n"
    "do not keep files of your own here.\n";

// Up to five entry names of `dir` (directories with a trailing '/') and how many there are.
std::string DescribeEntries(const std::string& dir, size_t* count) {
  std::vector<std::string> names;
  *count = 0;
  DIR* d = opendir(dir.c_str());
  if (!d) return "";
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n == "." || n == "..") continue;
    ++*count;
    struct stat st;
    if (lstat((dir + "/" + n).c_str(), &st) == 0 && S_ISDIR(st.st_mode)) n += "/";
    names.push_back(std::move(n));
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  std::string out;
  for (size_t i = 0; i < names.size() && i < 5; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 5) out += " and " + std::to_string(names.size() - 5) + " more";
  return out;
}

}  // namespace

bool OutputDirReplaceable(const std::string& dir, bool force, SourceManager& sm, DiagEngine& diags) {
  if (force) return true;
  struct stat st;
  if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return true;  // Begin() judges the rest
  if (lstat((dir + "/" + kOutputMarker).c_str(), &st) == 0 && S_ISREG(st.st_mode)) return true;
  size_t count = 0;
  std::string names = DescribeEntries(dir, &count);
  if (count == 0) return true;
  std::string what = std::to_string(count) + (count == 1 ? " entry (" : " entries (") + names + ")";
  int32_t f = sm.AddFile(dir, "", false);
  diags.Report(DiagId::err_output_unwritable, Loc::At(f, 0),
               {dir, "it is not empty and plangen did not write it (it has no " + std::string(kOutputMarker) +
                         "): a build would replace its " + what + "; choose a new or empty directory, or give --force"});
  return false;
}

namespace {

bool Fail(const std::string& what, const std::string& why, SourceManager& sm, DiagEngine& diags) {
  int32_t f = sm.AddFile(what, "", false);
  diags.Report(DiagId::err_output_unwritable, Loc::At(f, 0), {what, why});
  return false;
}

// The staging directory goes beside `dir`, so its parent must exist first (as `-o a/b/out`
// promises); making it changes nothing that was there before.
bool Begin(const std::string& dir, audit::StagedOutput* staged, SourceManager& sm, DiagEngine& diags) {
  std::error_code ec;
  fs::path parent = fs::path(dir).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) return Fail(parent.string(), ec.message(), sm, diags);
  std::string err;
  if (!staged->Begin(dir, &err)) return Fail(dir, err, sm, diags);
  return true;
}

}  // namespace

bool BeginOutputs(const std::string& dir, bool force, audit::StagedOutput* staged, SourceManager& sm,
                  DiagEngine& diags) {
  if (!OutputDirReplaceable(dir, force, sm, diags)) return false;
  return Begin(dir, staged, sm, diags);
}

bool WriteOutputs(const OutputSet& outputs, const std::string& dir, SourceManager& sm, DiagEngine& diags,
                  const WriteOptions& options) {
  auto fail = [&](const std::string& what, const std::string& why) { return Fail(what, why, sm, diags); };
  // Every path is checked before the staging directory exists, so a refused name writes nothing.
  // (Outputs written through never wrote an unsafe name either: they are kept in memory, to be
  // refused here, and the staging directory is removed.)
  bool safe = true;
  for (const auto& [rel, bytes] : outputs.files()) {
    std::string why = audit::UnsafeRelativePathReason(rel);
    if (why.empty()) continue;
    diags.Report(DiagId::err_output_name_unsafe, Loc(), {"output path", rel, why});
    safe = false;
  }
  if (!safe) return false;
  if (!outputs.write_error().empty()) return fail(dir + "/" + outputs.write_error_path(), outputs.write_error());
  audit::StagedOutput own;
  audit::StagedOutput* staged = outputs.staged();
  if (!staged) {
    if (!OutputDirReplaceable(dir, options.force, sm, diags)) return false;
    if (!Begin(dir, &own, sm, diags)) return false;
    staged = &own;
  }
  std::string err;
  if (!staged->WriteFile(kOutputMarker, kMarkerText, &err)) return fail(dir + "/" + kOutputMarker, err);
  size_t written = 0;
  for (const auto& [rel, bytes] : outputs.files()) {
    if (outputs.WrittenFile(rel)) continue;  // in the staging directory already
    if (!staged->WriteFile(rel, bytes, &err)) return fail(dir + "/" + rel, err);
    ++written;
    if (options.after_file && !options.after_file(written)) return fail(dir + "/" + rel, "interrupted");
  }
  if (options.before_commit && !options.before_commit(staged->staging_dir())) return false;
  if (!staged->Commit(&err)) return fail(dir, err);
  return true;
}

}  // namespace plangen

#include "driver/write_outputs.h"

#include <filesystem>

#include "audit/output_tree.h"
#include "audit/safe_name.h"

namespace fs = std::filesystem;

namespace plangen {

bool WriteOutputs(const OutputSet& outputs, const std::string& dir, SourceManager& sm, DiagEngine& diags,
                  const WriteOptions& options) {
  auto fail = [&](const std::string& what, const std::string& why) {
    int32_t f = sm.AddFile(what, "", false);
    diags.Report(DiagId::err_output_unwritable, Loc::At(f, 0), {what, why});
    return false;
  };
  // Every path is checked before the staging directory exists, so a refused name writes nothing.
  bool safe = true;
  for (const auto& [rel, bytes] : outputs.files()) {
    std::string why = audit::UnsafeRelativePathReason(rel);
    if (why.empty()) continue;
    diags.Report(DiagId::err_output_name_unsafe, Loc(), {"output path", rel, why});
    safe = false;
  }
  if (!safe) return false;
  // The staging directory goes beside `dir`, so its parent must exist first (as `-o a/b/out`
  // promises); making it changes nothing that was there before.
  std::error_code ec;
  fs::path parent = fs::path(dir).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) return fail(parent.string(), ec.message());
  audit::StagedOutput staged;
  std::string err;
  if (!staged.Begin(dir, &err)) return fail(dir, err);
  size_t written = 0;
  for (const auto& [rel, bytes] : outputs.files()) {
    if (!staged.WriteFile(rel, bytes, &err)) return fail(dir + "/" + rel, err);
    ++written;
    if (options.after_file && !options.after_file(written)) return fail(dir + "/" + rel, "interrupted");
  }
  if (options.before_commit && !options.before_commit(staged.staging_dir())) return false;
  if (!staged.Commit(&err)) return fail(dir, err);
  return true;
}

}  // namespace plangen

// Writes a build's outputs into the output directory, all at once or not at all.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "diag/diagnostic.h"
#include "audit/output_tree.h"
#include "emit/output_set.h"

namespace plangen {

/// The marker file at the top of every output directory plangen writes. A non-empty directory
/// without it is somebody else's and is never replaced unless forced.
inline constexpr const char* kOutputMarker = "plangen-output.txt";

struct WriteOptions {
  /// Replace `dir` even when it is not empty and carries no marker (build --force).
  bool force = false;
  /// Runs once every output is in the staging directory and before the swap, to add files that
  /// are made from the others (the audit package). Returning false abandons the whole write; the
  /// hook reports why.
  std::function<bool(const std::string& staging_dir)> before_commit;
  /// Test seam: runs after each file is written, with the number written so far. Returning false
  /// fails the write as a disk error would; a test may also kill the process here.
  std::function<bool(size_t written)> after_file;
};

/// True when `dir` may be replaced by a build: it does not exist, is empty, or carries
/// kOutputMarker as a regular file; or `force`. Otherwise reports what would be what would be
/// replaced (PG0003) and returns false.
bool OutputDirReplaceable(const std::string& dir, bool force, SourceManager& sm, DiagEngine& diags);

/// Makes the staging directory beside `dir` (and `dir`'s parent, as `-o a/b/out` promises) for
/// outputs written through as they are made (OutputSet::WriteThrough), after the same checks as
/// WriteOutputs. Returns false with a finding (PG0001, PG0003).
bool BeginOutputs(const std::string& dir, bool force, audit::StagedOutput* staged, SourceManager& sm,
                  DiagEngine& diags);

/// Writes every file of `outputs` into a staging directory beside `dir` and swaps it into place
/// only when all are written, so a failure or a kill leaves the previous `dir` as it was. Every
/// path is checked first: one that could land outside `dir` is refused (PG0004) before anything
/// is written, and so is a directory OutputDirReplaceable refuses. kOutputMarker is written with
/// the outputs. Returns false (with a finding) when anything could not be written.
/// When `outputs` were written through to a staging directory (BeginOutputs), that one is
/// finished: the files held in memory and the marker are added, and it is swapped into place.
bool WriteOutputs(const OutputSet& outputs, const std::string& dir, SourceManager& sm, DiagEngine& diags,
                  const WriteOptions& options = {});

}  // namespace plangen

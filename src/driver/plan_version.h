// A version of a plan to compare with: a plan file, or the plan an audit package was built from.
// Shared by `plangen diff` and `plangen build --since`.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "model/plan.h"

namespace plangen {

/// A temporary folder removed when it goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// True when the file at `path` starts like a zip archive.
bool IsZipFile(const std::string& path);

/// Loads a plan file, or the plan an audit package was built from (its inputs/, unpacked into
/// `scratch`). Returns false when there is no plan to compare, with the reason in `error` when the
/// file itself is the problem (the plan's own findings are in `diags`).
bool LoadPlanVersion(const std::string& path, const TempDir& scratch, Plan* plan, SourceManager& sm, DiagEngine& diags,
                     std::string* error);

}  // namespace plangen

// All-or-nothing output: a build writes into a staging directory beside the output directory
// and swaps it into place only when every file is written. Until the swap, the previous
// output directory is untouched; a failure, an exception or a kill leaves it as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "audit/safe_name.h"

namespace plangen::audit {

class StagedOutput {
 public:
  StagedOutput() = default;
  /// Removes the staging directory unless Commit() succeeded.
  ~StagedOutput();
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;

  /// Creates the staging directory "<parent>/.<name>.plangen-staging.<pid>.XXXXXX" beside
  /// `output_dir` (same parent, so the final rename is atomic). Staging directories left by
  /// killed builds (their pid no longer runs) are removed first. Fails if `output_dir` exists
  /// and is not a directory, or its parent does not exist.
  bool Begin(const std::string& output_dir, std::string* err);

  /// The staging directory; valid after Begin.
  const std::string& staging_dir() const { return staging_; }
  const std::string& output_dir() const { return output_; }

  /// Writes `bytes` to `relative_path` ('/'-separated, every component safe) inside the
  /// staging directory, creating parent directories. Refuses unsafe paths.
  bool WriteFile(std::string_view relative_path, std::string_view bytes, std::string* err);

  /// Hands out the pieces of a file as they are made, in order.
  using Writer = std::function<void(std::string_view)>;
  /// WriteFile for a file made piece by piece: `produce` gives its pieces to the writer it gets,
  /// and they go to the file (through a small buffer) rather than being held. Sets the file's
  /// `*size`, `*sha256` (hex) and `*crc32` (the zip format's checksum, so that a zip copying the
  /// file's bytes deflated elsewhere need not read them again). False when `produce` returns
  /// false (what it wrote stays, as every file of a failed build stays in the staging directory
  /// that is then removed) or when the file cannot be written (`err` says why).
  bool WriteStream(std::string_view relative_path, const std::function<bool(const Writer&)>& produce, uint64_t* size,
                   std::string* sha256, uint32_t* crc32, std::string* err);

  /// Swaps the staging directory into place of the output directory. On Linux this is one
  /// renameat2(RENAME_EXCHANGE); elsewhere, or where the file system refuses it, the old
  /// directory is renamed to a backup name, the new one renamed into place (the backup is
  /// put back if that fails), and the backup removed. Returns false if nothing was swapped.
  bool Commit(std::string* err);

  /// Removes the staging directory now. Idempotent.
  void Abandon();

  /// Test seam: make Commit() use the rename-to-backup path even where RENAME_EXCHANGE works.
  void set_use_exchange(bool on) { use_exchange_ = on; }

 private:
  /// Creates `relative_path` in the staging directory (and its folders) for writing; its file
  /// descriptor, or -1 with `err`.
  int CreateFile(std::string_view relative_path, std::string* err);
  std::string output_;
  std::string staging_;
  bool committed_ = false;
  bool use_exchange_ = true;
};

/// A directory for the temporary files of the libraries a build uses (libxlsxwriter writes each
/// part of a workbook to one), beside the output directory and named like a staging directory,
/// so that one left by a killed build is removed by the next build, and $TMPDIR is never
/// littered. Removed with everything in it when destroyed.
class ScratchDir {
 public:
  ScratchDir() = default;
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  /// Creates it beside `output_dir`; false (with `err`) when its parent does not exist yet or
  /// cannot be written.
  bool Create(const std::string& output_dir, std::string* err);
  /// Empty until Create succeeded.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Removes `path` and everything below it without following symbolic links. Returns false
/// (with `err`) on the first failure; a missing `path` is not a failure.
bool RemoveTree(const std::string& path, std::string* err);

}  // namespace plangen::audit

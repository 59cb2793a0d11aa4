// The outputs of a build. A build writes each one into its staging directory as soon as it is
// made (WriteThrough) and keeps only its size and digest; without a staging directory (verify's
// rebuild, tests) the outputs are held in memory.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "audit/output_tree.h"
#include "audit/zip_writer.h"

namespace plangen {

/// Relative path (always '/'-separated, inside the output directory) -> file. Sorted, so every
/// consumer (writer, audit package) sees the same order.
class OutputSet {
 public:
  /// Where a file written through lies, and what it holds.
  struct Written {
    uint64_t size = 0;
    std::string sha256;  ///< 64 lower-case hex digits
    std::optional<uint32_t> crc32;  ///< the zip format's checksum, for a file written piece by piece
  };

  /// From now on, each file added is written into `staged` at once and not kept in memory; only
  /// its size and SHA-256 are. A path that is not safe is not written (WriteOutputs reports it);
  /// a file that cannot be written is recorded in write_error().
  void WriteThrough(audit::StagedOutput* staged) { staged_ = staged; }
  audit::StagedOutput* staged() const { return staged_; }

  void Add(const std::string& relative_path, std::string bytes);
  /// Add for a file made piece by piece: `produce` hands its pieces to the writer it gets, and
  /// when writing through they go straight to the staging directory, never all held at once.
  /// Returns what `produce` returned.
  bool AddStreamed(const std::string& relative_path, const std::function<bool(const audit::StagedOutput::Writer&)>& produce);
  /// Adds the zip of `members` as `relative_path`: written straight into the staging directory
  /// when writing through (members may then name files there), else held like Add. Sets
  /// `*written` to its size and digest. False with `err` when the archive cannot be made.
  bool AddZip(const std::string& relative_path, std::vector<audit::ZipMember> members,
              const audit::ZipWriteOptions& options, Written* written, std::string* err);
  /// Every path; the bytes only for files held in memory (empty for files written through:
  /// use Bytes).
  const std::map<std::string, std::string>& files() const { return files_; }
  bool Has(const std::string& p) const { return files_.count(p) > 0; }
  /// The bytes of `p`, read back from the staging directory when it was written through; empty
  /// when there is no such file.
  std::string Bytes(const std::string& p) const;
  /// The size and digest of `p` when it was written through, else null.
  const Written* WrittenFile(const std::string& p) const;
  /// Where `p` was written (inside the staging directory), or "" when it is held in memory.
  std::string WrittenPath(const std::string& p) const;
  /// The first file that could not be written through, and why; empty when none.
  const std::string& write_error() const { return write_error_; }
  const std::string& write_error_path() const { return write_error_path_; }

  /// Records that `relative_path` was made from the data whose digest is `key` (OutputReuse), so
  /// the build record can say it and the next build reuse the file while that data stays the same.
  void SetRenderKey(const std::string& relative_path, std::string key) { render_keys_[relative_path] = std::move(key); }
  /// The key of `p`, or "" when it has none.
  std::string RenderKey(const std::string& p) const;

  /// Moves every file of `other` in, replacing files of the same path.
  void Merge(OutputSet&& other);

 private:
  void Forget(const std::string& relative_path);
  std::map<std::string, std::string> files_;
  std::map<std::string, Written> written_;
  std::map<std::string, std::string> render_keys_;
  audit::StagedOutput* staged_ = nullptr;
  std::string write_error_, write_error_path_;
};

}  // namespace plangen

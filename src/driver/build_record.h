// Incremental builds: the output directory keeps a record of what its build read (the digest of
// every input and of every option that changes bytes) and of every file it holds (size and
// SHA-256). A build whose inputs match the record, into a tree that still matches it, writes
// nothing; any other build writes the whole tree again, and files whose bytes did not change keep
// the time they were last written. Whether the tree is still as recorded is known from its files'
// stamps (driver/stamp_cache.h) where they are known, else from their bytes.
#pragma once

#include <map>
#include <string>

#include "driver/compile.h"
#include "driver/option_table.h"
#include "driver/stamp_cache.h"
#include "emit/output_reuse.h"
#include "emit/output_set.h"

namespace plangen {

/// The record, beside kOutputMarker at the top of the output directory. It is plangen's own and
/// written last, inside the staging directory, so it is swapped into place with the tree it
/// describes or not at all.
inline constexpr const char* kBuildRecord = "plangen-output-record.json";

/// What a build's bytes depend on besides plangen itself: every file the compilation read (by
/// path and SHA-256), every template of the template folders, the --since package and the --sign
/// key, and the options that change bytes (not --jobs, --quiet, --watch, --force, --format,
/// --color or the output directory itself).
struct BuildInputs {
  std::string json;  ///< as the record keeps it
  std::string key;   ///< SHA-256 of `json`
  /// SHA-256 of what every output depends on besides the data it is made from: plangen itself,
  /// the templates and the options (the base of OutputReuse's keys).
  std::string render_base;
};

/// Works out the inputs of `build` as parsed in `r`, after `c` was compiled with `copt`.
BuildInputs ReadBuildInputs(const ParsedArgs& r, const CompileOptions& copt, const Compilation& c);

/// True when `dir` holds a readable record with `inputs.key`, every file the record lists is there
/// with its size and SHA-256, and there is nothing else (so the tree is byte for byte what a build
/// would write). A missing, corrupt or tampered record, or any difference, is false. A file whose
/// stamp (StampCache) says it was not touched since the record was written is not read; `hashed`,
/// when given, counts the files that were.
bool OutputTreeUpToDate(const std::string& dir, const BuildInputs& inputs, size_t* hashed = nullptr);

/// The outputs the record in `dir` gives a key (OutputReuse), with their size and SHA-256; none
/// when there is no record or it is not one plangen wrote.
std::map<std::string, OutputReuse::Previous> ReusableOutputs(const std::string& dir);

/// Writes the record of the tree in `staging` (every file but the record, its size and SHA-256;
/// digests `outputs` knows are not computed again, and the key of each output that has one) as the last file of the build. When
/// `keep_times`, a file whose bytes are those of the same file in `dir` (as the previous record
/// says and the file on disk confirms) is given that file's modification time, so that only the
/// files that changed look rewritten. Notes each file's stamp in `stamps` and gives the record's
/// SHA-256 in `record_sha256`, for StampCache::Save once the tree is in place. False with `err`
/// when the record cannot be written.
bool WriteBuildRecord(const std::string& staging, const std::string& dir, const BuildInputs& inputs,
                      const OutputSet& outputs, bool keep_times, StampCache* stamps, std::string* record_sha256,
                      std::string* err);

/// Every finding of `c`, one text: a build records its tree only when emitting added none, so
/// that a rebuild that skips emitting prints what a full one would.
std::string FindingsFingerprint(const Compilation& c);

}  // namespace plangen

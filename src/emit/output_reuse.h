// Per-output reuse: an output made from the same data as in the previous build into the same
// directory is copied from there instead of being made again. Each reusable output has a key, the
// SHA-256 of everything its bytes depend on: what plangen, its templates and the build's options
// give every output (the base), and the data its emitter serialises for it. The build record
// keeps each output's key beside its size and SHA-256 (driver/build_record.h).
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>

#include "emit/output_set.h"

namespace plangen {

class OutputReuse {
 public:
  /// An output of the previous build, as its record says.
  struct Previous {
    uint64_t size = 0;
    std::string sha256;
    std::string key;
  };

  /// `base`: the digest of what every output depends on; `dir`: the previous build's output
  /// directory; `previous`: its recorded outputs that have a key (none: nothing is reused, but the
  /// outputs are still given their keys).
  OutputReuse(std::string base, std::string dir, std::map<std::string, Previous> previous)
      : base_(std::move(base)), dir_(std::move(dir)), previous_(std::move(previous)) {}

  /// The key of the output `path` made from `data` (a serialisation of everything its bytes depend
  /// on besides the base; see KeyWriter).
  std::string Key(const std::string& path, const std::string& data) const;

  /// When the previous build made `path` from `key` and its file still holds the bytes it
  /// recorded: adds those bytes to `out` as `path`, with `key`, and returns true. Safe to call
  /// from several threads.
  bool Reuse(const std::string& path, const std::string& key, OutputSet& out);

  /// Adds `bytes`, made from `key`, to `out` as `path`.
  void AddMade(const std::string& path, const std::string& key, std::string bytes, OutputSet& out);

  /// Whether the previous build recorded any output with a key.
  bool has_previous() const { return !previous_.empty(); }
  size_t reused() const { return reused_; }
  size_t made() const { return made_; }

 private:
  std::string base_, dir_;
  std::map<std::string, Previous> previous_;
  std::atomic<size_t> reused_{0}, made_{0};
};

/// Serialises the data an output is made from, without ambiguity: every value is written with its
/// length, so no two different sequences of values give the same text.
class KeyWriter {
 public:
  KeyWriter& operator<<(const std::string& s);
  KeyWriter& operator<<(const char* s) { return *this << std::string(s); }
  KeyWriter& operator<<(bool b) { return *this << std::string(b ? "1" : "0"); }
  KeyWriter& operator<<(int64_t n) { return *this << std::to_string(n); }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

}  // namespace plangen

// The outputs of a build, held in memory until every one is ready, then written at once.
#pragma once

#include <map>
#include <string>

namespace plangen {

/// Relative path (always '/'-separated, inside the output directory) -> file bytes. Sorted, so
/// every consumer (writer, audit package) sees the same order.
class OutputSet {
 public:
  void Add(const std::string& relative_path, std::string bytes) { files_[relative_path] = std::move(bytes); }
  const std::map<std::string, std::string>& files() const { return files_; }
  bool Has(const std::string& p) const { return files_.count(p) > 0; }
  /// Moves every file of `other` in, replacing files of the same path.
  void Merge(OutputSet&& other) {
    for (auto& [path, bytes] : other.files_) files_[path] = std::move(bytes);
    other.files_.clear();
  }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace plangen

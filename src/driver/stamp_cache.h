// What lets a build that changed nothing skip reading its outputs back: for each file of an output
// tree, the inode it is at and the times it last changed, as the build that wrote it saw them.
// While all of these stay the same the bytes were not touched (any write, truncation or time
// change moves the change time, which no user can set), so the file need not be hashed again.
//
// Inodes and times differ from one build to the next, so they are kept out of the output tree
// (whose bytes are the same for the same inputs): in the user's cache folder, one file per output
// directory. A missing, stale or damaged cache only means hashing every file, never a wrong answer.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <map>
#include <string>

namespace plangen {

struct FileStamp {
  uint64_t device = 0, inode = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp& o) const {
    return device == o.device && inode == o.inode && mtime_ns == o.mtime_ns && ctime_ns == o.ctime_ns;
  }
};

FileStamp StampOf(const struct stat& st);

/// The cache file of the output directory `dir`: $XDG_CACHE_HOME/plangen/stamps (else
/// ~/.cache/plangen/stamps), named by the SHA-256 of the directory's absolute path; empty when
/// neither variable is set.
std::string StampCacheFile(const std::string& dir);

class StampCache {
 public:
  /// The stamps saved for `dir` when its record had the SHA-256 `record_sha256` and was where it
  /// is now; none when the cache is missing, unreadable or of another record or tree.
  static StampCache Load(const std::string& dir, const std::string& record_sha256);

  /// Notes the stamp of the file at `path` (relative to the tree: `rel`), as it is now.
  void Add(const std::string& rel, const std::string& path);

  /// True when the file `rel`, whose lstat is `now`, has the stamp saved for it and had it
  /// before the record was written: a file changed in the same clock tick as the record could
  /// have been edited after its stamp was taken without its change time moving ("racily clean"
  /// in git's words), and is not trusted.
  bool Unchanged(const std::string& rel, const struct stat& now) const;

  /// Saves the stamps for `dir`, whose record now has `record_sha256`. Best effort: a cache that
  /// cannot be written costs the next build its speed, never its answer.
  void Save(const std::string& dir, const std::string& record_sha256) const;

  size_t size() const { return files_.size(); }

 private:
  FileStamp record_;
  std::map<std::string, FileStamp> files_;
};

}  // namespace plangen

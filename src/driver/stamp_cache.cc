#include "driver/stamp_cache.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "audit/sha256.h"
#include "driver/build_record.h"

namespace fs = std::filesystem;

namespace plangen {

namespace {

constexpr const char* kHeader = "plangen-stamps 1";
constexpr uintmax_t kMaxCacheBytes = 64ull << 20;

int64_t Nanoseconds(const struct timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; }

std::string AbsoluteDir(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  return ec ? fs::absolute(dir).lexically_normal().generic_string() : p.generic_string();
}

bool RecordStamp(const std::string& dir, FileStamp* out) {
  struct stat st;
  if (lstat((dir + "/" + kBuildRecord).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  *out = StampOf(st);
  return true;
}

std::string StampText(const FileStamp& s) {
  return std::to_string(s.device) + " " + std::to_string(s.inode) + " " + std::to_string(s.mtime_ns) + " " +
         std::to_string(s.ctime_ns);
}

bool ReadStamp(std::istream& in, FileStamp* s) {
  return static_cast<bool>(in >> s->device >> s->inode >> s->mtime_ns >> s->ctime_ns);
}

}  // namespace

FileStamp StampOf(const struct stat& st) {
  return {static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino), Nanoseconds(st.st_mtim),
          Nanoseconds(st.st_ctim)};
}

std::string StampCacheFile(const std::string& dir) {
  std::string base;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && xdg[0] == '/') {
    base = xdg;
  } else if (const char* home = std::getenv("HOME"); home && home[0] == '/') {
    base = std::string(home) + "/.cache";
  } else {
    return "";
  }
  return base + "/plangen/stamps/" + audit::Sha256Hex(AbsoluteDir(dir)) + ".txt";
}

StampCache StampCache::Load(const std::string& dir, const std::string& record_sha256) {
  StampCache none, c;
  const std::string file = StampCacheFile(dir);
  std::error_code ec;
  if (file.empty() || !fs::is_regular_file(file, ec) || fs::file_size(file, ec) > kMaxCacheBytes || ec) return none;
  std::ifstream in(file, std::ios::binary);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return none;
  if (!std::getline(in, line) || line != "output " + AbsoluteDir(dir)) return none;
  if (!std::getline(in, line) || line.compare(0, 7, "record ") != 0) return none;
  {
    std::istringstream words(line.substr(7));
    std::string sha;
    FileStamp now;
    if (!(words >> sha) || sha != record_sha256 || !ReadStamp(words, &c.record_)) return none;
    // The record must be the very file the stamps were taken with, untouched since.
    if (!RecordStamp(dir, &now) || !(now == c.record_)) return none;
  }
  while (std::getline(in, line)) {
    std::istringstream words(line);
    FileStamp s;
    if (!ReadStamp(words, &s) || words.get() != ' ') return none;
    std::string rel;
    std::getline(words, rel);
    if (rel.empty()) return none;
    c.files_[rel] = s;
  }
  return c;
}

void StampCache::Add(const std::string& rel, const std::string& path) {
  struct stat st;
  if (rel.find_first_of("\n\r") != std::string::npos || lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  files_[rel] = StampOf(st);
}

bool StampCache::Unchanged(const std::string& rel, const struct stat& now) const {
  auto it = files_.find(rel);
  return it != files_.end() && it->second == StampOf(now) && it->second.ctime_ns < record_.ctime_ns;
}

void StampCache::Save(const std::string& dir, const std::string& record_sha256) const {
  const std::string file = StampCacheFile(dir);
  FileStamp record;
  if (file.empty() || !RecordStamp(dir, &record)) return;
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  if (ec) return;
  std::string text = std::string(kHeader) + "\noutput " + AbsoluteDir(dir) + "\nrecord " + record_sha256 + " " +
                     StampText(record) + "\n";
  for (const auto& [rel, s] : files_) text += StampText(s) + " " + rel + "\n";
  // Under another name first, so that two builds saving at once leave one whole cache or the other.
  const std::string tmp = file + "." + std::to_string(getpid()) + ".tmp";
  FILE* out = fopen(tmp.c_str(), "wb");
  if (!out) return;
  const bool ok = fwrite(text.data(), 1, text.size(), out) == text.size();
  if (fclose(out) != 0 || !ok || rename(tmp.c_str(), file.c_str()) != 0) unlink(tmp.c_str());
}

}  // namespace plangen

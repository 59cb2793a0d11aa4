#include "emit/output_reuse.h"

#include <sys/stat.h>

#include "audit/sha256.h"
#include "util/input_file.h"

namespace plangen {

std::string OutputReuse::Key(const std::string& path, const std::string& data) const {
  KeyWriter k;
  k << base_ << path << data;
  return audit::Sha256Hex(k.text());
}

bool OutputReuse::Reuse(const std::string& path, const std::string& key, OutputSet& out) {
  auto it = previous_.find(path);
  if (it == previous_.end() || it->second.key != key) return false;
  // The record alone does not prove what the file holds now: its bytes are read and hashed.
  const std::string file = dir_ + "/" + path;
  struct stat st;
  if (lstat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) != it->second.size)
    return false;
  std::string bytes;
  InputFileError err;
  if (!ReadInputFile(file, it->second.size, &bytes, &err) || bytes.size() != it->second.size ||
      audit::Sha256Hex(bytes) != it->second.sha256)
    return false;
  out.Add(path, std::move(bytes));
  out.SetRenderKey(path, key);
  ++reused_;
  return true;
}

void OutputReuse::AddMade(const std::string& path, const std::string& key, std::string bytes, OutputSet& out) {
  out.Add(path, std::move(bytes));
  out.SetRenderKey(path, key);
  ++made_;
}

KeyWriter& KeyWriter::operator<<(const std::string& s) {
  text_ += std::to_string(s.size());
  text_ += ':';
  text_ += s;
  return *this;
}

}  // namespace plangen

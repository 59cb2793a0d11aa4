#include "emit/output_set.h"

#include <sys/stat.h>
#include <unistd.h>

#include "audit/safe_name.h"
#include "audit/sha256.h"
#include "util/input_file.h"

namespace plangen {

// A path added again replaces the file (as in memory): the one written before goes.
void OutputSet::Forget(const std::string& relative_path) {
  if (written_.erase(relative_path)) unlink((staged_->staging_dir() + "/" + relative_path).c_str());
}

void OutputSet::Add(const std::string& relative_path, std::string bytes) {
  if (!staged_ || !audit::UnsafeRelativePathReason(relative_path).empty()) {
    render_keys_.erase(relative_path);
    files_[relative_path] = std::move(bytes);
    return;
  }
  // Written through as a file of one piece.
  AddStreamed(relative_path, [&bytes](const audit::StagedOutput::Writer& write) {
    write(bytes);
    return true;
  });
}

bool OutputSet::AddStreamed(const std::string& relative_path,
                            const std::function<bool(const audit::StagedOutput::Writer&)>& produce) {
  if (!staged_ || !audit::UnsafeRelativePathReason(relative_path).empty()) {
    std::string bytes;
    const bool ok = produce([&bytes](std::string_view piece) { bytes.append(piece); });
    Add(relative_path, std::move(bytes));
    return ok;
  }
  render_keys_.erase(relative_path);
  Forget(relative_path);
  bool produced = true;
  Written w;
  std::string err;
  uint32_t crc32 = 0;
  const bool ok = staged_->WriteStream(
      relative_path, [&](const audit::StagedOutput::Writer& write) { return produced = produce(write); }, &w.size,
      &w.sha256, &crc32, &err);
  if (ok) w.crc32 = crc32;
  if (!ok && produced && write_error_.empty()) {
    write_error_ = err;
    write_error_path_ = relative_path;
  }
  written_[relative_path] = std::move(w);
  files_[relative_path].clear();
  return produced;
}

bool OutputSet::AddZip(const std::string& relative_path, std::vector<audit::ZipMember> members,
                       const audit::ZipWriteOptions& options, Written* written, std::string* err) {
  render_keys_.erase(relative_path);
  if (!staged_ || !audit::UnsafeRelativePathReason(relative_path).empty()) {
    std::string bytes;
    if (!audit::ZipToBytes(std::move(members), options, &bytes, err)) return false;
    *written = Written{bytes.size(), audit::Sha256Hex(bytes), std::nullopt};
    Add(relative_path, std::move(bytes));
    return true;
  }
  Forget(relative_path);
  // An empty file first makes its folders; the archive then replaces it.
  if (!staged_->WriteFile(relative_path, "", err)) return false;
  const std::string file = staged_->staging_dir() + "/" + relative_path;
  if (!audit::WriteZip(file, std::move(members), options, err)) return false;
  struct stat st;
  if (stat(file.c_str(), &st) != 0) {
    *err = "cannot read back '" + file + "'";
    return false;
  }
  written->size = static_cast<uint64_t>(st.st_size);
  if (!audit::Sha256File(file, &written->sha256, err)) return false;
  written_[relative_path] = *written;
  files_[relative_path].clear();
  return true;
}

std::string OutputSet::Bytes(const std::string& p) const {
  auto it = files_.find(p);
  if (it == files_.end()) return "";
  if (!written_.count(p)) return it->second;
  std::string bytes;
  InputFileError err;
  ReadInputFile(WrittenPath(p), UINT64_MAX, &bytes, &err);
  return bytes;
}

const OutputSet::Written* OutputSet::WrittenFile(const std::string& p) const {
  auto it = written_.find(p);
  return it == written_.end() ? nullptr : &it->second;
}

std::string OutputSet::WrittenPath(const std::string& p) const {
  if (!staged_ || !written_.count(p)) return "";
  return staged_->staging_dir() + "/" + p;
}

std::string OutputSet::RenderKey(const std::string& p) const {
  auto it = render_keys_.find(p);
  return it == render_keys_.end() ? "" : it->second;
}

void OutputSet::Merge(OutputSet&& other) {
  for (auto& [path, bytes] : other.files_) {
    files_[path] = std::move(bytes);
    written_.erase(path);
    render_keys_.erase(path);
  }
  for (auto& [path, key] : other.render_keys_) render_keys_[path] = std::move(key);
  for (auto& [path, w] : other.written_) written_[path] = std::move(w);
  if (write_error_.empty()) {
    write_error_ = std::move(other.write_error_);
    write_error_path_ = std::move(other.write_error_path_);
  }
  if (!staged_) staged_ = other.staged_;
  other.files_.clear();
  other.written_.clear();
  other.render_keys_.clear();
}

}  // namespace plangen

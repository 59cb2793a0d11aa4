#include "util/source_manager.h"

#include <algorithm>
#include <filesystem>

namespace plangen {

std::string ColumnName(uint32_t col) {
  std::string s;
  while (col > 0) {
    uint32_t r = (col - 1) % 26;
    s.insert(s.begin(), static_cast<char>('A' + r));
    col = (col - 1) / 26;
  }
  return s;
}

std::string CellName(uint32_t row, uint32_t col) { return ColumnName(col) + std::to_string(row); }

namespace {
struct ThreadPending {
  const SourceManager* owner = nullptr;
  PendingFiles* files = nullptr;
};
thread_local ThreadPending t_pending;
}  // namespace

void SourceManager::SetThreadPending(PendingFiles* pending) const {
  t_pending.owner = pending ? this : nullptr;
  t_pending.files = pending;
}

std::vector<int32_t> SourceManager::AddPending(PendingFiles pending) {
  std::vector<int32_t> ids;
  for (PendingFiles::File& f : pending.files) {
    const int32_t id = AddFile(std::move(f.name), std::move(f.text), f.has_lines);
    for (std::string& sheet : f.sheets) AddSheet(id, std::move(sheet));
    ids.push_back(id);
  }
  return ids;
}

void SourceManager::IndexLines() const {
  for (int32_t f = 0; f < FileCount(); ++f) LineStarts(f);
}

int32_t SourceManager::AddFile(std::string display, std::string text, bool has_lines) {
  if (t_pending.owner == this) {
    t_pending.files->files.push_back(PendingFiles::File{std::move(display), std::move(text), has_lines, {}});
    return kPendingFileBase + static_cast<int32_t>(t_pending.files->files.size() - 1);
  }
  files_.push_back(File{std::move(display), std::move(text), {}, {}, has_lines});
  if (!output_plan_dir_.empty()) NameForOutput(files_.back());
  return static_cast<int32_t>(files_.size() - 1);
}

namespace {
// One key per file however its path is spelt ("plan.xml", "./plan.xml", "/abs/plan.xml").
std::string InputKey(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::path(path).lexically_normal().string() : p.string();
}
}  // namespace

void SourceManager::KeepInput(const std::string& path, std::string bytes) {
  Input& in = inputs_[InputKey(path)];
  in.bytes_ = std::move(bytes);
  in.same_as_text_ = nullptr;
  ++in.reads;
}

void SourceManager::ShareInputWithText(const std::string& path, int32_t file) {
  auto it = inputs_.find(InputKey(path));
  if (it == inputs_.end() || file < 0 || file >= FileCount()) return;
  Input& in = it->second;
  const std::string& text = files_[file].text;  // files_ is a deque: the text stays where it is
  if (in.same_as_text_ || in.bytes_ != text) return;
  in.same_as_text_ = &text;
  std::string().swap(in.bytes_);
}

const std::string* SourceManager::InputBytes(const std::string& path) const {
  auto it = inputs_.find(InputKey(path));
  return it == inputs_.end() ? nullptr : &it->second.bytes();
}

namespace {
std::string CanonicalDir(const std::string& dir) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(dir.empty() ? std::string(".") : dir, ec);
  return ec ? std::string() : p.string();
}

// `path` relative to `base` when it lies under it, else empty.
std::string Under(const std::filesystem::path& path, const std::string& base) {
  if (base.empty()) return "";
  std::filesystem::path rel = path.lexically_relative(base);
  if (rel.empty() || *rel.begin() == "..") return "";
  return rel.generic_string();
}
}  // namespace

void SourceManager::SetOutputRoots(const std::string& plan_dir, const std::string& data_dir) {
  output_plan_dir_ = CanonicalDir(plan_dir);
  output_data_dir_ = CanonicalDir(data_dir);
  for (File& f : files_) NameForOutput(f);
}

// Worked out when the file is added (or when the roots are set), while its name still opens it
// from the current folder.
void SourceManager::NameForOutput(File& f) const {
  f.output_named = true;
  f.output_name = f.name;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(f.name, ec)) return;
  std::filesystem::path p = std::filesystem::weakly_canonical(f.name, ec);
  if (ec) return;
  std::string rel = Under(p, output_plan_dir_);
  if (rel.empty()) rel = Under(p, output_data_dir_);
  if (rel.empty()) rel = p.lexically_relative(output_plan_dir_).generic_string();
  if (!rel.empty()) f.output_name = rel;
}

std::string SourceManager::OutputName(int32_t file) const {
  const File& f = files_[file];
  return f.output_named ? f.output_name : f.name;
}

ResolvedLoc SourceManager::ResolveForOutput(const Loc& loc) const {
  ResolvedLoc r = Resolve(loc);
  if (!r.file.empty()) r.file = OutputName(loc.file);
  return r;
}

int32_t SourceManager::AddSheet(int32_t file, std::string name) {
  if (t_pending.owner == this && file >= kPendingFileBase) {
    auto& sheets = t_pending.files->files[file - kPendingFileBase].sheets;
    sheets.push_back(std::move(name));
    return static_cast<int32_t>(sheets.size() - 1);
  }
  auto& sheets = files_[file].sheets;
  sheets.push_back(std::move(name));
  return static_cast<int32_t>(sheets.size() - 1);
}

const std::vector<uint32_t>& SourceManager::LineStarts(int32_t file) const {
  const File& f = files_[file];
  if (f.line_starts.empty()) {
    f.line_starts.push_back(0);
    for (uint32_t i = 0; i < f.text.size(); ++i) {
      if (f.text[i] == '\n') f.line_starts.push_back(i + 1);
    }
  }
  return f.line_starts;
}

static int CountCodePoints(const std::string& s, uint32_t begin, uint32_t end) {
  int n = 0;
  for (uint32_t i = begin; i < end && i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

void SourceManager::LineColumn(int32_t file, uint32_t offset, int* line, int* column) const {
  const auto& starts = LineStarts(file);
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  size_t index = static_cast<size_t>(it - starts.begin()) - 1;
  *line = static_cast<int>(index) + 1;
  *column = CountCodePoints(files_[file].text, starts[index], offset) + 1;
}

uint32_t SourceManager::Offset(int32_t file, int line, int column) const {
  const auto& starts = LineStarts(file);
  if (line < 1) return 0;
  if (static_cast<size_t>(line) > starts.size()) return static_cast<uint32_t>(files_[file].text.size());
  const std::string& t = files_[file].text;
  uint32_t pos = starts[line - 1];
  for (int c = 1; c < column && pos < t.size() && t[pos] != '\n'; ++c) {
    ++pos;
    while (pos < t.size() && (static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

ResolvedLoc SourceManager::Resolve(const Loc& loc) const {
  ResolvedLoc r;
  if (!loc.valid() || loc.file >= FileCount()) return r;
  const File& f = files_[loc.file];
  r.file = f.name;
  if (loc.is_cell()) {
    if (loc.sheet < static_cast<int32_t>(f.sheets.size())) r.sheet = f.sheets[loc.sheet];
    r.cell = CellName(loc.row, loc.col);
    return r;
  }
  if (f.text.empty()) {
    if (f.has_lines) r.line = r.column = 1;
    return r;
  }
  LineColumn(loc.file, loc.offset, &r.line, &r.column);
  const auto& starts = LineStarts(loc.file);
  uint32_t b = starts[r.line - 1];
  uint32_t e = b;
  while (e < f.text.size() && f.text[e] != '\n') ++e;
  if (e > b && f.text[e - 1] == '\r') --e;
  r.source_line = f.text.substr(b, e - b);
  return r;
}

}  // namespace plangen

#include "driver/build_record.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "audit/sha256.h"
#include "diag/printers.h"
#include "driver/commands.h"
#include "driver/stamp_cache.h"
#include "driver/write_outputs.h"
#include "plangen_config.h"
#include "util/data_dir.h"
#include "util/input_file.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace plangen {

namespace {

constexpr int kRecordVersion = 1;
constexpr uint64_t kMaxRecordBytes = 256ull << 20;

// Options that change where or how a build reports, never a byte it writes. Every other option of
// build is part of the inputs, so an option added later counts until it is listed here.
const std::set<std::string>& OptionsWithoutEffect() {
  static const std::set<std::string> names = {"jobs",  "quiet", "watch",  "force",          "format",
                                              "color", "help",  "output", "no-incremental"};
  return names;
}

// The path of `entry`, met walking the folder `root`, from `root`: the walk names every entry by
// the root as given and the names below it, so this is a cut, not fs::relative's two lookups of
// every folder on the way (a fifth of a no-change build of 9,000 files).
std::string Below(const fs::path& entry, const std::string& root) {
  const std::string& p = entry.native();
  size_t from = p.compare(0, root.size(), root) == 0 ? root.size() : 0;
  while (from < p.size() && p[from] == '/') ++from;
  return p.substr(from);
}

// SHA-256 of a regular file (symbolic links followed), or a word saying why there is none; never
// opens a FIFO or a device.
std::string FileDigest(const std::string& path) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return "missing";
  if (!fs::is_regular_file(st)) return "not a regular file";
  std::string hex, err;
  if (!audit::Sha256File(path, &hex, &err)) return "unreadable";
  return hex;
}

// Every template under `dir` (only *.mustache files are ever read as templates or partials),
// sorted, with its digest: a template is found by name at emission time, so a file added to the
// folder may change what a build writes.
json TreeDigests(const std::string& dir) {
  json out = json::array();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.push_back("missing");
    return out;
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const bool is_template = name.size() > 9 && name.compare(name.size() - 9, 9, ".mustache") == 0;
    if (is_template && !it->is_directory(ec)) files.push_back(Below(it->path(), dir));
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) out.push_back({{"file", f}, {"sha256", FileDigest(dir + "/" + f)}});
  return out;
}

// plangen itself: its version and the digest of the program, so that a rebuilt plangen of the
// same version does not take another's tree for its own (a few milliseconds: the program is a few
// megabytes).
json ProgramIdentity() {
  json j = {{"version", PLANGEN_VERSION}};
  std::string hex, err;
  if (audit::Sha256File("/proc/self/exe", &hex, &err)) j["program_sha256"] = hex;
  return j;
}

struct RecordedFile {
  uint64_t size = 0;
  std::string sha256;
  std::string render_key;  ///< empty: the output has none
};

// The files of a record, or false when there is no record or it is not one plangen wrote.
bool ReadRecord(const std::string& dir, std::string* key, std::map<std::string, RecordedFile>* files,
                std::string* sha256 = nullptr) {
  std::string text;
  InputFileError ferr;
  if (!ReadInputFile(dir + "/" + kBuildRecord, kMaxRecordBytes, &text, &ferr)) return false;
  if (sha256) *sha256 = audit::Sha256Hex(text);
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  try {
    if (j.at("plangen_output_record").get<int>() != kRecordVersion) return false;
    *key = j.at("key").get<std::string>();
    if (!audit::IsSha256Hex(*key)) return false;
    for (const json& f : j.at("files")) {
      RecordedFile r;
      const std::string path = f.at("path").get<std::string>();
      r.size = f.at("size").get<uint64_t>();
      r.sha256 = f.at("sha256").get<std::string>();
      if (path.empty() || path == kBuildRecord || !audit::IsSha256Hex(r.sha256)) return false;
      if (f.contains("render_key")) {
        r.render_key = f.at("render_key").get<std::string>();
        if (!audit::IsSha256Hex(r.render_key)) return false;
      }
      if (!files->emplace(path, std::move(r)).second) return false;
    }
  } catch (const std::exception&) {
    return false;
  }
  return !files->empty();
}

// A file read, named as outputs name it (SourceManager::SetOutputRoots): by its path from the
// plan's folder, or from plangen's data; so the record does not depend on where the build ran or
// how a path was typed, and a folder moved whole keeps its record.
std::string RecordName(const std::string& canonical, const fs::path& plan_dir, const fs::path& data_dir) {
  auto under = [](const fs::path& file, const fs::path& dir, std::string* rel) {
    if (dir.empty()) return false;
    fs::path r = file.lexically_relative(dir);
    if (r.empty() || *r.begin() == "..") return false;
    *rel = r.generic_string();
    return true;
  };
  std::string rel;
  if (under(canonical, plan_dir, &rel)) return rel;
  if (under(canonical, data_dir, &rel)) return "plangen:" + rel;
  fs::path r = fs::path(canonical).lexically_relative(plan_dir);
  return r.empty() ? canonical : r.generic_string();
}

fs::path Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path.empty() ? "." : path, ec), ec);
  return ec ? fs::path(path) : p;
}

}  // namespace

BuildInputs ReadBuildInputs(const ParsedArgs& r, const CompileOptions& copt, const Compilation& c) {
  json inputs = json::array();
  // Every file read, and every file the findings name, named as outputs name them.
  const fs::path plan_dir = Canonical(fs::path(copt.plan_path).parent_path().string());
  const fs::path data_dir = Canonical(DataDir());
  for (const auto& [path, input] : c.sources.Inputs()) {
    inputs.push_back({{"read", RecordName(path, plan_dir, data_dir)}, {"sha256", audit::Sha256Hex(input.bytes())}});
  }
  for (int32_t i = 0; i < c.sources.FileCount(); ++i) {
    inputs.push_back({{"source", c.sources.OutputName(i)}, {"sha256", audit::Sha256Hex(c.sources.Text(i))}});
  }
  json templates = json::object();
  if (r.Has("templates")) templates["user"] = TreeDigests(r.Get("templates"));
  templates["plangen"] = TreeDigests(DataDir() + "/templates");
  inputs.push_back({{"templates", templates}});
  for (const char* name : {"since", "sign"}) {
    if (r.Has(name)) inputs.push_back({{name, FileDigest(r.Get(name))}});
  }
  json options = json::object();
  if (const Command* build = FindCommand("build")) {
    for (const OptionSpec& o : build->spec.options) {
      if (OptionsWithoutEffect().count(o.long_name) || !r.Has(o.long_name)) continue;
      // A file or folder counts by what was read from it (above), not by how its path was typed.
      const bool path = o.completion == Completion::kFile || o.completion == Completion::kDir;
      options[o.long_name] = o.kind == ArgKind::kFlag || path ? json(true) : json(r.GetAll(o.long_name));
    }
  }
  options["as-of"] = FormatDate(copt.as_of);  // also when it is today's date by default
  const json program = ProgramIdentity();
  json all = {{"plangen", program}, {"inputs", inputs}, {"options", options}};
  BuildInputs out;
  out.json = all.dump();
  out.key = audit::Sha256Hex(out.json);
  out.render_base = audit::Sha256Hex(json({{"plangen", program}, {"templates", templates}, {"options", options}}).dump());
  return out;
}

bool OutputTreeUpToDate(const std::string& dir, const BuildInputs& inputs, size_t* hashed) {
  std::string key, record_sha256;
  std::map<std::string, RecordedFile> files;
  if (!ReadRecord(dir, &key, &files, &record_sha256) || key != inputs.key) return false;
  // Nothing but the recorded files (and the folders holding them): a clean build leaves nothing
  // else in the tree.
  std::set<std::string> folders;
  for (const auto& [path, f] : files) {
    for (fs::path p = fs::path(path).parent_path(); !p.empty(); p = p.parent_path()) folders.insert(p.generic_string());
  }
  size_t seen = 0;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string rel = Below(it->path(), dir);
    if (ec) return false;
    fs::file_status st = it->symlink_status(ec);
    if (ec) return false;
    if (fs::is_directory(st)) {
      if (!folders.count(rel)) return false;
    } else if (!fs::is_regular_file(st)) {
      return false;
    } else if (rel != kBuildRecord) {
      if (!files.count(rel)) return false;
      ++seen;
    }
  }
  if (ec || seen != files.size()) return false;
  // Every byte, except in files still at the inode and times the build that wrote them saw (see
  // driver/stamp_cache.h): a copied or restored tree, or one without a cache, is hashed whole.
  const StampCache stamps = StampCache::Load(dir, record_sha256);
  for (const auto& [path, f] : files) {
    struct stat st;
    const std::string p = dir + "/" + path;
    if (lstat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<uint64_t>(st.st_size) != f.size) return false;
    if (stamps.Unchanged(path, st)) continue;
    if (hashed) ++*hashed;
    std::string hex, err;
    if (!audit::Sha256File(p, &hex, &err) || hex != f.sha256) return false;
  }
  return true;
}

std::map<std::string, OutputReuse::Previous> ReusableOutputs(const std::string& dir) {
  std::string key;
  std::map<std::string, RecordedFile> files;
  std::map<std::string, OutputReuse::Previous> out;
  if (!ReadRecord(dir, &key, &files)) return out;
  for (auto& [path, f] : files) {
    if (!f.render_key.empty()) out[path] = OutputReuse::Previous{f.size, std::move(f.sha256), std::move(f.render_key)};
  }
  return out;
}

bool WriteBuildRecord(const std::string& staging, const std::string& dir, const BuildInputs& inputs,
                      const OutputSet& outputs, bool keep_times, StampCache* stamps, std::string* record_sha256,
                      std::string* err) {
  std::vector<std::string> paths;
  std::error_code ec;
  fs::recursive_directory_iterator it(staging, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) paths.push_back(Below(it->path(), staging));
  }
  if (ec) {
    *err = ec.message();
    return false;
  }
  std::sort(paths.begin(), paths.end());
  std::string old_key;
  std::map<std::string, RecordedFile> old;
  if (keep_times && !ReadRecord(dir, &old_key, &old)) old.clear();
  json files = json::array();
  for (const std::string& rel : paths) {
    if (rel == kBuildRecord) continue;
    const std::string file = staging + "/" + rel;
    RecordedFile f;
    if (const OutputSet::Written* w = outputs.WrittenFile(rel)) {
      f.size = w->size;
      f.sha256 = w->sha256;
    } else {
      struct stat st;
      if (stat(file.c_str(), &st) != 0 || !audit::Sha256File(file, &f.sha256, err)) {
        if (err->empty()) *err = "cannot read back '" + file + "'";
        return false;
      }
      f.size = static_cast<uint64_t>(st.st_size);
    }
    // Same bytes as the file it replaces: that file's time, so it does not look rewritten. The
    // file on disk is hashed too: the record alone does not prove what is there now.
    auto prev = old.find(rel);
    if (prev != old.end() && prev->second.sha256 == f.sha256 && prev->second.size == f.size) {
      const std::string before = dir + "/" + rel;
      struct stat st;
      std::string hex, ignored;
      if (lstat(before.c_str(), &st) == 0 && S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) == f.size &&
          audit::Sha256File(before, &hex, &ignored) && hex == f.sha256) {
        const struct timespec times[2] = {st.st_atim, st.st_mtim};
        utimensat(AT_FDCWD, file.c_str(), times, 0);
      }
    }
    stamps->Add(rel, file);  // after its time was set: the swap into place keeps inodes and times
    json entry = {{"path", rel}, {"size", f.size}, {"sha256", f.sha256}};
    const std::string render_key = outputs.RenderKey(rel);
    if (!render_key.empty()) entry["render_key"] = render_key;
    files.push_back(std::move(entry));
  }
  json record = {{"plangen_output_record", kRecordVersion},
                 {"key", inputs.key},
                 {"inputs", json::parse(inputs.json)},
                 {"files", files}};
  const std::string text = record.dump(1) + "\n";
  *record_sha256 = audit::Sha256Hex(text);
  // Written under another name and renamed, so the record is never half there, even inside the
  // staging directory.
  const std::string tmp = staging + "/." + kBuildRecord + ".tmp";
  {
    FILE* out = fopen(tmp.c_str(), "wb");
    if (!out) {
      *err = "cannot write '" + tmp + "'";
      return false;
    }
    const bool ok = fwrite(text.data(), 1, text.size(), out) == text.size();
    if (fclose(out) != 0 || !ok) {
      *err = "cannot write '" + tmp + "'";
      return false;
    }
  }
  if (rename(tmp.c_str(), (staging + "/" + kBuildRecord).c_str()) != 0) {
    *err = "cannot write '" + staging + "/" + kBuildRecord + "'";
    return false;
  }
  return true;
}

std::string FindingsFingerprint(const Compilation& c) {
  std::string out;
  for (const Diagnostic* d : c.diags.Sorted()) out += FormatText(c.diags, *d) + "\n";
  out += std::to_string(c.diags.errors()) + " " + std::to_string(c.diags.warnings()) + " " +
         std::to_string(c.diags.notes()) + " " + std::to_string(c.diags.Waived().size());
  return out;
}

}  // namespace plangen

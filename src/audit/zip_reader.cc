#include "audit/zip_reader.h"

#include <algorithm>
#include <memory>
#include <set>

#include <zip.h>

#include "audit/safe_name.h"
#include "util/input_file.h"

namespace plangen::audit {
namespace {

std::string ErrorText(int code) {
  // libzip refuses an archive with two members of one name while opening it, with a message
  // ("File already exists") that reads as if the reader had tried to write.
  if (code == ZIP_ER_EXISTS) return "it holds two members of the same name";
  zip_error_t ze;
  zip_error_init_with_code(&ze, code);
  std::string text = zip_error_strerror(&ze);
  zip_error_fini(&ze);
  return text;
}

// Reads one member with every byte counted: the declared size only decides whether to start.
bool ReadMember(zip_t* za, zip_uint64_t index, const zip_stat_t& st, const ZipLimits& limits,
                uint64_t* total, std::string* data, ZipProblem* problem) {
  const std::string name = st.name;
  auto too_large = [&](const std::string& what) {
    *problem = ZipProblem{ZipProblem::kTooLarge, name, what};
    return false;
  };
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    *problem = ZipProblem{ZipProblem::kUnreadable, name, "it is encrypted"};
    return false;
  }
  uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  if (declared > limits.max_member_bytes)
    return too_large("it declares " + std::to_string(declared) + " bytes, more than the limit of " +
                     std::to_string(limits.max_member_bytes));
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(za, index, 0), &zip_fclose);
  if (!file) {
    *problem = ZipProblem{ZipProblem::kUnreadable, name, zip_strerror(za)};
    return false;
  }
  data->clear();
  char buf[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(file.get(), buf, sizeof buf);
    if (n < 0) {
      *problem = ZipProblem{ZipProblem::kUnreadable, name, zip_file_strerror(file.get())};
      return false;
    }
    if (n == 0) break;
    data->append(buf, static_cast<size_t>(n));
    *total += static_cast<uint64_t>(n);
    if (data->size() > limits.max_member_bytes)
      return too_large("it inflates to more than the limit of " + std::to_string(limits.max_member_bytes) +
                       " bytes");
    if (*total > limits.max_total_bytes)
      return too_large("the members together inflate to more than the limit of " +
                       std::to_string(limits.max_total_bytes) + " bytes");
    const uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (data->size() > limits.ratio_floor_bytes && data->size() / std::max<uint64_t>(compressed, 1) > limits.max_ratio)
      return too_large("it inflates to more than " + std::to_string(limits.max_ratio) + " times its " +
                       std::to_string(compressed) + " compressed bytes: a zip bomb, not a package member");
    if (data->size() > declared) {
      *problem = ZipProblem{ZipProblem::kUnreadable, name,
                            "it holds more data than the " + std::to_string(declared) +
                                " bytes its header declares"};
      return false;
    }
  }
  if (data->size() != declared) {
    *problem = ZipProblem{ZipProblem::kUnreadable, name,
                          "it holds " + std::to_string(data->size()) + " bytes, its header declares " +
                              std::to_string(declared)};
    return false;
  }
  return true;
}

ZipContents ReadOpened(zip_t* za, const ZipLimits& limits) {
  ZipContents out;
  out.opened = true;
  zip_int64_t count = zip_get_num_entries(za, 0);
  if (count < 0 || static_cast<uint64_t>(count) > limits.max_entries) {
    out.problems.push_back({ZipProblem::kTooMany, "",
                            "it has " + std::to_string(count) + " entries, more than the limit of " +
                                std::to_string(limits.max_entries)});
    return out;
  }
  std::set<std::string> seen;
  uint64_t total = 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    // ZIP_FL_ENC_RAW: the bytes as stored, so that the name checked is the name an
    // extracting tool would use, not libzip's CP437 guess.
    if (zip_stat_index(za, i, ZIP_FL_ENC_RAW, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
      out.problems.push_back({ZipProblem::kUnreadable, "#" + std::to_string(i), zip_strerror(za)});
      continue;
    }
    std::string name = st.name;
    bool is_dir = !name.empty() && name.back() == '/';
    std::string path = is_dir ? name.substr(0, name.size() - 1) : name;
    std::string why = UnsafeRelativePathReason(path);
    if (!why.empty()) {
      out.problems.push_back({ZipProblem::kUnsafeName, name, why});
      continue;
    }
    zip_uint8_t opsys = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(za, i, 0, &opsys, &attributes) == 0 && opsys == ZIP_OPSYS_UNIX &&
        ((attributes >> 16) & 0170000) == 0120000) {
      out.problems.push_back({ZipProblem::kUnsafeName, name, "it is a symbolic link, not a file"});
      continue;
    }
    if (is_dir) continue;  // directories carry no content; re-zipped packages may hold them
    // libzip 1.7 already refuses such archives at open (ZIP_ER_EXISTS); kept so that a
    // libzip that stops doing so cannot let a second copy shadow the first.
    if (!seen.insert(name).second) {
      out.problems.push_back({ZipProblem::kDuplicate, name, ""});
      continue;
    }
    ZipEntry entry;
    entry.name = name;
    ZipProblem problem;
    if (!ReadMember(za, i, st, limits, &total, &entry.data, &problem)) {
      out.problems.push_back(problem);
      if (total > limits.max_total_bytes) break;  // nothing more can be read within the budget
      continue;
    }
    out.entries.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

ZipContents ReadZipFile(const std::string& path, const ZipLimits& limits) {
  std::string bytes;
  InputFileError err;
  if (!ReadInputFile(path, limits.max_archive_bytes, &bytes, &err)) {
    ZipContents out;
    out.problems.push_back({ZipProblem::kNotZip, "",
                            err.too_large ? "it is " + std::to_string(err.size) + " bytes, more than the limit of " +
                                                std::to_string(limits.max_archive_bytes)
                                          : err.why});
    return out;
  }
  return ReadZipBytes(bytes, limits);
}

ZipContents ReadZipBytes(std::string_view bytes, const ZipLimits& limits) {
  zip_error_t ze;
  zip_error_init(&ze);
  ZipContents out;
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : nullptr;
  if (!za) {
    if (src) zip_source_free(src);
    out.problems.push_back({ZipProblem::kNotZip, "", ErrorText(zip_error_code_zip(&ze))});
    zip_error_fini(&ze);
    return out;
  }
  zip_error_fini(&ze);
  out = ReadOpened(za, limits);
  zip_discard(za);  // also frees `src`
  return out;
}

std::vector<std::string> ZipMemberNames(const std::string& path) {
  std::vector<std::string> names;
  int code = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (!za) return names;
  const zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    if (const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW)) names.push_back(name);
  }
  zip_discard(za);
  return names;
}

}  // namespace plangen::audit

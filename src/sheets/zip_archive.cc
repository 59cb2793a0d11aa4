#include "sheets/zip_archive.h"

#include <algorithm>

#include <zip.h>

#include <set>

namespace plangen::sheets {

ZipArchive::~ZipArchive() {
  if (zip_) zip_discard(zip_);  // also frees the source
  else if (source_) zip_source_free(source_);
}

std::string UnsafeEntryNameReason(const std::string& name) {
  if (name.empty()) return "it is empty";
  if (name.find('\0') != std::string::npos) return "it holds a NUL byte";
  if (name.find('\\') != std::string::npos) return "it holds a backslash";
  if (name[0] == '/') return "it is an absolute path";
  if (name.size() >= 2 && name[1] == ':') return "it starts with a drive letter";
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    if (name.compare(start, end - start, "..") == 0 && end - start == 2) return "it climbs out of the archive with '..'";
    start = end + 1;
  }
  return "";
}

bool ZipArchive::Open(const std::string& bytes, Loc where, const ZipLimits& limits, DiagEngine& diags) {
  where_ = where;
  zip_error_t error;
  zip_error_init(&error);
  source_ = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source_) zip_ = zip_open_from_source(source_, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!zip_) {
    diags.Report(DiagId::err_zip_unreadable, where, {zip_error_strerror(&error)});
    zip_error_fini(&error);
    return false;
  }
  zip_error_fini(&error);

  zip_int64_t count = zip_get_num_entries(zip_, 0);
  if (count < 0 || static_cast<uint64_t>(count) > limits.max_entries) {
    diags.Report(DiagId::err_zip_too_many_entries, where,
                 {std::to_string(count), std::to_string(limits.max_entries)});
    return false;
  }
  bool ok = true;
  uint64_t total = 0;
  std::set<std::string> seen;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    // ZIP_FL_ENC_RAW: the name exactly as stored, so that no conversion hides a trick.
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
      diags.Report(DiagId::err_zip_unreadable, where, {zip_strerror(zip_)});
      return false;
    }
    ZipEntry e;
    e.index = static_cast<uint64_t>(i);
    const char* raw = zip_get_name(zip_, e.index, ZIP_FL_ENC_RAW);
    e.name = raw ? std::string(raw) : std::string();
    e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    e.compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    e.crc = (st.valid & ZIP_STAT_CRC) ? st.crc : 0;
    e.is_directory = !e.name.empty() && e.name.back() == '/';
    std::string why = UnsafeEntryNameReason(e.name);
    if (why.empty() && !seen.insert(e.name).second) why = "it appears more than once";
    if (!why.empty()) {
      diags.Report(DiagId::err_zip_unsafe_name, where, {e.name, why});
      ok = false;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
      diags.Report(DiagId::err_zip_encrypted, where, {e.name});
      ok = false;
    }
    if (e.size > limits.max_entry_bytes) {
      diags.Report(DiagId::err_zip_entry_too_large, where,
                   {e.name, std::to_string(e.size), std::to_string(limits.max_entry_bytes)});
      ok = false;
    } else if (e.size > limits.ratio_floor_bytes && e.size / std::max<uint64_t>(e.compressed_size, 1) > limits.max_ratio) {
      // Refused from the directory alone, before a byte is inflated; Read() never inflates more
      // than an entry declares.
      diags.Report(DiagId::err_zip_entry_corrupt, where,
                   {e.name, "it declares " + std::to_string(e.size) + " bytes from " + std::to_string(e.compressed_size) +
                                " compressed, more than " + std::to_string(limits.max_ratio) +
                                " times: a zip bomb, not a workbook"});
      ok = false;
    }
    total += std::min<uint64_t>(e.size, limits.max_total_bytes + 1);
    entries_.push_back(std::move(e));
  }
  if (ok && total > limits.max_total_bytes) {
    diags.Report(DiagId::err_zip_total_too_large, where,
                 {std::to_string(total), std::to_string(limits.max_total_bytes)});
    ok = false;
  }
  ok_ = ok;
  return ok;
}

const ZipEntry* ZipArchive::Find(const std::string& name) const {
  for (const ZipEntry& e : entries_) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

bool ZipArchive::Read(const ZipEntry& entry, std::string* out, DiagEngine& diags) {
  out->clear();
  if (!ok_) return false;
  zip_file_t* f = zip_fopen_index(zip_, entry.index, 0);
  if (!f) {
    diags.Report(DiagId::err_zip_entry_corrupt, where_, {entry.name, zip_strerror(zip_)});
    return false;
  }
  // Read at most one byte more than declared: that byte is the proof of a forged size.
  out->resize(entry.size + 1);
  uint64_t got = 0;
  bool failed = false;
  while (got < out->size()) {
    zip_int64_t n = zip_fread(f, &(*out)[got], out->size() - got);
    if (n < 0) {
      failed = true;
      break;
    }
    if (n == 0) break;
    got += static_cast<uint64_t>(n);
  }
  std::string why = failed ? zip_file_strerror(f) : "";
  zip_fclose(f);
  if (failed) {
    diags.Report(DiagId::err_zip_entry_corrupt, where_, {entry.name, why});
    out->clear();
    return false;
  }
  if (got != entry.size) {
    diags.Report(DiagId::err_zip_size_mismatch, where_,
                 {entry.name, got > entry.size ? "more than " + std::to_string(entry.size) : std::to_string(got),
                  std::to_string(entry.size)});
    out->clear();
    return false;
  }
  out->resize(got);
  return true;
}

}  // namespace plangen::sheets

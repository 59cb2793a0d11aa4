#include "audit/zip_writer.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include <zip.h>

#include "audit/safe_name.h"

namespace plangen::audit {

void DosDateTime(int64_t t, uint16_t* dos_date, uint16_t* dos_time) {
  // 2107-12-31 23:59:58 UTC is the last time the 7-bit year field can hold.
  constexpr int64_t kLast = 4354819198;
  t = std::clamp<int64_t>(t, kZipEpoch, kLast);
  time_t tt = static_cast<time_t>(t);
  struct tm tm;
  gmtime_r(&tt, &tm);
  *dos_date = static_cast<uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
  *dos_time = static_cast<uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

bool WriteZip(const std::string& path, std::vector<ZipMember> members, const ZipWriteOptions& options,
              std::string* err) {
  std::sort(members.begin(), members.end(),
            [](const ZipMember& a, const ZipMember& b) { return a.name < b.name; });
  for (size_t i = 0; i < members.size(); ++i) {
    std::string why = UnsafeRelativePathReason(members[i].name);
    if (!why.empty()) {
      *err = "member name '" + members[i].name + "' is unsafe: " + why;
      return false;
    }
    if (i > 0 && members[i].name == members[i - 1].name) {
      *err = "member name '" + members[i].name + "' appears twice";
      return false;
    }
  }
  uint16_t dos_date, dos_time;
  DosDateTime(options.mtime, &dos_date, &dos_time);
  int level = std::clamp(options.level, 1, 9);

  int code = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, code);
    *err = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return false;
  }
  auto fail = [&](const std::string& what) {
    *err = what + ": " + zip_strerror(za);
    zip_discard(za);  // libzip writes into a temporary file, so nothing is left at `path`
    return false;
  };
  for (const ZipMember& m : members) {
    // The buffer is borrowed (freep = 0): `members` outlives zip_close below.
    zip_source_t* src = zip_source_buffer(za, m.data.data(), m.data.size(), 0);
    if (!src) return fail("cannot add '" + m.name + "'");
    zip_int64_t idx = zip_file_add(za, m.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      return fail("cannot add '" + m.name + "'");
    }
    zip_uint64_t i = static_cast<zip_uint64_t>(idx);
    if (zip_set_file_compression(za, i, ZIP_CM_DEFLATE, static_cast<zip_uint32_t>(level)) != 0 ||
        zip_file_set_dostime(za, i, dos_time, dos_date, 0) != 0 ||
        zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, (0100644u) << 16) != 0)
      return fail("cannot set the attributes of '" + m.name + "'");
    // A new entry has no extra fields in libzip 1.7, but a later version that added, say, an
    // extended timestamp would silently make packages differ between machines: remove any.
    for (zip_flags_t where : {ZIP_FL_LOCAL, ZIP_FL_CENTRAL}) {
      if (zip_file_extra_fields_count(za, i, where) > 0 &&
          zip_file_extra_field_delete(za, i, ZIP_EXTRA_FIELD_ALL, where) != 0)
        return fail("cannot clear the extra fields of '" + m.name + "'");
    }
  }
  if (zip_close(za) != 0) return fail("cannot write the archive");
  // zip_close writes nothing for an empty archive; an empty package is still a file.
  if (members.empty()) {
    FILE* f = std::fopen(path.c_str(), "wb");
    static const unsigned char kEmpty[22] = {0x50, 0x4b, 0x05, 0x06};
    if (!f || std::fwrite(kEmpty, 1, sizeof kEmpty, f) != sizeof kEmpty) {
      if (f) std::fclose(f);
      *err = "cannot write the archive";
      return false;
    }
    if (std::fclose(f) != 0) {
      *err = "cannot write the archive";
      return false;
    }
  }
  return true;
}

}  // namespace plangen::audit

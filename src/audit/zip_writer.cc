#include "audit/zip_writer.h"

#include <algorithm>
#include <cstring>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>

#include <zip.h>
#include <zlib.h>

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

namespace {

// The 22-byte end of central directory record of an archive with no member: zip_close writes
// nothing for an empty archive, but an empty package or bundle is still a zip.
const unsigned char kEmptyZip[22] = {0x50, 0x4b, 0x05, 0x06};

// Sorts `members` and refuses unsafe or duplicate names.
bool CheckMembers(std::vector<ZipMember>& members, const ZipWriteOptions& options, std::string* err) {
  std::sort(members.begin(), members.end(),
            [](const ZipMember& a, const ZipMember& b) { return a.name < b.name; });
  for (size_t i = 0; i < members.size(); ++i) {
    std::string checked = members[i].name;
    if (options.office_package) {
      // A relationship part's name is ".rels" after its folder: judge it as "x.rels".
      for (size_t at = checked.find(".rels"); at != std::string::npos; at = checked.find(".rels", at + 2)) {
        bool starts = at == 0 || checked[at - 1] == '/';
        bool ends = at + 5 == checked.size() || checked[at + 5] == '/';
        if (starts && ends) checked.replace(at, 1, "x.");
      }
    }
    std::string why = UnsafeRelativePathReason(checked);
    if (!why.empty()) {
      *err = "member name '" + members[i].name + "' is unsafe: " + why;
      return false;
    }
    if (i > 0 && members[i].name == members[i - 1].name) {
      *err = "member name '" + members[i].name + "' appears twice";
      return false;
    }
  }
  return true;
}

// A member in a format that is compressed already (a PNG, a zip, an Office package, a PDF) is
// stored as it is: deflating it again costs time (a third of a large build's) and saves nothing.
bool AlreadyCompressed(const std::string& name) {
  for (const char* ext : {".png", ".zip", ".docx", ".xlsx", ".pdf"}) {
    const size_t n = std::strlen(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) return true;
  }
  return false;
}

// The size and CRC-32 of a member's bytes (its file's or its buffer's); false when a file
// cannot be read.
bool SizeAndCrc(const ZipMember& m, uint64_t* size, uint32_t* crc) {
  uLong c = crc32(0L, Z_NULL, 0);
  if (m.file.empty()) {
    const std::string& data = m.borrowed ? *m.borrowed : m.data;
    for (size_t at = 0; at < data.size();) {
      const size_t n = std::min<size_t>(data.size() - at, 1u << 30);
      c = crc32(c, reinterpret_cast<const Bytef*>(data.data() + at), static_cast<uInt>(n));
      at += n;
    }
    *size = data.size();
  } else {
    std::ifstream in(m.file, std::ios::binary);
    if (!in) return false;
    std::vector<char> buf(1u << 16);
    *size = 0;
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
      c = crc32(c, reinterpret_cast<const Bytef*>(buf.data()), static_cast<uInt>(in.gcount()));
      *size += static_cast<uint64_t>(in.gcount());
    }
    if (in.bad()) return false;
  }
  *crc = static_cast<uint32_t>(c);
  return true;
}

// The archives members are copied from (ZipMember::copy_archive), opened once each and kept open
// until the archive that copies from them is closed.
class CopySources {
 public:
  ~CopySources() {
    for (auto& [path, za] : open_)
      if (za) zip_discard(za);
  }
  // A source of `m`'s compressed data in its copy archive, or null when it has none to give (no
  // such archive or member, another size or CRC, a member stored rather than deflated).
  zip_source_t* For(zip_t* into, const ZipMember& m) {
    if (m.copy_archive.empty() || m.copy_member.empty()) return nullptr;
    auto [it, added] = open_.emplace(m.copy_archive, nullptr);
    if (added) {
      int code = 0;
      it->second = zip_open(m.copy_archive.c_str(), ZIP_RDONLY, &code);
    }
    zip_t* from = it->second;
    if (!from) return nullptr;
    const zip_int64_t idx = zip_name_locate(from, m.copy_member.c_str(), ZIP_FL_ENC_RAW);
    zip_stat_t st;
    if (idx < 0 || zip_stat_index(from, static_cast<zip_uint64_t>(idx), 0, &st) != 0 ||
        (st.valid & (ZIP_STAT_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD)) != (ZIP_STAT_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD) ||
        st.comp_method != ZIP_CM_DEFLATE)
      return nullptr;
    uint64_t size = m.known_size;
    uint32_t crc = m.known_crc32.value_or(0);
    if (!m.known_crc32 && !SizeAndCrc(m, &size, &crc)) return nullptr;
    if (size != st.size || crc != st.crc) return nullptr;
    return zip_source_zip(into, from, static_cast<zip_uint64_t>(idx), ZIP_FL_COMPRESSED, 0, -1);
  }

 private:
  std::map<std::string, zip_t*> open_;
};

// Adds every member to the open archive `za` and closes it. On failure the archive is
// discarded (libzip writes into a temporary, so nothing is left behind) and `err` says why.
bool AddAndClose(zip_t* za, const std::vector<ZipMember>& members, const ZipWriteOptions& options, std::string* err) {
  uint16_t dos_date, dos_time;
  DosDateTime(options.mtime, &dos_date, &dos_time);
  int level = std::clamp(options.level, 1, 9);
  auto fail = [&](const std::string& what) {
    *err = what + ": " + zip_strerror(za);
    zip_discard(za);
    return false;
  };
  CopySources copies;  // declared before any return, so still open when `za` is closed below
  for (const ZipMember& m : members) {
    // Buffers are borrowed (freep = 0): `members`, and what they borrow, outlive zip_close below.
    const std::string& data = m.borrowed ? *m.borrowed : m.data;
    const bool store = AlreadyCompressed(m.name);
    zip_source_t* src = store ? nullptr : copies.For(za, m);
    if (!src)
      src = m.file.empty() ? zip_source_buffer(za, data.data(), data.size(), 0) : zip_source_file(za, m.file.c_str(), 0, -1);
    if (!src) return fail("cannot add '" + m.name + "'");
    zip_int64_t idx = zip_file_add(za, m.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      return fail("cannot add '" + m.name + "'");
    }
    zip_uint64_t i = static_cast<zip_uint64_t>(idx);
    if (zip_set_file_compression(za, i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, store ? 0 : static_cast<zip_uint32_t>(level)) != 0 ||
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
  return true;
}

}  // namespace

bool WriteZip(const std::string& path, std::vector<ZipMember> members, const ZipWriteOptions& options,
              std::string* err) {
  if (!CheckMembers(members, options, err)) return false;
  int code = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!za) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, code);
    *err = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return false;
  }
  if (!AddAndClose(za, members, options, err)) return false;
  if (members.empty()) {
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f || std::fwrite(kEmptyZip, 1, sizeof kEmptyZip, f) != sizeof kEmptyZip) {
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

bool ZipToBytes(std::vector<ZipMember> members, const ZipWriteOptions& options, std::string* bytes, std::string* err) {
  if (!CheckMembers(members, options, err)) return false;
  if (members.empty()) {
    bytes->assign(reinterpret_cast<const char*>(kEmptyZip), sizeof kEmptyZip);
    return true;
  }
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &ze);
  if (!src) {
    *err = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return false;
  }
  zip_source_keep(src);  // still ours after zip_close, to read the archive back
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  if (!za) {
    *err = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    zip_source_free(src);
    return false;
  }
  zip_error_fini(&ze);
  bool ok = AddAndClose(za, members, options, err);
  zip_stat_t st;
  if (ok && (zip_source_open(src) != 0 || zip_source_stat(src, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))) {
    *err = "cannot read the archive back from memory";
    ok = false;
  } else if (ok) {
    bytes->assign(st.size, '\0');
    zip_int64_t n = zip_source_read(src, bytes->data(), st.size);
    zip_source_close(src);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
      *err = "cannot read the archive back from memory";
      ok = false;
    }
  }
  zip_source_free(src);
  return ok;
}

}  // namespace plangen::audit

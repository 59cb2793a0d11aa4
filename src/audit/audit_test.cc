#include <boost/test/unit_test.hpp>
#include <zlib.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <zip.h>

#include "audit/manifest.h"
#include "audit/output_tree.h"
#include "audit/package.h"
#include "audit/safe_name.h"
#include "audit/sha256.h"
#include "audit/signing.h"
#include "audit/zip_reader.h"
#include "audit/zip_writer.h"
#include "diag/diagnostic.h"
#include "temp_tree.h"

using namespace plangen;
using namespace plangen::audit;

namespace {

// A fresh directory under /tmp, removed with everything in it at the end of the test; the paths
// inside it are strings, as the audit functions take them.
struct TempDir : plangen::testing::TempDir {
  TempDir() : plangen::testing::TempDir("plangen-audit-test") {}
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

void WriteText(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  BOOST_REQUIRE(out.good());
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) { return "'" + s + "'"; }  // paths here never hold quotes

// Exit status of a shell command, output discarded.
int Run(const std::string& cmd) {
  int rc = std::system((cmd + " >/dev/null 2>&1").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

bool HaveProgram(const std::string& path) { return access(path.c_str(), X_OK) == 0; }

// Codes and first arguments of every finding, in order: "PG3009 'a.txt' does not match...".
std::vector<std::string> Findings(const DiagEngine& diags) {
  std::vector<std::string> out;
  for (const Diagnostic* d : diags.Sorted()) out.push_back(CodeString(d->id) + " " + d->message);
  return out;
}

bool AnyFinding(const DiagEngine& diags, DiagId id, const std::string& text) {
  for (const Diagnostic* d : diags.Sorted())
    if (d->id == id && d->message.find(text) != std::string::npos) return true;
  return false;
}

// A listing of a tree with every file's mode, size and digest: equal listings mean
// byte-for-byte equal trees.
void Walk(const std::string& root, const std::string& rel, std::vector<std::string>* out) {
  std::string dir = rel.empty() ? root : root + "/" + rel;
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d))
    if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") names.push_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    std::string r = rel.empty() ? n : rel + "/" + n;
    struct stat st;
    lstat((root + "/" + r).c_str(), &st);
    char mode[16];
    std::snprintf(mode, sizeof mode, "%o", st.st_mode);
    if (S_ISDIR(st.st_mode)) {
      out->push_back(r + "/ " + mode);
      Walk(root, r, out);
    } else {
      std::string hex, err;
      Sha256File(root + "/" + r, &hex, &err);
      out->push_back(r + " " + mode + " " + std::to_string(st.st_size) + " " + hex);
    }
  }
}

std::vector<std::string> Snapshot(const std::string& root) {
  std::vector<std::string> out;
  Walk(root, "", &out);
  return out;
}

std::vector<std::string> DirNames(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (!d) return names;
  while (dirent* e = readdir(d))
    if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") names.push_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

// An Ed25519 key pair made in memory, written as PEM files.
void MakeKeyPair(const std::string& priv_path, const std::string& pub_path) {
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  BOOST_REQUIRE(key);
  FILE* f = std::fopen(priv_path.c_str(), "wb");
  BOOST_REQUIRE(PEM_write_PrivateKey(f, key, nullptr, nullptr, 0, nullptr, nullptr) == 1);
  std::fclose(f);
  f = std::fopen(pub_path.c_str(), "wb");
  BOOST_REQUIRE(PEM_write_PUBKEY(f, key) == 1);
  std::fclose(f);
  EVP_PKEY_free(key);
}

std::vector<PackageMember> SampleMembers() {
  std::string big;
  for (int i = 0; i < 5000; ++i) big += "row " + std::to_string(i) + ",backup,daily 02:00\n";
  return {
      {"outputs/runbooks/dba.html", "<html><body>DBA runbook</body></html>\n", MemberRole::kOutput},
      {"inputs/plan.xml", "<plan id='p1'/>\n", MemberRole::kInput},
      {"reports/findings.json", "{\"findings\":[]}\n", MemberRole::kReport},
      {"outputs/checklists/all.csv", big, MemberRole::kOutput},
      {"inputs/empty.txt", "", MemberRole::kInput},
  };
}

PackageInfo SampleInfo() {
  PackageInfo info;
  info.plangen_version = "0.1.0";
  info.as_of = "2026-11-29";
  return info;
}

// Rewrites the package at `path` after `change` edits its members (MANIFEST included).
template <typename F>
void Tamper(const std::string& path, F change) {
  ZipContents zc = ReadZipFile(path, ZipLimits());
  BOOST_REQUIRE(zc.problems.empty());
  std::vector<ZipMember> members;
  for (ZipEntry& e : zc.entries) members.push_back(ZipMember{e.name, e.data});
  change(members);
  std::string err;
  BOOST_REQUIRE_MESSAGE(WriteZip(path, members, ZipWriteOptions(), &err), err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit)

// ---- SHA-256 -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(sha256_known_vectors) {
  BOOST_TEST(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  BOOST_TEST(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string million(1000000, 'a');
  BOOST_TEST(Sha256Hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

BOOST_AUTO_TEST_CASE(sha256_file_matches_buffer_and_sha256sum) {
  TempDir dir;
  std::string data;
  for (int i = 0; i < 200000; ++i) data += static_cast<char>(i * 7 + 3);  // several read blocks
  WriteText(dir / "f.bin", data);
  std::string hex, err;
  BOOST_REQUIRE(Sha256File(dir / "f.bin", &hex, &err));
  BOOST_TEST(hex == Sha256Hex(data));
  WriteText(dir / "f.sha", hex + "  " + dir / "f.bin" + "\n");
  BOOST_TEST(Run("sha256sum -c --strict " + Quote(dir / "f.sha")) == 0);
  BOOST_TEST(!Sha256File(dir / "missing", &hex, &err));
  BOOST_TEST(err == "No such file or directory");
}

BOOST_AUTO_TEST_CASE(sha256_hex_shape) {
  BOOST_TEST(IsSha256Hex(Sha256Hex("x")));
  BOOST_TEST(!IsSha256Hex(std::string(63, 'a')));
  BOOST_TEST(!IsSha256Hex(std::string(64, 'A')));  // sha256sum writes lower case
  BOOST_TEST(!IsSha256Hex(std::string(64, 'g')));
}

// ---- safe names ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(safe_component_accepts_ordinary_names) {
  for (const char* ok : {"dba", "pool01.contoso.com", "runbook-dba.html", "Überwachung", "a b", "COM10",
                         "console", "LPT", "NULL.txt", "x.tar.gz"})
    BOOST_TEST(UnsafeComponentReason(ok) == "", ok);
  BOOST_TEST(UnsafeComponentReason(std::string(100, 'a')) == "");
}

BOOST_AUTO_TEST_CASE(safe_component_refuses_escaping_and_unsafe_names) {
  struct Case {
    std::string name, reason_part;
  };
  std::vector<Case> cases = {
      {"", "empty"},
      {".", "names a directory"},
      {"..", "names a directory"},
      {"../etc", "path separator '/'"},
      {"..x", "starts with a dot"},
      {"a/b", "path separator '/'"},
      {"a\\b", "path separator '\\'"},
      {"C:", "drive letter 'C:'"},
      {"c:evil", "drive letter 'c:'"},
      {"CON", "'CON' is a Windows device name"},
      {"con.html", "'con' is a Windows device name"},
      {"Nul.tar.gz", "'Nul' is a Windows device name"},
      {"PRN", "device name"},
      {"aux.md", "device name"},
      {"COM1", "device name"},
      {"com9.ics", "device name"},
      {"LPT1", "device name"},
      {"lpt9.xlsx", "device name"},
      {"NUL .txt", "device name"},
      {std::string("a\nb"), "control character 0x0A"},
      {std::string("a\x7f"), "control character 0x7F"},
      {std::string("tab\there"), "control character 0x09"},
      {".hidden", "starts with a dot"},
      {"trailing.", "ends with a dot"},
      {" lead", "starts with a dot or a space"},
      {"trail ", "ends with a dot or a space"},
      {std::string(101, 'a'), "101 bytes long, more than 100"},
      {"ab:c", "':', which Windows does not allow"},
      {"a:b", "drive letter 'a:'"},  // drive-relative on Windows
      {"what?", "'?'"},
      {"bad\xff", "not valid UTF-8"},
      {"over\xc0\xaf", "not valid UTF-8"},
  };
  for (const Case& c : cases) {
    std::string why = UnsafeComponentReason(c.name);
    BOOST_TEST(why.find(c.reason_part) != std::string::npos, "'" << c.name << "' gave '" << why << "'");
  }
}

BOOST_AUTO_TEST_CASE(safe_relative_paths) {
  BOOST_TEST(UnsafeRelativePathReason("runbooks/dba.html") == "");
  BOOST_TEST(UnsafeRelativePathReason("/etc/passwd") == "it is an absolute path");
  BOOST_TEST(UnsafeRelativePathReason("a/../../b") == "component '..': it names a directory ('..')");
  BOOST_TEST(UnsafeRelativePathReason("a//b") == "component '': it is empty");
  BOOST_TEST(UnsafeRelativePathReason("a/") == "component '': it is empty");
  BOOST_TEST(UnsafeRelativePathReason("C:/x") == "component 'C:': it starts with the drive letter 'C:'");
}

BOOST_AUTO_TEST_CASE(office_packages_may_hold_relationship_parts) {
  std::vector<ZipMember> members = {{"_rels/.rels", "<Relationships/>"}, {"word/_rels/document.xml.rels", "<r/>"}};
  std::string bytes, err;
  BOOST_TEST(!ZipToBytes(members, ZipWriteOptions{}, &bytes, &err));
  BOOST_TEST(err == "member name '_rels/.rels' is unsafe: component '.rels': it starts with a dot or a space");
  ZipWriteOptions office;
  office.office_package = true;
  BOOST_TEST(ZipToBytes(members, office, &bytes, &err), err);
  // Only a component that is exactly ".rels": other dot names and unsafe paths stay refused.
  for (const char* bad : {"_rels/.relsx", "_rels/.hidden", "../.rels", "a/../.rels/x"}) {
    BOOST_TEST(!ZipToBytes({{bad, "x"}}, office, &bytes, &err), bad);
  }
}

BOOST_AUTO_TEST_CASE(safe_component_reports_pg0004) {
  SourceManager sm;
  DiagEngine diags(sm);
  int32_t f = sm.AddFile("plan.xml", "<role id='../x'/>");
  BOOST_TEST(SafeComponent("dba", "role id", Loc::At(f, 0), diags));
  BOOST_TEST(diags.errors() == 0);
  BOOST_TEST(!SafeComponent("../x", "role id", Loc::At(f, 10), diags));
  BOOST_REQUIRE(diags.errors() == 1);
  BOOST_TEST(Findings(diags)[0] ==
             "PG0004 role id '../x' cannot be used in a file name: it holds the path separator '/'");
}

// ---- zip writing ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(zip_dos_time) {
  uint16_t d, t;
  DosDateTime(kZipEpoch, &d, &t);
  BOOST_TEST(d == 0x21);  // 1980-01-01
  BOOST_TEST(t == 0);
  DosDateTime(0, &d, &t);  // before 1980: clamped
  BOOST_TEST(d == 0x21);
  DosDateTime(1796043905, &d, &t);  // 2026-11-30 13:05:05 UTC; seconds round down to even
  BOOST_TEST(d == (((2026 - 1980) << 9) | (11 << 5) | 30));
  BOOST_TEST(t == ((13 << 11) | (5 << 5) | 2));
}

BOOST_AUTO_TEST_CASE(zip_is_deterministic_and_accepted_by_unzip_and_python) {
  TempDir dir;
  std::vector<ZipMember> members = {{"b/second.txt", std::string(50000, 'x')}, {"a.txt", "alpha\n"},
                                    {"empty", ""}};
  std::vector<ZipMember> reversed(members.rbegin(), members.rend());
  std::string err;
  BOOST_REQUIRE_MESSAGE(WriteZip(dir / "one.zip", members, ZipWriteOptions(), &err), err);
  BOOST_REQUIRE_MESSAGE(WriteZip(dir / "two.zip", reversed, ZipWriteOptions(), &err), err);
  std::string one = ReadText(dir / "one.zip");
  BOOST_TEST(one.size() > 0u);
  BOOST_TEST((one == ReadText(dir / "two.zip")));
  // A compressible member really is deflated.
  BOOST_TEST(one.size() < 10000u);

  if (HaveProgram("/usr/bin/unzip")) BOOST_TEST(Run("/usr/bin/unzip -t " + Quote(dir / "one.zip")) == 0);
  if (HaveProgram("/usr/bin/python3")) {
    // Every member: sorted, 1980-01-01 00:00, regular file 0644 made on Unix, no extra fields,
    // deflated, CRC correct (testzip), content intact.
    WriteText(dir / "check.py",
              "import sys, zipfile\n"
              "z = zipfile.ZipFile(sys.argv[1])\n"
              "assert z.testzip() is None\n"
              "infos = z.infolist()\n"
              "names = [i.filename for i in infos]\n"
              "assert names == ['a.txt', 'b/second.txt', 'empty'], names\n"
              "for i in infos:\n"
              "    assert i.date_time == (1980, 1, 1, 0, 0, 0), i.date_time\n"
              "    assert i.external_attr == 0o100644 << 16, oct(i.external_attr)\n"
              "    assert i.create_system == 3, i.create_system\n"
              "    assert i.extra == b'', i.extra\n"
              "    assert i.compress_type == zipfile.ZIP_DEFLATED, i.compress_type\n"
              "assert z.read('a.txt') == b'alpha\\n'\n"
              "assert z.read('b/second.txt') == b'x' * 50000\n"
              "assert z.comment == b''\n"
              "f = open(sys.argv[1], 'rb').read()\n"
              "off = 0\n"  // local headers: extra length (bytes 28-29) must be 0 too
              "for i in infos:\n"
              "    h = f[i.header_offset:i.header_offset + 30]\n"
              "    assert h[:4] == b'PK\\x03\\x04'\n"
              "    assert int.from_bytes(h[28:30], 'little') == 0, i.filename\n");
    BOOST_TEST(Run("/usr/bin/python3 " + Quote(dir / "check.py") + " " + Quote(dir / "one.zip")) == 0);
  }
}

BOOST_AUTO_TEST_CASE(zip_timestamp_option_changes_only_the_time) {
  TempDir dir;
  std::string err;
  ZipWriteOptions later;
  later.mtime = 1796043905;
  BOOST_REQUIRE(WriteZip(dir / "a.zip", {{"x", "1"}}, ZipWriteOptions(), &err));
  BOOST_REQUIRE(WriteZip(dir / "b.zip", {{"x", "1"}}, later, &err));
  BOOST_TEST((ReadText(dir / "a.zip") != ReadText(dir / "b.zip")));
  if (HaveProgram("/usr/bin/python3"))
    BOOST_TEST(Run("/usr/bin/python3 -c \"import zipfile,sys; "
                   "assert zipfile.ZipFile(sys.argv[1]).infolist()[0].date_time == (2026,11,30,13,5,4)\" " +
                   Quote(dir / "b.zip")) == 0);
}

BOOST_AUTO_TEST_CASE(zip_writer_refuses_unsafe_and_duplicate_names) {
  TempDir dir;
  std::string err;
  BOOST_TEST(!WriteZip(dir / "a.zip", {{"../evil", "x"}}, ZipWriteOptions(), &err));
  BOOST_TEST(err.find("unsafe") != std::string::npos);
  BOOST_TEST(!WriteZip(dir / "a.zip", {{"/abs", "x"}}, ZipWriteOptions(), &err));
  BOOST_TEST(!WriteZip(dir / "a.zip", {{"x", "1"}, {"x", "2"}}, ZipWriteOptions(), &err));
  BOOST_TEST(err == "member name 'x' appears twice");
  BOOST_TEST(access((dir / "a.zip").c_str(), F_OK) != 0);
}

BOOST_AUTO_TEST_CASE(zip_round_trip_and_empty_archive) {
  TempDir dir;
  std::string err;
  BOOST_REQUIRE(WriteZip(dir / "a.zip", {{"d/x.txt", "hello"}, {"y", std::string(300000, 'y')}},
                         ZipWriteOptions(), &err));
  ZipContents zc = ReadZipFile(dir / "a.zip", ZipLimits());
  BOOST_TEST(zc.opened);
  BOOST_TEST(zc.problems.empty());
  BOOST_REQUIRE(zc.entries.size() == 2u);
  BOOST_TEST(zc.entries[0].name == "d/x.txt");
  BOOST_TEST(zc.entries[0].data == "hello");
  BOOST_TEST((zc.entries[1].data == std::string(300000, 'y')));
  // The same bytes read from memory.
  ZipContents mem = ReadZipBytes(ReadText(dir / "a.zip"), ZipLimits());
  BOOST_TEST(mem.entries.size() == 2u);

  BOOST_REQUIRE(WriteZip(dir / "empty.zip", {}, ZipWriteOptions(), &err));
  ZipContents empty = ReadZipFile(dir / "empty.zip", ZipLimits());
  BOOST_TEST(empty.opened);
  BOOST_TEST(empty.entries.empty());
}

// Members in a compressed format are stored as they are; the others are deflated. Both read back.
BOOST_AUTO_TEST_CASE(zip_stores_compressed_formats_and_deflates_the_rest) {
  TempDir dir;
  std::string err;
  const std::string body(100000, 'z');
  std::vector<ZipMember> members;
  for (const char* name : {"a.md", "b.png", "c.docx", "d.xlsx", "e.pdf", "f.zip", "g.png.txt"})
    members.push_back({name, body});
  BOOST_REQUIRE(WriteZip(dir / "m.zip", members, ZipWriteOptions(), &err));
  int code = 0;
  zip_t* za = zip_open((dir / "m.zip").c_str(), ZIP_RDONLY, &code);
  BOOST_REQUIRE(za);
  for (const ZipMember& m : members) {
    zip_stat_t st;
    BOOST_REQUIRE(zip_stat(za, m.name.c_str(), 0, &st) == 0);
    const bool stored = m.name != "a.md" && m.name != "g.png.txt";
    BOOST_TEST((st.comp_method == (stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE)), m.name);
    BOOST_TEST((stored ? st.comp_size == body.size() : st.comp_size < body.size() / 10), m.name);
  }
  zip_close(za);
  ZipContents zc = ReadZipFile(dir / "m.zip", ZipLimits());
  BOOST_REQUIRE(zc.entries.size() == members.size());
  for (const ZipEntry& e : zc.entries) BOOST_TEST((e.data == body), e.name);
}

// A member whose bytes another zip holds deflated already is copied from it: the same archive
// bytes as deflating it again. Another size or CRC, a missing member or archive: deflated as usual.
BOOST_AUTO_TEST_CASE(zip_copies_deflated_members_from_another_archive_only_when_they_are_the_same_bytes) {
  TempDir dir;
  std::string err, text;
  for (int i = 0; i < 5000; ++i) text += "step " + std::to_string(i * 7919 % 613) + " of the runbook\n";
  BOOST_REQUIRE(WriteZip(dir / "bundle.zip", {{"runbooks/a.md", text}, {"other.md", "other"}}, ZipWriteOptions(), &err));
  BOOST_TEST(ZipMemberNames(dir / "bundle.zip") == (std::vector<std::string>{"other.md", "runbooks/a.md"}),
             boost::test_tools::per_element());
  BOOST_TEST(ZipMemberNames(dir / "none.zip").empty());
  auto package = [&](const std::string& name, const std::string& bytes, const std::string& from, const std::string& member) {
    ZipMember m{"outputs/runbooks/a.md", bytes};
    m.copy_archive = from;
    m.copy_member = member;
    BOOST_REQUIRE(WriteZip(dir / name, {m, {"MANIFEST", "m"}}, ZipWriteOptions(), &err));
    return ReadText(dir / name);
  };
  const std::string plain = package("plain.zip", text, "", "");
  BOOST_TEST((package("copied.zip", text, dir / "bundle.zip", "runbooks/a.md") == plain));
  // That the data is copied shows with an archive deflated at another level: its data is taken.
  ZipWriteOptions fast;
  fast.level = 1;
  BOOST_REQUIRE(WriteZip(dir / "fast.zip", {{"runbooks/a.md", text}}, fast, &err));
  const std::string copied_fast = package("copied-fast.zip", text, dir / "fast.zip", "runbooks/a.md");
  BOOST_TEST((copied_fast != plain));
  ZipContents fz = ReadZipFile(dir / "copied-fast.zip", ZipLimits());
  BOOST_REQUIRE(fz.entries.size() == 2u);
  BOOST_TEST(fz.problems.empty());
  BOOST_TEST((fz.entries[1].data == text));
  // Not the same bytes: the member's own bytes are deflated, not the other archive's copied.
  const std::string changed = text + "one more line\n";
  const std::string own = package("own.zip", changed, "", "");
  BOOST_TEST((package("changed.zip", changed, dir / "bundle.zip", "runbooks/a.md") == own));
  BOOST_TEST((package("missing-member.zip", text, dir / "bundle.zip", "runbooks/b.md") == plain));
  BOOST_TEST((package("missing-archive.zip", text, dir / "none.zip", "runbooks/a.md") == plain));
  ZipContents zc = ReadZipFile(dir / "changed.zip", ZipLimits());
  BOOST_REQUIRE(zc.entries.size() == 2u);
  BOOST_TEST((zc.entries[1].data == changed));
  // A member read from a file is compared by its file's bytes.
  { std::ofstream(dir / "a.md", std::ios::binary) << text; }
  ZipMember f{"outputs/runbooks/a.md", {}};
  f.file = dir / "a.md";
  f.copy_archive = dir / "bundle.zip";
  f.copy_member = "runbooks/a.md";
  BOOST_REQUIRE(WriteZip(dir / "from-file.zip", {f, {"MANIFEST", "m"}}, ZipWriteOptions(), &err));
  BOOST_TEST((ReadText(dir / "from-file.zip") == plain));
  // A file member whose size and CRC-32 were worked out as it was written is compared by those,
  // without reading the file again: here it is gone, and the copy is made all the same.
  auto crc_of = [](const std::string& bytes) {
    return static_cast<uint32_t>(crc32_z(crc32_z(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
  };
  ZipMember known = f;
  known.file = dir / "gone.md";
  known.known_size = text.size();
  known.known_crc32 = crc_of(text);
  BOOST_REQUIRE(WriteZip(dir / "known.zip", {known, {"MANIFEST", "m"}}, ZipWriteOptions(), &err));
  BOOST_TEST((ReadText(dir / "known.zip") == plain));
  // Known figures that are not the archive member's: no copy, the file's own bytes are deflated.
  { std::ofstream(dir / "changed.md", std::ios::binary) << changed; }
  known.file = dir / "changed.md";
  known.known_size = changed.size();
  known.known_crc32 = crc_of(changed);
  BOOST_REQUIRE(WriteZip(dir / "known-changed.zip", {known, {"MANIFEST", "m"}}, ZipWriteOptions(), &err));
  BOOST_TEST((ReadText(dir / "known-changed.zip") == own));
}

// ---- zip reading limits ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(zip_reader_refuses_unsafe_names_from_other_tools) {
  if (!HaveProgram("/usr/bin/python3")) return;
  TempDir dir;
  WriteText(dir / "make.py",
            "import sys, zipfile\n"
            "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
            "    z.writestr('ok.txt', 'fine')\n"
            "    z.writestr('../escape.txt', 'x')\n"
            "    z.writestr('/etc/abs.txt', 'x')\n"
            "    z.writestr('a/../../b.txt', 'x')\n"
            "    z.writestr('C:/win.txt', 'x')\n"
            "    z.writestr('sub/', '')\n"  // a directory entry: accepted, carries no content
            "    z.writestr('nul.txt', 'x')\n");
  BOOST_REQUIRE(Run("/usr/bin/python3 " + Quote(dir / "make.py") + " " + Quote(dir / "bad.zip")) == 0);
  ZipContents zc = ReadZipFile(dir / "bad.zip", ZipLimits());
  BOOST_REQUIRE(zc.entries.size() == 1u);
  BOOST_TEST(zc.entries[0].name == "ok.txt");
  std::vector<std::string> refused;
  for (const ZipProblem& p : zc.problems) {
    BOOST_TEST((p.kind == ZipProblem::kUnsafeName));
    refused.push_back(p.member);
  }
  BOOST_TEST(refused == (std::vector<std::string>{"../escape.txt", "/etc/abs.txt", "a/../../b.txt",
                                                   "C:/win.txt", "nul.txt"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(zip_reader_is_not_fooled_by_a_forged_size) {
  if (!HaveProgram("/usr/bin/python3")) return;
  TempDir dir;
  // 10 MiB of zeros whose local and central headers are patched to claim 1,000 bytes.
  WriteText(dir / "forge.py",
            "import sys, zipfile, struct\n"
            "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
            "    z.writestr('bomb.bin', b'\\0' * (10 << 20))\n"
            "b = bytearray(open(sys.argv[1], 'rb').read())\n"
            "struct.pack_into('<I', b, 22, 1000)\n"
            "c = b.rfind(b'PK\\x01\\x02')\n"
            "struct.pack_into('<I', b, c + 24, 1000)\n"
            "open(sys.argv[1], 'wb').write(b)\n");
  BOOST_REQUIRE(Run("/usr/bin/python3 " + Quote(dir / "forge.py") + " " + Quote(dir / "forged.zip")) == 0);
  ZipLimits limits;
  limits.max_member_bytes = 1 << 20;
  ZipContents zc = ReadZipFile(dir / "forged.zip", limits);
  BOOST_TEST(zc.entries.empty());
  BOOST_REQUIRE(zc.problems.size() == 1u);
  BOOST_TEST((zc.problems[0].kind == ZipProblem::kUnreadable));
  BOOST_TEST(zc.problems[0].detail == "it holds more data than the 1000 bytes its header declares");
}

BOOST_AUTO_TEST_CASE(zip_reader_caps_members_total_and_entries) {
  TempDir dir;
  std::string err;
  BOOST_REQUIRE(WriteZip(dir / "a.zip", {{"a", std::string(5000, 'a')}, {"b", std::string(5000, 'b')},
                                         {"c", "c"}},
                         ZipWriteOptions(), &err));
  ZipLimits member;
  member.max_member_bytes = 4000;
  ZipContents zc = ReadZipFile(dir / "a.zip", member);
  BOOST_TEST(zc.entries.size() == 1u);  // only "c"
  BOOST_REQUIRE(zc.problems.size() == 2u);
  BOOST_TEST((zc.problems[0].kind == ZipProblem::kTooLarge));
  BOOST_TEST(zc.problems[0].detail == "it declares 5000 bytes, more than the limit of 4000");

  ZipLimits total;
  total.max_total_bytes = 8000;
  zc = ReadZipFile(dir / "a.zip", total);
  BOOST_TEST(zc.entries.size() == 1u);  // "a" fits, "b" crosses the total, reading stops
  BOOST_REQUIRE(zc.problems.size() == 1u);
  BOOST_TEST(zc.problems[0].member == "b");
  BOOST_TEST(zc.problems[0].detail.find("together inflate to more than the limit of 8000") != std::string::npos);

  ZipLimits entries;
  entries.max_entries = 2;
  zc = ReadZipFile(dir / "a.zip", entries);
  BOOST_TEST(zc.entries.empty());
  BOOST_REQUIRE(zc.problems.size() == 1u);
  BOOST_TEST((zc.problems[0].kind == ZipProblem::kTooMany));
}

BOOST_AUTO_TEST_CASE(zip_reader_reports_a_non_zip) {
  TempDir dir;
  WriteText(dir / "not.zip", "this is not an archive at all");
  ZipContents zc = ReadZipFile(dir / "not.zip", ZipLimits());
  BOOST_TEST(!zc.opened);
  BOOST_REQUIRE(zc.problems.size() == 1u);
  BOOST_TEST((zc.problems[0].kind == ZipProblem::kNotZip));
  BOOST_TEST(!ReadZipBytes("PK", ZipLimits()).opened);
}

// ---- manifest --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(manifest_format_is_exact) {
  Manifest m;
  m.plangen_version = "0.1.0";
  m.as_of = "2026-11-29";
  m.entries.push_back(MakeEntry("b.txt", "b", MemberRole::kOutput));
  m.entries.push_back(MakeEntry("a.xml", "", MemberRole::kInput));
  BOOST_TEST(ValidateManifest(m) == "");
  BOOST_TEST(FormatManifest(m) ==
             "# plangen-manifest: 1\n"
             "# plangen-version: 0.1.0\n"
             "# as-of: 2026-11-29\n"
             "# member: input 0\n"
             "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.xml\n"
             "# member: output 1\n"
             "3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.txt\n");
}

BOOST_AUTO_TEST_CASE(manifest_validation_refuses_what_it_cannot_write) {
  Manifest m;
  m.plangen_version = "0.1.0";
  m.as_of = "2026-11-29";
  m.entries.push_back(MakeEntry("../x", "", MemberRole::kInput));
  BOOST_TEST(ValidateManifest(m).find("member '../x'") == 0u);
  m.entries = {MakeEntry("MANIFEST", "", MemberRole::kInput)};
  BOOST_TEST(ValidateManifest(m) == "member 'MANIFEST': the name is reserved for the manifest");
  m.entries = {MakeEntry("a", "", MemberRole::kInput), MakeEntry("a", "", MemberRole::kInput)};
  BOOST_TEST(ValidateManifest(m) == "member 'a' is listed twice");
  m.entries.clear();
  m.as_of = "29.11.2026";
  BOOST_TEST(ValidateManifest(m) == "the as-of date '29.11.2026' is not YYYY-MM-DD");
  m.as_of = "2026-11-29";
  m.plangen_version = "0.1\n# member: input 1";
  BOOST_TEST(ValidateManifest(m) == "the plangen version is not one line");
}

BOOST_AUTO_TEST_CASE(manifest_round_trip) {
  Manifest m;
  m.plangen_version = "0.1.0";
  m.as_of = "2026-11-29";
  m.entries.push_back(MakeEntry("reports/findings.sarif", "{}", MemberRole::kReport));
  m.entries.push_back(MakeEntry("inputs/plan.xml", "<plan/>", MemberRole::kInput));
  std::string text = FormatManifest(m);
  SourceManager sm;
  DiagEngine diags(sm);
  Manifest back;
  BOOST_TEST(ParseManifest(sm.AddFile("MANIFEST", text), diags, &back));
  BOOST_TEST(diags.errors() == 0);
  BOOST_TEST(back.plangen_version == "0.1.0");
  BOOST_TEST(back.as_of == "2026-11-29");
  BOOST_TEST(back.paper == "");  // not recorded: a package from before --paper
  BOOST_REQUIRE(back.entries.size() == 2u);
  BOOST_TEST(back.entries[0].path == "inputs/plan.xml");
  BOOST_TEST((back.entries[0].role == MemberRole::kInput));
  BOOST_TEST(back.entries[0].size == 7u);
  BOOST_TEST(back.entries[0].sha256 == Sha256Hex("<plan/>"));
  BOOST_TEST((back.entries[1].role == MemberRole::kReport));
  BOOST_TEST(FormatManifest(back) == text);
  // The paper of the build, after the as-of date, read back.
  m.paper = "letter";
  text = FormatManifest(m);
  BOOST_TEST(text.find("# as-of: 2026-11-29\n# paper: letter\n# member: ") != std::string::npos, text);
  BOOST_TEST(ParseManifest(sm.AddFile("MANIFEST2", text), diags, &back));
  BOOST_TEST(back.paper == "letter");
  BOOST_TEST(FormatManifest(back) == text);
  m.paper = "b5";
  BOOST_TEST(ValidateManifest(m) == "the paper 'b5' is not a4 or letter");
}

BOOST_AUTO_TEST_CASE(manifest_parse_errors_point_at_their_line) {
  const std::string head = "# plangen-manifest: 1\n# plangen-version: 0.1.0\n# as-of: 2026-11-29\n";
  const std::string digest = Sha256Hex("x");
  struct Case {
    std::string text, message;
    int line;
  };
  std::vector<Case> cases = {
      {"", "malformed MANIFEST: it is empty", 0},  // an empty file has no line to check
      {"a  b\n", "malformed MANIFEST: the first line must be '# plangen-manifest: 1'", 1},
      {"# plangen-manifest: 2\n", "malformed MANIFEST: layout version '2' is not supported (this plangen reads 1)", 1},
      {head + "# member: secret 1\n" + digest + "  a\n",
       "malformed MANIFEST: unknown role 'secret' (expected input, output or report)", 4},
      {head + "# member: input 01\n" + digest + "  a\n",
       "malformed MANIFEST: size '01' is not a number of bytes", 4},
      {head + "# member: input 1\n# member: input 1\n" + digest + "  a\n",
       "malformed MANIFEST: '# member:' line is not followed by its digest line", 4},
      {head + digest + "  a\n", "malformed MANIFEST: digest line without a '# member:' line before it", 4},
      {head + "# member: input 1\n" + digest + " a\n",
       "malformed MANIFEST: expected '<sha256>  <path>' (64 lower-case hex digits, two spaces, the path)", 5},
      {head + "# member: input 1\n" + digest + "  ../a\n",
       "malformed MANIFEST: path '../a' cannot be a member: component '..': it names a directory ('..')", 5},
      {head + "# member: input 1\n" + digest + "  b\n# member: input 1\n" + digest + "  a\n",
       "malformed MANIFEST: 'a' is out of order (members are sorted by path)", 7},
      {head + "# member: input 1\n" + digest + "  a\n# member: input 1\n" + digest + "  a\n",
       "malformed MANIFEST: 'a' is listed twice", 7},
      {head + "\n", "malformed MANIFEST: empty line (sha256sum --strict rejects it)", 4},
      {"# plangen-manifest: 1\n# as-of: 2026-11-29\n", "malformed MANIFEST: no '# plangen-version:' line", 1},
      {"# plangen-manifest: 1\n# plangen-version: 1\n# as-of: 2026-13-01\n",
       "malformed MANIFEST: as-of date '2026-13-01' is not a date YYYY-MM-DD", 3},
      {head + "# paper: a3\n", "malformed MANIFEST: paper 'a3' is not a4 or letter", 4},
      {head + "# paper: a4\n# paper: letter\n", "malformed MANIFEST: second '# paper:' line", 5},
      {head + "# member: input 1\r\n" + digest + "  a\n",
       "malformed MANIFEST: line ends with a carriage return (CRLF); sha256sum would read it as part of the name", 4},
      {head + "# member: input 1\n" + digest + "  a", "malformed MANIFEST: the last line does not end with a newline", 5},
  };
  for (const Case& c : cases) {
    SourceManager sm;
    DiagEngine diags(sm);
    Manifest out;
    BOOST_TEST(!ParseManifest(sm.AddFile("MANIFEST", c.text), diags, &out), c.message);
    auto found = diags.Sorted();
    BOOST_REQUIRE_MESSAGE(!found.empty(), c.message);
    BOOST_TEST((found[0]->id == DiagId::err_manifest_malformed));
    BOOST_TEST(found[0]->message == c.message);
    if (c.line > 0) BOOST_TEST(sm.Resolve(found[0]->loc).line == c.line, c.message);
  }
}

BOOST_AUTO_TEST_CASE(manifest_free_comments_are_ignored) {
  std::string text = "# plangen-manifest: 1\n# plangen-version: 0.1.0\n# as-of: 2026-11-29\n# made for the audit\n";
  SourceManager sm;
  DiagEngine diags(sm);
  Manifest out;
  BOOST_TEST(ParseManifest(sm.AddFile("MANIFEST", text), diags, &out));
  BOOST_TEST(out.entries.empty());
}

// ---- packages --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(package_is_deterministic_and_verifies) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  std::vector<PackageMember> shuffled = SampleMembers();
  std::reverse(shuffled.begin(), shuffled.end());
  BOOST_REQUIRE(WritePackage(dir / "b.zip", shuffled, SampleInfo(), diags));
  BOOST_TEST((ReadText(dir / "a.zip") == ReadText(dir / "b.zip")));

  VerifyResult r;
  BOOST_TEST(VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags, &r));
  BOOST_TEST(Findings(diags).empty());
  BOOST_TEST(r.members.size() == 5u);
  BOOST_TEST(r.members.at("inputs/plan.xml") == "<plan id='p1'/>\n");
  BOOST_TEST(r.manifest.as_of == "2026-11-29");
  BOOST_TEST(!r.signature_checked);
}

BOOST_AUTO_TEST_CASE(package_manifest_checks_with_sha256sum_after_unzip) {
  if (!HaveProgram("/usr/bin/unzip")) return;
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  BOOST_REQUIRE(Run("/usr/bin/unzip -q " + Quote(dir / "a.zip") + " -d " + Quote(dir / "x")) == 0);
  BOOST_TEST(Run("cd " + Quote(dir / "x") + " && sha256sum -c --strict MANIFEST") == 0);
  // And it is a real check: a changed member fails it.
  WriteText(dir / "x/inputs/plan.xml", "<plan id='p2'/>\n");
  BOOST_TEST(Run("cd " + Quote(dir / "x") + " && sha256sum -c --strict MANIFEST") == 1);
}

BOOST_AUTO_TEST_CASE(package_verify_names_a_changed_member) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  Tamper(dir / "a.zip", [](std::vector<ZipMember>& ms) {
    for (ZipMember& m : ms)
      if (m.name == "reports/findings.json") m.data[2] = 'F';  // one byte, same size
  });
  BOOST_TEST(!VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(Findings(diags) ==
                 std::vector<std::string>{"PG3009 'reports/findings.json' does not match its MANIFEST digest"},
             boost::test_tools::per_element());
  const Diagnostic* d = diags.Sorted()[0];
  ResolvedLoc where = sm.Resolve(d->loc);
  BOOST_TEST(where.file == dir / "a.zip:MANIFEST");
  BOOST_TEST(where.line == 13);  // the member's digest line: 3 header lines, 2 lines per member, 5th member
  BOOST_REQUIRE(d->notes.size() == 1u);
  BOOST_TEST(d->notes[0].message.find("the MANIFEST records ") == 0u);
}

BOOST_AUTO_TEST_CASE(package_verify_names_a_resized_member) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  Tamper(dir / "a.zip", [](std::vector<ZipMember>& ms) {
    for (ZipMember& m : ms)
      if (m.name == "inputs/empty.txt") m.data = "now";
  });
  BOOST_TEST(!VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(Findings(diags) ==
                 (std::vector<std::string>{"PG3010 'inputs/empty.txt' is 3 bytes, the MANIFEST records 0",
                                           "PG3009 'inputs/empty.txt' does not match its MANIFEST digest"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(package_verify_names_a_removed_member) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  Tamper(dir / "a.zip", [](std::vector<ZipMember>& ms) {
    ms.erase(std::remove_if(ms.begin(), ms.end(), [](const ZipMember& m) { return m.name == "inputs/plan.xml"; }),
             ms.end());
  });
  BOOST_TEST(!VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(Findings(diags) ==
                 std::vector<std::string>{"PG3007 'inputs/plan.xml' is listed in the MANIFEST but missing from the package"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(package_verify_names_an_added_member) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  Tamper(dir / "a.zip", [](std::vector<ZipMember>& ms) { ms.push_back({"outputs/extra.html", "<p>new</p>"}); });
  BOOST_TEST(!VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(Findings(diags) ==
                 std::vector<std::string>{"PG3008 'outputs/extra.html' is in the package but not listed in the MANIFEST"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(package_verify_reports_a_corrupted_archive_byte) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  // Flip one byte inside the compressed data of the large member: its CRC no longer matches.
  std::string bytes = ReadText(dir / "a.zip");
  size_t at = bytes.find("outputs/checklists/all.csv") + 26 + 100;
  bytes[at] = static_cast<char>(bytes[at] ^ 0x55);
  WriteText(dir / "a.zip", bytes);
  BOOST_TEST(!VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));
  BOOST_REQUIRE(!diags.Sorted().empty());
  BOOST_TEST((diags.Sorted()[0]->id == DiagId::err_package_member_unreadable));
  BOOST_TEST(diags.Sorted()[0]->message.find("'outputs/checklists/all.csv' cannot be read") != std::string::npos);
  // Not also reported as missing: the member is there, just damaged.
  BOOST_TEST(!AnyFinding(diags, DiagId::err_member_missing, ""));
}

BOOST_AUTO_TEST_CASE(package_verify_without_manifest_or_not_a_zip) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  std::string err;
  BOOST_REQUIRE(WriteZip(dir / "nomanifest.zip", {{"a", "b"}}, ZipWriteOptions(), &err));
  BOOST_TEST(!VerifyPackage(dir / "nomanifest.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(AnyFinding(diags, DiagId::err_manifest_missing, "has no MANIFEST"));
  WriteText(dir / "junk.zip", "junk");
  BOOST_TEST(!VerifyPackage(dir / "junk.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(AnyFinding(diags, DiagId::err_package_unreadable, "junk.zip"));
  BOOST_TEST(!VerifyPackage(dir / "absent.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(AnyFinding(diags, DiagId::err_package_unreadable, "absent.zip"));
}

BOOST_AUTO_TEST_CASE(package_verify_refuses_an_unsafe_member) {
  if (!HaveProgram("/usr/bin/python3")) return;
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  BOOST_REQUIRE(Run("/usr/bin/python3 -c \"import zipfile,sys; zipfile.ZipFile(sys.argv[1],'a').writestr('../up.txt','x')\" " +
                    Quote(dir / "a.zip")) == 0);
  BOOST_TEST(!VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));
  BOOST_TEST(Findings(diags) ==
                 std::vector<std::string>{"PG3002 package member '../up.txt' has an unsafe name: component '..': it "
                                          "names a directory ('..')"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(package_verify_names_a_duplicated_member) {
  if (!HaveProgram("/usr/bin/python3")) return;
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  // A second 'inputs/plan.xml' with other content: some tools would extract this one.
  BOOST_REQUIRE(Run("/usr/bin/python3 -W ignore -c \"import zipfile,sys; "
                    "zipfile.ZipFile(sys.argv[1],'a').writestr('inputs/plan.xml','<plan id=\\'evil\\'/>')\" " +
                    Quote(dir / "a.zip")) == 0);
  BOOST_TEST(!VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));
  // libzip refuses the whole archive while opening it, so the member cannot be named.
  BOOST_TEST(Findings(diags) ==
                 std::vector<std::string>{"PG3001 cannot read audit package '" + dir / "a.zip" +
                                          "': it holds two members of the same name"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(package_verify_applies_its_limits) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), SampleInfo(), diags));
  VerifyOptions small;
  small.limits.max_member_bytes = 50000;  // the checklist member is larger
  BOOST_TEST(!VerifyPackage(dir / "a.zip", small, sm, diags));
  BOOST_TEST(Findings(diags) == std::vector<std::string>{"PG3003 audit package exceeds a limit: member "
                                                          "'outputs/checklists/all.csv': it declares 138890 bytes, "
                                                          "more than the limit of 50000"},
             boost::test_tools::per_element());
  DiagEngine again(sm);
  VerifyOptions few;
  few.limits.max_entries = 3;
  BOOST_TEST(!VerifyPackage(dir / "a.zip", few, sm, again));
  BOOST_TEST(AnyFinding(again, DiagId::err_package_limit, "it has 6 entries, more than the limit of 3"));
}

BOOST_AUTO_TEST_CASE(package_write_refuses_bad_members) {
  TempDir dir;
  SourceManager sm;
  DiagEngine diags(sm);
  std::vector<PackageMember> ms = SampleMembers();
  ms.push_back({"outputs/../../etc/passwd", "x", MemberRole::kOutput});
  BOOST_TEST(!WritePackage(dir / "a.zip", ms, SampleInfo(), diags));
  BOOST_TEST(AnyFinding(diags, DiagId::err_package_unwritable, "outputs/../../etc/passwd"));
  BOOST_TEST(access((dir / "a.zip").c_str(), F_OK) != 0);
}

// ---- signatures ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(sign_and_verify_a_message) {
  TempDir dir;
  MakeKeyPair(dir / "k.pem", dir / "k.pub");
  MakeKeyPair(dir / "other.pem", dir / "other.pub");
  std::string sig, err;
  BOOST_REQUIRE_MESSAGE(Sign("manifest text\n", dir / "k.pem", &sig, &err), err);
  BOOST_TEST(sig.size() == 89u);  // 88 base64 characters and a newline
  BOOST_TEST((VerifySignature("manifest text\n", sig, dir / "k.pub", &err) == SignatureCheck::kValid));
  BOOST_TEST((VerifySignature("manifest text!\n", sig, dir / "k.pub", &err) == SignatureCheck::kInvalid));
  BOOST_TEST((VerifySignature("manifest text\n", sig, dir / "other.pub", &err) == SignatureCheck::kInvalid));
  std::string flipped = sig;
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  BOOST_TEST((VerifySignature("manifest text\n", flipped, dir / "k.pub", &err) == SignatureCheck::kInvalid));
  BOOST_TEST((VerifySignature("manifest text\n", "short\n", dir / "k.pub", &err) == SignatureCheck::kMalformed));
  // Keys of the wrong kind or place.
  BOOST_TEST((VerifySignature("m", sig, dir / "k.pem", &err) == SignatureCheck::kKeyUnusable));
  BOOST_TEST((VerifySignature("m", sig, dir / "none.pub", &err) == SignatureCheck::kKeyUnusable));
  BOOST_TEST(!Sign("m", dir / "k.pub", &sig, &err));
  EVP_PKEY* rsa = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(2048));
  BOOST_REQUIRE(rsa);
  FILE* f = std::fopen((dir / "rsa.pem").c_str(), "wb");
  PEM_write_PrivateKey(f, rsa, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(f);
  EVP_PKEY_free(rsa);
  BOOST_TEST(!Sign("m", dir / "rsa.pem", &sig, &err));
  BOOST_TEST(err == "not an Ed25519 key");
}

BOOST_AUTO_TEST_CASE(signature_checks_with_openssl_command) {
  if (!HaveProgram("/usr/bin/openssl")) return;
  TempDir dir;
  MakeKeyPair(dir / "k.pem", dir / "k.pub");
  std::string sig, err;
  WriteText(dir / "MANIFEST", "# plangen-manifest: 1\n");
  BOOST_REQUIRE(Sign(ReadText(dir / "MANIFEST"), dir / "k.pem", &sig, &err));
  WriteText(dir / "MANIFEST.sig", sig);
  std::string cmd = "cd " + Quote(dir.path) +
                    " && base64 -d MANIFEST.sig > sig.bin && /usr/bin/openssl pkeyutl -verify -pubin -inkey k.pub "
                    "-rawin -in MANIFEST -sigfile sig.bin";
  BOOST_TEST(Run(cmd) == 0);
  WriteText(dir / "MANIFEST", "# plangen-manifest: 2\n");
  BOOST_TEST(Run(cmd) != 0);
}

BOOST_AUTO_TEST_CASE(signed_package_verifies_and_detects_tampering) {
  TempDir dir;
  MakeKeyPair(dir / "k.pem", dir / "k.pub");
  MakeKeyPair(dir / "other.pem", dir / "other.pub");
  SourceManager sm;
  PackageInfo info = SampleInfo();
  info.sign_key_path = dir / "k.pem";
  {
    DiagEngine diags(sm);
    BOOST_REQUIRE(WritePackage(dir / "a.zip", SampleMembers(), info, diags));
    BOOST_REQUIRE(WritePackage(dir / "b.zip", SampleMembers(), info, diags));
    BOOST_TEST((ReadText(dir / "a.zip") == ReadText(dir / "b.zip")));  // Ed25519 is deterministic
    VerifyOptions with_key;
    with_key.public_key_path = dir / "k.pub";
    VerifyResult r;
    BOOST_TEST(VerifyPackage(dir / "a.zip", with_key, sm, diags, &r));
    BOOST_TEST(r.signature_checked);
    BOOST_TEST(diags.errors() == 0);
  }
  {
    DiagEngine diags(sm);
    BOOST_TEST(VerifyPackage(dir / "a.zip", VerifyOptions(), sm, diags));  // no key: digests only
    BOOST_TEST(Findings(diags) ==
                   std::vector<std::string>{"PG3014 the MANIFEST is signed; give a public key to check the signature"},
               boost::test_tools::per_element());
  }
  {
    DiagEngine diags(sm);
    VerifyOptions other;
    other.public_key_path = dir / "other.pub";
    BOOST_TEST(!VerifyPackage(dir / "a.zip", other, sm, diags));
    BOOST_TEST(Findings(diags) ==
                   std::vector<std::string>{"PG3012 the MANIFEST signature does not verify with key '" +
                                            dir / "other.pub" + "'"},
               boost::test_tools::per_element());
  }
  {
    // A member changed and the MANIFEST rewritten to match: the digests agree, the signature does not.
    Tamper(dir / "a.zip", [](std::vector<ZipMember>& ms) {
      std::vector<PackageMember> pm;
      for (ZipMember& m : ms) {
        if (m.name == "inputs/plan.xml") m.data = "<plan id='forged'/>\n";
        if (m.name != kManifestName && m.name != kSignatureName)
          pm.push_back({m.name, m.data, m.name.rfind("inputs/", 0) == 0 ? MemberRole::kInput : MemberRole::kOutput});
      }
      for (ZipMember& m : ms)
        if (m.name == kManifestName) m.data = BuildManifestText(pm, SampleInfo());
    });
    DiagEngine diags(sm);
    VerifyOptions with_key;
    with_key.public_key_path = dir / "k.pub";
    BOOST_TEST(!VerifyPackage(dir / "a.zip", with_key, sm, diags));
    BOOST_TEST(AnyFinding(diags, DiagId::err_signature_invalid, "does not verify"));
    BOOST_TEST(!AnyFinding(diags, DiagId::err_member_changed, ""));
  }
  {
    DiagEngine diags(sm);
    BOOST_REQUIRE(WritePackage(dir / "unsigned.zip", SampleMembers(), SampleInfo(), diags));
    VerifyOptions with_key;
    with_key.public_key_path = dir / "k.pub";
    BOOST_TEST(!VerifyPackage(dir / "unsigned.zip", with_key, sm, diags));
    BOOST_TEST(AnyFinding(diags, DiagId::err_signature_missing, "has no MANIFEST.sig"));
  }
  {
    DiagEngine diags(sm);
    PackageInfo bad = SampleInfo();
    bad.sign_key_path = dir / "k.pub";  // a public key cannot sign
    BOOST_TEST(!WritePackage(dir / "c.zip", SampleMembers(), bad, diags));
    BOOST_TEST(AnyFinding(diags, DiagId::err_signing_key_unusable, "not a PEM private key"));
  }
}

// ---- all-or-nothing output -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(staged_output_replaces_the_previous_tree_on_commit) {
  for (bool exchange : {true, false}) {
    TempDir dir;
    std::string out = dir / "out", err;
    {
      StagedOutput first;
      BOOST_REQUIRE_MESSAGE(first.Begin(out, &err), err);
      BOOST_REQUIRE(first.WriteFile("old/only-old.txt", "old", &err));
      BOOST_REQUIRE(first.WriteFile("same.txt", "v1", &err));
      BOOST_REQUIRE_MESSAGE(first.Commit(&err), err);  // no previous directory: plain rename
    }
    BOOST_TEST(ReadText(out + "/same.txt") == "v1");
    StagedOutput second;
    second.set_use_exchange(exchange);
    BOOST_REQUIRE(second.Begin(out, &err));
    BOOST_TEST(second.staging_dir().rfind(dir / ".out.plangen-staging.", 0) == 0u);
    BOOST_REQUIRE(second.WriteFile("runbooks/dba.html", "<p>dba</p>", &err));
    BOOST_REQUIRE(second.WriteFile("same.txt", "v2", &err));
    BOOST_TEST(ReadText(out + "/same.txt") == "v1");  // untouched until the swap
    BOOST_REQUIRE_MESSAGE(second.Commit(&err), err);
    BOOST_TEST(Snapshot(out) == (std::vector<std::string>{
                                    "runbooks/ 40755",
                                    "runbooks/dba.html 100644 10 " + Sha256Hex("<p>dba</p>"),
                                    "same.txt 100644 2 " + Sha256Hex("v2"),
                                }),
               boost::test_tools::per_element());
    BOOST_TEST(DirNames(dir.path) == std::vector<std::string>{"out"}, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(staged_output_without_commit_leaves_previous_tree) {
  TempDir dir;
  std::string out = dir / "out", err;
  BOOST_REQUIRE(mkdir(out.c_str(), 0755) == 0);
  WriteText(out + "/keep.txt", "previous");
  auto before = Snapshot(out);
  {
    StagedOutput staged;
    BOOST_REQUIRE(staged.Begin(out, &err));
    BOOST_REQUIRE(staged.WriteFile("keep.txt", "new", &err));
    BOOST_REQUIRE(staged.WriteFile("a/b/c.txt", "new", &err));
    // destroyed without Commit, as when a build fails
  }
  BOOST_TEST(Snapshot(out) == before, boost::test_tools::per_element());
  BOOST_TEST(DirNames(dir.path) == std::vector<std::string>{"out"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(staged_output_refuses_unsafe_paths_and_bad_targets) {
  TempDir dir;
  std::string err;
  StagedOutput staged;
  BOOST_REQUIRE(staged.Begin(dir / "out", &err));
  BOOST_TEST(!staged.WriteFile("../escape.txt", "x", &err));
  BOOST_TEST(err.find("not a safe output path") != std::string::npos);
  BOOST_TEST(!staged.WriteFile("/etc/x", "x", &err));
  BOOST_TEST(!staged.WriteFile("runbooks/CON.html", "x", &err));
  BOOST_TEST(!staged.WriteFile("C:/x", "x", &err));
  BOOST_TEST(access((dir / "escape.txt").c_str(), F_OK) != 0);
  BOOST_REQUIRE(staged.WriteFile("dup.txt", "1", &err));
  BOOST_TEST(!staged.WriteFile("dup.txt", "2", &err));  // a name collision is an error, not an overwrite

  WriteText(dir / "file", "not a directory");
  StagedOutput onto_file;
  BOOST_TEST(!onto_file.Begin(dir / "file", &err));
  BOOST_TEST(err.find("is not a directory") != std::string::npos);
  StagedOutput no_parent;
  BOOST_TEST(!no_parent.Begin(dir / "missing/out", &err));
  BOOST_TEST(err.find("does not exist") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(killed_build_leaves_previous_output_exactly_as_it_was) {
  TempDir dir;
  std::string out = dir / "out", err;
  {
    StagedOutput first;
    BOOST_REQUIRE(first.Begin(out, &err));
    for (int i = 0; i < 20; ++i)
      BOOST_REQUIRE(first.WriteFile("runbooks/role" + std::to_string(i) + ".html", std::string(1000 + i, 'a' + i % 26), &err));
    BOOST_REQUIRE(first.Commit(&err));
  }
  const auto before = Snapshot(out);
  BOOST_REQUIRE(before.size() == 21u);

  int ready[2];
  BOOST_REQUIRE(pipe(ready) == 0);
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    // The interrupted build: half of the outputs written, then it waits to be killed.
    close(ready[0]);
    StagedOutput staged;
    std::string e;
    if (!staged.Begin(out, &e)) _exit(2);
    for (int i = 0; i < 10; ++i)
      if (!staged.WriteFile("runbooks/role" + std::to_string(i) + ".html", "rewritten", &e)) _exit(3);
    if (write(ready[1], "x", 1) != 1) _exit(4);
    for (;;) pause();
  }
  close(ready[1]);
  char c;
  BOOST_REQUIRE(read(ready[0], &c, 1) == 1);
  close(ready[0]);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  BOOST_TEST(WIFSIGNALED(status));
  BOOST_TEST(WTERMSIG(status) == SIGKILL);

  BOOST_TEST(Snapshot(out) == before, boost::test_tools::per_element());
  // The killed build's staging directory is still there, half-written ...
  std::vector<std::string> names = DirNames(dir.path);
  BOOST_REQUIRE(names.size() == 2u);
  BOOST_TEST(names[0].rfind(".out.plangen-staging." + std::to_string(child) + ".", 0) == 0u);
  // ... until the next build starts and removes it.
  StagedOutput next;
  BOOST_REQUIRE(next.Begin(out, &err));
  next.Abandon();
  BOOST_TEST(DirNames(dir.path) == std::vector<std::string>{"out"}, boost::test_tools::per_element());
  BOOST_TEST(Snapshot(out) == before, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(killed_fallback_commit_is_recovered_by_the_next_build) {
  // A build killed between the two renames of the fallback commit: the previous tree sits
  // under the backup name and the output directory is missing. The next build puts it back.
  TempDir dir;
  std::string out = dir / "out", err;
  BOOST_REQUIRE(mkdir(out.c_str(), 0755) == 0);
  WriteText(out + "/keep.txt", "previous");
  const auto before = Snapshot(out);
  pid_t child = fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) _exit(0);
  waitpid(child, nullptr, 0);  // a pid that certainly no longer runs
  std::string backup = dir / (".out.plangen-staging." + std::to_string(child) + ".abcdef.old");
  BOOST_REQUIRE(rename(out.c_str(), backup.c_str()) == 0);
  StagedOutput next;
  BOOST_REQUIRE(next.Begin(out, &err));
  next.Abandon();
  BOOST_TEST(Snapshot(out) == before, boost::test_tools::per_element());
  BOOST_TEST(DirNames(dir.path) == std::vector<std::string>{"out"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(remove_tree_does_not_follow_symlinks) {
  TempDir dir;
  std::string err;
  BOOST_REQUIRE(mkdir((dir / "victim").c_str(), 0755) == 0);
  WriteText(dir / "victim/precious.txt", "keep me");
  BOOST_REQUIRE(mkdir((dir / "tree").c_str(), 0755) == 0);
  BOOST_REQUIRE(symlink((dir / "victim").c_str(), (dir / "tree/link").c_str()) == 0);
  BOOST_TEST(RemoveTree(dir / "tree", &err));
  BOOST_TEST(access((dir / "tree").c_str(), F_OK) != 0);
  BOOST_TEST(ReadText(dir / "victim/precious.txt") == "keep me");
  BOOST_TEST(RemoveTree(dir / "tree", &err));  // already gone: not a failure
}

BOOST_AUTO_TEST_SUITE_END()

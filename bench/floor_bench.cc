// The floor under 'plangen build': what the libraries alone cost for the same work, in one
// process. plangen builds a synthetic plan of N servers; then, from what it wrote, the floor
// does a bare pugixml parse of the same plan, writes the same workbooks (same sheets, same cell
// texts and numbers) with bare libxlsxwriter, and writes the same bytes of every other output.
// Prints the build, the floor and their ratio, then the floor's workbooks again with each place
// libxlsxwriter can keep its temporary files (the default $TMPDIR, a directory beside the output
// as plangen uses without a memory file system, /dev/shm as plangen uses when it is one). On a
// disk file system the difference grows when the build deletes an earlier output tree first (a
// rebuild). Then what deflating costs: the role bundles, the audit package and the Word documents
// are zips whose members zlib deflates (each once: the package copies what a bundle holds), work
// the floor above leaves out because it writes the zips' finished bytes. The outputs' bytes are
// fixed, so that work is too; the bench deflates the same members at the same level, checks that
// it gets the same bytes, and prints the floor with it. Figures only: nothing here asserts a time.
//
//   floor_bench [N ...]     (default 1000 10000)
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <utility>
#include <string>
#include <vector>

#include <pugixml.hpp>
#include <xlsxwriter.h>
#include <zip.h>
#include <zlib.h>

#include "driver/commands.h"
#include "sheets/workbook.h"
#include "synthetic_plan.h"

namespace fs = std::filesystem;
using namespace plangen;
using Clock = std::chrono::steady_clock;

namespace {

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The wall seconds of 'plangen build' in a child process (its findings go to /dev/null).
double Build(const std::string& plan, const std::string& out) {
  auto t = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    std::FILE* null = std::freopen("/dev/null", "w", stdout);
    (void)null;
    Environment env;
    env.today = *ParseDate("2026-12-01");
    _exit(RunCommandLine({"build", plan, "-o", out, "--as-of", "2026-12-01"}, env) > 1 ? 1 : 0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? Since(t) : -1;
}

struct Book {
  std::string path;  // relative to the output tree
  sheets::Workbook content;
};

struct Outputs {
  std::vector<Book> books;
  std::vector<std::pair<std::string, std::string>> others;  // path, bytes
  size_t cells = 0, other_bytes = 0, sheets = 0;
};

// What plangen wrote: every workbook read back into cells, every other file's bytes.
Outputs Read(const std::string& out) {
  Outputs o;
  SourceManager sm;
  DiagEngine diags(sm);
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), out).string();
    if (e.path().extension() == ".xlsx") {
      Book b;
      b.path = rel;
      sheets::ReadWorkbook(e.path().string(), rel, &b.content, sm, diags);
      for (const auto& s : b.content.sheets) o.cells += s.cells.size();
      o.sheets += b.content.sheets.size();
      o.books.push_back(std::move(b));
    } else {
      std::ifstream in(e.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      o.other_bytes += bytes.size();
      o.others.emplace_back(rel, std::move(bytes));
    }
  }
  return o;
}

// The workbooks written by bare libxlsxwriter into `dir`, its temporary files in `tmpdir` (null:
// the library's default, tmpfile(3) in $TMPDIR).
double WriteBooks(const Outputs& o, const std::string& dir, const char* tmpdir) {
  auto t = Clock::now();
  for (const Book& b : o.books) {
    std::string path = dir + "/" + b.path;
    fs::create_directories(fs::path(path).parent_path());
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char*>(tmpdir);
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    for (const auto& s : b.content.sheets) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
      for (const auto& c : s.cells) {
        lxw_row_t r = c.row - 1;
        lxw_col_t col = static_cast<lxw_col_t>(c.col - 1);
        if (c.type == sheets::Cell::Type::kNumber) worksheet_write_number(ws, r, col, c.number, nullptr);
        else worksheet_write_string(ws, r, col, c.text.c_str(), nullptr);
      }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) return -1;
  }
  return Since(t);
}

double WriteOthers(const Outputs& o, const std::string& dir) {
  auto t = Clock::now();
  for (const auto& [rel, bytes] : o.others) {
    std::string path = dir + "/" + rel;
    fs::create_directories(fs::path(path).parent_path());
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return -1;
    std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
  }
  return Since(t);
}

// Every member of `za` read whole: its bytes (`flags` 0) or its compressed data (ZIP_FL_COMPRESSED).
bool ReadMember(zip_t* za, zip_uint64_t i, zip_flags_t flags, uint64_t size, std::string* bytes) {
  zip_file_t* f = zip_fopen_index(za, i, flags);
  if (!f) return false;
  bytes->assign(size, '\0');
  const zip_int64_t n = size == 0 ? 0 : zip_fread(f, bytes->data(), size);
  zip_fclose(f);
  return n == static_cast<zip_int64_t>(size);
}

struct Deflation {
  double seconds = 0;
  uint64_t in = 0, out = 0;
  size_t members = 0, same = 0;
};

// Deflates each deflated member of the zips and Word documents under `out` once (the same bytes
// in two zips count once), timing only zlib, with libzip's settings: raw deflate, level 6 (the
// writer's), the largest memory level (libzip's choice) and the default strategy. `same` counts the members whose deflated bytes are
// the ones the build wrote. Workbooks are left out: libxlsxwriter's own deflating is in the floor.
Deflation DeflateMembers(const std::string& out) {
  std::vector<std::string> zips;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".zip" || ext == ".docx")) zips.push_back(e.path().string());
  }
  std::sort(zips.begin(), zips.end());
  Deflation d;
  std::set<std::pair<uint32_t, uint64_t>> seen;  // CRC-32 and size of the bytes deflated already
  std::string bytes, stored, deflated;
  for (const std::string& path : zips) {
    int code = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &code);
    if (!za) continue;
    const zip_int64_t count = zip_get_num_entries(za, 0);
    for (zip_int64_t k = 0; k < count; ++k) {
      const zip_uint64_t i = static_cast<zip_uint64_t>(k);
      zip_stat_t st;
      if (zip_stat_index(za, i, 0, &st) != 0 || st.comp_method != ZIP_CM_DEFLATE) continue;
      if (!seen.insert({st.crc, st.size}).second) continue;
      if (!ReadMember(za, i, 0, st.size, &bytes) || !ReadMember(za, i, ZIP_FL_COMPRESSED, st.comp_size, &stored)) continue;
      auto t = Clock::now();
      z_stream z{};
      if (deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) continue;
      deflated.resize(deflateBound(&z, bytes.size()));
      z.next_in = reinterpret_cast<Bytef*>(bytes.data());
      z.avail_in = static_cast<uInt>(bytes.size());
      z.next_out = reinterpret_cast<Bytef*>(deflated.data());
      z.avail_out = static_cast<uInt>(deflated.size());
      const int rc = deflate(&z, Z_FINISH);
      deflated.resize(z.total_out);
      deflateEnd(&z);
      d.seconds += Since(t);
      if (rc != Z_STREAM_END) continue;
      d.in += bytes.size();
      d.out += deflated.size();
      ++d.members;
      if (deflated == stored) ++d.same;
    }
    zip_discard(za);
  }
  return d;
}

void Run(int n, const std::string& root) {
  std::string dir = root + "/" + std::to_string(n);
  fs::create_directories(dir);
  std::string plan = dir + "/plan.xml";
  std::ofstream(plan, std::ios::binary) << bench::CleanSyntheticPlan(n);
  double build = Build(plan, dir + "/out");
  Outputs o = Read(dir + "/out");

  auto t = Clock::now();
  pugi::xml_document doc;
  bool parsed = doc.load_file(plan.c_str());
  double parse = Since(t);
  std::string floor_dir = dir + "/floor";
  double books = WriteBooks(o, floor_dir, nullptr);
  double text = WriteOthers(o, floor_dir);
  double floor = parse + books + text;

  std::printf("%8d servers: %zu workbooks (%zu sheets, %zu cells), %zu other files (%.1f MiB)%s\n", n, o.books.size(),
              o.sheets, o.cells, o.others.size(), static_cast<double>(o.other_bytes) / 1048576.0,
              parsed ? "" : " (the plan did not parse)");
  std::printf("%8d   plangen build %8.2f s | floor %8.2f s (pugixml %.2f + libxlsxwriter %.2f + text %.2f) | ratio %.2f\n",
              n, build, floor, parse, books, text, floor > 0 ? build / floor : 0.0);

  // Where libxlsxwriter keeps the parts of each workbook while it assembles it.
  std::string beside = dir + "/scratch";
  fs::create_directories(beside);
  std::printf("%8d   libxlsxwriter tmpdir: default $TMPDIR %.2f s", n, books);
  fs::remove_all(floor_dir);
  std::printf(" | beside the output %.2f s", WriteBooks(o, floor_dir, beside.c_str()));
  fs::remove_all(floor_dir);
  if (fs::is_directory("/dev/shm")) {
    std::string shm = "/dev/shm/plangen-floor-" + std::to_string(getpid());
    fs::create_directories(shm);
    std::printf(" | /dev/shm %.2f s", WriteBooks(o, floor_dir, shm.c_str()));
    fs::remove_all(shm);
  }
  std::printf("\n");

  // What the zips' deflating adds to the floor; on two cores the best a build can do is half.
  const Deflation d = DeflateMembers(dir + "/out");
  const double whole = floor + d.seconds;
  std::printf("%8d   deflate %zu members once (%.1f MiB -> %.1f MiB, %zu the same bytes as the build's) %.2f s | "
              "floor with deflate %.2f s, ratio %.2f | half of it (two cores at best) %.2f s\n",
              n, d.members, static_cast<double>(d.in) / 1048576.0, static_cast<double>(d.out) / 1048576.0, d.same,
              d.seconds, whole, whole > 0 ? build / whole : 0.0, whole / 2);
  std::fflush(stdout);
  fs::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes = {1000, 10000};
  if (argc > 1) {
    sizes.clear();
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  }
  std::string root = (fs::temp_directory_path() / ("plangen-floor-" + std::to_string(getpid()))).string();
  for (int n : sizes) Run(n, root);
  fs::remove_all(root);
  return 0;
}

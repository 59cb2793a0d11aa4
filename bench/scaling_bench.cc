// Growth of the costs that once grew with a product of two sizes: matching returned worksheet
// rows against a plan's servers. Prints N and 10 N side by side; linear work shows a time ratio
// near 10, quadratic near 100. Not a test: prints figures, asserts nothing.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>

#include "driver/compile.h"
#include "synthetic_plan.h"
#include "worksheets_in/matching.h"

namespace {

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Compiles the synthetic plan of `servers` servers, then matches one returned row per backup
// (by data item and server name, the slow path: no Row id) and returns the CPU seconds of the
// matching alone, with the rows and servers counted.
double MatchSeconds(int servers, size_t* rows_out, size_t* servers_out) {
  using namespace plangen;
  std::string dir = std::filesystem::temp_directory_path().string() + "/plangen-scaling-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/plan.xml") << bench::SyntheticPlan(servers);
  CompileOptions o;
  o.plan_path = dir + "/plan.xml";
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  std::filesystem::remove_all(dir);
  const WorksheetLayout* layout = nullptr;
  for (const WorksheetLayout& l : c.profile.worksheets)
    if (!l.rows.empty()) layout = &l;
  ReturnedSheet sheet;
  sheet.layout = layout;
  for (const Backup& b : c.plan.backups) {
    ReturnedRow row;
    row.cells["item"].text = b.item.value;
    row.cells["item"].present = true;
    row.cells["server"].text = b.server.value;
    row.cells["server"].present = true;
    sheet.rows.push_back(std::move(row));
  }
  double start = CpuSeconds();
  RowMatcher matcher(c.plan, c.profile);
  size_t matched = 0;
  for (const ReturnedRow& row : sheet.rows)
    matched += matcher.Match(sheet, row).status == RowMatch::Status::kMatched;
  double t = CpuSeconds() - start;
  *rows_out = sheet.rows.size();
  *servers_out = c.plan.topology.servers.size();
  std::fprintf(stderr, "  (%zu of %zu rows matched)\n", matched, sheet.rows.size());
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  std::printf("returned rows x plan servers (CPU seconds of matching)\n");
  std::printf("%10s %10s %10s | %10s %10s %10s | ratio\n", "servers", "rows", "seconds", "servers", "rows", "seconds");
  size_t r1, s1, r2, s2;
  double t1 = MatchSeconds(n, &r1, &s1);
  double t2 = MatchSeconds(10 * n, &r2, &s2);
  std::printf("%10zu %10zu %10.4f | %10zu %10zu %10.4f | %.1f\n", s1, r1, t1, s2, r2, t2, t1 > 0 ? t2 / t1 : 0.0);
  return 0;
}

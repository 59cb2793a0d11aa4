// Growth of plangen's costs with the size of the plan: 'build' and 'check' of synthetic plans of
// N servers, the matching of returned worksheet rows (one per backup) against the plan they came
// from, and a plan of R roles each owning one step of one scenario. Prints the sizes side by side
// with the ratio of each size's figure to the previous size's: linear work shows a ratio near the
// ratio of the sizes (10), quadratic near its square (100). Not a test: prints figures, asserts
// nothing.
//
//   scaling_bench [--servers N,N,...] [--roles R,R,...]    (defaults 1000,10000 and 100,1000)
//
// Each figure is taken in a child process of its own (wall seconds, and the child's peak memory
// for build), so one size's heap does not weigh on the next. The check and the matching take a
// few seconds at most: each is the median of three runs, taken before the build of the same size,
// whose gigabytes the kernel is still putting away afterwards.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "driver/commands.h"
#include "driver/compile.h"
#include "synthetic_plan.h"
#include "worksheets_in/matching.h"

namespace {

using namespace plangen;
using Clock = std::chrono::steady_clock;

struct Figure {
  double seconds = -1;
  double peak_mib = 0;
  size_t a = 0, b = 0;  // what was measured: servers and rows, or roles and steps
};

double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// Runs `f` in a child process; the child writes its figure through a pipe.
template <class F>
Figure InChild(F f) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Figure fig = f();
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    fig.peak_mib = static_cast<double>(u.ru_maxrss) / 1024.0;
    ssize_t ignored = write(fds[1], &fig, sizeof fig);
    (void)ignored;
    _exit(0);
  }
  close(fds[1]);
  Figure fig;
  if (read(fds[0], &fig, sizeof fig) != static_cast<ssize_t>(sizeof fig)) fig = Figure{};
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return fig;
}

// The wall seconds of one plangen command line, run in this process (the child's).
double Command(const std::vector<std::string>& args) {
  Environment env;
  env.today = *ParseDate("2026-12-01");
  // Findings and progress go to /dev/null: the figure is the work, not the terminal.
  std::FILE* null = std::freopen("/dev/null", "w", stdout);
  (void)null;
  auto t = Clock::now();
  RunCommandLine(args, env);
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string Dir(const std::string& what, size_t n) {
  std::string dir = std::filesystem::temp_directory_path().string() + "/plangen-scaling-" + std::to_string(getpid()) +
                    "-" + what + "-" + std::to_string(n);
  std::filesystem::create_directories(dir);
  return dir;
}

Figure Build(const std::string& plan_text, size_t a, size_t b, const std::string& what) {
  std::string dir = Dir(what, a);
  std::ofstream(dir + "/plan.xml", std::ios::binary) << plan_text;
  Figure f = InChild([&] {
    Figure fig;
    fig.seconds = Command({"build", dir + "/plan.xml", "-o", dir + "/out", "--as-of", "2026-12-01"});
    return fig;
  });
  f.a = a;
  f.b = b;
  std::filesystem::remove_all(dir);
  // The build's gigabytes still go to disk after it returns: wait for them, or the next figure
  // (the check of the same size) is taken while the kernel writes them out.
  sync();
  return f;
}

Figure Check(const std::string& plan_text, size_t servers) {
  std::string dir = Dir("check", servers);
  std::ofstream(dir + "/plan.xml", std::ios::binary) << plan_text;
  Figure f = InChild([&] {
    Figure fig;
    fig.seconds = Command({"check", dir + "/plan.xml", "--as-of", "2026-12-01"});
    return fig;
  });
  f.a = servers;
  std::filesystem::remove_all(dir);
  return f;
}

// Compiles the plan, then matches one returned row per backup (by data item and server name, the
// slow path: no Row id); the CPU seconds of the matching alone.
Figure Match(const std::string& plan_text) {
  std::string dir = Dir("match", plan_text.size());
  std::ofstream(dir + "/plan.xml", std::ios::binary) << plan_text;
  Figure f = InChild([&] {
    CompileOptions o;
    o.plan_path = dir + "/plan.xml";
    o.as_of = *ParseDate("2026-12-01");
    Compilation c;
    Compile(o, c);
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
    Figure fig;
    fig.seconds = CpuSeconds() - start;
    fig.a = c.plan.topology.servers.size();
    fig.b = sheet.rows.size();
    if (matched != sheet.rows.size()) fig.seconds = -1;  // a row that does not match: no figure
    return fig;
  });
  std::filesystem::remove_all(dir);
  return f;
}

// The run with the median seconds of three (a failed run counts as the slowest).
template <class F>
Figure MedianOfThree(F run) {
  std::vector<Figure> runs = {run(), run(), run()};
  auto key = [](const Figure& f) { return f.seconds < 0 ? 1e300 : f.seconds; };
  std::sort(runs.begin(), runs.end(), [&](const Figure& a, const Figure& b) { return key(a) < key(b); });
  return runs[1];
}

std::vector<size_t> Sizes(const char* list) {
  std::vector<size_t> out;
  std::stringstream in(list);
  for (std::string s; std::getline(in, s, ',');) out.push_back(static_cast<size_t>(std::atol(s.c_str())));
  return out;
}

// One row of the table: each size's figure, then the ratio of each to the one before.
void Row(const char* what, const std::vector<Figure>& figs, bool peak = false) {
  std::printf("%-34s", what);
  for (const Figure& f : figs) {
    if (f.seconds < 0) std::printf(" %10s", "failed");
    else std::printf(" %9.3fs", f.seconds);
  }
  std::printf("  |");
  for (size_t i = 1; i < figs.size(); ++i) {
    if (figs[i].seconds < 0 || figs[i - 1].seconds <= 0) std::printf(" %7s", "-");
    else std::printf(" %6.1fx", figs[i].seconds / figs[i - 1].seconds);
  }
  std::printf("\n");
  if (peak) {
    std::printf("%-34s", "  peak memory");
    for (const Figure& f : figs) std::printf(" %7.0fMiB", f.peak_mib);
    std::printf("\n");
  }
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> servers = {1000, 10000};
  std::vector<size_t> roles = {100, 1000};
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string opt = argv[i];
    if (opt == "--servers") servers = Sizes(argv[i + 1]);
    else if (opt == "--roles") roles = Sizes(argv[i + 1]);
  }
  std::printf("%-34s", "servers N");
  for (size_t n : servers) std::printf(" %10zu", n);
  std::printf("  | ratio to the previous size\n");
  std::vector<Figure> build, check, match;
  for (size_t n : servers) {
    const std::string plan = bench::CleanSyntheticPlan(static_cast<int>(n));
    check.push_back(MedianOfThree([&] { return Check(plan, n); }));
    match.push_back(MedianOfThree([&] { return Match(plan); }));
    build.push_back(Build(plan, n, 0, "build"));
  }
  Row("build (wall)", build, true);
  Row("check (wall, median of 3)", check);
  Row("match rows (CPU, median of 3)", match);
  std::printf("%-34s", "  rows x servers");
  for (const Figure& f : match) std::printf(" %4zux%-5zu", f.b, f.a);
  std::printf("\n\n%-34s", "roles R (one step each)");
  for (size_t r : roles) std::printf(" %10zu", r);
  std::printf("  |\n");
  std::vector<Figure> role_builds;
  for (size_t r : roles) role_builds.push_back(Build(bench::RolesPlan(static_cast<int>(r)), r, r, "roles"));
  Row("build (wall)", role_builds, true);
  return 0;
}

// Runs 'plangen build' as a user does, on a synthetic plan of N servers, and prints for each run
// the wall time, the CPU time and the peak resident memory of the process: with --jobs 1 and
// with every core, a rebuild into the same output directory with nothing changed (and its ratio
// to a full build), one with --no-incremental and one after a change to the plan. Figures only:
// nothing here asserts a time, and on a shared machine they vary from run to run.
//
//   build_bench [SERVERS...]        (default 10000; the plangen binary beside this one, or $PLANGEN_BIN)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "synthetic_plan.h"

namespace fs = std::filesystem;

namespace {

struct RunResult {
  int exit = -1;
  double wall = 0, cpu = 0;
  double peak_mib = 0;
};

RunResult Run(const std::string& bin, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(bin.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  rusage u{};
  wait4(pid, &status, 0, &u);
  RunResult r;
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu = static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
          static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  r.peak_mib = static_cast<double>(u.ru_maxrss) / 1024.0;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

void Print(int servers, const char* what, const RunResult& r) {
  std::printf("%8d  %-34s %8.2f s wall %8.2f s cpu %8.1f MiB peak%s\n", servers, what, r.wall, r.cpu, r.peak_mib,
              r.exit == 0 ? "" : "  (FAILED)");
  std::fflush(stdout);
}

std::string Binary(const char* self) {
  if (const char* env = std::getenv("PLANGEN_BIN"); env && *env) return env;
  return (fs::path(self).parent_path().parent_path() / "plangen").string();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {10000};
  const std::string bin = Binary(argv[0]);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::string dir = fs::temp_directory_path().string() + "/plangen-build-bench-" + std::to_string(getpid());
  fs::create_directories(dir);
  std::printf("plangen: %s, %u cores (figures vary on a shared machine)\n", bin.c_str(), cores);
  for (int n : sizes) {
    const std::string plan = dir + "/plan-" + std::to_string(n) + ".xml";
    std::ofstream(plan, std::ios::binary) << plangen::bench::CleanSyntheticPlan(n);
    auto build = [&](const std::string& out, unsigned jobs) {
      return Run(bin, {"build", plan, "-o", out, "--as-of", "2026-12-01", "--quiet", "--jobs", std::to_string(jobs)});
    };
    const RunResult one = build(dir + "/out-1", 1);
    Print(n, "build --jobs 1", one);
    const RunResult all = build(dir + "/out-n", cores);
    Print(n, ("build --jobs " + std::to_string(cores)).c_str(), all);
    if (one.exit == 0 && all.exit == 0) std::printf("%8d  speed-up with %u jobs: %.2fx\n", n, cores, one.wall / all.wall);
    const RunResult again = build(dir + "/out-n", cores);
    Print(n, "rebuild, nothing changed", again);
    if (all.exit == 0 && again.exit == 0)
      std::printf("%8d  no-change rebuild: %.1f %% of a full build\n", n, 100.0 * again.wall / all.wall);
    // The record ignored: every output emitted and written again.
    const RunResult forced = Run(bin, {"build", plan, "-o", dir + "/out-n", "--as-of", "2026-12-01", "--quiet", "--jobs",
                                       std::to_string(cores), "--no-incremental"});
    Print(n, "rebuild --no-incremental", forced);
    // One input changed (a comment added to the plan): everything is emitted again, and the files
    // whose bytes did not change keep their time.
    std::ofstream(plan, std::ios::binary | std::ios::app) << "<!-- changed -->\n";
    const RunResult changed = build(dir + "/out-n", cores);
    Print(n, "rebuild, the plan changed", changed);
    fs::remove_all(dir + "/out-1");
    fs::remove_all(dir + "/out-n");
    fs::remove(plan);
  }
  fs::remove_all(dir);
  return 0;
}

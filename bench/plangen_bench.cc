// Times each phase of 'plangen build' on synthetic plans of 100, 1,000 and 10,000 servers and
// prints the time and the peak memory after each phase. Each size runs in its own process so
// peaks do not mix. Figures only: nothing here asserts a time.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "check/passes.h"
#include "emit/emitters.h"
#include "load/plan_loader.h"
#include "load/profile_loader.h"
#include "synthetic_plan.h"
#include "util/data_dir.h"

using namespace plangen;
using Clock = std::chrono::steady_clock;

namespace {

long PeakKiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

void Phase(const char* name, Clock::time_point start, int servers) {
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  std::printf("%8d  %-10s %10.1f ms  %8.1f MiB peak\n", servers, name, ms, PeakKiB() / 1024.0);
  std::fflush(stdout);
}

void Run(int servers, const std::string& dir) {
  std::string path = dir + "/plan-" + std::to_string(servers) + ".xml";
  std::ofstream(path, std::ios::binary) << bench::CleanSyntheticPlan(servers);
  SourceManager sm;
  DiagEngine diags(sm);
  diags.SetMaxErrors(0);
  Plan plan;
  Profile profile;
  auto t = Clock::now();
  LoadPlan(path, "plan.xml", &plan, sm, diags);
  LoadProfile("lync-server-2013", ProfileSearchPath(""), plan.loc, &profile, sm, diags);
  Phase("load", t, servers);
  t = Clock::now();
  ResolvePlan(plan, &profile, diags);
  Phase("resolve", t, servers);
  t = Clock::now();
  CheckContext ctx{plan, profile, *ParseDate("2026-12-01"), sm};
  RunPasses(ctx, diags);
  Phase("check", t, servers);
  t = Clock::now();
  TemplateSet templates("", DataDir() + "/templates");
  EmitContext ectx{plan, profile, *ParseDate("2026-12-01"), false, templates, diags, sm};
  OutputSet out;
  for (const Emitter& e : AllEmitters()) {
    auto te = Clock::now();
    e.run(ectx, out);
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - te).count();
    std::printf("%8d    emit %-18s %10.1f ms\n", servers, e.name, ms);
  }
  size_t bytes = 0;
  for (const auto& [k, v] : out.files()) bytes += v.size();
  Phase("emit", t, servers);
  std::printf("%8d  %zu servers, %zu backups, %d findings (%d errors), %zu output files, %.1f MiB of output\n",
              servers, plan.topology.servers.size(), plan.backups.size(), diags.errors() + diags.warnings() + diags.notes(),
              diags.errors(), out.files().size(), bytes / 1048576.0);
}

// all.xlsx alone, after the plan is loaded: the peak next to the peak before writing it.
void RunAllXlsx(int servers, const std::string& dir) {
  std::string path = dir + "/plan-" + std::to_string(servers) + ".xml";
  std::ofstream(path, std::ios::binary) << bench::CleanSyntheticPlan(servers);
  SourceManager sm;
  DiagEngine diags(sm);
  Plan plan;
  Profile profile;
  LoadPlan(path, "plan.xml", &plan, sm, diags);
  LoadProfile("lync-server-2013", ProfileSearchPath(""), plan.loc, &profile, sm, diags);
  long before = PeakKiB();
  TemplateSet templates("", DataDir() + "/templates");
  EmitContext ectx{plan, profile, *ParseDate("2026-12-01"), false, templates, diags, sm};
  OutputSet out;
  auto t = Clock::now();
  for (const Emitter& e : AllEmitters()) {
    if (std::string(e.name) == "worksheets-xlsx") e.run(ectx, out);
  }
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  size_t rows = plan.backups.size();
  std::printf("%8d  plangen worksheets (all.xlsx and per pool, %zu rows): %8.1f ms, peak %6.1f MiB (%6.1f MiB before)\n",
              servers, rows, ms, PeakKiB() / 1024.0, before / 1024.0);
}

// The same number of rows and columns written by bare libxlsxwriter in constant-memory mode.
void RunBareXlsx(int servers, const std::string& dir) {
  size_t rows = static_cast<size_t>(servers / 10) * 3 + 2;
  long before = PeakKiB();
  auto t = Clock::now();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::string file = dir + "/bare.xlsx";
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Database");
  for (size_t r = 0; r <= rows; ++r) {
    for (int c = 0; c < 8; ++c) {
      std::string v = "row " + std::to_string(r) + " column " + std::to_string(c) + " pool0.example.com daily 02:00";
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v.c_str(), nullptr);
    }
  }
  workbook_close(wb);
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
  std::printf("%8d  bare libxlsxwriter constant_memory (%zu rows x 8):     %8.1f ms, peak %6.1f MiB (%6.1f MiB before)\n",
              servers, rows, ms, PeakKiB() / 1024.0, before / 1024.0);
}

template <class F>
void InChild(F f) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    f();
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes = {100, 1000, 10000};
  if (argc > 1) {
    sizes.clear();
    for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  }
  std::string dir = std::filesystem::temp_directory_path() / "plangen-bench";
  std::filesystem::create_directories(dir);
  std::printf("%8s  %-10s %13s  %17s\n", "servers", "phase", "time", "memory");
  for (int n : sizes) InChild([&] { Run(n, dir); });
  std::printf("\nworksheets, each in its own process:\n");
  for (int n : sizes) {
    InChild([&] { RunAllXlsx(n, dir); });
    InChild([&] { RunBareXlsx(n, dir); });
  }
  std::filesystem::remove_all(dir);
  return 0;
}

// Reading speed and memory of the worksheet reader on a large SpreadsheetML export.
// Not a test: prints figures, asserts nothing. Each measurement runs in its own process so that
// its peak resident memory is its own.
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include <pugixml.hpp>

#include "sheets/workbook.h"

namespace {

// About `target` bytes of SpreadsheetML: a header row, then rows of ten cells of every type,
// with an ss:Index gap in each row as Excel writes after an empty cell.
std::string Generate(size_t target) {
  std::string x =
      "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n"
      "<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"\n"
      " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\">\n"
      " <Worksheet ss:Name=\"Database\">\n  <Table>\n";
  x.reserve(target + 4096);
  char buf[1024];
  for (long r = 1; x.size() < target; ++r) {
    std::snprintf(buf, sizeof buf,
                  "   <Row>\n"
                  "    <Cell><Data ss:Type=\"String\">pool%ld.contoso.com</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"String\">RTCLOCAL\\rtc</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"Number\">%ld</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"Number\">%ld.25</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"DateTime\">2026-%02ld-%02ldT02:30:00.000</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"Boolean\">%ld</Data></Cell>\n"
                  "    <Cell ss:Index=\"8\"><Data ss:Type=\"String\">\\\\backup01\\lync\\%ld</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"String\">Full backup&#10;verified</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"Number\">30</Data></Cell>\n"
                  "    <Cell><Data ss:Type=\"String\">Database team</Data></Cell>\n"
                  "   </Row>\n",
                  r, r, r % 1000, r % 12 + 1, r % 28 + 1, r % 2, r);
    x += buf;
  }
  x += "  </Table>\n </Worksheet>\n</Workbook>\n";
  return x;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU time of this process: on a busy machine wall time says more about the neighbours.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `work` in a child process; returns the child's peak resident set in MiB.
double InChild(const std::function<void()>& work) {
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    work();
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  struct rusage usage = {};
  wait4(pid, &status, 0, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux reports KiB
}

}  // namespace

int main(int argc, char** argv) {
  size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 50;
  char tmpl[] = "/tmp/plangen-sheets-bench-XXXXXX";
  if (!mkdtemp(tmpl)) return 1;
  const std::string path = std::string(tmpl) + "/export.xml";
  {
    std::string xml = Generate(megabytes << 20);
    std::ofstream(path, std::ios::binary) << xml;
  }
  const double mb = Slurp(path).size() / 1e6;
  std::printf("input: %s, %.1f MB\n", path.c_str(), mb);

  double rss = InChild([&] {
    std::string bytes = Slurp(path);
    auto t0 = std::chrono::steady_clock::now();
    double c0 = CpuSeconds();
    pugi::xml_document doc;
    pugi::xml_parse_result res = doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8);
    double s = Seconds(t0), cpu = CpuSeconds() - c0;
    std::printf("pugixml parse only : %.3f s wall, %6.1f MB/s; %.3f s CPU, %6.1f MB/s (%s)\n", s, mb / s, cpu,
                mb / cpu, res ? "ok" : res.description());
  });
  std::printf("  peak RSS %.0f MiB\n", rss);

  rss = InChild([&] {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = CpuSeconds();
    plangen::SourceManager sm;
    plangen::DiagEngine diags(sm);
    plangen::sheets::Workbook book;
    bool ok = plangen::sheets::ReadWorkbook(path, "export.xml", &book, sm, diags);
    double s = Seconds(t0), cpu = CpuSeconds() - c0;
    size_t cells = book.sheets.empty() ? 0 : book.sheets[0].cells.size();
    std::printf("ReadWorkbook       : %.3f s wall, %6.1f MB/s; %.3f s CPU, %6.1f MB/s (%s, %zu cells, file read "
                "included)\n", s, mb / s, cpu, mb / cpu, ok ? "ok" : "errors", cells);
  });
  std::printf("  peak RSS %.0f MiB\n", rss);
  unlink(path.c_str());
  rmdir(tmpl);
  return 0;
}

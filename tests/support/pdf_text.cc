#include "pdf_text.h"

#include "outside_program.h"

namespace plangen::testing {

namespace {

std::string Quoted(const std::string& path) { return "'" + path + "'"; }  // test paths hold no quote

}  // namespace

std::string PdfText(const std::string& path, bool raw) {
  return RunCapture(std::string("/usr/bin/pdftotext -enc UTF-8 ") + (raw ? "-raw " : "") + Quoted(path) + " -");
}

std::string PdfInfo(const std::string& path) { return RunCapture("/usr/bin/pdfinfo -isodates " + Quoted(path)); }

int PdfPages(const std::string& info) {
  size_t at = info.rfind("Pages:", 0) == 0 ? 0 : info.find("\nPages:");
  if (at == std::string::npos) return -1;
  at = info.find_first_not_of(" \t", info.find(':', at) + 1);
  if (at == std::string::npos || info[at] < '0' || info[at] > '9') return -1;
  int pages = 0;
  for (; at < info.size() && info[at] >= '0' && info[at] <= '9'; ++at) pages = pages * 10 + (info[at] - '0');
  return pages;
}

}  // namespace plangen::testing

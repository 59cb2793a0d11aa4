// Compiles a plan given as a string, the way 'plangen check' would, for tests.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "diag/printers.h"
#include "driver/compile.h"

namespace plangen::testing {

/// A temporary folder removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "plangen-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string p = path_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

 private:
  std::string path_;
};

/// Compiles `xml` saved as "plan.xml" in a temporary folder (the working directory is changed so
/// that diagnostics print "plan.xml:line:col"). Returns the findings whose code is in
/// [min_code, max_code] as text, without summary; `errors` counts those at error severity.
inline std::string CheckPlanText(const std::string& xml, const std::string& as_of = "2026-12-01",
                                 int* errors = nullptr, int min_code = 0, int max_code = 1999) {
  TempDir dir;
  dir.Write("plan.xml", xml);
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return "";
  if (chdir(dir.path().c_str()) != 0) return "";
  CompileOptions o;
  o.plan_path = "plan.xml";
  o.as_of = *ParseDate(as_of);
  Compilation c;
  Compile(o, c);
  std::string out;
  int count = 0;
  for (const Diagnostic* d : c.diags.Sorted()) {
    int code = Info(d->id).code;
    if (code < min_code || code > max_code) continue;
    out += FormatText(c.diags, *d);
    if (d->severity == Severity::kError) ++count;
  }
  if (errors) *errors = count;
  if (chdir(cwd) != 0) return "";
  return out;
}

}  // namespace plangen::testing

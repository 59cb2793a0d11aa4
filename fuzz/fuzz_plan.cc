// Fuzz target: a plan file through the loader, the resolver and every check, then the three
// printers (text, JSON, SARIF). Anything but findings (a crash, an exception, a sanitizer
// report) is a bug.
#include <sstream>

#include "diag/printers.h"
#include "driver/compile.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace plangen;
  CompileOptions o;
  o.plan_path = fuzz::WriteInput("plan.xml", data, size);
  o.as_of = *ParseDate("2026-12-01");
  Compilation c;
  Compile(o, c);
  std::ostringstream out;
  PrintText(c.diags, out, TextOptions());
  PrintJson(c.diags, out);
  PrintSarif(c.diags, out, "fuzz");
  return 0;
}

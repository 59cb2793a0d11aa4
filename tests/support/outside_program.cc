#include "outside_program.h"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace plangen::testing {

namespace {

bool Is(const char* value, const char* want) { return value && std::strcmp(value, want) == 0; }

}  // namespace

OutsideProgramUse DecideOutsideProgram(bool present, const char* ci, const char* sanitized_stage) {
  if (Is(sanitized_stage, "1")) return OutsideProgramUse::kNotHere;
  if (present) return OutsideProgramUse::kRun;
  return Is(ci, "true") ? OutsideProgramUse::kFail : OutsideProgramUse::kSkip;
}

bool HaveOutsideProgram(const std::string& what, const std::string& probe) {
  const char* sanitized_stage = std::getenv("PLANGEN_SANITIZED_STAGE");
  // Not probed in the sanitized stage: the answer does not depend on it.
  const bool present = !Is(sanitized_stage, "1") && std::system((probe + " >/dev/null 2>&1").c_str()) == 0;
  switch (DecideOutsideProgram(present, std::getenv("CI"), sanitized_stage)) {
    case OutsideProgramUse::kRun:
      return true;
    case OutsideProgramUse::kFail:
      BOOST_FAIL("CI=true but " + what + " is not installed");
      return false;
    case OutsideProgramUse::kSkip:
      BOOST_TEST_MESSAGE("SKIPPED: " + what + " is not installed");
      return false;
    case OutsideProgramUse::kNotHere:
      BOOST_TEST_MESSAGE("NOT RUN IN THE SANITIZED STAGE: the rest of this test needs " + what +
                         ", an outside program that is not instrumented; the plain stage runs it");
      return false;
  }
  return false;
}

std::string RunCapture(const std::string& command) {
  std::string out;
  FILE* f = popen(command.c_str(), "r");
  if (!f) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  pclose(f);
  return out;
}

}  // namespace plangen::testing

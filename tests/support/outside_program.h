// The outside programs some tests hand plangen's outputs to (LibreOffice, Chromium, poppler-utils,
// python3 with openpyxl, xmllint, unzip): whether one is here, and what a test does when it is not.
#pragma once

#include <string>

namespace plangen::testing {

/// What a test does about an outside program it needs.
enum class OutsideProgramUse {
  kRun,      ///< the program is here: run it
  kSkip,     ///< missing, outside CI: skip the rest of the test with a visible message
  kFail,     ///< missing under CI=true, where every one must be installed: the test fails
  kNotHere,  ///< the sanitized stage (PLANGEN_SANITIZED_STAGE=1): the program is not instrumented
             ///< and the plain stage runs the test, so it is left out here
};

/// The use of a program found `present` or not, given the values of CI and
/// PLANGEN_SANITIZED_STAGE (null when unset). The sanitized stage wins over presence.
OutsideProgramUse DecideOutsideProgram(bool present, const char* ci, const char* sanitized_stage);

/// True when the outside program `what` is here: the shell command `probe` exits 0. Otherwise
/// false after saying why on the test log: "SKIPPED: `what` is not installed"; under CI=true the
/// test fails instead. Under PLANGEN_SANITIZED_STAGE=1 it is false without probing, and says
/// that the plain stage runs the test. Call it just before the part of a test that needs the
/// program, after what the test checks of plangen's own output.
bool HaveOutsideProgram(const std::string& what, const std::string& probe);

/// What the shell command `command` writes to its standard output ("" when it cannot start).
std::string RunCapture(const std::string& command);

}  // namespace plangen::testing

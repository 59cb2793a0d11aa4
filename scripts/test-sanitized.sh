#!/usr/bin/env bash
# The sanitizer stage of the suite (scripts/test.sh runs it when CI=true or PLANGEN_SANITIZE=1):
# builds build-san/ (clang, AddressSanitizer + UndefinedBehaviorSanitizer, -O1), runs the golden
# command lines, the red-team plans and the unit tests with every plangen process instrumented,
# then each fuzz target for PLANGEN_FUZZ_SECONDS (30) seconds over its seeds.
# Any sanitizer report, in a test or in a plangen it started, fails the stage, and so does a
# fuzz finding. Prints one line per step and ends with
#   sanitized: N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
passed=0
failed=0
step() {  # step NAME STATUS
  if [ "$2" = 0 ]; then passed=$((passed + 1)); echo "sanitized: $1: ok"
  else failed=$((failed + 1)); echo "sanitized: $1: FAILED"; fi
}
finish() {
  echo "sanitized: $passed passed, $failed failed, 0 skipped"
  [ "$failed" = 0 ]
  exit $?
}

start=$SECONDS
scripts/build.sh --sanitize
rc=$?
step "build (build-san/, $((SECONDS - start)) s)" $rc
if [ $rc != 0 ]; then finish; fi

# Reports go to files as well as making the process fail, so that a report in a plangen whose
# exit status a test accepts (a red-team case "detected" by any non-zero exit) is still seen.
logs="$root/build-san/sanitizer-reports"
rm -rf "$logs"
mkdir -p "$logs"
symbolizer=/usr/lib/llvm-14/bin/llvm-symbolizer
[ -x "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=0:log_path=$logs/asan"
# Leaks inside third-party libraries that hold memory for the process's life (scripts/lsan.supp).
export LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
reports() {  # reports STEP: fails the step when a report file appeared, and prints it
  local found=0 f
  for f in "$logs"/*; do
    [ -e "$f" ] || continue
    # A process whose only leak was suppressed may still leave the symbolizer's warnings when it
    # could not start it (a test that limits the process's memory or files): not a report.
    if ! grep -qvE "^(==[0-9]+==WARNING: (Can't read from symbolizer at fd [0-9]+|Failed to use and restart external symbolizer!))?$" "$f"; then
      continue
    fi
    found=1
    echo "sanitized: $1: report in $(basename "$f"):"
    head -60 "$f"
  done
  rm -f "$logs"/*
  return $found
}

start=$SECONDS
meson test -C build-san --no-rebuild --print-errorlogs --timeout-multiplier 3 golden redteam
rc=$?
reports "golden and red-team" || rc=1
step "golden command lines and red-team plans ($((SECONDS - start)) s)" $rc

# The unit tests, each top-level suite in a process of its own, two at a time from one queue
# (tests/support/run_suites.sh; CI has two cores). PLANGEN_SANITIZED_STAGE=1 leaves out the parts
# of tests that hand an output to an outside program (LibreOffice, Chromium, poppler-utils,
# openpyxl, xmllint: tests/support/outside_program.h): those programs are not instrumented, and
# the plain stage runs them; what the tests check of plangen's own output before still runs here.
start=$SECONDS
PLANGEN_SANITIZED_STAGE=1 tests/support/run_suites.sh "$root/build-san/tests/unit_tests" --log_level=message \
  --report_level=short >"$root/build-san/unit-suites.log" 2>&1
rc=$?
tail -1 "$root/build-san/unit-suites.log"
if [ $rc != 0 ]; then
  echo "sanitized: unit tests failed:"
  tail -200 "$root/build-san/unit-suites.log"
fi
reports "unit tests" || rc=1
step "unit tests ($((SECONDS - start)) s)" $rc

# libFuzzer prints its own reports and saves the input; no log files there.
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
start=$SECONDS
fuzz/run.sh "${PLANGEN_FUZZ_SECONDS:-30}" build-san
step "fuzz targets, ${PLANGEN_FUZZ_SECONDS:-30} s each ($((SECONDS - start)) s)" $?
finish

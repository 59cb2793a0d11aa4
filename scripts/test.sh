#!/usr/bin/env bash
# Runs the whole test suite and prints one closing line: "tests: N passed, N failed, N skipped".
# When CI=true (always in CI) or PLANGEN_SANITIZE=1, the sanitizer stage follows
# (scripts/test-sanitized.sh: ASan+UBSan build, tests and fuzz smoke runs in build-san/); its
# steps are counted in the closing line, and any sanitizer report or fuzz finding fails it.
set -uo pipefail
cd "$(dirname "$0")/.."
meson test -C build --print-errorlogs "$@"
status=$?
read -r ok fail skip < <(/usr/bin/python3 - <<'PY' || echo "0 1 0"
import json
counts = {"OK": 0, "FAIL": 0, "SKIP": 0}
try:
    with open("build/meson-logs/testlog.json") as f:
        for line in f:
            r = json.loads(line).get("result", "")
            if r in ("OK", "EXPECTEDFAIL"): counts["OK"] += 1
            elif r == "SKIP": counts["SKIP"] += 1
            else: counts["FAIL"] += 1
except OSError:
    pass
print(counts["OK"], counts["FAIL"], counts["SKIP"])
PY
)
if [ "${CI:-}" = "true" ] || [ "${PLANGEN_SANITIZE:-}" = "1" ]; then
  summary="$(mktemp)"
  scripts/test-sanitized.sh | tee "$summary"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
  if read -r _ sok _ sfail _ sskip _ < <(grep -E '^sanitized: [0-9]+ passed' "$summary" | tail -1 | tr -d ','); then
    ok=$((ok + sok)); fail=$((fail + sfail)); skip=$((skip + sskip))
  else
    fail=$((fail + 1))
  fi
  rm -f "$summary"
else
  echo "sanitizers and fuzzing not run here (CI=true or PLANGEN_SANITIZE=1 runs them)"
fi
if [ "$status" != 0 ] && [ "$fail" = 0 ]; then fail=1; fi
echo "tests: $ok passed, $fail failed, $skip skipped"
exit $status

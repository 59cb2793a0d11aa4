#!/usr/bin/env bash
# Runs the whole test suite and prints one closing line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
meson test -C build --print-errorlogs "$@"
status=$?
/usr/bin/python3 - <<'PY' || true
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
print(f"tests: {counts['OK']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped")
PY
exit $status

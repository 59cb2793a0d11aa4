#!/usr/bin/env bash
# Runs a Boost.Test executable's top-level suites, each in a process of its own, N at a time from
# one queue (N: $PLANGEN_TEST_JOBS, else the number of cores), so that every core stays busy until
# the end whatever each suite costs. The suites known to take longest start first; every other
# suite follows in the order the executable lists them, so a new suite is never left out.
# Each suite's output is printed whole after all have run, in queue order; then the failed ones
# are named. Exits 0 when every suite passed.
#
#   tests/support/run_suites.sh UNIT_TESTS [BOOST.TEST ARGUMENTS...]
# The suites run in the executable's build directory (the folder above its own).
set -uo pipefail
unit="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
shift
jobs="${PLANGEN_TEST_JOBS:-$(nproc 2>/dev/null || echo 2)}"
mapfile -t listed < <("$unit" --list_content 2>&1 | grep -E '^[A-Za-z_0-9]+\*?$' | tr -d '*')
if [ ${#listed[@]} = 0 ]; then
  echo "run_suites: $unit lists no suites"
  exit 1
fi
# Measured under the sanitizers, where the difference matters most: each of these takes from
# half a minute to three minutes there.
long=(incremental build distribution checks pdf_build output_reuse hostile_input jobs runbook_pdf emit)
suites=()
for s in "${long[@]}"; do
  for l in "${listed[@]}"; do [ "$l" = "$s" ] && suites+=("$s"); done
done
for l in "${listed[@]}"; do
  case " ${long[*]} " in *" $l "*) ;; *) suites+=("$l") ;; esac
done

logs="$(mktemp -d "${TMPDIR:-/tmp}/plangen-suites.XXXXXX")"
trap 'rm -rf "$logs"' EXIT
# The stamps builds keep of their output folders (driver/stamp_cache.h) go with the logs, not
# into the home folder of whoever runs the tests.
export XDG_CACHE_HOME="$logs/cache"
export unit logs
printf '%s\n' "${suites[@]}" | xargs -P "$jobs" -I{} bash -c \
  'cd "$(dirname "$unit")/.." && "$unit" --run_test="$1" "${@:2}" >"$logs/$1.log" 2>&1; echo $? >"$logs/$1.status"' \
  _ {} "$@"
failed=()
for s in "${suites[@]}"; do
  echo "=== suite $s"
  cat "$logs/$s.log" 2>/dev/null
  [ "$(cat "$logs/$s.status" 2>/dev/null)" = 0 ] || failed+=("$s")
done
if [ ${#failed[@]} != 0 ]; then
  echo "run_suites: ${#failed[@]} of ${#suites[@]} suites failed: ${failed[*]}"
  exit 1
fi
echo "run_suites: ${#suites[@]} suites passed, $jobs at a time"

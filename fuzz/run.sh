#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each over seeds from the samples and tests/data/corpus.
#   fuzz/run.sh SECONDS [BUILD_DIR]    (BUILD_DIR configured with -Dfuzz=true; default build-san,
#                                        which scripts/build.sh --sanitize makes)
# Runs every target and exits non-zero when any found a problem; the input that caused it is left
# in BUILD_DIR/fuzz/findings/. Every finding goes into tests/data/fuzz/<target>/ with its fix:
# the files there are seeds, so each run replays them first.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:?usage: fuzz/run.sh SECONDS [BUILD_DIR]}"
build="${2:-build-san}"
root="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
findings="$build/fuzz/findings"
mkdir -p "$findings"

# Seeds per target: copies, so that libFuzzer's new inputs never land in the source tree.
seed() {  # seed TARGET FILE...
  mkdir -p "$work/$1"
  shift_target="$1"; shift
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$work/$shift_target/$(echo "$f" | tr '/' '_')"; done
}
seed fuzz_plan samples/*/plan.xml samples/*/parts/*.xml tests/redteam/*/plan.xml tests/data/fuzz/fuzz_plan/*
seed fuzz_spreadsheetml tests/data/corpus/excel2003-xml/*.xml samples/*/returned/*.xml samples/*/worksheets/*.xml \
  tests/data/fuzz/fuzz_spreadsheetml/*
seed fuzz_xlsx samples/*/returned/*.xlsx samples/*/worksheets/*.xlsx tests/data/fuzz/fuzz_xlsx/*
seed fuzz_topology tests/data/corpus/lync-topology/* tests/data/topology/* tests/data/fuzz/fuzz_topology/*
seed fuzz_verify tests/data/fuzz/fuzz_verify/*
seed fuzz_template templates/*/*.mustache templates/*/partials/*.mustache tests/data/fuzz/fuzz_template/*
# A real package to start verify from: build the sample once.
if [ -x "$build/plangen" ]; then
  "$build/plangen" build samples/contoso/plan.xml --as-of 2026-12-01 --quiet -o "$work/out" >/dev/null 2>&1 &&
    cp "$work"/out/audit/*.zip "$work/fuzz_verify/" 2>/dev/null
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
status=0
for t in fuzz_plan fuzz_spreadsheetml fuzz_xlsx fuzz_topology fuzz_verify fuzz_template; do
  mkdir -p "$work/$t" "$work/$t.new"
  echo "fuzz: $t for ${seconds}s"
  if ! "$build/fuzz/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -max_len=262144 \
      -print_final_stats=1 -artifact_prefix="$root/$findings/$t-" "$work/$t.new" "$work/$t" \
      >"$work/$t.log" 2>&1; then
    tail -40 "$work/$t.log"
    echo "fuzz: $t found a problem; the input is in $findings/"
    status=1
  else
    grep -E "^stat::number_of_executed_units|^Done" "$work/$t.log" | tr '\n' ' '
    echo
  fi
done
exit $status

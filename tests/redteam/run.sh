#!/bin/bash
# Red-team plans, one folder per deployment (fabrikam/, northwind/): a clean plan (base/) and
# copies of it with one defect each (NN-name/plan.xml, described in NN-name/defect.txt), written
# from the fact sheet by someone who had not read the rules. Each case's first defect.txt line says
# whether plangen finds the defect today ("status: detected") or not ("status: missed"); this
# script fails when that changes either way, and when a base plan is not clean. It prints
# "detected N of M" per deployment and in all.
#
# Usage: PLANGEN_BIN=build/plangen tests/redteam/run.sh
set -u
here="$(cd "$(dirname "$0")" && pwd)"
plangen="${PLANGEN_BIN:-${1:-}}"
if [[ -z "$plangen" || ! -x "$plangen" ]]; then
  echo "redteam: set PLANGEN_BIN to the plangen binary" >&2
  exit 2
fi
as_of=2026-12-01
failed=0

# A case counts as detected when plangen exits non-zero or reports a warning or an error.
# Prints the findings on stdout; returns 0 when detected, 1 when clean.
findings() {
  local out rc
  out="$("$plangen" check --as-of "$as_of" "$1" 2>&1)"
  rc=$?
  printf '%s\n' "$out"
  if (( rc != 0 )); then return 0; fi
  grep -Eq '(: (warning|error): )|([1-9][0-9]* (errors?|warnings?))' <<<"$out"
}

all_detected=0
all_total=0
for set in "$here"/*/; do
  [[ -f "$set/base/plan.xml" ]] || continue
  deployment="$(basename "$set")"
  if base_out="$(findings "$set/base/plan.xml")"; then
    echo "redteam: FAIL: the $deployment base plan is not clean:"
    printf '%s\n' "$base_out" | sed 's/^/  /'
    failed=1
  fi
  detected=0
  total=0
  for dir in "$set"[0-9][0-9]-*/; do
    name="$deployment/$(basename "$dir")"
    total=$((total + 1))
    status="$(head -n 1 "$dir/defect.txt" | sed -n 's/^status: *//p')"
    if [[ "$status" != detected && "$status" != missed ]]; then
      echo "redteam: FAIL: $name/defect.txt: first line must be 'status: detected' or 'status: missed'"
      failed=1
      continue
    fi
    if findings "$dir/plan.xml" >/dev/null; then
      detected=$((detected + 1))
      if [[ "$status" == missed ]]; then
        echo "redteam: FAIL: $name is now detected; set its status to detected"
        failed=1
      fi
    else
      first="$(sed -n '2p' "$dir/defect.txt" | sed -E 's/([.!?])( |$).*/\1/')"
      echo "missed: $name: $first"
      if [[ "$status" == detected ]]; then
        echo "redteam: FAIL: $name is no longer detected (regression)"
        failed=1
      fi
    fi
  done
  echo "redteam: $deployment: detected $detected of $total"
  all_detected=$((all_detected + detected))
  all_total=$((all_total + total))
done

# 'check' and 'build' report the same findings on every plan here and on the defects samples.
out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT
same=0
for plan in "$here"/*/base/plan.xml "$here"/*/[0-9][0-9]-*/plan.xml "$here"/../../samples/contoso-defects/plan.xml \
            "$here"/../../samples/contoso-defects/rules/*.xml; do
  c="$("$plangen" check --as-of "$as_of" "$plan" 2>&1 | grep -E ': (error|warning|note): ' | sort)"
  rm -rf "$out_dir/b"
  b="$("$plangen" build --as-of "$as_of" "$plan" -o "$out_dir/b" 2>&1 | grep -E ': (error|warning|note): ' | sort)"
  if [[ "$c" != "$b" ]]; then
    echo "redteam: FAIL: check and build report different findings on $plan:"
    diff <(printf '%s\n' "$c") <(printf '%s\n' "$b") | sed 's/^/  /'
    failed=1
  else
    same=$((same + 1))
  fi
done
echo "redteam: check and build agree on $same plans"
echo "redteam: detected $all_detected of $all_total"
exit $failed

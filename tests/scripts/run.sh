#!/usr/bin/env bash
# Every script plangen emits parses with the tree-sitter PowerShell grammar (tests/node_modules,
# installed by scripts/setup-debian.sh --test-tools), with no placeholder left unfilled: for the
# sample, for a generated topology and for a plan whose text tries to become code (quotes,
# $(...), backticks, ';', line breaks, typographic quotes). Skips locally (exit 77) without node
# or the grammar; fails when CI=true.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$(cd "$here/../.." && pwd)"
: "${PLANGEN_BIN:?}" "${GEN_PLAN:?}"
missing=""
command -v node >/dev/null || missing="node is not installed"
[ -n "$missing" ] || [ -d "$src/tests/node_modules/tree-sitter-powershell" ] || missing="tests/node_modules has no tree-sitter-powershell"
if [ -n "$missing" ]; then
  echo "SKIPPED: $missing; run scripts/setup-debian.sh --test-tools"
  if [ "${CI:-}" = "true" ]; then exit 1; fi
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$PLANGEN_BIN" build "$src/samples/contoso/plan.xml" --as-of 2026-12-01 -o "$work/sample" >/dev/null
"$GEN_PLAN" 120 "$work/generated.xml"
"$PLANGEN_BIN" build "$work/generated.xml" --as-of 2026-12-01 -o "$work/generated" >/dev/null

# Hostile text in every kind of plan value that reaches a script: a location path, role names,
# scenario and step titles, the plan's title.
evil="x'; Invoke-Evil; '\$(Invoke-Evil)\` \&quot;\$(Invoke-Evil)\&quot; \&amp; Invoke-Evil #\&#10;Invoke-Evil\&#13;\&#10;‘; Invoke-Evil; ’ @' Invoke-Evil '@"
sed -e "s|path=\"\\\\\\\\bk01.contoso.com\\\\LyncBackup\"|path=\"\\\\\\\\bk01\\\\$evil\"|" \
    -e "s|name=\"Lync Operations\"|name=\"$evil\"|" \
    -e "s|title=\"Prepare the spare server|title=\"$evil|" \
    -e "s|title=\"Whole pool01 lost\"|title=\"$evil\"|" \
    -e "s|<backup id=\"red-xds\" |<backup id=\"red-xds\" run-as=\"$evil\" |" \
    "$src/samples/contoso/plan.xml" > "$work/hostile.xml"
grep -q "Invoke-Evil" "$work/hostile.xml"
"$PLANGEN_BIN" build "$work/hostile.xml" --as-of 2026-12-01 --draft -o "$work/hostile" >/dev/null 2>&1 || true
[ -d "$work/hostile/scripts" ]
grep -rq "Invoke-Evil" "$work/hostile/scripts"
grep -rqF "x''; Invoke-Evil" "$work/hostile/scripts/backup"

# Task definitions: valid against the Task Scheduler schema, one per backup, hostile text kept as
# text (the account, the description).
command -v xmllint >/dev/null || { echo "SKIPPED: xmllint is not installed"; [ "${CI:-}" = "true" ] && exit 1; exit 77; }
[ "$(ls "$work/sample/scripts/tasks" | wc -l)" = "$(grep -c "<backup " "$src/samples/contoso/plan.xml")" ]
xmllint --noout --schema "$src/tests/data/scripts/task-scheduler.xsd" "$work/sample/scripts/tasks/"*.xml \
  "$work/generated/scripts/tasks/"*.xml "$work/hostile/scripts/tasks/"*.xml
grep -q "<UserId>x&apos;; Invoke-Evil" "$work/hostile/scripts/tasks/red-xds.xml"
grep -q "<UserId>" "$work/sample/scripts/tasks/red-xds.xml" && exit 1

cd "$src/tests"
node scripts/parse_ps.mjs "$work/sample/scripts" "$work/generated/scripts"
node scripts/parse_ps.mjs --forbid-command Invoke-Evil "$work/hostile/scripts"

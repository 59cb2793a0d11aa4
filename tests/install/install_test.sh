#!/usr/bin/env bash
# 'meson install' into a temporary DESTDIR gives a plangen that works outside the source tree: it
# reads the profiles and templates installed beside it, checks and builds the sample plan from
# another folder with the same bytes as the plangen of the build folder, and comes with a man page
# that renders and bash and zsh completions that know every command and option of --help.
set -u
src=${1:?usage: install_test.sh SOURCE_ROOT BUILD_ROOT}
build=${2:?usage: install_test.sh SOURCE_ROOT BUILD_ROOT}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

if ! meson install -C "$build" --destdir "$work/dest" --no-rebuild --quiet >"$work/install.log" 2>&1; then
  cat "$work/install.log" >&2
  echo "FAIL: meson install" >&2
  exit 1
fi
bin=$(find "$work/dest" -path '*/bin/plangen' -type f | head -1)
[ -x "$bin" ] || { echo "FAIL: no bin/plangen under the DESTDIR" >&2; exit 1; }
prefix=${bin%/bin/plangen}
man_page=$(find "$prefix" -path '*/man1/plangen.1' -type f | head -1)
bash_completion=$(find "$prefix" -path '*/bash-completion/completions/plangen' -type f | head -1)
zsh_completion=$(find "$prefix" -path '*/zsh/site-functions/_plangen' -type f | head -1)
[ -n "$man_page" ] || fail "no man1/plangen.1 installed"
[ -n "$bash_completion" ] || fail "no bash-completion/completions/plangen installed"
[ -n "$zsh_completion" ] || fail "no zsh/site-functions/_plangen installed"

# The installed plangen reads its own data, not the source tree's.
data=$(env -u PLANGEN_DATA_DIR "$bin" __generate data-dir)
case "$data" in
  "$prefix"/*) ;;
  *) fail "the installed plangen reads its data from '$data', not from under '$prefix'" ;;
esac
for d in worksheets/lync-server-2013 templates/runbook schema; do
  [ -d "$data/$d" ] || fail "'$d' is not installed in '$data'"
done

# From another folder, with a copy of the sample: check is clean, build gives the bytes the build
# folder's plangen gives.
mkdir -p "$work/elsewhere" "$work/reference"
cp -r "$src/samples/contoso" "$work/elsewhere/contoso"
cp -r "$src/samples/contoso" "$work/reference/contoso"
(cd "$work/elsewhere" && env -u PLANGEN_DATA_DIR "$bin" check contoso/plan.xml --as-of 2026-12-01 >"$work/check.txt" 2>&1) ||
  { cat "$work/check.txt" >&2; fail "installed plangen check of the sample"; }
(cd "$work/elsewhere" && env -u PLANGEN_DATA_DIR "$bin" build contoso/plan.xml -o out --as-of 2026-12-01 >"$work/build.txt" 2>&1) ||
  { cat "$work/build.txt" >&2; fail "installed plangen build of the sample"; }
(cd "$work/reference" && env -u PLANGEN_DATA_DIR "$build/plangen" build contoso/plan.xml -o out --as-of 2026-12-01 >/dev/null 2>&1) ||
  fail "build folder's plangen build of the sample"
[ -n "$(ls -A "$work/elsewhere/out" 2>/dev/null)" ] || fail "the installed plangen wrote nothing"
# The build's record names the program that wrote the tree by its digest (an installed plangen is
# another file): it is the one file that may differ.
diff -r -x plangen-output-record.json "$work/elsewhere/out" "$work/reference/out" >"$work/diff.txt" 2>&1 ||
  { head -20 "$work/diff.txt" >&2; fail "installed and build-folder plangen write different outputs"; }

# The options of a command, as its --help lists them (the help is printed from the option table).
help_options() {
  "$bin" help "$1" | sed -n '/^options:/,/^$/p' | grep -E '^ +-' | sed -E 's/^ +//; s/  .*//' |
    grep -oE -- '(^|[ ,])-{1,2}[A-Za-z][-A-Za-z]*' | tr -d ' ,' | sort -u
}
commands=$("$bin" --help | sed -n '/^commands:/,/^$/p' | grep -E '^  [a-z]' | awk '{print $1}')
[ "$(wc -w <<<"$commands")" -ge 8 ] || fail "--help lists too few commands: $commands"

# The man page renders without warnings and documents every command and option.
if [ -n "$man_page" ]; then
  warnings=$(groff -man -Tutf8 -ww -z "$man_page" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about plangen.1: $warnings"
  rendered=$(MANWIDTH=100 man -l "$man_page" 2>"$work/man.err" | col -b)
  [ -s "$work/man.err" ] && fail "man -l: $(cat "$work/man.err")"
  for section in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT; do
    grep -q "^$section" <<<"$rendered" || fail "plangen.1 has no $section section"
  done
  for c in $commands; do
    grep -qE "^ +plangen $c( |$)" <<<"$rendered" || fail "plangen.1 does not document 'plangen $c'"
    for o in $(help_options "$c"); do
      grep -qe "$o" <<<"$rendered" || fail "plangen.1 does not document $c $o"
    done
  done
fi

# bash: the completion function, called as bash calls it, completes commands, options and values.
complete_bash() {  # WORD... (the last one is the word being completed)
  bash --norc --noprofile -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _plangen; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$bash_completion" "$@"
}
if [ -n "$bash_completion" ]; then
  bash -n "$bash_completion" || fail "the bash completion does not parse"
  got=$(complete_bash plangen "")
  for c in $commands; do grep -qx "$c" <<<"$got" || fail "bash completion offers no command '$c'"; done
  [ "$(complete_bash plangen ch)" = "check" ] || fail "bash: 'plangen ch' does not complete to check"
  [ "$(complete_bash plangen check --as)" = "--as-of" ] || fail "bash: 'plangen check --as' does not complete to --as-of"
  [ "$(complete_bash plangen check --format "" | tr '\n' ' ')" = "text json sarif " ] ||
    fail "bash: 'plangen check --format' does not offer text json sarif"
  [ "$(complete_bash plangen check --color=al)" = "always" ] || fail "bash: 'plangen check --color=al' does not complete to always"
  [ "$(complete_bash plangen help ap)" = "approve" ] || fail "bash: 'plangen help ap' does not complete to approve"
  [ "$(complete_bash plangen explain PG510 | head -1)" = "PG5101" ] || fail "bash: 'plangen explain PG510' does not offer PG5101"
  for c in $commands; do
    got=$(complete_bash plangen "$c" -)
    for o in $(help_options "$c"); do
      grep -qxe "$o" <<<"$got" || fail "bash completion of 'plangen $c -' does not offer $o"
    done
  done
fi

# zsh: the function parses, and names every command and option.
if [ -n "$zsh_completion" ]; then
  if command -v zsh >/dev/null; then
    zsh -n "$zsh_completion" || fail "the zsh completion does not parse"
  elif [ "${CI:-}" = "true" ]; then
    fail "zsh is not installed (scripts/setup-debian.sh --test-tools installs it)"
  fi
  for c in $commands; do
    grep -q "^    '$c:" "$zsh_completion" || fail "zsh completion does not describe command '$c'"
    block=$(sed -n "/^    $c)\$/,/^      ;;\$/p" "$zsh_completion")
    for o in $(help_options "$c"); do
      grep -qe "'\**$o[=+]\{0,1\}\[" <<<"$block" || fail "zsh completion of '$c' does not offer $o"
    done
  done
fi

if [ "$fails" != 0 ]; then
  echo "$fails failures" >&2
  exit 1
fi
echo "installed plangen works from $prefix; man page and completions match --help"

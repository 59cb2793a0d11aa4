#!/usr/bin/env bash
# Runs every command of docs/getting-started.md, in order, in an empty folder holding a topology
# file (topology.tbxml) and the source tree's samples/, with `plangen` the program under test.
# The commands are the lines of its ```sh blocks; a command ending in `# exits N` must exit with
# N, any other with 0. Fails on the first command that does not, and when the page runs none of
# init, check, approve, build and diff.
set -u
src=${1:?usage: getting_started.sh SOURCE_ROOT}
bin=${PLANGEN_BIN:?PLANGEN_BIN names the plangen program}
page="$src/docs/getting-started.md"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$(readlink -f "$bin")" "$work/bin/plangen"
cp "$src/tests/data/topology/Fabrikam.tbxml" "$work/topology.tbxml"
cp -r "$src/samples" "$work/samples"

commands=$(awk '/^```sh$/ {inside = 1; next} /^```/ {inside = 0} inside && NF' "$page")
for verb in init check approve build diff; do
  if ! grep -q "^plangen $verb " <<<"$commands"; then
    echo "$page: runs no 'plangen $verb'" >&2
    exit 1
  fi
done

n=0
while IFS= read -r line; do
  n=$((n + 1))
  want=0
  if [[ $line =~ \#\ exits\ ([0-9]+)$ ]]; then want=${BASH_REMATCH[1]}; fi
  out=$(cd "$work" && PATH="$work/bin:$PATH" NO_COLOR=1 bash -c "$line" 2>&1)
  got=$?
  if [[ $got != "$want" ]]; then
    echo "$page: '$line' exited with $got, not $want:" >&2
    echo "$out" >&2
    exit 1
  fi
  echo "ok $n: $line"
done <<<"$commands"
echo "$n commands of docs/getting-started.md ran as the page says"

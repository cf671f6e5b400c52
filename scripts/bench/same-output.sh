#!/usr/bin/env bash
# Fingerprints what paiban makes of every corpus book, so an optimisation can be shown not to
# change it: the sha256 of `paiban inspect --json` (the reader's whole output), of the EPUB and
# of every file of the Typst project, plus the rendered diagnostics (stderr of the build).
#
#   scripts/bench/same-output.sh BIN OUT.txt [DIR ...]     # writes one line per book and file
#   diff before.txt after.txt                                # empty: nothing changed
#
# Default DIRs: ../shared/corpus/zh ../shared/corpus/en (relative to the repository).
set -euo pipefail
bin=$(realpath "$1")
out=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
dirs=("$@")
[ ${#dirs[@]} -eq 0 ] && dirs=("$root/../shared/corpus/zh" "$root/../shared/corpus/en")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$out"
for dir in "${dirs[@]}"; do
  for book in "$dir"/*.txt; do
    name=$(basename "$book" .txt)
    "$bin" inspect "$book" --json >"$tmp/inspect.json" 2>/dev/null
    echo "$name inspect $(sha256sum <"$tmp/inspect.json" | cut -c1-64)" >>"$out"
    rm -rf "$tmp/o"
    "$bin" build "$book" -o "$tmp/o" >/dev/null 2>"$tmp/stderr" || true
    echo "$name stderr $(sha256sum <"$tmp/stderr" | cut -c1-64)" >>"$out"
    (cd "$tmp/o" && find . -type f | LC_ALL=C sort | xargs sha256sum) |
      sed "s|^|$name |" >>"$out"
  done
done
echo "$(wc -l <"$out") fingerprints in $out" >&2

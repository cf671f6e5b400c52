#!/usr/bin/env bash
# Fingerprints what paiban makes of every corpus book and every golden case, so an optimisation
# can be shown not to change it: the sha256 of `paiban inspect --json` (the reader's whole
# output), of the EPUB and of every file of the Typst project, plus the rendered diagnostics
# (stderr of the build).
#
#   scripts/bench/same-output.sh BIN OUT.txt [DIR|FILE ...]  # writes one line per book and file
#   diff before.txt after.txt                                  # empty: nothing changed
#
# A DIR stands for its *.txt files. Default: ../shared/corpus/zh ../shared/corpus/en (relative
# to the repository), every tests/golden/*/input.txt (named by its case), the example book and
# the seed when present.
set -euo pipefail
bin=$(realpath "$1")
out=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
args=("$@")
if [ ${#args[@]} -eq 0 ]; then
  args=("$root/../shared/corpus/zh" "$root/../shared/corpus/en" "$root"/tests/golden/*/input.txt
    "$root/examples/shuyuan.txt")
  for seed in "$root"/../shared/seed/*.txt; do [ -e "$seed" ] && args+=("$seed"); done
fi
books=()
for arg in "${args[@]}"; do
  if [ -d "$arg" ]; then books+=("$arg"/*.txt); else books+=("$arg"); fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: >"$out"
for book in "${books[@]}"; do
  name=$(basename "$book" .txt)
  [ "$name" = input ] && name=$(basename "$(dirname "$book")")
  "$bin" inspect "$book" --json >"$tmp/inspect.json" 2>/dev/null || true
  echo "$name inspect $(sha256sum <"$tmp/inspect.json" | cut -c1-64)" >>"$out"
  rm -rf "$tmp/o"
  "$bin" build "$book" -o "$tmp/o" >/dev/null 2>"$tmp/stderr" || true
  sed "s|$tmp|TMP|g" "$tmp/stderr" | sha256sum | cut -c1-64 | sed "s|^|$name stderr |" >>"$out"
  (cd "$tmp/o" && find . -type f | LC_ALL=C sort | xargs -r sha256sum) |
    sed "s|^|$name |" >>"$out"
done
echo "$(wc -l <"$out") fingerprints of ${#books[@]} books in $out" >&2

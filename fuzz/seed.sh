#!/bin/sh
# Builds the seed corpus fuzz/corpus/pipeline from the project's own fixture manuscripts.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/pipeline
for f in ../tests/fixtures/hostile/*.txt ../tests/golden/*/input.txt; do
  [ -f "$f" ] || continue
  cp "$f" "corpus/pipeline/$(echo "$f" | tr '/.' '__')"
done
# The example book, when the shared seed is present (never committed).
if [ -f ../../shared/seed/000_31f2030a350ea770.txt ]; then
  cp ../../shared/seed/000_31f2030a350ea770.txt corpus/pipeline/example.txt
fi
ls corpus/pipeline | wc -l

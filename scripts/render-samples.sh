#!/usr/bin/env bash
# render-samples.sh — build sample books and render their pages to PNG, to look at the design:
# PDF pages with pdftoppm, EPUB pages in headless Chromium at phone and tablet width.
#
# usage: scripts/render-samples.sh [OUTDIR]        (default: target/samples)
#   PAIBAN=path/to/paiban   the binary (default: target/release/paiban, built if missing)
#   VALIDATORS_HOME=…       where Typst, pdftoppm and chromium were installed (default: .validators)
#   PAGES="1-8"             which PDF pages to render (default: the first 12)
#
# Books: the seed (../shared/seed, when present), the example (examples/shuyuan.txt) and the
# English and Traditional Chinese fixtures (tests/golden/en-salt-road, tests/golden/tw-shancheng,
# tests/fixtures/traditional/xikou.txt).
# For each BOOK it writes OUTDIR/BOOK/pdf-N.png (page N of the PDF) and
# OUTDIR/BOOK/epub-{phone,tablet}-DOC.png (the cover, copyright page and first chapters).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/target/samples}
mkdir -p "$out"
out=$(cd "$out" && pwd)
export VALIDATORS_HOME=${VALIDATORS_HOME:-$root/.validators}
paiban=${PAIBAN:-$root/target/release/paiban}
if [ ! -x "$paiban" ]; then
  (cd "$root" && cargo build --release --quiet)
fi
chromium=${CHROMIUM:-$(command -v chromium || echo /usr/bin/chromium)}
first=${PAGES:-1-12}

books=()
seed=$(ls "$root"/../shared/seed/*.txt 2>/dev/null | head -n 1 || true)
[ -n "$seed" ] && books+=("seed=$seed")
books+=("example=$root/examples/shuyuan.txt")
books+=("english=$root/tests/golden/en-salt-road/input.txt")
books+=("traditional=$root/tests/golden/tw-shancheng/input.txt")
books+=("xikou=$root/tests/fixtures/traditional/xikou.txt")

# shot DOC.xhtml OUT.png WIDTH HEIGHT: one EPUB document in Chromium, as an e-reader window.
shot() {
  local profile
  profile=$(mktemp -d)
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" --force-device-scale-factor=1 \
    --window-size="$3,$4" --screenshot="$2" "file://$1" >/dev/null 2>&1 || true
  rm -rf "$profile"
}

for entry in "${books[@]}"; do
  name=${entry%%=*}
  src=${entry#*=}
  dir=$out/$name
  rm -rf "$dir"
  mkdir -p "$dir/build"
  "$paiban" build "$src" -o "$dir/build" --format epub,typst,pdf >"$dir/build.log" 2>&1 || {
    echo "$name: build failed, see $dir/build.log" >&2
    continue
  }
  pdf=$(ls "$dir"/build/*.pdf)
  from=${first%-*}
  to=${first#*-}
  pdftoppm -r 80 -png -f "$from" -l "$to" "$pdf" "$dir/pdf"
  epub=$(ls "$dir"/build/*.epub)
  mkdir -p "$dir/epub"
  (cd "$dir/epub" && unzip -q -o "$epub")
  docs=$(cd "$dir/epub/EPUB" && ls cover.xhtml copyright*.xhtml 2>/dev/null; \
    cd "$dir/epub/EPUB" && ls | grep -E '^(chapter|d-|preface)' | head -n 3)
  for doc in $docs; do
    base=${doc%.xhtml}
    shot "$dir/epub/EPUB/$doc" "$dir/epub-phone-$base.png" 390 844
    shot "$dir/epub/EPUB/$doc" "$dir/epub-tablet-$base.png" 820 1180
  done
  echo "$name: $(ls "$dir"/*.png | wc -l) pages in $dir"
done

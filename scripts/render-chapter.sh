#!/bin/sh
# render-chapter.sh — render one content document of an EPUB to a PNG in headless Chromium,
# to look at the built-in stylesheet as a reader would (a narrow, e-reader-like window).
#
# usage: scripts/render-chapter.sh BOOK.epub [EPUB/chapter-1.xhtml] [out.png] [WIDTHxHEIGHT]
set -eu
epub=${1:?usage: $0 BOOK.epub [DOCUMENT] [OUT.png] [WxH]}
doc=${2:-EPUB/chapter-1.xhtml}
out=${3:-chapter.png}
size=${4:-600x900}
chromium=${CHROMIUM:-/usr/bin/chromium}

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
unzip -q "$epub" -d "$dir/book"
[ -f "$dir/book/$doc" ] || { echo "$doc is not in $epub" >&2; exit 1; }
case $out in /*) ;; *) out=$(pwd)/$out ;; esac

"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$dir/profile" --force-device-scale-factor=1 \
  --window-size="$(echo "$size" | tr x ,)" \
  --screenshot="$out" "file://$dir/book/$doc" 2>/dev/null
echo "$out"

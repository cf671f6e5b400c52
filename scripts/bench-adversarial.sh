#!/usr/bin/env bash
# scripts/bench-adversarial.sh — issue 11 items 6 and 7: builds each adversarial shape at n and 2n
# and reports wall and CPU (user + system) time, the ratios t(2n)/t(n) (≈2 linear, ≈4 quadratic;
# on a shared machine trust the CPU ratio), peak memory, the output size and the stderr size. It
# measures whatever the tree holds, reader shapes included.
#
#   scripts/bench-adversarial.sh                 # all shapes, the default n of each
#   SHAPES="contents authors" scripts/bench-adversarial.sh
#   TIMEOUT=300 BIN=target/release/paiban scripts/bench-adversarial.sh
#
# Shapes (scripts/bench/adversarial.py): contents (a printed contents of n entries + n chapters),
# notes-one-page (n notes on one page), note-per-page (one note on each of n pages), authors (n
# authors in book.toml), big (a book of n CJK characters), big-latin (n Latin characters, built at
# n and 4n: 25M and 100M, issue 11's pair), same-heading (n lines of 第一章).
# Each shape is built at n and K·n (K=2 but for big-latin); the ratio of a linear path is ≈K.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/paiban}
TIMEOUT=${TIMEOUT:-180}
SHAPES=${SHAPES:-"contents notes-one-page note-per-page authors big big-latin same-heading"}
WORK=${BENCH_DIR:-$(mktemp -d -t paiban-adv.XXXXXX)}
[ -x "$BIN" ] || cargo build --release --locked
declare -A N=([contents]=5000 [notes-one-page]=25000 [note-per-page]=50000 [authors]=50000
              [big]=12500000 [big-latin]=25000000 [same-heading]=500000)
declare -A K=([big-latin]=4)

run() { # shape n → "seconds peak_kib out_bytes err_bytes exit cpu_seconds"
  local shape=$1 n=$2 dir="$WORK/$1-$2"
  rm -rf "$dir"; mkdir -p "$dir"
  local extra; extra=$(python3 scripts/bench/adversarial.py "$shape" "$n" "$dir")
  local code=0
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M %U %S' -o "$dir/time" timeout "$TIMEOUT" \
    "$BIN" build "$dir/book.txt" $extra -o "$dir/out" >/dev/null 2>"$dir/stderr" || code=$?
  local t m u s; read -r t m u s < <(tail -1 "$dir/time")
  local cpu; cpu=$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2]):.2f}')" "$u" "$s")
  [ "$code" = 124 ] && t=">$TIMEOUT" && cpu=">$TIMEOUT"
  local out=0; [ -d "$dir/out" ] && out=$(du -sb "$dir/out" | cut -f1)
  echo "$t $m $out $(stat -c %s "$dir/stderr") $code $cpu"
  rm -rf "$dir/out"
}

printf '| shape | n | K | wall n (s) | wall Kn (s) | wall ratio | CPU n (s) | CPU Kn (s) | CPU ratio | peak RSS n (MiB) | peak RSS Kn (MiB) | output Kn (bytes) | stderr Kn (bytes) | exit Kn |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for shape in $SHAPES; do
  n=${N[$shape]}
  k=${K[$shape]:-2}
  read -r t1 m1 _ _ _ u1 < <(run "$shape" "$n")
  read -r t2 m2 o2 e2 c2 u2 < <(run "$shape" $((k * n)))
  ratio() { python3 -c "import sys; a,b=sys.argv[1:]; print('-' if '>' in a+b or float(a)==0 else f'{float(b)/float(a):.2f}')" "$1" "$2"; }
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$shape" "$n" "$k" \
    "$t1" "$t2" "$(ratio "$t1" "$t2")" "$u1" "$u2" "$(ratio "$u1" "$u2")" "$((m1 / 1024))" \
    "$((m2 / 1024))" "$o2" "$e2" "$c2"
done
echo "(machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); inputs in $WORK)" >&2

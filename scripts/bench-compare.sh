#!/usr/bin/env bash
# scripts/bench-compare.sh — paiban vs pandoc 3 on generated books (issue 6).
#
# Builds the release binary and the genbook example, generates a 250k- and a 2.5M-character book
# (manuscript .txt + pandoc Markdown .md) into a temporary folder, then times
#   paiban build bookN.txt -o OUT          (EPUB + Typst project)
#   pandoc bookN.md -o bookN.epub          (pandoc 3 from the pypandoc-binary wheel)
# with hyperfine in alternating rounds, measures peak RSS with /usr/bin/time -v, optionally a
# 200-book batch, and prints a Markdown table with the machine it ran on.
#
# Installs what is missing: hyperfine and time (Debian apt), pandoc 3 (pip, in a venv under
# target/). Environment knobs:
#   ROUNDS=3        alternating hyperfine rounds per book (each round: both tools, RUNS runs)
#   RUNS=5          runs per tool per round (the 2.5M book uses max(2, RUNS/2) for pandoc)
#   FORMAT=epub,typst  what paiban writes (`--format`); FORMAT=epub times the EPUB alone
#   BATCH=0         set to 1 to also time a 200-book batch build at 1 thread vs all cores
#   BENCH_DIR=…     keep the generated books and raw results there (default: a temp folder)
#   PAIBAN_BENCH_VENV=…  the venv holding pypandoc-binary (default target/bench-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-5}
BATCH=${BATCH:-0}
FORMAT=${FORMAT:-epub,typst}
VENV=${PAIBAN_BENCH_VENV:-$ROOT/target/bench-venv}
WORK=${BENCH_DIR:-$(mktemp -d -t paiban-bench.XXXXXX)}
mkdir -p "$WORK"
log() { printf '>> %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------
apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    log "installing $* (apt)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pypandoc' 2>/dev/null; then
    log "installing pandoc 3 (pip install pypandoc-binary into $VENV)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pypandoc-binary
fi
PANDOC=$("$VENV/bin/python" -c 'import pypandoc; print(pypandoc.get_pandoc_path())')
PANDOC_VERSION=$("$PANDOC" --version | head -n1)

# --- build and generate ------------------------------------------------------------------------
log "building the release binary and genbook"
cargo build --release --quiet --bin paiban --example genbook
PAIBAN=$ROOT/target/release/paiban
GENBOOK=$ROOT/target/release/examples/genbook
for n in 250000 2500000; do
    "$GENBOOK" --chars "$n" --seed 1 --out "$WORK" >&2
done

# A build must succeed before it can be timed.
if ! "$PAIBAN" build "$WORK/book250k.txt" --format "$FORMAT" -o "$WORK/probe" >"$WORK/probe.log" 2>&1; then
    log "paiban build failed on the generated book (are the reader and writers merged?):"
    tail -n 5 "$WORK/probe.log" >&2
    exit 1
fi

# --- timing ------------------------------------------------------------------------------------
time_book() { # name
    local name=$1 prs=$RUNS
    [ "$name" = book2500k ] && prs=$(( RUNS / 2 > 2 ? RUNS / 2 : 2 ))
    local p="$PAIBAN build $WORK/$name.txt --format $FORMAT -o $WORK/out-$name"
    local d="$PANDOC $WORK/$name.md -o $WORK/$name-pandoc.epub"
    for round in $(seq 1 "$ROUNDS"); do
        log "$name: round $round/$ROUNDS"
        # Alternate which tool goes first so neither always runs on a warmer machine.
        if [ $(( round % 2 )) -eq 1 ]; then
            hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-json "$WORK/$name-paiban-$round.json" "$p" >&2
            hyperfine -N --style none --warmup 1 --runs "$prs" --export-json "$WORK/$name-pandoc-$round.json" "$d" >&2
        else
            hyperfine -N --style none --warmup 1 --runs "$prs" --export-json "$WORK/$name-pandoc-$round.json" "$d" >&2
            hyperfine -N --style none --warmup 2 --runs "$RUNS" --export-json "$WORK/$name-paiban-$round.json" "$p" >&2
        fi
    done
    for tool in paiban pandoc; do
        local cmd=$p
        [ $tool = pandoc ] && cmd=$d
        : >"$WORK/$name-$tool.rss"
        for _ in 1 2 3; do
            # shellcheck disable=SC2086
            /usr/bin/time -v $cmd 2>&1 >/dev/null |
                awk -F': ' '/Maximum resident set size/ {print $2}' >>"$WORK/$name-$tool.rss"
        done
    done
}
time_book book250k
time_book book2500k

# --- batch (optional): 200 books, one thread vs all cores --------------------------------------
if [ "$BATCH" = 1 ]; then
    mkdir -p "$WORK/batch"
    log "generating 200 books of 50k characters for the batch run"
    for i in $(seq 1 200); do
        "$GENBOOK" --chars 50000 --seed "$i" --out "$WORK/batch" --name "b$i" >/dev/null
        rm -f "$WORK/batch/b$i.md"
    done
    if "$PAIBAN" build "$WORK/batch/b1.txt" "$WORK/batch/b2.txt" -o "$WORK/batch-probe" >/dev/null 2>&1; then
        hyperfine -N --style none --warmup 1 --runs 3 --export-json "$WORK/batch.json" \
            -n "1 thread" "env RAYON_NUM_THREADS=1 $PAIBAN build $WORK/batch -o $WORK/batch-out1" \
            -n "all cores" "$PAIBAN build $WORK/batch -o $WORK/batch-outN" >&2
    else
        log "this paiban builds one manuscript per call: no batch timing"
    fi
fi

# --- report ------------------------------------------------------------------------------------
python3 scripts/bench/summarise.py "$WORK" "$PANDOC_VERSION" \
    "$(git describe --always --dirty 2>/dev/null || echo '?')" "$FORMAT"
log "raw results in $WORK"

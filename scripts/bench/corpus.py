#!/usr/bin/env python3
"""Times `paiban build` (EPUB + Typst, warnings rendered to a file) on every corpus book.

    python3 scripts/bench/corpus.py [--bin target/release/paiban] [--runs 5] [DIR ...]

For each book: the median CPU time (user + system of the process, from wait4's rusage: on a
shared machine this is the figure to trust), the median wall time, throughput by CPU time
(MB of input per CPU second), peak RSS and the number of warnings, as a Markdown table.
Default DIRs: ../shared/corpus/zh ../shared/corpus/en.
"""
import argparse, os, statistics, subprocess, sys, tempfile, time
from pathlib import Path


def run(binary, book, out, err):
    start = time.perf_counter()
    with open(err, "wb") as e:
        p = subprocess.Popen([binary, "build", str(book), "-o", str(out)],
                             stdout=subprocess.DEVNULL, stderr=e)
        _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{book}: exit {os.waitstatus_to_exitcode(status)}")
    return ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/paiban")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("dirs", nargs="*")
    a = ap.parse_args()
    root = Path(__file__).resolve().parents[2]
    dirs = a.dirs or [root / "../shared/corpus/zh", root / "../shared/corpus/en"]
    books = sorted(p for d in dirs for p in Path(d).glob("*.txt"))
    print("| book | input (MB) | CPU median (ms) | wall median (ms) | MB/s (CPU) | peak RSS (MB) | warnings |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    total_mb = total_cpu = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for book in books:
            cpu, wall, rss = [], [], 0
            err = Path(tmp) / "stderr"
            for i in range(a.runs):
                out = Path(tmp) / f"out{i}"
                c, w, r = run(a.bin, book, out, err)
                cpu.append(c); wall.append(w); rss = max(rss, r)
                subprocess.run(["rm", "-rf", str(out)])
            warnings = err.read_text(errors="replace").count("warning[")
            mb = book.stat().st_size / 1e6
            mc, mw = statistics.median(cpu), statistics.median(wall)
            total_mb += mb; total_cpu += mc
            print(f"| {book.stem} | {mb:.2f} | {mc*1000:.0f} | {mw*1000:.0f} | {mb/mc:.1f} | {rss/1024:.1f} | {warnings} |")
    print(f"| all {len(books)} | {total_mb:.2f} | {total_cpu*1000:.0f} | | {total_mb/total_cpu:.1f} | | |")
    print(f"(runs {a.runs}, {os.cpu_count()} cores, load {open('/proc/loadavg').read().split()[:3]})", file=sys.stderr)


main()

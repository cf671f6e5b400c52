#!/usr/bin/env python3
"""Summarise bench-compare.sh results as the README's Markdown performance table.

Usage: summarise.py WORK_DIR PANDOC_VERSION PAIBAN_REVISION FORMATS
Reads WORK_DIR/<book>-<tool>-<round>.json (hyperfine exports), <book>-<tool>.rss (peak RSS in
KiB, one per line) and the optional batch.json; prints Markdown to stdout.
"""
import glob
import json
import os
import statistics
import subprocess
import sys

BOOKS = [("book250k", "250k characters"), ("book2500k", "2.5M characters")]


def times(work, book, tool):
    """Wall times of every run, and the mean CPU time (user + system) over all runs."""
    out, cpu = [], 0.0
    for path in sorted(glob.glob(os.path.join(work, f"{book}-{tool}-*.json"))):
        with open(path) as f:
            r = json.load(f)["results"][0]
        out.extend(r["times"])
        cpu += (r["user"] + r["system"]) * len(r["times"])
    return out, cpu / max(len(out), 1)


def rss_mb(work, book, tool):
    with open(os.path.join(work, f"{book}-{tool}.rss")) as f:
        values = [int(v) for v in f.read().split()]
    return max(values) / 1024


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    return (f"{cpu}, {cores} cores (`nproc`), {mem_kb / 1048576:.0f} GiB RAM, "
            f"load average {load} when the run ended")


def fmt_s(s):
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def main():
    work, pandoc, rev, formats = sys.argv[1:5]
    what = " + ".join(f.strip().upper().replace("TYPST", "Typst") for f in formats.split(","))
    print(f"Machine: {machine()}; paiban {rev} (release build); {pandoc}.\n")
    print(f"| book | size | paiban build ({what}): wall / CPU | pandoc md → EPUB: wall / CPU "
          "| speed-up: wall / CPU | paiban peak RSS | pandoc peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    medians = {}
    for book, label in BOOKS:
        (p, pc), (d, dc) = times(work, book, "paiban"), times(work, book, "pandoc")
        if not p or not d:
            continue
        mp, md = statistics.median(p), statistics.median(d)
        medians[book] = (mp, pc)
        size = os.path.getsize(os.path.join(work, f"{book}.txt")) / 1e6
        print(f"| {label} | {size:.2f} MB | {fmt_s(mp)} / {fmt_s(pc)} (n={len(p)}) "
              f"| {fmt_s(md)} / {fmt_s(dc)} (n={len(d)}) | {md / mp:.0f}× / {dc / pc:.0f}× "
              f"| {rss_mb(work, book, 'paiban'):.1f} MB | {rss_mb(work, book, 'pandoc'):.0f} MB |")
    print()
    if len(medians) == 2:
        (w1, c1), (w2, c2) = medians["book250k"], medians["book2500k"]
        print(f"Scaling: the 2.5M book takes {w2 / w1:.1f}× the 250k book's wall time and "
              f"{c2 / c1:.1f}× its CPU time (linear = 10×).")
    batch = os.path.join(work, "batch.json")
    if os.path.exists(batch):
        with open(batch) as f:
            res = {r["command"]: r for r in json.load(f)["results"]}
        one, many = res.get("1 thread"), res.get("all cores")
        if one and many:
            a, b = one["median"], many["median"]
            print(f"Batch: 200 books of 50k characters: {fmt_s(a)} on one thread (CPU "
                  f"{fmt_s(one['user'] + one['system'])}), {fmt_s(b)} on all cores (CPU "
                  f"{fmt_s(many['user'] + many['system'])}): {a / b:.2f}× the one-core throughput.")
    print("\nWall: medians over alternating hyperfine rounds (`scripts/bench-compare.sh`); CPU: "
          "mean user + system time per run; peak RSS: the largest of three `/usr/bin/time -v` "
          "runs. On a busy machine (load average above the core count) trust the CPU column.")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""note-audit.py — count the note references paiban links in real books, and flag the false ones.

usage: note-audit.py BIN BOOK.txt [BOOK.txt ...] [--list] [--all] [--truth-suffix .truth.json]

For each manuscript: `BIN convert BOOK.txt -o TMP.md` (the Markdown writer prints every linked
marker as `[^n]` and every note as `[^n]: []{.note … mark="…"} text`), then each linked marker
is checked against the shapes a false marker takes in print extraction:

  exponent   digits right after a one-letter variable, a math letter or a closing bracket
             inside a formula (`a 2 + b2`, `𝑥2`, `(𝑥 + 𝐴)2`), or with an operator close by
  date       digits after a month name or before one in the note (`3 Jan 2020`), or after 年/月
  time       digits after `hh:` or before `:mm`
  version    digits after `v`, `version`, `release`, or a dotted number (`2.1`)
  page       digits after `p.`, `pp.`, `page`, `第`, `见`
  list       the marker opens its paragraph (a list or line number taken for a marker)
  code       the marker ends a path, identifier or expression (`/dev/sda1`, `${s:7`, `/*`,
             `\label{fn`); a bare command name (`\newleadpage`) may carry a real marker, and
             Chinese text or quotes before the marker are no code
  table      the marker's paragraph is mostly numbers and spaces (a table row)
  empty      the note has no text

With a truth file beside the book (BOOK.truth.json, key `footnotes`), the note count is compared
too: notes beyond the truth count (and its tolerance, max(2, 10 %)) are reported as `excess`.
Output: one row per book (markers linked, flagged, notes, truth count), a total line with the
flagged share of all linked markers, with --list every flagged marker with its context, and
with --all every linked marker (flagged or not) with its context and the start of its note, for
reading through by hand: the flags are a screen, the verdict on each flagged marker is a
reader's.
Exit 0 always (it measures; score-corpus.sh judges).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
REF_RE = re.compile(r"\[\^(\d+)\]")
DEF_RE = re.compile(r'^\[\^(\d+)\]: \[\]\{\.note[^}]*?mark="([^"]*)"[^}]*\}\s?(.*)$')
DEF_PLAIN_RE = re.compile(r"^\[\^(\d+)\]:\s?(.*)$")
MATH = re.compile(r"[\U0001D400-\U0001D7FF]")


def flags(before, mark, note, para_start):
    """The reasons a marker looks false (empty list: looks real)."""
    out = []
    tail = before[-12:]
    digits = mark.isdigit() or all(c in "⁰¹²³⁴⁵⁶⁷⁸⁹" for c in mark)
    if digits:
        if re.search(r"(?:^|[^A-Za-z])[A-Za-z]\s?$", tail) or MATH.search(tail[-2:] or " "):
            out.append("exponent")
        elif re.search(r"[+=^−×·/<>≤≥]\s*\S{0,4}$", tail) or re.search(r"[)）]\s?$", tail) and re.search(r"[+=−×]", before[-20:]):
            out.append("exponent")
        if re.search(rf"\b(?:{MONTHS})\.?\s*$", tail, re.I) or re.match(rf"\s*(?:{MONTHS})\b", note, re.I):
            out.append("date")
        if re.search(r"(?:\d年|\d月)\s*$", tail):
            out.append("date")
        if re.search(r"\d:\s*$", tail) or re.match(r":\d\d", note):
            out.append("time")
        if re.search(r"(?:\bv|\bversion\s|\brelease\s|\d\.)$", tail, re.I):
            out.append("version")
        if re.search(r"(?:\bpp?\.\s?|\bpage\s|第\s?|见\s?|見\s?)$", tail, re.I):
            out.append("page")
    if para_start:
        out.append("list")
    # the marker ends a path, an identifier or an expression (`/dev/sda1`, `${s:7`, `/*`): the
    # last token back to a space or a Chinese character, quotes and brackets around it dropped
    token = re.search(r"[^\s\u3000-\u303f\u3400-\u9fff\uff00-\uffef]*$", before).group(0)
    token = token.strip("‘’“”'\"()[].,;:")
    command = re.fullmatch(r"\\[A-Za-z@]+\*?", token)
    if not command and re.search(r"[/\\_=${}<>~@#|]", token):
        out.append("code")
    para = before[-60:]
    if para and sum(c.isdigit() or c.isspace() or c in ".,-" for c in para) > 0.7 * len(para):
        out.append("table")
    if not note.strip():
        out.append("empty")
    return out


def audit(binary, book):
    """(linked markers, flagged [(reasons, context, mark, note)], notes)"""
    with tempfile.TemporaryDirectory() as tmp:
        md = os.path.join(tmp, "book.md")
        r = subprocess.run([binary, "convert", book, "-o", md], capture_output=True, text=True)
        if r.returncode != 0 or not os.path.exists(md):
            return None
        text = open(md, encoding="utf-8").read()
    marks, notes = {}, {}
    body_lines = []
    for line in text.split("\n"):
        m = DEF_RE.match(line)
        if m:
            marks[m.group(1)] = m.group(2)
            notes[m.group(1)] = m.group(3)
            continue
        m = DEF_PLAIN_RE.match(line)
        if m:
            marks.setdefault(m.group(1), "")
            notes[m.group(1)] = m.group(2)
            continue
        body_lines.append(line)
    linked, flagged, every = 0, [], []
    for para in "\n".join(body_lines).split("\n\n"):
        for m in REF_RE.finditer(para):
            n = m.group(1)
            linked += 1
            before = REF_RE.sub("", para[: m.start()]).replace("\u2060", "")
            before = re.sub(r"\[\]\{[^}]*\}", "", before)
            before = re.sub(r"\\(.)", r"\1", before)
            mark = marks.get(n, "")
            note = notes.get(n, "")
            reasons = flags(before.rstrip(" \n"), mark, note, not before.strip())
            row = (reasons, before.replace("\n", " ")[-40:], mark, note[:60])
            every.append(row)
            if reasons:
                flagged.append(row)
    return linked, flagged, len(notes), every


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    listing = "--list" in argv
    everything = "--all" in argv
    suffix = ".truth.json"
    if "--truth-suffix" in argv:
        suffix = argv[argv.index("--truth-suffix") + 1]
        args.remove(suffix)
    if len(args) < 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    binary, books = args[0], args[1:]
    total_linked = total_flagged = total_excess = 0
    print(f"{'book':36} {'linked':>7} {'flagged':>8} {'notes':>6} {'truth':>6} {'excess':>7}")
    rows = []
    for book in books:
        name = os.path.basename(book).removesuffix(".txt")
        got = audit(binary, book)
        if got is None:
            print(f"{name:36} build failed")
            continue
        linked, flagged, n_notes, every = got
        truth_path = book.removesuffix(".txt") + suffix
        want = None
        if os.path.exists(truth_path):
            want = json.load(open(truth_path, encoding="utf-8")).get("footnotes")
        excess = 0
        if want is not None:
            excess = max(0, n_notes - want - max(2, round(want * 0.1)))
        total_linked += linked
        total_flagged += len(flagged)
        total_excess += excess
        print(f"{name:36} {linked:7} {len(flagged):8} {n_notes:6} {want if want is not None else '-':>6} {excess:7}")
        rows.append((name, every if everything else flagged))
    share = 100.0 * total_flagged / total_linked if total_linked else 0.0
    print(f"{'TOTAL':36} {total_linked:7} {total_flagged:8} {'':6} {'':6} {total_excess:7}   flagged {share:.1f}% of linked markers")
    if listing or everything:
        for name, listed in rows:
            for reasons, ctx, mark, note in listed:
                print(f"{name}: {','.join(reasons) or 'ok'}: …{ctx}[{mark}] → {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

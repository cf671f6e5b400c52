#!/usr/bin/env python3
"""Adversarial manuscript shapes for scripts/bench-adversarial.sh (issue 11 items 6 and 7).

`adversarial.py SHAPE N DIR` writes DIR/book.txt (and DIR/book.toml for `authors`) and prints the
extra `paiban build` arguments the shape needs. All text is original filler.
"""
import sys
from pathlib import Path

NUMS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """Chinese numerals for 1..99999 (第一百二十三章)."""
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
    out, zero = "", False
    for value, name in units:
        d, n = divmod(n, value)
        if d:
            if zero:
                out += "零"
            out += NUMS[d] + name
            zero = False
        elif out:
            zero = True
    if n:
        if zero:
            out += "零"
        out += NUMS[n]
    if out.startswith("一十"):
        out = out[1:]
    return out


def contents(n: int) -> str:
    """A printed contents of n entries, then the n chapters it lists."""
    lines = ["样书", "", "目录", ""]
    lines += [f"第{zh_number(i)}章 河流第{i}段……{i}" for i in range(1, n + 1)]
    lines.append("\f")
    for i in range(1, n + 1):
        lines += [f"第{zh_number(i)}章 河流第{i}段", "", f"渠水流过第{i}个村子，人们在岸边分水。", ""]
    return "\n".join(lines) + "\n"


def notes_one_page(n: int) -> str:
    """n note references on one printed page and their n notes at its foot."""
    body = [f"第一章", "", "引言", ""]
    body += [f"第{i}句话提到一件事^①。" for i in range(1, n + 1)]
    body.append("")
    body += [f"①第{i}条注释说明出处。" for i in range(1, n + 1)]
    return "\n".join(body) + "\n"


def note_per_page(n: int) -> str:
    """n printed pages, each with one reference and its note."""
    pages = ["第一章\n\n引言\n"]
    pages += [f"第{i}页的正文有一处引用^①。\n\n①第{i}页的注释。\n" for i in range(1, n + 1)]
    return "\f".join(pages)


def authors(n: int, out: Path) -> str:
    names = ",\n".join(f'  "作者{i}号"' for i in range(1, n + 1))
    (out / "book.toml").write_text(f"title = \"样书\"\nauthors = [\n{names},\n]\n", encoding="utf-8")
    return "第一章\n\n引言\n\n正文一段。\n"


def big(n: int) -> str:
    """About n characters of plain chapters and paragraphs."""
    para = "河水从山里流出来，村里的人沿着渠道分水，老人说这条渠修了三代人。" * 4
    chapter_every = 200
    parts, total, k = [], 0, 0
    while total < n:
        if k % chapter_every == 0:
            parts.append(f"第{zh_number(k // chapter_every + 1)}章\n\n标题{k // chapter_every + 1}\n")
        parts.append(para + "\n")
        total += len(para)
        k += 1
    return "\n".join(parts)


def big_latin(n: int) -> str:
    """About n characters (one byte each) of English chapters and paragraphs: a 100M-character
    book stays under the 256 MiB manuscript cap, which a CJK one (3 bytes a character) does not."""
    para = ("The river leaves the hills and the village shares its water along the ditch, "
            "which the old people say three generations dug. ") * 3
    chapter_every = 200
    parts, total, k = [], 0, 0
    while total < n:
        if k % chapter_every == 0:
            parts.append(f"CHAPTER {k // chapter_every + 1}\n\nThe Ditch {k // chapter_every + 1}\n")
        parts.append(para.strip() + "\n")
        total += len(para)
        k += 1
    return "\n".join(parts)


def same_heading(n: int) -> str:
    """n lines that each read 第一章 (item 7: amplification)."""
    return "第一章\n" * n


SHAPES = {
    "contents": contents,
    "notes-one-page": notes_one_page,
    "note-per-page": note_per_page,
    "authors": None,
    "big": big,
    "big-latin": big_latin,
    "same-heading": same_heading,
}


def main() -> None:
    shape, n, out = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    if shape not in SHAPES:
        sys.exit(f"unknown shape {shape}; one of {', '.join(SHAPES)}")
    text = authors(n, out) if shape == "authors" else SHAPES[shape](n)
    (out / "book.txt").write_text(text, encoding="utf-8")
    if shape == "authors":
        print(f"--meta {out / 'book.toml'}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Lists the import edges between the top-level modules of src/reader and reports cycles.

An edge A -> B is a path into sibling module B (`super::B`, `super::super::B`,
`crate::reader::B`) in A's non-test code. Re-exports of the reader root are resolved to the
module that defines them (`super::Line` -> lines). Exit status 1 when a cycle exists.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(__file__), "..", "src", "reader")
REEXPORTS = {"Line": "lines", "Relators": "relators", "Convention": "conventions",
             "DecodeError": "decode", "Decoded": "decode", "decode": "decode"}


def module_of(path):
    rel = os.path.relpath(path, ROOT)
    parts = rel.split(os.sep)
    depth = len(parts) - 1  # directories below src/reader
    top = parts[0][:-3] if len(parts) == 1 else parts[0]
    if top == "mod":
        top = "reader"
    # super:: inside a file one directory down, or in dir/mod.rs, reaches the reader root
    sub_mod = parts[-1] == "mod.rs"
    levels_to_root = depth - (1 if sub_mod else 0) + 1 if depth else 1
    if parts == ["mod.rs"]:
        levels_to_root = 0
    return top, levels_to_root


def non_test(text):
    """The code before the first `#[cfg(test)]`, without comments (doc links are no imports)."""
    cut = text.find("#[cfg(test)]")
    text = text if cut < 0 else text[:cut]
    return "\n".join(re.sub(r"//.*", "", line) for line in text.splitlines())


def targets(path_text):
    """Expands `a::{b, c::d}` into first segments after the prefix."""
    path_text = path_text.strip()
    if path_text.startswith("{"):
        inner = path_text[1:path_text.rfind("}")]
        depth, cur, out = 0, "", []
        for ch in inner:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                out.append(cur)
                cur = ""
            else:
                cur += ch
        out.append(cur)
        return [re.split(r"::|\s", s.strip())[0] for s in out if s.strip()]
    return [re.split(r"::|\s|;|\)|,|\(", path_text)[0]]


def edges():
    names = {n[:-3] if n.endswith(".rs") else n for n in os.listdir(ROOT)} - {"mod"}
    graph = {}
    for dirpath, _, files in os.walk(ROOT):
        for f in files:
            if not f.endswith(".rs") or f.endswith("_tests.rs") or f == "tests.rs":
                continue
            path = os.path.join(dirpath, f)
            top, levels = module_of(path)
            text = non_test(open(path, encoding="utf-8").read())
            found = set()
            prefix_root = r"(?:crate::reader::" + ("|" + "super::" * levels if levels else "") + r")"
            for m in re.finditer(r"(?<![\w:])" + prefix_root + r"(\{[^;]*\}|[\w:]+)", text):
                for t in targets(m.group(1)):
                    t = REEXPORTS.get(t, t)
                    if t in names and t != top:
                        found.add(t)
                    elif t not in names and t not in ("self", "super") and t[:1].isupper():
                        found.add("reader")
            graph.setdefault(top, set()).update(found - {top})
    return graph


def cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


if __name__ == "__main__":
    g = edges()
    for a in sorted(g):
        if g[a]:
            print(f"{a} -> {', '.join(sorted(g[a]))}")
    found = cycles(g)
    for c in found:
        print(f"cycle ({len(c)} modules): {' '.join(c)}")
    if not found:
        print("no cycles")
    sys.exit(1 if found else 0)

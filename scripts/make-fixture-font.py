#!/usr/bin/env python3
"""Builds tests/fixtures/fonts/PaibanFixture-Regular.ttf: a tiny TrueType font written for
paiban's tests (its glyphs are simple geometric shapes drawn here, so the font is the project's
own work under the project's licence). It covers space, A-Z, a-z and 0-9; every letter is a
frame whose notches encode the character, enough to see in a rendered page that the embedded
font is in use. Needs fontTools (`pip install fonttools`); the output is byte-reproducible.

    python3 scripts/make-fixture-font.py [OUT.ttf]
"""
import string
import sys

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

UPM = 1000
FAMILY = "Paiban Fixture"


def rect(pen, x0, y0, x1, y1):
    """A clockwise rectangle (TrueType outer contour)."""
    pen.moveTo((x0, y0))
    pen.lineTo((x0, y1))
    pen.lineTo((x1, y1))
    pen.lineTo((x1, y0))
    pen.closePath()


def glyph(code):
    """A frame 500 wide with a bar whose height and position follow the character code."""
    pen = TTGlyphPen(None)
    if code is None:  # .notdef: a hollow box drawn as four bars
        for box in ((50, 0, 450, 60), (50, 640, 450, 700), (50, 0, 110, 700), (390, 0, 450, 700)):
            rect(pen, *box)
        return pen.glyph(), 500
    top = 700 if chr(code).isupper() or chr(code).isdigit() else 500
    rect(pen, 60, 0, 120, top)  # left stem
    rect(pen, 380, 0, 440, top)  # right stem
    level = (code * 37) % (top - 80) + 20
    rect(pen, 120, level, 380, level + 60)  # a bar placed by the code
    return pen.glyph(), 500


def main(out):
    chars = [ord(" ")] + [ord(c) for c in string.ascii_letters + string.digits]
    names = [".notdef"] + [f"uni{c:04X}" for c in chars]
    glyphs, metrics = {}, {}
    g, w = glyph(None)
    glyphs[".notdef"], metrics[".notdef"] = g, (w, 50)
    for c, name in zip(chars, names[1:]):
        if c == ord(" "):
            glyphs[name], metrics[name] = TTGlyphPen(None).glyph(), (300, 0)
            continue
        g, w = glyph(c)
        glyphs[name], metrics[name] = g, (w, 60)
    fb = FontBuilder(UPM, isTTF=True)
    fb.setupGlyphOrder(names)
    fb.setupCharacterMap({c: n for c, n in zip(chars, names[1:])})
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable(
        {
            "familyName": FAMILY,
            "styleName": "Regular",
            "uniqueFontIdentifier": "PaibanFixture-Regular-1.0",
            "fullName": f"{FAMILY} Regular",
            "psName": "PaibanFixture-Regular",
            "version": "Version 1.000",
            "copyright": "Drawn for paiban's tests by the paiban authors; MIT OR Apache-2.0",
            "licenseDescription": "MIT OR Apache-2.0, as paiban",
        }
    )
    fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200, fsType=0)
    fb.setupPost()
    fb.setupHead(unitsPerEm=UPM, created=0, modified=0)
    fb.font["head"].created = fb.font["head"].modified = 0
    fb.save(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/fonts/PaibanFixture-Regular.ttf")

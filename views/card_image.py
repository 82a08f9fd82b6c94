"""Drawing the card: text set line by line with a shaping engine, then painted as PNG or written as SVG.

Khmer needs shaping (subscript consonants and vowels drawn before their consonant), which
Pillow does through libraqm and HarfBuzz. Each text is split into runs by script, each run
set in its Noto font; a text none of the fonts can draw is never drawn as empty boxes (the
card leaves it to the page behind its link). Both outputs are painted from the same list of
operations, so the SVG says what the PNG shows.
"""

from __future__ import annotations

import io
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import fontpkg_noto_sans
import fontpkg_noto_sans_khmer
import fontpkg_noto_sans_thai
from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

from i18n import N_

FORMATS = {"landscape": (1200, 675), "square": (1080, 1080), "portrait": (1080, 1350)}
FORMAT_NAMES = {"landscape": N_("Link preview, 1200 × 675"), "square": N_("Square, 1080 × 1080"),
                "portrait": N_("Portrait, 1080 × 1350")}  # shown through _
FORMAT_IN_URL = {"landscape": "link", "square": "square", "portrait": "portrait"}  # /card.png?format=…
DISPLAY_WIDTH, MIN_TEXT = 600, 14  # every text at least 14 px high when the card is shown 600 px wide
INK, MUTED, ACCENT, BAR, REMAINDER, RULE = "#111111", "#3d3d3d", "#a63603", "#e6550d", "#969696", "#d9d9d9"
SVG_FONTS = "Noto Sans, Noto Sans Khmer, Noto Sans Thai, sans-serif"


def _font_file(package, stem: str) -> Path:
    return next((Path(package.__file__).parent / "files").glob(f"{stem}[[]*.ttf"))


FONT_FILES = {
    "latin": _font_file(fontpkg_noto_sans, "NotoSans"),
    "khmer": _font_file(fontpkg_noto_sans_khmer, "NotoSansKhmer"),
    "thai": _font_file(fontpkg_noto_sans_thai, "NotoSansThai"),
}


def script_of(char: str) -> str:
    code = ord(char)
    if 0x1780 <= code <= 0x17FF or 0x19E0 <= code <= 0x19FF:
        return "khmer"
    if 0x0E00 <= code <= 0x0E7F:
        return "thai"
    return "latin"


@cache
def _coverage(script: str) -> frozenset[int]:
    return frozenset(TTFont(FONT_FILES[script], lazy=True).getBestCmap())


def drawable(text: str) -> bool:
    """Whether the card's fonts have every character of ``text``."""
    return all(ord(c) in _coverage(script_of(c)) or c.isspace() for c in text)


@cache
def font(script: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    loaded = ImageFont.truetype(str(FONT_FILES[script]), size, layout_engine=ImageFont.Layout.RAQM)
    loaded.set_variation_by_name("Bold" if bold else "Regular")
    return loaded


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (script, text) runs; spaces and common punctuation stay with the run they follow, a script's
    own punctuation (the Khmer full stop after a Latin name) goes in its script's font."""
    found: list[tuple[str, str]] = []
    for char in text:
        script = script_of(char)
        neutral = script == "latin" and not unicodedata.category(char).startswith(("L", "M", "N"))
        if found and (found[-1][0] == script or neutral):
            found[-1] = (found[-1][0], found[-1][1] + char)
        else:
            found.append((script, char))
    return found


def width_of(text: str, size: int, bold: bool = False) -> float:
    return sum(font(script, size, bold).getlength(part) for script, part in runs(text))


@dataclass(frozen=True)
class Text:
    """One line of text, its top-left corner and size (the font's em, in pixels)."""

    x: float
    y: float
    text: str
    size: int
    bold: bool = False
    color: str = INK

    @property
    def height(self) -> float:
        return line_height(self.size, self.text)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    color: str


def _breakable(text: str, at: int) -> bool:
    """A line may break before ``text[at]``: never before a mark, nor after a Khmer subscript sign."""
    return not unicodedata.category(text[at]).startswith("M") and text[at - 1] != "\u17d2"


def wrap(text: str, size: int, width: float, bold: bool = False) -> list[str]:
    """Lines no wider than ``width``: broken at spaces, and inside a word (an address) only where that
    does not split a written character."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if width_of(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while width_of(line, size, bold) > width:
            cut = max((i for i in range(1, len(line)) if _breakable(line, i)
                       and width_of(line[:i], size, bold) <= width), default=len(line))
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    return lines


def line_height(size: int, text: str = "") -> float:
    """The room a line takes: Khmer stacks subscripts and vowels below and above its letters, so a line with
    Khmer in it takes more than a Latin one."""
    khmer = any(script_of(c) == "khmer" for c in text)
    return math.ceil(size * (1.6 if khmer else 1.3))


def png(operations: list, size: tuple[int, int]) -> bytes:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for op in operations:
        if isinstance(op, Box):
            draw.rectangle((op.x, op.y, op.x + op.width - 1, op.y + op.height - 1), fill=op.color)
            continue
        x, baseline = op.x, op.y + op.size  # the em box's top, then its baseline an em below
        for script, part in runs(op.text):
            shaped = font(script, op.size, op.bold)
            draw.text((x, baseline), part, font=shaped, fill=op.color, anchor="ls")
            x += shaped.getlength(part)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def svg(operations: list, size: tuple[int, int], title: str) -> str:
    """The same card as SVG: text stays text (searchable, selectable); the viewer's renderer shapes it."""
    width, height = size
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{xml_escape(title, {chr(34): "&quot;"})}">',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    for op in operations:
        if isinstance(op, Box):
            parts.append(f'<rect x="{op.x:.1f}" y="{op.y:.1f}" width="{op.width:.1f}" height="{op.height:.1f}" '
                         f'fill="{op.color}"/>')
            continue
        x = op.x
        for script, part in runs(op.text):
            parts.append(f'<text x="{x:.1f}" y="{op.y + op.size:.1f}" font-family="{SVG_FONTS}" '
                         f'font-size="{op.size}" font-weight="{700 if op.bold else 400}" fill="{op.color}" '
                         f'xml:space="preserve">{xml_escape(part)}</text>')
            x += font(script, op.size, op.bold).getlength(part)
    parts.append("</svg>")
    return "\n".join(parts)

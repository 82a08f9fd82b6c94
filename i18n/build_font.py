"""Builds ``static/fonts/NotoSansKhmer.woff2``, the Khmer face the page, the map and the charts use.

Run ``python -m i18n.build_font`` after upgrading fontpkg-noto-sans-khmer. The variable font of
that package (OFL) is pinned to its normal width, keeps its weight axis (regular to bold, for
headings), and is cut to the Khmer blocks and the joiners Khmer text uses, with every layout
feature kept so browsers shape it: Latin text keeps the page's own font.
"""

from __future__ import annotations

import io
from pathlib import Path

import fontpkg_noto_sans_khmer
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "fonts" / "NotoSansKhmer.woff2"
_CODEPOINTS = [*range(0x1780, 0x1800), *range(0x19E0, 0x1A00), *range(0x200B, 0x200E), 0x25CC]


def source_file() -> Path:
    return next((Path(fontpkg_noto_sans_khmer.__file__).parent / "files").glob("NotoSansKhmer[[]*.ttf"))


def build(out: Path = OUT) -> Path:
    pinned = io.BytesIO()
    instancer.instantiateVariableFont(TTFont(source_file()), {"wdth": 100, "wght": (400, 700)}).save(pinned)
    pinned.seek(0)
    font = TTFont(pinned)  # read again: the subsetter needs the pinned font's tables as saved
    options = subset.Options()
    options.layout_features = ["*"]
    options.flavor = "woff2"
    options.name_IDs = ["*"]  # keeps the licence and copyright notices
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_CODEPOINTS)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(out)
    return out


if __name__ == "__main__":
    path = build()
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")

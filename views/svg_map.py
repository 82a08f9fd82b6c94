"""The map as one inline SVG, drawn on the server: the light page's choropleth, with no script.

The same geometry, fills, patterns and labels as the dashboard's map (views/map.py): each province shaded by
the people detained in the selection, hatched when it is in a joint figure, dotted when arrests were reported
without a number, named with its figure where the label does not collide with a larger one, and a link to its
breakdown. Borders are simplified again to the pixel of a phone-sized drawing, so the page stays light.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache

from shapely.geometry import MultiPolygon, Polygon

from events.figures import Area
from geo import boundaries
from geo.areas import AreaKey
from i18n import _
from views.escape import text as escaped
from views.map import BIN_BORDER, JOINT, NO_FIGURE, PATTERNS, area_label, fill_for

WIDTH = 600  # the drawing's own units; it scales to its container
_WEST, _SOUTH, _EAST, _NORTH = 102.25, 10.35, 107.7, 14.75
_SCALE = WIDTH / ((_EAST - _WEST) * math.cos(math.radians((_SOUTH + _NORTH) / 2)))
HEIGHT = round((_NORTH - _SOUTH) * _SCALE)
TOLERANCE = 0.012  # degrees: about one unit of the drawing
LABEL_SIZE = 15  # the labels' text, in the drawing's units: about 9 px on a phone


def _point(longitude: float, latitude: float) -> tuple[int, int]:
    x = (longitude - _WEST) * _SCALE * math.cos(math.radians((_SOUTH + _NORTH) / 2))
    return round(x), round((_NORTH - latitude) * _SCALE)


def _ring(coordinates) -> str:
    """One closed ring as a path: absolute first point, then relative steps (shorter), repeats dropped."""
    points = [_point(x, y) for x, y in coordinates]
    steps, last = [], points[0]
    for point in points[1:]:
        if point != last:
            steps.append(f"{point[0] - last[0]} {point[1] - last[1]}")
            last = point
    return f"M{points[0][0]} {points[0][1]}l" + " ".join(steps) + "z"


@cache
def outlines() -> dict[str, str]:
    """Each province's outline as SVG path data, simplified as a coverage (neighbours keep their shared
    border)."""
    polygons = boundaries.polygons()
    simplified = polygons.geometry.simplify_coverage(TOLERANCE)
    paths = {}
    for code, shape in zip(polygons.index, simplified, strict=True):
        parts = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
        paths[code] = "".join(_ring(part.exterior.coords) + "".join(_ring(hole.coords) for hole in part.interiors)
                              for part in parts if isinstance(part, Polygon) and not part.is_empty)
    return paths


def _label_box(x: int, y: int, lines: list[str]) -> tuple[float, float, float, float]:
    width = max(len(line) for line in lines) * LABEL_SIZE * 0.55
    height = len(lines) * LABEL_SIZE * 1.2
    return x - width / 2, y - height / 2, x + width / 2, y + height / 2


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def svg_map(areas: dict[AreaKey, Area], href: Callable[[AreaKey], str], selected: AreaKey | None = None) -> str:
    """The choropleth of ``areas`` (people detained by area); ``href`` gives each province's link."""
    joint_of: dict[str, Area] = {}
    for area in sorted((a for a in areas.values() if a.key.scope == "joint"), key=lambda a: -a.total.best):
        for code in area.key.codes:
            joint_of.setdefault(code, area)
    chosen = {boundaries.DRAWN_WITHIN.get(c, c) for c in selected.codes} if selected is not None else set()
    shapes, labels = [], []
    for code, path in outlines().items():
        key = AreaKey((code,))
        own, joint = areas.get(key), joint_of.get(code)
        swatch = fill_for(own) if own is not None else JOINT if joint is not None else NO_FIGURE
        shown = own or joint
        said = f"{key.display_name}: {area_label(shown)}" if shown is not None else \
            f"{key.display_name}: {_(NO_FIGURE.label)}"
        stroke = ' stroke="#000" stroke-width="2.5"' if code in chosen else \
            f' stroke="{swatch.border}"' + (f' stroke-dasharray="{swatch.dash}"' if swatch.dash else "")
        target = shown.key if shown is not None else key
        shapes.append(f'<a href="{escaped(href(target))}" aria-label="{escaped(said)}">'
                      f'<path d="{path}" fill="{swatch.fill}"{stroke}><title>{escaped(said)}</title></path></a>')
        if own is not None:
            labels.append((own.total.best, code, [key.display_name, own.total.label()]))
    for code in boundaries.DRAWN_WITHIN:  # a province without its own outline: a circle at its capital
        own = areas.get(AreaKey((code,)))
        if own is not None:
            x, y = _point(*reversed(boundaries.anchors()[code]))
            said = f"{own.key.display_name}: {area_label(own)}"
            shapes.append(f'<a href="{escaped(href(own.key))}" aria-label="{escaped(said)}"><circle cx="{x}" '
                          f'cy="{y}" r="7" fill="{fill_for(own).fill}" stroke="{BIN_BORDER}" stroke-dasharray="4 3">'
                          f"<title>{escaped(said)}</title></circle></a>")
    placed, texts = [], []
    for _best, code, lines in sorted(labels, key=lambda label: -label[0]):  # the largest figures win
        x, y = _point(*reversed(boundaries.anchors()[code]))
        box = _label_box(x, y, lines)
        if any(_overlaps(box, other) for other in placed):
            continue
        placed.append(box)
        top = y - (len(lines) - 1) * LABEL_SIZE * 0.6
        spans = "".join(f'<tspan x="{x}" y="{top + i * LABEL_SIZE * 1.2:.0f}">{escaped(line)}</tspan>'
                        for i, line in enumerate(lines))
        texts.append(f"<text>{spans}</text>")
    title = escaped(_("People detained, as reported, by province"))
    return (f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="group" aria-labelledby="map-title" class="map">'
            f'<title id="map-title">{title}</title><defs>{PATTERNS}</defs>'
            f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#e9edf1"/>'
            f'<g stroke-width="1" stroke-linejoin="round">{"".join(shapes)}</g>'
            f'<g class="labels" font-size="{LABEL_SIZE}" text-anchor="middle" dominant-baseline="middle" '
            f'aria-hidden="true">{"".join(texts)}</g></svg>')

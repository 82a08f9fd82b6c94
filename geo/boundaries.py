"""Province polygons for the map, and a point to anchor each province's marker.

Natural Earth has 24 polygons: Tboung Khmum (KH-25, created in 2013) lies inside
its Kampong Cham polygon. The map says so, and anchors KH-25's markers at its
capital, Suong, so its figures are still shown on their own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import geopandas as gpd
from shapely.geometry import Point

from geo import gazetteer
from i18n import N_

PROVINCES_GEOJSON = Path(__file__).with_name("provinces.geojson")
DRAWN_WITHIN = {"KH-25": "KH-3"}  # province without its own polygon -> polygon that contains it
CAPITALS = {"KH-25": "Suong"}  # where to mark the figures of a province drawn within another
# Shown through ``_`` where they are drawn (marked here for the catalogue).
# TRANSLATORS: the map's credits; Natural Earth, GeoNames and CC BY 4.0 are names, not translated
ATTRIBUTION = N_("Boundaries: Natural Earth (public domain). Towns: GeoNames (CC BY 4.0).")
UNDRAWN_NOTE = N_(
    "Tboung Khmum, created in 2013, has no boundary of its own in Natural Earth: it is drawn "
    "inside Kampong Cham, and its figures are marked at its capital, Suong."
)


@cache
def polygons() -> gpd.GeoDataFrame:
    """Polygons by ISO 3166-2 code, in code order."""
    return gpd.read_file(PROVINCES_GEOJSON).set_index("code")


@cache
def geojson_text() -> str:
    return PROVINCES_GEOJSON.read_text(encoding="utf-8")


@cache
def anchors() -> dict[str, tuple[float, float]]:
    """(latitude, longitude) inside each province, for markers without a named town."""
    points = {code: geom.representative_point() for code, geom in polygons().geometry.items()}
    for code in DRAWN_WITHIN:
        capital = gazetteer.locality(CAPITALS[code], code)
        points[code] = Point(capital.longitude, capital.latitude)
    return {code: (round(p.y, 4), round(p.x, 4)) for code, p in points.items()}

import os
from pathlib import Path

import pytest
import shapely

from geo import boundaries, build_boundaries

REFERENCE = Path(os.environ.get("NE_ADMIN1_CAMBODIA", build_boundaries.DEFAULT_INPUT))


def test_committed_file_is_small_and_has_24_polygons():
    assert boundaries.PROVINCES_GEOJSON.stat().st_size <= 100_000
    polygons = boundaries.provinces()
    assert len(polygons) == 24
    assert "KH-25" not in polygons.index and "KH-3" in polygons.index
    assert polygons.geometry.is_valid.all()


def test_neighbours_share_borders_without_gaps_or_overlaps():
    polygons = boundaries.provinces().geometry
    union = shapely.union_all(polygons.values)
    assert sum(g.area for g in polygons) == pytest.approx(union.area, rel=1e-6)  # no overlaps
    holes = [h for part in getattr(union, "geoms", [union]) for h in part.interiors]
    assert sum(shapely.Polygon(h).area for h in holes) < 1e-6  # no slivers between provinces


@pytest.mark.skipif(not REFERENCE.exists(), reason=f"Natural Earth input not found at {REFERENCE}")
def test_script_reproduces_the_committed_file_byte_for_byte(tmp_path):
    target = tmp_path / "provinces.geojson"
    build_boundaries.main([str(REFERENCE), str(target)])
    assert target.read_bytes() == boundaries.PROVINCES_GEOJSON.read_bytes()


def test_every_province_has_an_anchor():
    assert set(boundaries.anchors()) == {f"KH-{n}" for n in range(1, 26)}

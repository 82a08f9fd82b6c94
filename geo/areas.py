"""The place a figure is reported for: one province, several provinces jointly, or the country.

A figure reported for Phnom Penh and Preah Sihanouk together belongs to neither
alone, so the key of an area is the set of its provinces, never one of them.
Its text form ("KH-10", "KH-12;KH-18", or "KH" for the whole country) is what the
loaded table carries; everything else uses the typed key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from babel.lists import format_list

import i18n
from geo import gazetteer
from i18n import _

SEPARATOR = ";"
UNSTATED_TEXT = "?"  # text form of the key of a figure in Cambodia whose province the source does not state
UNSTATED_WORDS = ("unstated", "province not stated", "not stated", "unknown province")  # as written in ``area``


@dataclass(frozen=True)
class AreaKey:
    codes: tuple[str, ...] = ()  # ISO 3166-2 codes in code order; empty: the whole country
    unstated: bool = False  # somewhere in Cambodia, the province not stated: not the whole country

    @classmethod
    def of(cls, codes: Iterable[str]) -> AreaKey:
        return cls(tuple(gazetteer.in_code_order(set(codes))))

    @staticmethod
    @cache
    def parse(text: str) -> AreaKey:
        """The key of a text form; "" and "KH" are the whole country."""
        if text in ("", gazetteer.COUNTRY_CODE):
            return NATIONAL
        if text == UNSTATED_TEXT:
            return UNSTATED
        return AreaKey.of(text.split(SEPARATOR))

    @property
    def text(self) -> str:
        return UNSTATED_TEXT if self.unstated else SEPARATOR.join(self.codes) or gazetteer.COUNTRY_CODE

    @property
    def scope(self) -> str:
        """national, unstated, province or joint."""
        if self.unstated:
            return "unstated"
        return "national" if not self.codes else "province" if len(self.codes) == 1 else "joint"

    @property
    def name(self) -> str:
        """"Kratie", "Phnom Penh and Preah Sihanouk", or "Cambodia"."""
        if self.unstated:
            return f"{gazetteer.COUNTRY_NAME} (province not stated)"
        if not self.codes:
            return gazetteer.COUNTRY_NAME
        names = [gazetteer.provinces()[code].name for code in self.codes]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    @property
    def display_name(self) -> str:
        """The name in the interface's language: "Kratie" in English, "ក្រចេះ" in Khmer. ``name`` stays English:
        it is what links and file names carry."""
        if i18n.current() != "km":
            return self.name
        if self.unstated:
            return _("{country} (province not stated)").format(country=gazetteer.COUNTRY_NAME_KM)
        if not self.codes:
            return gazetteer.COUNTRY_NAME_KM
        return format_list([gazetteer.provinces()[code].name_km for code in self.codes], locale=i18n.locale())

    @property
    def other_name(self) -> str:
        """The name in the other script, set beside ``display_name`` where a place is named in full."""
        return self.name if i18n.current() == "km" else self.name_km

    @property
    def name_km(self) -> str:
        if not self.codes:
            return gazetteer.COUNTRY_NAME_KM
        return " · ".join(gazetteer.provinces()[code].name_km for code in self.codes)

    def without(self, code: str) -> AreaKey:
        """The other provinces of a joint area."""
        return AreaKey(tuple(c for c in self.codes if c != code))


def town_display_name(town: str, area: AreaKey | None = None) -> str:
    """A town's name (as the gazetteer writes it, in ``Figure.town``) in the interface's language: its Khmer
    name where the gazetteer has one, else the name as it is; ``area`` picks among towns of the same name."""
    if i18n.current() != "km" or not town:
        return town
    for place in gazetteer.find_localities(town, area.codes if area else ()):
        if place.name == town and place.name_km:
            return place.name_km
    return town


NATIONAL = AreaKey()
UNSTATED = AreaKey(unstated=True)

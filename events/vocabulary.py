"""Controlled values of the event table and how they read on screen.

Qualifiers travel with every count to the screen: ">1,000", "≥270", "~150,000".
"""

from __future__ import annotations

import difflib
from functools import cache

import pycountry

from geo.gazetteer import fold

EVENT_TYPES = {
    "raid": "Raid or arrests",
    "order": "Government order",
    "statement": "Statement or response",
    "report": "Report or investigation",
}
QUALIFIERS = {"exact": "", "more_than": ">", "at_least": "≥", "about": "~"}
QUALIFIER_WORDS = {"exact": "", "more_than": "more than", "at_least": "at least", "about": "about"}
STATUSES = {
    "suspects": "reported as suspects",
    "victims": "reported as victims",
    "unspecified": "status not reported",
}
MEASURES = {
    "people_detained": "people detained",
    "people_rescued": "people rescued",
    "people_deported": "people deported",
    "people_handed_over": "people handed over to another country",
    "people_repatriated": "people repatriated",
    "people_sent_to_court": "people sent to court",
    "workforce_estimate": "people working in scam operations (estimate)",
    "scam_compounds": "scam compounds",
}
MEASURES_OF_PEOPLE = tuple(m for m in MEASURES if m.startswith("people_"))
SEXES = {"female": "women", "male": "men"}

# Demonyms and short names used in reporting; anything else goes through pycountry.
_NATIONALITY_ALIASES = {
    "american": "US", "bangladeshi": "BD", "british": "GB", "burmese": "MM", "cambodian": "KH",
    "chinese": "CN", "filipino": "PH", "indian": "IN", "indonesian": "ID", "japanese": "JP",
    "khmer": "KH", "korean": "KR", "southkorean": "KR", "lao": "LA", "laotian": "LA",
    "malaysian": "MY", "myanmar": "MM", "nepali": "NP", "nepalese": "NP", "pakistani": "PK",
    "russian": "RU", "singaporean": "SG", "srilankan": "LK", "taiwan": "TW", "taiwanese": "TW",
    "thai": "TH", "vietnam": "VN", "vietnamese": "VN",
}
_DISPLAY_NAME = {"VN": "Vietnam", "RU": "Russia", "TW": "Taiwan"}


def nationality_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name, code or demonym; None if unknown."""
    key = fold(text)
    for candidate in (key, key.removesuffix("s")):  # "Cambodians", "Thais"
        if candidate in _NATIONALITY_ALIASES:
            return _NATIONALITY_ALIASES[candidate]
    try:
        return pycountry.countries.lookup(text.strip()).alpha_2
    except LookupError:
        return None


def nationality_name(code: str) -> str:
    """Short English name of a country for labels ("Vietnam", not "Viet Nam")."""
    if code in _DISPLAY_NAME:
        return _DISPLAY_NAME[code]
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


@cache
def _nationality_keys() -> dict[str, str]:
    keys = {fold(c.name): nationality_name(c.alpha_2) for c in pycountry.countries}
    keys.update({k: nationality_name(v) for k, v in _NATIONALITY_ALIASES.items()})
    return keys


def suggest_nationality(text: str) -> str | None:
    keys = _nationality_keys()
    match = difflib.get_close_matches(fold(text), list(keys), n=1, cutoff=0.6)
    return keys[match[0]] if match else None


def suggest(text: str, choices) -> str | None:
    match = difflib.get_close_matches(text.strip().lower(), list(choices), n=1, cutoff=0.5)
    return match[0] if match else None

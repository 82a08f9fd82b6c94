"""Controlled values of the event table and how they read on screen.

Qualifiers travel with every count to the screen: ">1,000", "≥270", "~150,000".
"""

from __future__ import annotations

import difflib
from functools import cache

import pycountry
from babel.lists import format_list

import i18n
from geo.gazetteer import fold
from i18n import N_, _

# The English labels are marked for translation (``N_``) and shown through ``_``: ``event_type_label`` and the
# helpers below it. Keys and English values stay as they are: links, files and the check use them.
EVENT_TYPES = {
    "raid": N_("Raid or arrests"),
    "order": N_("Government order"),
    "statement": N_("Statement or response"),
    "report": N_("Report or investigation"),
}
QUALIFIERS = {"exact": "", "more_than": ">", "at_least": "≥", "about": "~", "nearly": "<"}
QUALIFIER_WORDS = {
    "exact": "",
    # TRANSLATORS: a qualifier of a number on its own, as in a key: "> more than"
    "more_than": N_("more than"),
    # TRANSLATORS: a qualifier of a number on its own, as in a key: "≥ at least"
    "at_least": N_("at least"),
    # TRANSLATORS: a qualifier of a number on its own (approximately), as in a key: "~ about"
    "about": N_("about"),
    # TRANSLATORS: a qualifier of a number on its own (a little fewer than it), as in a key: "< nearly"
    "nearly": N_("nearly"),
}
STATUSES = {
    "suspects": N_("reported as suspects"),
    "victims": N_("reported as victims"),
    "unspecified": N_("status not reported"),
}
MEASURES = {
    "people_detained": N_("people detained"),
    "people_rescued": N_("people rescued"),
    "people_deported": N_("people deported"),
    "people_handed_over": N_("people handed over to another country"),
    "people_repatriated": N_("people repatriated"),
    "people_sent_to_court": N_("people sent to court"),
    "workforce_estimate": N_("people working in scam operations (estimate)"),
    "scam_compounds": N_("scam compounds"),
    "people_found_at_site": N_("people found at a raided site"),
    "people_fined": N_("people fined"),
    "people_convicted": N_("people convicted"),
    "people_assisted_by_embassy": N_("people assisted by their embassy"),
    "people_registered_with_embassy": N_("people who came to their embassy after leaving a compound"),
    "people_left_voluntarily": N_("people who left of their own accord"),
    "people_sanctioned": N_("people sanctioned"),
    "entities_sanctioned": N_("firms and organisations sanctioned"),
    "licences_revoked": N_("licences revoked"),
    "sites_closed": N_("sites closed"),
}
SCOPES = {
    "scam": N_("scam operations"),
    "gambling": N_("illegal gambling"),
    "trafficking": N_("human trafficking"),
    "mixed": N_("scam and other operations"),
}
MEASURES_OF_PEOPLE = tuple(m for m in MEASURES if m.startswith("people_"))
SEXES = {
    # TRANSLATORS: the women among the people counted, as a heading or a choice: "women"
    "female": N_("women"),
    # TRANSLATORS: the men among the people counted, as a heading or a choice: "men"
    "male": N_("men"),
}


def event_type_label(event_type: str) -> str:
    """"Raid or arrests" in the interface's language."""
    return _(EVENT_TYPES[event_type])


def qualifier_label(qualifier: str) -> str:
    """"more than" in the interface's language; "" for an exact number. For a key, never before a number
    (``Value.words`` has one message per qualifier, so the number can go where the language puts it)."""
    return _(QUALIFIER_WORDS[qualifier]) if QUALIFIER_WORDS[qualifier] else ""  # _("") would be the header


def status_label(status: str) -> str:
    """"reported as suspects" in the interface's language."""
    return _(STATUSES[status])


def scope_label(scope: str) -> str:
    """"illegal gambling" in the interface's language."""
    return _(SCOPES[scope])


def measure_label(measure: str) -> str:
    """"people detained" in the interface's language."""
    return _(MEASURES[measure])


def sex_label(sex: str) -> str:
    """"women" in the interface's language, as a heading or a choice (a count of women has its own message)."""
    return _(SEXES[sex])


FOREIGN = "XF"  # a user-assigned ISO 3166 code: "foreigners", everyone but Cambodians
_FOREIGN_WORDS = ("foreigners", "foreigner", "foreign nationals", "foreign national", "foreign")

# Names and demonyms as the press writes them, where ISO's name differs or the demonym is irregular;
# regular demonyms (Kenyan, Brazilian, Bhutanese) are derived from the names in _index().
_ALIASES = {
    "US": ["United States", "USA", "America", "American"], "GB": ["United Kingdom", "UK", "Britain", "British"],
    "KR": ["South Korea", "Korea", "Korean", "South Korean", "Republic of Korea"],
    "KP": ["North Korea", "North Korean"], "LA": ["Laos", "Lao", "Laotian"], "RU": ["Russia", "Russian"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Turkish"], "TW": ["Taiwan", "Taiwanese"],
    "HK": ["Hong Kong", "Hongkonger", "Hong Konger"], "MO": ["Macau", "Macao", "Macanese"],
    "MM": ["Myanmar", "Burma", "Burmese", "Myanmarese"], "VN": ["Vietnam", "Viet Nam", "Vietnamese"],
    "KH": ["Cambodia", "Cambodian", "Khmer"], "TH": ["Thailand", "Thai"], "PH": ["Philippines", "Filipino", "Filipina"],
    "CN": ["China", "Chinese", "mainland China"], "IR": ["Iran", "Iranian"], "SY": ["Syria", "Syrian"],
    "CZ": ["Czechia", "Czech"], "NL": ["Netherlands", "Dutch"], "FR": ["France", "French"],
    "DE": ["Germany", "German"], "CH": ["Switzerland", "Swiss"], "IE": ["Ireland", "Irish"],
    "ES": ["Spain", "Spanish"], "PT": ["Portugal", "Portuguese"], "GR": ["Greece", "Greek"], "PL": ["Polish"],
    "SE": ["Swedish"], "DK": ["Danish"], "FI": ["Finnish"], "IL": ["Israeli"], "IQ": ["Iraqi"], "OM": ["Omani"],
    "YE": ["Yemeni"], "SA": ["Saudi", "Saudi Arabian"], "AE": ["Emirati", "UAE"], "QA": ["Qatari"],
    "KW": ["Kuwaiti"], "BH": ["Bahraini"], "AF": ["Afghan"], "PK": ["Pakistani"], "BD": ["Bangladeshi"],
    "NP": ["Nepali", "Nepalese"], "LK": ["Sri Lankan"], "MV": ["Maldivian"], "UZ": ["Uzbek", "Uzbekistani"],
    "KZ": ["Kazakh", "Kazakhstani"], "KG": ["Kyrgyz", "Kyrgyzstani"], "TJ": ["Tajik"], "TM": ["Turkmen"],
    "CD": ["DR Congo", "Democratic Republic of the Congo", "Congolese"], "CI": ["Ivory Coast", "Ivorian"],
    "TZ": ["Tanzania", "Tanzanian"], "BO": ["Bolivia"], "VE": ["Venezuela"], "MD": ["Moldova"],
    "SN": ["Senegalese"], "SD": ["Sudanese"], "SO": ["Somali"], "MG": ["Malagasy"], "TL": ["Timor-Leste",
    "East Timor", "Timorese"], "BN": ["Brunei", "Bruneian"], "NZ": ["New Zealander"], "MY": ["Malaysian"],
    "SG": ["Singaporean"], "ID": ["Indonesian"], "IN": ["Indian"], "JP": ["Japanese"], "BY": ["Belarusian"],
    "UA": ["Ukrainian"], "GE": ["Georgian"], "AR": ["Argentine", "Argentinian"], "CA": ["Canadian"],
    "AU": ["Australian"], "BR": ["Brazilian"], "MX": ["Mexican"], "EG": ["Egyptian"], "MA": ["Moroccan"],
    "TN": ["Tunisian"], "GH": ["Ghanaian"], "CM": ["Cameroonian"], "NG": ["Nigerian"], "KE": ["Kenyan"],
    "UG": ["Ugandan"], "ET": ["Ethiopian"], "MN": ["Mongolian"], "BT": ["Bhutanese"],
}
_DISPLAY_NAME = {"VN": "Vietnam", "RU": "Russia", "TW": "Taiwan", "KR": "South Korea", "KP": "North Korea",
                 "LA": "Laos", "TR": "Türkiye", "MO": "Macau", "IR": "Iran", "SY": "Syria", "BO": "Bolivia",
                 "VE": "Venezuela", "MD": "Moldova", "TZ": "Tanzania", "CD": "DR Congo", "BN": "Brunei",
                 "CZ": "Czechia", FOREIGN: "foreign nationals"}


@cache
def _index() -> dict[str, str]:
    """Every accepted spelling, folded, to its code: ISO names and codes, aliases, derived demonyms."""
    index: dict[str, str] = {}
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name), country.alpha_2, country.alpha_3}
        for name in names:
            index.setdefault(fold(name), country.alpha_2)
    derived: dict[str, set[str]] = {}
    for country in pycountry.countries:  # Kenya -> Kenyan, Brazil -> Brazilian, Bhutan -> Bhutanese
        base = fold(getattr(country, "common_name", country.name))
        for form in (base + "n", base + "ian", base + "ese", base + "i", base[:-1] + "an", base[:-1] + "ian"):
            derived.setdefault(form, set()).add(country.alpha_2)
    for form, codes in derived.items():
        if len(codes) == 1:
            index.setdefault(form, codes.pop())
    for code, names in _ALIASES.items():
        for name in names:
            index[fold(name)] = code
    for word in _FOREIGN_WORDS:
        index[fold(word)] = FOREIGN
    return index


def nationality_code(text: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a country name, code or demonym (``FOREIGN`` for "foreigners"); None if unknown."""
    key = fold(text)
    index = _index()
    for candidate in (key, key.removesuffix("s")):  # "Cambodians", "Thais"
        if candidate in index:
            return index[candidate]
    return None


def nationality_name(code: str) -> str:
    """Short English name for labels ("Vietnam", not "Viet Nam"); a set reads "Vietnam and Cambodia"."""
    codes = [c for c in code.split(";") if c]
    if len(codes) > 1:
        names = [nationality_name(c) for c in codes]
        return ", ".join(names[:-1]) + " and " + names[-1]
    if code in _DISPLAY_NAME:
        return _DISPLAY_NAME[code]
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


def nationality_display_name(code: str) -> str:
    """A nationality's name in the interface's language: CLDR's country name in Khmer, ``nationality_name`` in
    English (which links and the check's messages use)."""
    codes = [c for c in code.split(";") if c]
    if i18n.current() == "en":
        return nationality_name(code)
    if len(codes) > 1:
        return format_list([nationality_display_name(c) for c in codes], locale=i18n.locale())
    if code == FOREIGN:
        return _("foreign nationals")
    return i18n.territory(code) or nationality_name(code)


def nationalities_meet(a: str, b: str) -> bool:
    """Whether two nationality cells may count the same people ("" is everyone; sets are joined by ';')."""
    if not a or not b or a == b:
        return True
    first, second = set(a.split(";")), set(b.split(";"))
    if FOREIGN in first or FOREIGN in second:
        others = second if FOREIGN in first else first
        return others != {"KH"}
    return not first.isdisjoint(second)


def suggest_nationality(text: str) -> str | None:
    """The closest accepted name, for "did you mean" hints; always one that nationality_code accepts."""
    index = _index()
    match = difflib.get_close_matches(fold(text), list(index), n=1, cutoff=0.75)
    return nationality_name(index[match[0]]) if match else None


def suggest(text: str, choices) -> str | None:
    match = difflib.get_close_matches(text.strip().lower(), list(choices), n=1, cutoff=0.5)
    return match[0] if match else None

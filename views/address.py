"""The whole view in the URL (an address), so any view can be shared and cited.

Parsing never fails: unknown parameters and malformed values are dropped, each
with a notice the page shows. Names are readable (``?province=Kratie&view=card``)
and aliases are accepted (``Sihanoukville``); a joint group is ``A;B``. The language
(``lang=km``) travels in every link the app makes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

import i18n
from events.filters import Filters
from events.problems import clip
from events.vocabulary import EVENT_TYPES, SCOPES, STATUSES, nationality_code, nationality_name
from geo import gazetteer
from geo.areas import SEPARATOR, AreaKey
from i18n import _

VIEWS = ("map", "card")
URL_CLIP = 40  # characters of a URL value quoted in a notice
KNOWN = ("start", "end", "provinces", "nationality", "type", "status", "scope", "province", "view", "lang")
STREAMLIT_OWN = ("embed", "embed_options")  # Streamlit's embedding switches: kept as given, never a notice


@dataclass(frozen=True)
class View:
    filters: Filters = field(default_factory=Filters)
    area: AreaKey | None = None  # the area whose breakdown or card is open
    mode: str = "map"  # one of VIEWS
    language: str = i18n.DEFAULT  # one of i18n.LANGUAGES


def language(asked: str, browser_locale: str | None) -> tuple[str, str]:
    """The interface's language: the URL's ``lang``, else the browser's (``km-KH`` is Khmer), else English; and a
    notice when the URL asked for one the app does not have."""
    if asked in i18n.LANGUAGES:
        return asked, ""
    browser = (browser_locale or "").replace("_", "-").split("-")[0].lower()
    chosen = browser if browser in i18n.LANGUAGES else i18n.DEFAULT
    if not asked:
        return chosen, ""
    with i18n.use(chosen):
        return chosen, _("Ignored URL language '{value}'; use lang=km or lang=en.").format(value=clip(asked, URL_CLIP))


def parse(params: dict[str, list[str]]) -> tuple[View, list[str]]:
    """The view a URL asks for, and a notice for each part of it that was ignored."""
    notices: list[str] = []
    for key in params:
        if key not in KNOWN and key not in STREAMLIT_OWN:
            notices.append(_("Ignored unknown URL parameter '{name}'.").format(name=clip(key, URL_CLIP)))

    def one(key: str) -> str:
        values = [v for v in params.get(key, []) if v != ""]
        if len(values) > 1:
            notices.append(_("URL parameter '{name}' was given {n} times; using the first.").format(
                name=key, n=i18n.number(len(values))))
        return values[0] if values else ""

    start, end = _date(one("start"), "start", notices), _date(one("end"), "end", notices)
    if start and end and start > end:
        notices.append(_("The URL's start date is after its end date; swapped them."))
        start, end = end, start
    filters = Filters(
        start=start, end=end,
        provinces=frozenset(_many(params, "provinces", _province_code, notices)),
        nationalities=frozenset(_many(params, "nationality", nationality_code, notices)),
        event_types=frozenset(_many(params, "type", lambda v: v if v in EVENT_TYPES else None, notices)),
        statuses=frozenset(_many(params, "status", lambda v: v if v in STATUSES else None, notices)),
        scopes=frozenset(_many(params, "scope", lambda v: v if v in SCOPES else None, notices)),
    )
    area = _area(one("province"), notices)
    mode = one("view") or "map"
    if mode not in VIEWS:
        notices.append(_("Ignored URL view '{value}'; use view=card or view=map.").format(value=clip(mode, URL_CLIP)))
        mode = "map"
    if mode == "card" and area is None:
        notices.append(_("A card needs a province (e.g. ?province=Kratie&view=card); showing the map."))
        mode = "map"
    lang = one("lang")  # an unknown language's notice is `language`'s
    return View(filters, area, mode, lang if lang in i18n.LANGUAGES else i18n.DEFAULT), notices


def to_params(view: View) -> dict[str, str | list[str]]:
    """Query parameters for a view, leaving out defaults so links stay short."""
    s = view.filters
    params: dict[str, str | list[str]] = {}
    if s.start:
        params["start"] = s.start.isoformat()
    if s.end:
        params["end"] = s.end.isoformat()
    if s.provinces:
        params["provinces"] = [gazetteer.provinces()[c].name for c in gazetteer.in_code_order(s.provinces)]
    if s.nationalities:
        params["nationality"] = sorted(nationality_name(c) for c in s.nationalities)
    if s.event_types:
        params["type"] = sorted(s.event_types)
    if s.statuses:
        params["status"] = sorted(s.statuses)
    if s.scopes:
        params["scope"] = sorted(s.scopes)
    if view.area is not None:
        params["province"] = SEPARATOR.join(gazetteer.provinces()[c].name for c in view.area.codes)
    if view.mode != "map":
        params["view"] = view.mode
    if view.language != i18n.DEFAULT:
        params["lang"] = view.language
    return params


def link(base: str, view: View, **extra: str) -> str:
    """The address of a view: ``base`` with its parameters (and ``extra`` ones), URL-encoded, lists repeated."""
    query = urlencode({**to_params(view), **extra}, doseq=True)
    return f"{base}?{query}" if query else base


def _date(text: str, key: str, notices: list[str]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        notices.append(_("Ignored URL {name} '{value}': not a date (use YYYY-MM-DD).").format(
            name=key, value=clip(text, URL_CLIP)))
        return None


def _many(params, key, convert, notices) -> list:
    values = []
    for raw in params.get(key, []):
        for text in (p.strip() for p in raw.split(",")):
            if not text:
                continue
            value = convert(text)
            if value is None:
                notices.append(_("Ignored unknown {name} '{value}' in the URL.").format(
                    name=key, value=clip(text, URL_CLIP)))
            else:
                values.append(value)
    return values


def _province_code(text: str) -> str | None:
    province = gazetteer.find_province(text)
    places = [] if province else gazetteer.find_localities(text)
    if province is None and len({p.province for p in places}) != 1:
        return None  # unknown, or a place name found in several provinces
    return province.code if province else places[0].province


def _area(text: str, notices: list[str]) -> AreaKey | None:
    if not text:
        return None
    codes = [_province_code(p.strip()) for p in text.split(SEPARATOR) if p.strip()]
    if not codes or None in codes:
        notices.append(_("Ignored unknown province '{value}' in the URL.").format(value=clip(text, URL_CLIP)))
        return None
    return AreaKey.of(codes)

"""The whole view in the URL, so any view can be shared and cited.

Parsing never fails: unknown parameters and malformed values are dropped, each
with a notice the page shows. Names are readable (``?province=Kratie&view=card``)
and aliases are accepted (``Sihanoukville``); a joint group is ``A;B``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from events.selection import Selection
from events.vocabulary import EVENT_TYPES, STATUSES, nationality_code, nationality_name
from geo import gazetteer

VIEWS = ("map", "card")
KNOWN = ("start", "end", "provinces", "nationality", "type", "status", "province", "view")


@dataclass(frozen=True)
class View:
    selection: Selection = field(default_factory=Selection)
    area: str = ""  # selected area key: "KH-10", "KH-12;KH-18", or "" for none
    mode: str = "map"


def parse(params: dict[str, list[str]]) -> tuple[View, list[str]]:
    """The view a URL asks for, and a notice for each part of it that was ignored."""
    notices: list[str] = []
    for key in params:
        if key not in KNOWN:
            notices.append(f"Ignored unknown URL parameter '{_clip(key)}'.")

    def one(key: str) -> str:
        values = [v for v in params.get(key, []) if v != ""]
        if len(values) > 1:
            notices.append(f"URL parameter '{key}' was given {len(values)} times; using the first.")
        return values[0] if values else ""

    start, end = _date(one("start"), "start", notices), _date(one("end"), "end", notices)
    if start and end and start > end:
        notices.append("The URL's start date is after its end date; swapped them.")
        start, end = end, start
    selection = Selection(
        start=start, end=end,
        provinces=frozenset(_many(params, "provinces", _province_code, notices)),
        nationalities=frozenset(_many(params, "nationality", nationality_code, notices)),
        event_types=frozenset(_many(params, "type", lambda v: v if v in EVENT_TYPES else None, notices)),
        statuses=frozenset(_many(params, "status", lambda v: v if v in STATUSES else None, notices)),
    )
    area = _area(one("province"), notices)
    mode = one("view") or "map"
    if mode not in VIEWS:
        notices.append(f"Ignored URL view '{_clip(mode)}'; use view=card or view=map.")
        mode = "map"
    if mode == "card" and not area:
        notices.append("A card needs a province (e.g. ?province=Kratie&view=card); showing the map.")
        mode = "map"
    return View(selection, area, mode), notices


def to_params(view: View) -> dict[str, str | list[str]]:
    """Query parameters for a view, leaving out defaults so links stay short."""
    s = view.selection
    params: dict[str, str | list[str]] = {}
    if s.start:
        params["start"] = s.start.isoformat()
    if s.end:
        params["end"] = s.end.isoformat()
    if s.provinces:
        params["provinces"] = [gazetteer.provinces()[c].name for c in _ordered(s.provinces)]
    if s.nationalities:
        params["nationality"] = sorted(nationality_name(c) for c in s.nationalities)
    if s.event_types:
        params["type"] = sorted(s.event_types)
    if s.statuses:
        params["status"] = sorted(s.statuses)
    if view.area:
        params["province"] = ";".join(gazetteer.provinces()[c].name for c in view.area.split(";"))
    if view.mode != "map":
        params["view"] = view.mode
    return params


def with_area(view: View, area: str) -> View:
    return replace(view, area=area)


def _date(text: str, key: str, notices: list[str]) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        notices.append(f"Ignored URL {key} '{_clip(text)}': not a date (use YYYY-MM-DD).")
        return None


def _many(params, key, convert, notices) -> list:
    values = []
    for raw in params.get(key, []):
        for text in (p.strip() for p in raw.split(",")):
            if not text:
                continue
            value = convert(text)
            if value is None:
                notices.append(f"Ignored unknown {key} '{_clip(text)}' in the URL.")
            else:
                values.append(value)
    return values


def _province_code(text: str) -> str | None:
    province = gazetteer.find_province(text)
    town = None if province else gazetteer.find_locality(text)
    return province.code if province else (town.province if town else None)


def _area(text: str, notices: list[str]) -> str:
    if not text:
        return ""
    codes = [_province_code(p.strip()) for p in text.split(";") if p.strip()]
    if not codes or None in codes:
        notices.append(f"Ignored unknown province '{_clip(text)}' in the URL.")
        return ""
    return ";".join(_ordered(set(codes)))


def _ordered(codes) -> list[str]:
    return sorted(codes, key=lambda c: int(c.split("-")[1]))


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

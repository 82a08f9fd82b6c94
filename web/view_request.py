"""The view a request asks for, read as the dashboard reads its URL, and the selection it shows."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from urllib.parse import parse_qs

from starlette.requests import Request

import i18n
from events.problems import clip
from views import selection
from views.address import URL_CLIP, View, language, parse
from views.selection import Filtered, Snapshot

PUBLIC_URL = "CRACKDOWN_PUBLIC_URL"  # the site's address as the public reaches it, for absolute links


@dataclass(frozen=True)
class Asked:
    view: View
    notices: list[str]  # what the query asked that was ignored, as the page says it
    query: dict[str, list[str]]  # the query as given, Streamlit's own switches included
    unknown_place: str  # the province asked for, when the gazetteer does not know it; else ""


def asked(request: Request) -> Asked:
    """The view of a request's query; its language from ``lang``, else the browser's, else English."""
    query = parse_qs(request.url.query, keep_blank_values=True)
    accept = request.headers.get("accept-language", "").split(",")[0].split(";")[0].strip()
    code, notice = language(query.get("lang", [""])[0], accept)
    with i18n.use(code):
        view, notices = parse(query)
    place = next((v.strip() for v in query.get("province", []) if v.strip()), "")
    unknown = clip(place, URL_CLIP) if place and view.area is None else ""
    return Asked(replace(view, language=code), [notice] * bool(notice) + notices, query, unknown)


def selected(view: View) -> tuple[Snapshot, Filtered] | None:
    """The file as it can be read now (or its last good version) and the view's selection; None: nothing read."""
    with i18n.use(view.language):
        reading = selection.current()
    if reading.snapshot is None:
        return None
    return reading.snapshot, selection.filtered(reading.snapshot, view.filters, view.language)


def base_url(request: Request) -> str:
    """The site's public address: $CRACKDOWN_PUBLIC_URL, else the one the request came to."""
    configured = os.environ.get(PUBLIC_URL, "").strip().rstrip("/")
    return configured or str(request.base_url).rstrip("/")

"""``/data/events.csv`` (the file as published), ``/data/datapackage.json`` (its Table Schema) and
``/data/figures.json`` (the figures of a view), open to any site (CORS)."""

from __future__ import annotations

import hashlib
import json

from starlette.requests import Request
from starlette.responses import Response

import i18n
from events.loading import DataVersion, events_path
from events.schema import DATAPACKAGE
from views.open_data import figures_document
from web.responses import cached, unknown_place, unreadable
from web.view_request import asked, selected

OPEN = {"Access-Control-Allow-Origin": "*"}


def events_csv(request: Request) -> Response:
    """The events file byte for byte, as the dashboard reads it."""
    try:
        body = events_path().read_bytes()
    except OSError:
        return unreadable(i18n.DEFAULT)
    return cached(request, DataVersion.of(body).digest, body, "text/csv; charset=utf-8",
                  {**OPEN, "Content-Disposition": 'inline; filename="events.csv"'})


def datapackage(request: Request) -> Response:
    body = DATAPACKAGE.read_bytes()
    return cached(request, hashlib.sha256(body).hexdigest(), body, "application/json", OPEN)


def figures_json(request: Request) -> Response:
    wanted = asked(request)
    if wanted.unknown_place:
        with i18n.use(wanted.view.language):
            response = unknown_place(wanted.unknown_place)
        response.headers.update(OPEN)
        return response
    found = selected(wanted.view)
    if found is None:
        return unreadable(wanted.view.language)
    snapshot, filtered = found
    with i18n.use(wanted.view.language):
        document = figures_document(snapshot, filtered, wanted.view, wanted.notices)
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return cached(request, snapshot.version.digest, body, "application/json", OPEN)

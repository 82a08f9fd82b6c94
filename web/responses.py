"""Answers shared by the routes: a sentence for what cannot be shown, and caching keyed to the data's version."""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

import i18n
from i18n import _

CACHE_CONTROL = "public, max-age=300"  # a cache may keep an answer five minutes; the ETag says when it changed


def sentence(text: str, status: int) -> Response:
    """One sentence, never a traceback."""
    return PlainTextResponse(text, status_code=status, headers={"Cache-Control": "no-store"})


def unknown_place(name: str) -> Response:
    # TRANSLATORS: a 404 answer to a link that names a province the map does not know
    return sentence(_("There is no province called '{name}'. The provinces are named on the map and on the light "
                      "page (/lite).").format(name=name), 404)


def unreadable(language: str) -> Response:
    with i18n.use(language):
        return sentence(_("The events file cannot be read now; please try again later."), 503)


def cached(request: Request, version: str, body: bytes | str, media_type: str,
           headers: dict[str, str] | None = None) -> Response:
    """``body`` with an ETag of the data's version (``X-Data-Version``) and the request's query, or 304 when the
    client has it."""
    tag = '"' + hashlib.sha256(f"{version}|{request.url.path}|{request.url.query}".encode()).hexdigest()[:20] + '"'
    common = {"ETag": tag, "Cache-Control": CACHE_CONTROL, "X-Data-Version": version, **(headers or {})}
    if tag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=common)
    return Response(body, media_type=media_type, headers=common)

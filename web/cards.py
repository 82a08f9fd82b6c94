"""``/card.png`` and ``/card.svg``: a view's card by URL, with no session, so any replica answers it."""

from __future__ import annotations

from dataclasses import replace

from starlette.requests import Request
from starlette.responses import Response

import i18n
from geo.areas import NATIONAL
from i18n import _
from views.address import link
from views.card import card_content, card_png, card_svg, file_name
from views.card_image import FORMAT_IN_URL
from views.summary import shown_area
from web.responses import cached, sentence, unknown_place, unreadable
from web.view_request import asked, base_url, selected

FORMATS = {url: name for name, url in FORMAT_IN_URL.items()}  # as the URL names them


def card(request: Request) -> Response:
    """The card of the view's province (or joint group, or the country when none is asked for)."""
    extension = request.url.path.rsplit(".", 1)[1]
    wanted = asked(request)
    view = wanted.view
    with i18n.use(view.language):
        if wanted.unknown_place:
            return unknown_place(wanted.unknown_place)
        format_name = FORMATS.get(wanted.query.get("format", ["link"])[0])
        if format_name is None:
            return sentence(_("Unknown card format; use format=link, format=square or format=portrait."), 404)
        found = selected(view)
        if found is None:
            return unreadable(view.language)
        snapshot, filtered = found
        key = shown_area(filtered, view) or NATIONAL
        area = filtered.areas.get(key)
        if area is None:
            return sentence(_("No figure of people detained is reported for {place} under the current "
                              "filters.").format(place=key.display_name), 404)
        shown = replace(view, mode="card") if view.area is not None else view
        content = card_content(area, snapshot.as_of, snapshot.version, link(f"{base_url(request)}/", shown))
        body = card_png(content, format_name) if extension == "png" else card_svg(content, format_name)
        media = "image/png" if extension == "png" else "image/svg+xml"
        disposition = f'inline; filename="{file_name(content, format_name, extension)}"'
        return cached(request, snapshot.version.digest, body, media, {"Content-Disposition": disposition})

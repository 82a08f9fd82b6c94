"""``/lite``: the light page of a view, rendered here, with no script (views/lite_page.py)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

import i18n
from i18n import _
from views.address import link
from views.lite_page import LitePage, lite_html
from views.summary import summarize
from web.previews import tags
from web.responses import cached, sentence, unknown_place, unreadable
from web.view_request import asked, base_url, selected


def lite(request: Request) -> Response:
    wanted = asked(request)
    view = wanted.view
    with i18n.use(view.language):
        if wanted.unknown_place:
            return unknown_place(wanted.unknown_place)
        found = selected(view)
        if found is None:
            return unreadable(view.language)
        snapshot, filtered = found
        summary = summarize(filtered, view, snapshot, link(f"{base_url(request)}/", view))
        if summary is None:
            return sentence(_("No figure of people detained is reported for {place} under the current "
                              "filters.").format(place=view.area.display_name if view.area else ""), 404)
        made = tags(request, "/lite")
        head = made[0] if made else ""
        body = lite_html(LitePage(snapshot, filtered, view, summary, wanted.notices, head))
        return cached(request, snapshot.version.digest, body, "text/html; charset=utf-8")

"""Link previews and search results: the dashboard's HTML, as served for a view, says what the view shows.

Crawlers (Telegram, WhatsApp, Facebook, X, search engines) do not run the page's script, and Streamlit writes no
description or image tags. This middleware adds them to the page's HTML for the view its query asks for: a title
with the place, figure and period, a description with who claims it, the view's card as the image, the
address, and a ``<noscript>`` headline with a link to the light page. Every text is HTML-escaped.
"""

from __future__ import annotations

import html
import logging
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import i18n
from i18n import _
from views.address import link
from views.summary import summarize
from web.view_request import asked, base_url, selected

LOCALES = {"en": "en_GB", "km": "km_KH"}  # og:locale of each language
CARD_SIZE = (1200, 675)


def tags(request: Request, route: str = "/") -> tuple[str, str, str] | None:
    """What goes into a page for this request: the head's tags, the noscript block, the document's language.
    ``route``: the page's own path, which its canonical address names (the dashboard's, or the light page's)."""
    wanted = asked(request)
    view = wanted.view
    found = selected(view)
    if found is None:
        return None
    snapshot, filtered = found
    base = base_url(request)
    address, canonical = link(f"{base}/", view), link(f"{base}{route}", view)
    with i18n.use(view.language):
        summary = summarize(filtered, view, snapshot, address)
        if summary is None:
            return None
        query = {k: v for k, v in wanted.query.items() if k not in ("format", "embed", "embed_options")}
        card = f"{base}/card.png?{urlencode({**query, 'format': 'link'}, doseq=True)}"
        lite = f"{base}/lite?{urlencode(query, doseq=True)}" if query else f"{base}/lite"
        title = _("{summary} · Crackdown Map").format(summary=summary.title)
        e = html.escape
        site, without_script = _("Crackdown Map"), _("This view without JavaScript")
        head = "".join([
            f"<title>{e(title)}</title>",
            f'<meta name="description" content="{e(summary.description)}">',
            f'<link rel="canonical" href="{e(canonical)}">',
            '<meta property="og:type" content="website">',
            f'<meta property="og:site_name" content="{e(site)}">',
            f'<meta property="og:locale" content="{LOCALES[view.language]}">',
            f'<meta property="og:title" content="{e(summary.title)}">',
            f'<meta property="og:description" content="{e(summary.description)}">',
            f'<meta property="og:url" content="{e(canonical)}">',
            *([f'<meta property="og:image" content="{e(card)}">',
               f'<meta property="og:image:width" content="{CARD_SIZE[0]}">',
               f'<meta property="og:image:height" content="{CARD_SIZE[1]}">',
               f'<meta property="og:image:alt" content="{e(summary.title)}">',
               f'<meta name="twitter:image" content="{e(card)}">'] if summary.area is not None else []),
            '<meta name="twitter:card" content="summary_large_image">',
            f'<meta name="twitter:title" content="{e(summary.title)}">',
            f'<meta name="twitter:description" content="{e(summary.description)}">',
        ])
        noscript = (f"<noscript><h1>{e(summary.title)}</h1><p>{e(summary.description)}</p>"
                    f'<p><a href="{e(lite)}">{e(without_script)}</a></p></noscript>')
    return head, noscript, view.language


class LinkPreviews:
    """ASGI middleware: the page's HTML at the site's root gets the view's tags. Anything else passes as it is."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or scope["path"] != "/":
            await self.app(scope, receive, send)
            return
        # The page's HTML uncompressed from Streamlit, so it can be read here; the proxy compresses it after.
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        start: Message = {}
        chunks: list[bytes] = []

        async def held(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            headers = {k.lower(): v for k, v in start.get("headers", [])}
            if start.get("status") == 200 and headers.get(b"content-type", b"").startswith(b"text/html"):
                body = await _with_tags(Request(scope), body)
            kept = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"content-length", b"etag")]
            await send({**start, "headers": [*kept, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body if scope["method"] == "GET" else b""})

        await self.app(scope, receive, held)


async def _with_tags(request: Request, page: bytes) -> bytes:
    try:
        made = await run_in_threadpool(tags, request)
    except Exception:  # the page itself must still be served
        logging.getLogger("crackdown_map").exception("link preview tags could not be made")
        return page
    if made is None:
        return page
    head, noscript, language = made
    text = page.decode("utf-8")
    text = text.replace("<title>Streamlit</title>", "", 1)
    text = text.replace("<head>", f"<head>{head}", 1).replace("<body>", f"<body>{noscript}", 1)
    text = text.replace('<html lang="en">', f'<html lang="{language}">', 1)
    return text.encode("utf-8")

"""The routes and middleware the app adds to Streamlit's own (app.py hands them to ``st.App``)."""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from web.cards import card
from web.lite import lite
from web.open_data import datapackage, events_csv, figures_json
from web.previews import LinkPreviews


def robots(request: Request) -> PlainTextResponse:
    """Every page may be indexed: the figures are public and each carries its sources."""
    return PlainTextResponse("User-agent: *\nAllow: /\n")


ROUTES = [
    Route("/robots.txt", robots, methods=["GET", "HEAD"]),
    Route("/card.png", card, methods=["GET", "HEAD"]),
    Route("/card.svg", card, methods=["GET", "HEAD"]),
    Route("/lite", lite, methods=["GET", "HEAD"]),
    Route("/data/events.csv", events_csv, methods=["GET", "HEAD"]),
    Route("/data/datapackage.json", datapackage, methods=["GET", "HEAD"]),
    Route("/data/figures.json", figures_json, methods=["GET", "HEAD"]),
]
MIDDLEWARE = [Middleware(LinkPreviews)]

"""The routes beside the dashboard, served by Starlette's test client around a stand-in for Streamlit's page
(the HTML it serves at the site's root), so they are tested without a server."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from views import selection
from web.routes import MIDDLEWARE, ROUTES

# The parts of Streamlit's index.html the link previews change.
STREAMLIT_PAGE = ('<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Streamlit</title></head>'
                  "<body><noscript>You need to enable JavaScript to run this app.</noscript>"
                  '<div id="root"></div></body></html>')


def streamlit_page(request) -> HTMLResponse:
    return HTMLResponse(STREAMLIT_PAGE)


@pytest.fixture
def client(monkeypatch):
    """The routes on the published record (or $EVENTS_CSV as a test sets it)."""
    monkeypatch.setattr(selection, "_last_good", {})
    app = Starlette(routes=[*ROUTES, Route("/", streamlit_page)], middleware=MIDDLEWARE)
    with TestClient(app, base_url="https://map.example.org") as test_client:
        yield test_client

"""The routes beside the dashboard on a running server (``streamlit run app.py`` serves the ``st.App``): link
previews for crawlers, the card by URL, the light page in Chromium, the data as published."""

from __future__ import annotations

import html
import io
import re
import urllib.request

import pytest
from PIL import Image

from tests.browser.conftest import wait_for_app
from tests.browser.test_accessibility import PHONE, axe, serious_violations  # noqa: F401 (a fixture)
from tests.conftest import RECORD_CSV

CRAWLERS = {"telegram": "TelegramBot (like TwitterBot)",
            "facebook": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"}


def fetch(url: str, agent: str = "") -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": agent} if agent else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


@pytest.mark.parametrize("agent", ["", *CRAWLERS.values()], ids=["browser", *CRAWLERS])
def test_a_card_link_previews_with_its_figure_and_its_image(server, agent):
    status, _, body = fetch(f"{server.url}/?province=Kratie&view=card", agent)
    tags = dict(re.findall(r'<meta property="(og:[a-z:]+)" content="([^"]*)"', body.decode()))
    assert status == 200 and "Kratie" in tags["og:title"] and "312" in tags["og:title"]
    status, headers, image = fetch(html.unescape(tags["og:image"]), agent)
    assert status == 200 and headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(image)).size == (1200, 675)


def test_the_data_is_served_as_published(server):
    assert fetch(f"{server.url}/data/events.csv")[2] == RECORD_CSV.read_bytes()


def test_the_light_page_runs_no_script_asks_nothing_outside_and_passes_axe(page, server, axe, artifacts):  # noqa: F811
    page.set_viewport_size(PHONE)
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    page.goto(f"{server.url}/lite?province=Kratie")
    page.wait_for_load_state("networkidle")
    assert page.locator("script").count() == 0 and scripts == []
    assert "312" in page.locator("main").inner_text()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_violations(page.main_frame, axe) == []  # axe is added to the page by the test, not the page
    assert page.outside_requests == []
    page.screenshot(path=str(artifacts / "lite-kratie-390.png"), full_page=True)


def test_the_dashboard_still_opens_with_its_routes(page, server):
    wait_for_app(page, f"{server.url}/?province=Kratie")
    assert page.title().startswith("Kratie")

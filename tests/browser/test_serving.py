"""The production stack (``python -m serve``: Caddy and two replicas) on loopback, in Chromium:
compressed, under its Content-Security-Policy with no violation, sticky enough that every card
download succeeds, and still serving after a replica is killed."""

from __future__ import annotations

import os
import signal
import time
import urllib.request

import pytest

from bench.load import Stack
from tests.browser.conftest import wait_for_app
from tests.browser.test_in_browser import MAP_FRAME, map_frame

HEADERS = {
    "content-security-policy": "default-src 'self'",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective));"""


@pytest.fixture(scope="module")
def stack():
    running = Stack(replicas=2)
    running.url = f"http://127.0.0.1:{running.port}"
    yield running
    running.stop()


def test_compressed_with_every_header_and_no_csp_violation(page, stack):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.add_init_script(VIOLATIONS)
    wait_for_app(page, stack.url)
    leaflet = map_frame(page)
    document = next(r for r in responses if r.url.rstrip("/") == stack.url)
    for name, value in HEADERS.items():
        assert value in document.all_headers().get(name, ""), name
    scripts = [r for r in responses if r.url.endswith(".js") and r.url.startswith(stack.url)]
    plain = [(r.url, int(r.all_headers().get("content-length", 0))) for r in scripts
             if r.all_headers().get("content-encoding") not in ("zstd", "gzip")]
    assert len(plain) < len(scripts) and all(size < 512 for _, size in plain), plain  # too small to gain
    hashed = [r for r in scripts if r.url.startswith(f"{stack.url}/static/js/")]  # Streamlit's own build
    assert hashed and all("immutable" in r.all_headers().get("cache-control", "") for r in hashed)
    assert leaflet.locator("path.leaflet-interactive").count() >= 24
    assert page.evaluate("() => window.__violations") == [] and leaflet.evaluate("() => window.__violations") == []
    with urllib.request.urlopen(f"{stack.url}/robots.txt") as robots:
        assert robots.read().startswith(b"User-agent: *")


def test_twenty_card_downloads_through_the_proxy_all_succeed(browser, stack):
    saved = 0
    for _ in range(20):  # each a new viewer: a new session, placed on a replica by the proxy
        context = browser.new_context()
        page = context.new_page()
        wait_for_app(page, f"{stack.url}/?province=Kratie&view=card")
        with page.expect_download(timeout=30_000) as download:
            page.get_by_text("Download card (PNG)").click()
        with open(download.value.path(), "rb") as png:
            saved += png.read(8) == b"\x89PNG\r\n\x1a\n"
        context.close()
    assert saved == 20


def test_twenty_card_images_by_url_through_the_proxy_all_succeed_without_a_cookie(stack):
    """The card by URL needs no session: any replica answers it, so no stickiness is needed."""
    images = 0
    for _ in range(20):  # a new connection each time, no cookie: the proxy may send each to either replica
        with urllib.request.urlopen(f"{stack.url}/card.png?province=Kratie", timeout=60) as response:
            assert "crackdown_replica" not in (response.headers.get("Cookie") or "")
            images += response.status == 200 and response.read(8) == b"\x89PNG\r\n\x1a\n"
    assert images == 20


def test_a_killed_replica_leaves_the_site_up(browser, stack):
    os.kill(stack.pids()[0], signal.SIGKILL)
    killed = time.monotonic()
    statuses: list[int] = []
    served_after = None
    while time.monotonic() - killed < 30 and served_after is None:
        context = browser.new_context()
        page = context.new_page()
        page.on("response", lambda r: statuses.append(r.status))
        try:
            wait_for_app(page, stack.url)
            page.frame_locator(f'iframe[title="{MAP_FRAME}"]').locator("path.leaflet-interactive").first.wait_for()
            served_after = time.monotonic() - killed
        except Exception:  # noqa: BLE001 (a failed load is what is measured)
            pass
        context.close()
    assert served_after is not None and served_after < 10
    statuses.clear()
    for _ in range(3):  # and every load after that is whole
        context = browser.new_context()
        page = context.new_page()
        page.on("response", lambda r: statuses.append(r.status))
        wait_for_app(page, stack.url)
        context.close()
    assert statuses and max(statuses) < 500

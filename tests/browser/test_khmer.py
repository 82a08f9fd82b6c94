"""The page in Khmer in Chromium, on a machine with no Khmer font of its own: the app's Noto Sans Khmer is loaded
from the app (never from another site) and draws the text, axe finds nothing serious, the language survives a
filter change and the Back button, and the card downloaded in Khmer reads back as Khmer by OCR."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest

import i18n
from tests.browser.conftest import wait_for_app
from tests.browser.test_accessibility import DESKTOP, PHONE, axe, serious_violations  # noqa: F401 (a fixture)
from tests.browser.test_in_browser import map_frame

FONT_PATH = "/app/static/fonts/NotoSansKhmer.woff2"
KHMER = re.compile("[\u1780-\u17ff]")
APP_STATE = '[data-testid="stApp"][data-test-script-state="notRunning"]'

# The width of a text as drawn in a font, and the same text in a face that does not exist, which the browser
# replaces with the system's fallback: with no Khmer font on the machine, that is the missing-glyph box.
WIDTHS = """([selector, text]) => {
    const node = document.querySelector(selector);
    const style = getComputedStyle(node);
    const probe = document.createElement("span");
    probe.textContent = text;
    probe.style.font = style.font;
    probe.style.whiteSpace = "nowrap";
    document.body.append(probe);
    const own = probe.getBoundingClientRect().width;
    probe.style.fontFamily = "no-such-font-anywhere";
    const boxes = probe.getBoundingClientRect().width;
    probe.remove();
    return [style.fontFamily, own, boxes];
}"""
KHMER_FACE = """() => [...document.fonts].filter(f => f.family.replace(/"/g, "") === "Noto Sans Khmer")
    .map(f => f.status)"""


def km(message: str) -> str:
    with i18n.use("km"):
        return i18n._(message)


def test_the_machine_has_no_khmer_font_of_its_own():
    """What the tests below rely on: without the app's font, Khmer would draw as boxes here."""
    if shutil.which("fc-list"):
        assert subprocess.run(["fc-list", ":lang=km"], capture_output=True, text=True).stdout.strip() == ""


def test_khmer_is_drawn_in_the_apps_own_font_on_the_page_and_in_the_map(page, server, artifacts):
    fonts: list[tuple[str, int]] = []
    page.on("response", lambda response: fonts.append((response.url, response.status))
            if response.url.endswith(".woff2") else None)
    wait_for_app(page, f"{server.url}/?lang=km")
    title = page.locator("h1").first
    title.wait_for()
    assert KHMER.search(title.inner_text())
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    assert "loaded" in page.evaluate(KHMER_FACE)
    family, own, boxes = page.evaluate(WIDTHS, ["h1", title.inner_text()])
    assert "Noto Sans Khmer" in family and abs(own - boxes) > 2, (family, own, boxes)
    leaflet = map_frame(page)
    label = leaflet.locator(".map-label span").first.inner_text()
    assert KHMER.search(label)  # the map's labels name provinces in Khmer
    leaflet.wait_for_function("() => document.fonts.status === 'loaded'")
    assert "loaded" in leaflet.evaluate(KHMER_FACE)
    family, own, boxes = leaflet.evaluate(WIDTHS, [".map-label span", label])
    assert "Noto Sans Khmer" in family and abs(own - boxes) > 2, (family, own, boxes)
    served = [(url, status) for url, status in fonts if url.endswith(FONT_PATH)]
    assert served and all(url.startswith(server.url) and status in (200, 304) for url, status in served)
    assert page.outside_requests == []
    page.screenshot(path=str(artifacts / "map-page-km.png"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_khmer_page_has_no_serious_or_critical_violation(page, server, axe, viewport, artifacts):  # noqa: F811
    page.set_viewport_size(viewport)
    wait_for_app(page, f"{server.url}/?lang=km")
    leaflet = map_frame(page)
    assert serious_violations(page.main_frame, axe) + serious_violations(leaflet, axe) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    assert page.outside_requests == []
    page.screenshot(path=str(artifacts / f"map-page-km-{viewport['width']}.png"))


def test_the_language_survives_a_filter_change_and_the_back_button(page, server):
    wait_for_app(page, f"{server.url}/?lang=km")
    map_frame(page)
    title = page.locator("h1").first.inner_text()
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()  # provinces
    page.keyboard.type("ក្រចេះ")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('provinces=Kratie')", timeout=30_000)
    page.wait_for_selector(APP_STATE, timeout=60_000)
    assert "lang=km" in page.url and page.locator("h1").first.inner_text() == title
    page.go_back()  # the view before the filter: every province, still in Khmer
    page.wait_for_function("() => !location.search.includes('provinces=')", timeout=30_000)
    page.wait_for_selector(APP_STATE, timeout=60_000)
    page.wait_for_timeout(1_000)  # the address would be written back within this if the page did not follow it
    assert "provinces=" not in page.url and "lang=km" in page.url
    assert page.locator("h1").first.inner_text() == title  # still Khmer
    assert page.outside_requests == []


def test_the_khmer_card_downloaded_from_its_page_reads_back_as_khmer(page, server, artifacts):
    """tesseract's Khmer model reads the card's words: at least 40 Khmer letters."""
    wait_for_app(page, f"{server.url}/?province=Kratie&view=card&lang=km")
    page.locator('[data-testid="stImage"] img').first.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as download:
        page.get_by_text(km("Download card (PNG)")).first.click()
    assert download.value.suggested_filename.isascii()
    saved = artifacts / f"km-{download.value.suggested_filename}"
    download.value.save_as(saved)
    read = subprocess.run(["tesseract", str(saved), "stdout", "-l", "khm"], capture_output=True, text=True,
                          check=True).stdout
    letters = [c for c in read if KHMER.match(c) and unicodedata.category(c) == "Lo"]
    assert len(letters) >= 40, read

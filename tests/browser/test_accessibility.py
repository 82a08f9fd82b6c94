"""Accessibility and layout in Chromium: axe-core on the map and card pages, the phone's first screen, screenshots."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import wait_for_app
from tests.browser.test_in_browser import MAP_FRAME, map_frame
from tests.conftest import ROOT

AXE_JS = Path(os.environ.get("AXE_JS", ROOT / ".venv" / "axe-core-4.11.0" / "axe.min.js"))
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1440, "height": 900}


@pytest.fixture(scope="module")
def axe() -> str:
    if not AXE_JS.exists():
        pytest.fail(f"axe-core is missing at {AXE_JS}: `make test` fetches it (npm pack axe-core)")
    return AXE_JS.read_text()


def serious_violations(frame, axe: str) -> list[str]:
    """axe-core's serious and critical findings in one document, each with where it is."""
    frame.add_script_tag(content=axe)
    return frame.evaluate("""async () => {
        const result = await axe.run(document, {iframes: false, resultTypes: ["violations"]});
        return result.violations.filter(v => v.impact === "serious" || v.impact === "critical")
            .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")}`);
    }""")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_map_page_has_no_serious_or_critical_violation(page, server, axe, viewport):
    page.set_viewport_size(viewport)
    wait_for_app(page, server.url)
    leaflet = map_frame(page)
    assert serious_violations(page.main_frame, axe) + serious_violations(leaflet, axe) == []


def test_the_sections_under_the_map_load_when_opened_and_pass_axe(page, server, axe):
    """The timeline's Vega and the tables' grid are fetched only once their section is opened, and then pass."""
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url.rsplit("/", 1)[-1]))
    wait_for_app(page, server.url)
    map_frame(page)
    heavy = ("embed.", "DataFrame.")
    assert not [url for url in asked if url.startswith(heavy)]
    for label, drawn in (("Timeline · ", ".vega-embed svg"), ("Sources · ", '[data-testid="stDataFrame"]')):
        section = page.locator('[data-testid="stExpander"]', has_text=label).first
        section.get_by_text(label).click()
        section.locator(drawn).first.wait_for(timeout=60_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    assert {prefix for prefix in heavy for url in asked if url.startswith(prefix)} == set(heavy)
    assert serious_violations(page.main_frame, axe) == []


def test_the_card_page_has_no_serious_or_critical_violation(page, server, axe):
    wait_for_app(page, f"{server.url}/?province=Kratie&view=card")
    page.locator('[data-testid="stImage"]').first.wait_for(timeout=30_000)
    page.get_by_text("Download card (PNG)").wait_for()
    assert serious_violations(page.main_frame, axe) == []


def test_axe_finds_what_it_should(page, server, axe):
    """The check can fail: grey text at 2:1 on white is reported."""
    wait_for_app(page, server.url)
    page.evaluate("""() => { const p = document.createElement("p"); p.textContent = "pale words";
                             p.style.color = "#aaaaaa";
                             document.querySelector("[data-testid=stMainBlockContainer]").prepend(p); }""")
    assert any(v.startswith("color-contrast") for v in serious_violations(page.main_frame, axe))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_card_fits_the_screen(page, server, artifacts, viewport):
    page.set_viewport_size(viewport)
    wait_for_app(page, f"{server.url}/?province=Kratie&view=card")
    card = page.locator('[data-testid="stImage"] img').first
    card.wait_for(timeout=30_000)
    shown = card.bounding_box()
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= viewport["width"]
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]  # no sideways scroll
    page.screenshot(path=str(artifacts / f"card-page-{viewport['width']}.png"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop-1440", "phone-390"])
def test_the_headline_and_the_map_are_on_the_first_screen(page, server, artifacts, viewport):
    page.set_viewport_size(viewport)
    wait_for_app(page, server.url)
    map_frame(page)
    headline = page.get_by_text("people detained,").first.bounding_box()
    frame = page.locator(f'iframe[title="{MAP_FRAME}"]').bounding_box()
    assert headline["y"] + headline["height"] <= viewport["height"]
    assert frame["y"] + 250 <= viewport["height"]  # at least the country's upper half is in view
    assert frame["x"] >= 0 and frame["x"] + frame["width"] <= viewport["width"]  # nothing sideways
    name = f"map-page-{viewport['width']}"
    page.screenshot(path=str(artifacts / f"{name}.png"))
    page.screenshot(path=str(artifacts / f"{name}-full.png"), full_page=True)
    assert (artifacts / f"{name}.png").stat().st_size > 20_000

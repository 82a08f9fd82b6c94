"""The dashboard in headless Chromium, offline: map, tooltip, click, deep links, card, hostile text."""

from __future__ import annotations

import pytest

from events import figures
from events.loading import load_events
from geo.areas import AreaKey
from tests.browser.conftest import wait_for_app
from tests.conftest import RECORD_CSV, csv_text, row

MAP_FRAME = "streamlit_folium.st_folium"


def map_frame(page):
    page.wait_for_selector(f'iframe[title="{MAP_FRAME}"]', timeout=30_000)
    frame = page.frame_locator(f'iframe[title="{MAP_FRAME}"]')
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    leaflet = next(f for f in page.frames if "st_folium" in f.url)
    leaflet.wait_for_function("() => window.map_div && !map_div._animatingZoom && !map_div._panAnim?._inProgress")
    return leaflet


def test_map_renders_with_the_province_layer_and_nothing_from_outside(page, server):
    wait_for_app(page, server.url)
    frame = map_frame(page)
    assert frame.locator("path.leaflet-interactive").count() >= 24
    assert "Natural Earth" in frame.locator(".leaflet-control-attribution").inner_text()
    assert not page.locator('[data-testid="stException"]').count()
    assert page.outside_requests == []  # aborted, not answered: the map drew without any of them


def test_hover_shows_a_tooltip_and_click_selects_the_province(page, server):
    """On the published record (the server reads data/events.csv): Pursat's figure as the model words it."""
    pursat_area = figures.areas(figures.collect(load_events(RECORD_CSV).events))[AreaKey(("KH-15",))]
    wait_for_app(page, server.url)
    frame = map_frame(page)
    pursat = page.frame_locator(f'iframe[title="{MAP_FRAME}"]').locator("path.province-KH-15")
    pursat.hover()
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for(timeout=10_000)
    assert "Pursat" in tooltip.inner_text() and f"{pursat_area.total.label()} detained" in tooltip.inner_text()
    pursat.click()
    page.get_by_text("Pursat · ពោធិ៍សាត់").wait_for(timeout=30_000)
    page.wait_for_url("**province=Pursat**", timeout=30_000)  # the shareable link follows the selection


LABEL_BOXES = """() => [...document.querySelectorAll('.map-label span')]
    .filter(label => label.style.visibility !== 'hidden')
    .map(label => { const r = label.getBoundingClientRect();
                    return [label.textContent, r.left, r.top, r.right, r.bottom]; })"""


def overlapping(boxes) -> list:
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]


def test_labels_name_provinces_and_never_collide_at_any_zoom(page, server):
    areas = figures.areas(figures.collect(load_events(RECORD_CSV).events))
    largest = max((a for a in areas.values() if a.key.scope == "province"), key=lambda a: a.total.best)
    wait_for_app(page, server.url)
    leaflet = map_frame(page)
    leaflet.wait_for_function("() => document.querySelectorAll('.map-label span').length > 0")
    page.wait_for_timeout(300)  # labels are sorted out once the fonts are in
    country = leaflet.evaluate(LABEL_BOXES)
    assert country and overlapping(country) == []
    assert any(text.startswith(largest.key.name) and largest.total.label() in text for text, *_ in country)
    leaflet.evaluate("() => map_div.setZoom(9, {animate: false})")
    leaflet.wait_for_function("() => map_div.getZoom() === 9")
    page.wait_for_timeout(300)
    closer = leaflet.evaluate(LABEL_BOXES)
    assert overlapping(closer) == [] and len(closer) >= len(country)


@pytest.mark.parametrize("corner", ["getNorthEast", "getSouthWest"])
def test_a_tooltip_stays_inside_the_map_at_its_edge(page, server, corner):
    """A province's tooltip opened at a corner of the frame (as a hover there would) is moved inside it."""
    wait_for_app(page, server.url)
    leaflet = map_frame(page)
    inside = leaflet.evaluate("""corner => {
        let provinces = null;  // the provinces' layer, which holds their tooltip
        map_div.eachLayer(layer => { if (layer.feature && layer.getTooltip && !provinces) provinces = layer; });
        map_div.eachLayer(layer => {
            if (layer.hasLayer && layer.getTooltip() && layer.hasLayer(provinces)) provinces = layer; });
        provinces.openTooltip(map_div.getBounds()[corner]());
        const t = document.querySelector('.leaflet-tooltip').getBoundingClientRect();
        const m = map_div.getContainer().getBoundingClientRect();
        return [t.width > 50, t.left >= m.left, t.top >= m.top, t.right <= m.right, t.bottom <= m.bottom]; }""", corner)
    assert inside == [True, True, True, True, True]


def test_a_province_is_a_named_button_for_the_keyboard(page, server):
    wait_for_app(page, server.url)
    map_frame(page)
    pursat = page.frame_locator(f'iframe[title="{MAP_FRAME}"]').locator("path.province-KH-15")
    pursat.wait_for()
    assert pursat.get_attribute("role") == "button" and pursat.get_attribute("tabindex") == "0"
    assert pursat.get_attribute("aria-label").startswith("Pursat: ") and " detained" in pursat.get_attribute(
        "aria-label")
    pursat.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Pursat · ពោធិ៍សាត់").wait_for(timeout=30_000)


def test_a_filter_change_updates_the_map_without_reloading_its_frame(page, server):
    wait_for_app(page, server.url)
    leaflet = map_frame(page)
    leaflet.evaluate("() => { window.__same_frame = true; }")  # gone if the frame were rebuilt
    kratie = 'path.province-KH-10'
    before = leaflet.eval_on_selector(kratie, "el => el.getAttribute('fill')")
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(1).click()  # nationalities
    page.keyboard.type("Indonesia")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('nationality=Indonesia')", timeout=30_000)
    leaflet.wait_for_function(f"() => document.querySelector('{kratie}').getAttribute('fill') !== '{before}'",
                              timeout=30_000)
    assert leaflet.evaluate("() => window.__same_frame === true")
    assert page.outside_requests == []


def test_card_by_link_renders_and_is_saved(page, server, artifacts):
    wait_for_app(page, f"{server.url}/?province=Kratie&view=card")
    card = page.locator('[data-testid="stImage"] img').first
    card.wait_for(timeout=30_000)
    assert "Kratie" in card.get_attribute("alt") and "people detained" in card.get_attribute("alt")
    assert page.title().startswith("Kratie")  # a shared page names its place
    card.screenshot(path=str(artifacts / "card-kratie.png"))
    assert (artifacts / "card-kratie.png").stat().st_size > 10_000


def test_one_click_on_a_province_and_one_on_download_give_the_card(page, server, artifacts):
    wait_for_app(page, server.url)
    map_frame(page)
    page.frame_locator(f'iframe[title="{MAP_FRAME}"]').locator("path.province-KH-10").click()
    with page.expect_download(timeout=30_000) as download:
        page.get_by_text("Download card (PNG)").click()
    saved = artifacts / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("crackdown-map_kratie_") and saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("query", ["?start=bogus&province=%3Cscript%3E&view=x", "?nationality=%00&&&=",
                                   "?provinces=" + "A" * 5000, "?province=Kratie&view=card&start=2025-99-99"])
def test_malformed_links_never_give_an_error_page(page, server, query):
    wait_for_app(page, server.url + query)
    assert not page.locator('[data-testid="stException"]').count()
    page.locator('[data-testid="stImage"], iframe[title="streamlit_folium.st_folium"]').first.wait_for()


HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(2)}",
    "`);alert(3);//",
    "</script><script>alert(4)</script>",
    "<svg onload=alert(5)>",
    "[click](javascript:alert(6)) ![t](https://tracker.example/p.png) :red[x] $x^2$",
]


@pytest.fixture(scope="module")
def hostile_csv(tmp_path_factory):
    rows = []
    for i, text in enumerate(HOSTILE):
        rows.append(row(id=f"h{i}", area=["Kratie", "Pursat", "Kep", "Kampot", "Takeo", "Kandal"][i], title=text,
                        claimant=text, source_publisher=text, source_title=text, notes=text,
                        source_url=f"https://example.org/{i}\"onmouseover=\"alert({i})"))
    rows.append(row(id="long", area="Koh Kong", title="ការបង្ក្រាប " + "مرحبا \u202e" + "x" * 150,
                    notes="n" * 2000, source_url="https://example.org/long"))
    path = tmp_path_factory.mktemp("hostile") / "events.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    return path


def test_hostile_text_runs_nothing_and_shows_literally(page, start_server, hostile_csv):
    server = start_server(hostile_csv)
    wait_for_app(page, server.url)
    frame = map_frame(page)
    page.frame_locator(f'iframe[title="{MAP_FRAME}"]').locator("path.province-KH-10").click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert HOSTILE[0] in popup.inner_text()
    page.get_by_text("Kratie · ក្រចេះ").wait_for(timeout=30_000)
    for target in (page, frame):
        assert target.locator("img[src='x'], svg[onload], script:has-text('alert(')").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.dialogs == []
    assert not page.locator('[data-testid="stException"]').count()

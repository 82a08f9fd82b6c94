"""Browser benchmark: ``python -m bench.browser [--runs 5]`` (needs Debian's chromium).

Times, in headless Chromium with every request to another origin aborted, what a
viewer waits for: page open to map drawn, a filter change to the map updated (in
the same frame), a province click to its breakdown, then one click on "Download card"
to its PNG saved, and the timeline's section opened to its chart drawn; and, as anchors, a bare
three-line Streamlit page open to its title, and a page with the same map and filters alone (no
headline or panels), open and filtered: what Streamlit and streamlit-folium cost by themselves.
Best and median of a few runs; these machines are noisy, so read the ratios to the anchors.
Nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.load import BARE_APP, ROOT, Server

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FRAME = 'iframe[title="streamlit_folium.st_folium"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _offline(page) -> None:
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
               else r.abort())


def _map_frame(page):
    page.wait_for_selector(FRAME, timeout=60_000)
    page.frame_locator(FRAME).locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
    return next(f for f in page.frames if "st_folium" in f.url)


def _open_and_filter(page, url: str) -> tuple[object, float, float]:
    """Page open → map drawn, then choosing Indonesia among the nationalities → Kratie's fill changed."""
    started = time.perf_counter()
    page.goto(url)
    leaflet = _map_frame(page)
    drawn = time.perf_counter() - started
    page.wait_for_selector(IDLE, timeout=60_000)

    kratie = "path.province-KH-10"
    before = leaflet.eval_on_selector(kratie, "el => el.getAttribute('fill')")
    page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').nth(1).click()
    page.keyboard.type("Indonesia")
    started = time.perf_counter()
    page.keyboard.press("Enter")
    leaflet.wait_for_function(f"() => document.querySelector('{kratie}').getAttribute('fill') !== '{before}'",
                              timeout=60_000)
    updated = time.perf_counter() - started
    page.keyboard.press("Escape")
    page.wait_for_selector(IDLE, timeout=60_000)
    return leaflet, drawn, updated


def dashboard_run(browser, url: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    _offline(page)
    leaflet, drawn, updated = _open_and_filter(page, url)

    started = time.perf_counter()
    # Banteay Meanchey (Poipet's Indonesians), chosen as a keyboard does: the middle of its outline's box lies
    # in Battambang, so a click there would choose the wrong province
    page.frame_locator(FRAME).locator("path.province-KH-1").focus()
    page.keyboard.press("Enter")
    # its breakdown, or that of the joint figure it is in under these filters
    page.get_by_role("heading", name=re.compile("^Banteay Meanchey")).first.wait_for(timeout=60_000)
    clicked = time.perf_counter() - started
    page.wait_for_selector(IDLE, timeout=60_000)

    started = time.perf_counter()
    with page.expect_download(timeout=60_000):
        page.get_by_text("Download card (PNG)").click()
    card = time.perf_counter() - started

    started = time.perf_counter()  # drawn only once asked for: its scripts are not part of the page's open
    section = page.locator('[data-testid="stExpander"]', has_text="Timeline · ").first
    section.get_by_text("Timeline · ").click()
    section.locator(".vega-embed svg").first.wait_for(timeout=60_000)
    timeline = time.perf_counter() - started
    page.close()
    return {"page open → map drawn s": drawn, "filter change → map updated s": updated,
            "province click → breakdown s": clicked, "download click → card PNG saved s": card,
            "timeline opened → drawn s": timeline}


# The dashboard's own map and filters on a page of their own: the floor for both of the dashboard's goals.
MAP_ALONE_APP = """
import streamlit as st
from dashboard import map_frame, sidebar
from views import selection

st.set_page_config(layout="wide")
sidebar.activate_language()
snapshot = selection.current().snapshot
view, _ = sidebar.current_view(*snapshot.period, snapshot.nationalities)
areas = selection.filtered(snapshot, view.filters, view.language).areas
map_frame.show(areas, (snapshot.key, repr(view.filters)), None, 560)
sidebar.draw(*snapshot.period, snapshot.nationalities)
"""


def map_alone_run(browser, url: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    _offline(page)
    _, drawn, updated = _open_and_filter(page, url)
    page.close()
    return {"map and filters alone: page open → map drawn s": drawn,
            "map and filters alone: filter change → map updated s": updated}


def bare_run(browser, url: str) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    _offline(page)
    started = time.perf_counter()
    page.goto(url)
    page.get_by_text("Bare page").wait_for(timeout=60_000)
    opened = time.perf_counter() - started
    page.close()
    return {"bare page open → title s": opened}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        bare_script, map_script = Path(folder) / "bare_app.py", Path(folder) / "map_alone_app.py"
        bare_script.write_text(BARE_APP)
        map_script.write_text(MAP_ALONE_APP)
        (Path(folder) / "static").symlink_to(ROOT / "static")  # Streamlit serves static/ beside the script
        for script, run in ((ROOT / "app.py", dashboard_run), (map_script, map_alone_run), (bare_script, bare_run)):
            server = Server(script, env={"PYTHONPATH": str(ROOT)})
            try:
                run(browser, f"http://127.0.0.1:{server.port}/")  # the first open fills the caches
                for _ in range(args.runs):
                    for name, seconds in run(browser, f"http://127.0.0.1:{server.port}/").items():
                        results.setdefault(name, []).append(seconds)
            finally:
                server.stop()
        browser.close()
    width = max(map(len, results))
    print(f"{'':{width}} {'best':>7} {'median':>7}")
    for name, values in results.items():
        print(f"{name:{width}} {min(values):7.3f} {statistics.median(values):7.3f}")
    median = {name: statistics.median(values) for name, values in results.items()}
    opened, alone = median["page open → map drawn s"], median["map and filters alone: page open → map drawn s"]
    changed = median["filter change → map updated s"] / median["map and filters alone: filter change → map updated s"]
    print(f"\nPage open → map drawn, median / bare page open: {opened / median['bare page open → title s']:.1f}x; "
          f"/ the map and filters alone: {opened / alone:.1f}x. Filter change, median / the map and filters alone: "
          f"{changed:.1f}x."
          "\nTargets: map drawn under 1.5 s; filter change → map updated under 300 ms, in the same frame.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

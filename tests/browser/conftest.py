"""Real-browser fixtures: a Streamlit server on a free port and offline Chromium.

There is no internet in CI. Leaflet and jQuery, which folium loads from public
CDNs, are fetched from the npm registry at test time (never committed) and
served in their place; every other outside request is answered empty.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

import folium
import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
LOCAL_HOSTS = ("127.0.0.1", "localhost")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, events_csv: Path | None = None):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if events_csv:
            env["EVENTS_CSV"] = str(events_csv)
        self.log = open(ARTIFACTS / f"streamlit-{self.port}.log", "w")  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"streamlit did not become healthy within {timeout} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def server(artifacts):
    running = Server()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def start_server(artifacts):
    started: list[Server] = []

    def start(events_csv: Path) -> Server:
        started.append(Server(events_csv))
        return started[-1]
    yield start
    for running in started:
        running.stop()


@pytest.fixture(scope="session")
def cdn_files(tmp_path_factory) -> dict[str, bytes]:
    """CDN URL -> file contents, for the scripts the map cannot work without."""
    folder = tmp_path_factory.mktemp("npm")
    wanted = {}
    for _name, url in folium.Map.default_js + folium.Map.default_css:
        match = re.search(r"(leaflet|jquery)[@-](\d+\.\d+\.\d+)", url)
        if match:
            wanted[url] = match.groups()
    packages = sorted({f"{name}@{version}" for name, version in wanted.values()})
    subprocess.run([shutil.which("npm") or "npm", "pack", *packages, "--pack-destination", str(folder)],
                   check=True, capture_output=True, timeout=300)
    files = {}
    for url, (name, version) in wanted.items():
        with tarfile.open(folder / f"{name}-{version}.tgz") as archive:
            inner = {"jquery": "package/dist/jquery.min.js"}.get(name) or "package/dist/" + url.rsplit("/", 1)[-1]
            files[url] = archive.extractfile(inner).read()
    assert any(u.endswith("leaflet.js") for u in files) and any("jquery" in u for u in files), files.keys()
    return files


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, cdn_files):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []

    def route(route, request):
        url = request.url
        host = url.split("/")[2].split(":")[0] if "://" in url else ""
        if host in LOCAL_HOSTS or url.startswith(("data:", "blob:", "about:")):
            return route.continue_()
        if url in cdn_files:
            kind = "text/css" if url.endswith(".css") else "application/javascript"
            return route.fulfill(status=200, body=cdn_files[url], content_type=kind)
        outside.append(url)
        return route.fulfill(status=200, body="", content_type="text/plain")

    context.route("**/*", route)
    page = context.new_page()
    page.outside_requests = outside
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def wait_for_app(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)

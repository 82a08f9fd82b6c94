"""``/lite``: the view rendered on the server, with no script, small, escaped, in either language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from events import figures
from events.loading import load_events
from geo.areas import AreaKey
from i18n import KHMER_FONT
from tests.conftest import RECORD_CSV, ROOT, csv_text, row

KHMER = re.compile("[\u1780-\u17ff]")


class Page(HTMLParser):
    """The tags, links and text of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [value for name, value in attrs if name == "href"]
        self.tags += [f"{tag}[{name}]" for name, _ in attrs if name.startswith("on")]

    def handle_data(self, data):
        self.text.append(data)


def test_kratie_has_its_figure_its_sources_and_no_script(client):
    response = client.get("/lite?province=Kratie")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = Page(response.text)
    assert "script" not in page.tags and not [t for t in page.tags if "[on" in t]
    text = " ".join(page.text)
    assert "312" in text and "Kratie" in text
    kratie = figures.areas(figures.collect(load_events(RECORD_CSV).events))[AreaKey(("KH-10",))]
    sources = {r.source.url for r in kratie.sources if r.source.url}
    assert sources and sources <= set(page.links)  # every source of the figure, linked
    assert all(link.startswith(("/", "https://", "http://", "?")) for link in page.links)


def test_the_page_and_its_assets_are_under_100_kb(client):
    html = client.get("/lite?province=Kratie").content
    font = (ROOT / "static" / "fonts" / "NotoSansKhmer.woff2").stat().st_size  # its only asset
    assert KHMER_FONT in html.decode()
    assert len(html) + font < 100_000, (len(html), font)


def test_the_map_is_an_svg_with_every_province_linked(client):
    page = client.get("/lite").text
    svg = page[page.index("<svg"):page.index("</svg>")]
    assert svg.count("<path") >= 24 and svg.count('<a href="/lite?') >= 24
    assert 'role="group"' in svg and "<title" in svg  # a group of links, named by its title


def test_filters_are_plain_links_that_keep_the_view(client):
    page = Page(client.get("/lite?lang=km&province=Kratie").text)
    filter_links = [link for link in page.links if "nationality=" in link]
    assert filter_links and all("lang=km" in link for link in filter_links)
    assert any(link.startswith("/?") and "province=Kratie" in link for link in page.links)  # the full dashboard


def test_the_khmer_page_is_khmer(client):
    response = client.get("/lite?lang=km")
    assert '<html lang="km">' in response.text
    headings = re.findall(r"<h[12]>(.*?)</h[12]>", response.text)
    assert headings and all(KHMER.search(h) for h in headings), headings


def test_bad_queries_give_the_pages_notices_and_unknown_places_a_404(client):
    response = client.get("/lite?start=bogus&colour=red")
    assert response.status_code == 200
    assert "Ignored URL start" in response.text and "Ignored unknown URL parameter" in response.text
    assert client.get("/lite?province=Atlantis").status_code == 404


def test_hostile_text_stays_text(client, write_csv, monkeypatch):
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    path = write_csv(csv_text([row(id="k", title=hostile, claimant=hostile, source_publisher=hostile,
                                   source_title=hostile)]))
    monkeypatch.setenv("EVENTS_CSV", str(path))
    response = client.get("/lite?province=Kratie")
    page = Page(response.text)
    assert "script" not in page.tags and "img" not in page.tags and not [t for t in page.tags if "[on" in t]
    assert "&lt;script&gt;" in response.text


@pytest.mark.parametrize("query", ["provinces=" + "A" * 3000, "province=Kratie&province=Pursat", "nationality=%00",
                                   "type=raid&status=victims&start=2025-07-20&end=2025-07-01"])
def test_odd_queries_never_give_a_server_error(client, query):
    assert client.get(f"/lite?{query}").status_code in (200, 404)

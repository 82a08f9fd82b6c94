"""Link previews: the page's HTML, as crawlers get it, says what the view shows."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import csv_text, row

CRAWLERS = ["TelegramBot (like TwitterBot)", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "WhatsApp/2.23.20.0", "Twitterbot/1.0", "Mozilla/5.0 (compatible; Googlebot/2.1)"]


def meta(page: str) -> dict[str, str]:
    return {name: html.unescape(content)
            for name, content in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', page)}


@pytest.mark.parametrize("agent", CRAWLERS)
def test_a_cards_link_previews_as_the_card(client, agent):
    page = client.get("/?province=Kratie&view=card", headers={"User-Agent": agent}).text
    tags = meta(page)
    assert tags["og:title"].startswith("Kratie: 312 people detained")
    assert "Not independently verified" in tags["og:description"] and tags["description"] == tags["og:description"]
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:url"] == "https://map.example.org/?province=Kratie&view=card"
    image = tags["og:image"]
    assert image.startswith("https://map.example.org/card.png?") and "province=Kratie" in image
    answer = client.get(image.removeprefix("https://map.example.org"))
    assert answer.status_code == 200 and answer.headers["content-type"] == "image/png"
    assert "<title>Kratie: 312 people detained" in page and "<title>Streamlit</title>" not in page
    assert "<noscript><h1>Kratie: 312 people detained" in page


def test_the_public_address_comes_from_the_environment(client, monkeypatch):
    monkeypatch.setenv("CRACKDOWN_PUBLIC_URL", "https://crackdown.example.net/")
    tags = meta(client.get("/?province=Kratie").text)
    assert tags["og:image"].startswith("https://crackdown.example.net/card.png?")


def test_the_national_view_previews_its_headline(client):
    tags = meta(client.get("/").text)
    assert "people detained" in tags["og:title"] and tags["og:image"].startswith("https://map.example.org/card.png")


def test_a_khmer_view_previews_in_khmer(client):
    page = client.get("/?province=Kratie&lang=km").text
    assert '<html lang="km">' in page and meta(page)["og:locale"] == "km_KH"
    assert meta(page)["og:title"].startswith("ក្រចេះ")


def test_hostile_text_stays_text_in_the_tags(client, write_csv, monkeypatch):
    hostile = '"><script>alert(1)</script>'
    path = write_csv(csv_text([row(id="k", title=hostile, claimant=hostile)]))
    monkeypatch.setenv("EVENTS_CSV", str(path))
    page = client.get("/?province=Kratie").text
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_a_view_with_nothing_to_say_keeps_the_page_as_it_is(client):
    page = client.get("/?province=Kratie&start=2020-01-01&end=2020-01-02").text  # no figure in that period
    assert "<title>Streamlit</title>" in page and "og:title" not in page  # the page itself is never broken


def test_an_unknown_place_previews_what_the_page_then_shows(client):
    assert "people detained" in meta(client.get("/?province=Atlantis").text)["og:title"]  # the national view


def test_other_paths_pass_untouched(client):
    assert client.get("/data/datapackage.json").headers["content-type"] == "application/json"


def test_the_light_page_names_itself_as_canonical(client):
    tags = meta(client.get("/lite?province=Kratie").text)
    assert tags["og:url"] == "https://map.example.org/lite?province=Kratie"
    assert '<link rel="canonical" href="https://map.example.org/lite?province=Kratie">' in client.get(
        "/lite?province=Kratie").text

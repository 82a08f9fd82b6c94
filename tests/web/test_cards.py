"""``/card.png`` and ``/card.svg``: the view's card by URL, cached by the data's version, with sentences for
what cannot be shown."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

import i18n


def test_kratie_card_by_url_is_the_link_preview_size(client):
    response = client.get("/card.png?province=Kratie")
    assert response.status_code == 200 and response.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(response.content)).size == (1200, 675)
    assert response.headers["etag"] and "max-age" in response.headers["cache-control"]
    assert re.fullmatch(r'inline; filename="crackdown-map_kratie_[a-z0-9-]+_landscape\.png"',
                        response.headers["content-disposition"])


@pytest.mark.parametrize(("format_name", "size"), [("square", (1080, 1080)), ("portrait", (1080, 1350))])
def test_each_format_by_url(client, format_name, size):
    response = client.get(f"/card.png?province=Kratie&format={format_name}")
    assert Image.open(io.BytesIO(response.content)).size == size


def test_the_svg_card_is_the_same_card_as_text(client):
    response = client.get("/card.svg?province=Kratie&lang=km")
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "Kratie" in response.text and "ក្រចេះ" in response.text and "<script" not in response.text


def test_an_unchanged_card_is_not_sent_again(client):
    first = client.get("/card.png?province=Pursat")
    again = client.get("/card.png?province=Pursat", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    other = client.get("/card.png?province=Kratie", headers={"If-None-Match": first.headers["etag"]})
    assert other.status_code == 200  # another view, another tag


def test_the_tag_follows_the_datas_version(client, write_csv, monkeypatch):
    from tests.conftest import SEED_CSV

    path = write_csv(SEED_CSV.read_bytes())
    monkeypatch.setenv("EVENTS_CSV", str(path))
    before = client.get("/card.png?province=Kratie").headers["etag"]
    path.write_bytes(path.read_bytes().replace(b"Cambodia makes 1,000 arrests", b"Cambodia makes 1,000 arrests!"))
    assert client.get("/card.png?province=Kratie").headers["etag"] != before


def test_unknown_places_and_formats_get_a_404_with_a_sentence(client):
    unknown = client.get("/card.png?province=Atlantis")
    assert unknown.status_code == 404 and "Atlantis" in unknown.text and unknown.headers["content-type"].startswith(
        "text/plain")
    assert client.get("/card.png?province=Kratie&format=poster").status_code == 404
    with i18n.use("km"):
        khmer = i18n._("There is no province called '{name}'. The provinces are named on the map and on the light "
                       "page (/lite).").format(name="Atlantis")
    assert client.get("/card.png?province=Atlantis&lang=km").text == khmer


def test_a_province_with_no_figure_under_the_filters_gets_a_404(client):
    response = client.get("/card.png?province=Kratie&start=2020-01-01&end=2020-01-02")
    assert response.status_code == 404 and "Kratie" in response.text


@pytest.mark.parametrize("query", ["start=bogus&province=Kratie", "province=Kratie&nationality=%00",
                                   "province=Kratie&view=nonsense&lang=fr", "provinces=" + "A" * 3000, "",
                                   "province=Kratie&province=Pursat"])
def test_bad_queries_never_give_a_server_error(client, query):
    response = client.get(f"/card.png?{query}")
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert Image.open(io.BytesIO(response.content)).size == (1200, 675)

"""``/data/…``: the file as published, its schema, and a view's figures with their sources, open to any site."""

from __future__ import annotations

import json

from events.schema import DATAPACKAGE
from tests.conftest import RECORD_CSV


def test_the_events_file_is_served_byte_for_byte(client):
    response = client.get("/data/events.csv")
    assert response.content == RECORD_CSV.read_bytes()
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["content-type"].startswith("text/csv")


def test_the_datapackage_is_served_as_it_is(client):
    response = client.get("/data/datapackage.json")
    assert response.json() == json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    assert response.headers["access-control-allow-origin"] == "*"


def test_kratie_figures_hold_the_312_with_its_sources_and_qualifiers(client):
    response = client.get("/data/figures.json?province=Kratie")
    assert response.headers["access-control-allow-origin"] == "*"
    document = response.json()
    assert document["area"]["name"] == "Kratie" and document["area"]["total"]["count"] == 312
    assert document["area"]["total"]["qualifier"] == "exact" and document["data_version"]
    [kratie] = [f for f in document["figures"] if f["value"]["count"] == 312 and f["area"] == "KH-10"]
    assert kratie["sources"] and all(s["url"] is None or s["url"].startswith("http") for s in kratie["sources"])
    assert all({"publisher", "title", "date", "csv_line", "claimant"} <= set(s) for s in kratie["sources"])


def test_a_national_view_lists_every_figure_under_its_filters_and_keeps_qualifiers(client):
    document = client.get("/data/figures.json?type=raid").json()
    assert document["area"] is None and document["view"] == {"type": ["raid"]}
    assert {f["event_type"] for f in document["figures"]} == {"raid"}
    qualified = [f for f in document["figures"] if f["value"]["qualifier"] in ("more_than", "at_least", "about")]
    assert qualified and all(f["value"]["label"][0] in ">≥~" for f in qualified)


def test_bad_queries_come_back_as_notices(client):
    document = client.get("/data/figures.json?start=bogus").json()
    assert any("start" in notice for notice in document["notices"])
    assert client.get("/data/figures.json?province=Atlantis").status_code == 404


def test_robots_may_index_every_page(client):
    assert client.get("/robots.txt").text == "User-agent: *\nAllow: /\n"

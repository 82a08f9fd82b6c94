"""The panels' tables: one row per source report, newest first, links only when http(s)."""

from dataclasses import replace

from events import figures
from tests.conftest import parse, row
from views import tables


def collected(rows):
    return figures.collect(parse(rows).events)


def test_sources_table_has_every_report_of_the_newest_figures_first():
    figs = collected([row(id="a", date_start="2025-07-01"),
                      row(id="a-2", same_figure_as="a", date_start="2025-07-01", count="12", qualifier="at_least",
                          source_publisher="Other", source_url="https://example.org/b"),
                      row(id="b", area="Pursat", date_start="2025-08-01", source_url="https://example.org/c")])
    table = tables.sources_table(tables.newest_first(figs.values()))
    assert list(table["csv line"]) == [4, 2, 3]
    assert list(table["reported"]) == ["10", "10", "≥12"]


def test_sources_table_links_only_web_addresses():
    [figure] = collected([row(id="a")]).values()
    report = figure.reports[0]
    unsafe = replace(figure, reports=(replace(report, source=replace(report.source, url="javascript:alert(1)")),))
    assert tables.sources_table([unsafe])["link"].tolist() == [None]


def test_disagreements_list_each_version_and_what_sums_use():
    figs = collected([row(id="a", count="270", qualifier="at_least"),
                      row(id="a-2", same_figure_as="a", count="270", qualifier="more_than",
                          source_publisher="Other", source_url="https://example.org/b"),
                      row(id="b", area="Pursat", source_url="https://example.org/c")])
    [disputed] = tables.disagreements_table(figs.values()).to_dict("records")
    assert disputed == {"figure": "Raid", "differs on": "number", "versions": "≥270 (Example News) · >270 (Other)",
                        "used": "≥270"}


def test_every_version_of_every_aspect_is_shown():
    numbers = ["271", "270", "272", "271", "269", "280"]
    rows = [row(id="p", area="Poipet", nationality="Indonesia", count=numbers[0], date_start="2025-07-16",
                status="suspects")]
    rows += [row(id=f"p{i}", same_figure_as="p", area="Poipet" if i < 4 else "Cambodia", nationality="Indonesia",
                 count=n, date_start="2025-07-16" if i != 2 else "2025-07-15",
                 status="victims" if i == 3 else "suspects", source_publisher=f"Outlet {i}",
                 source_url=f"https://example.org/{i}")
             for i, n in enumerate(numbers[1:], start=1)]
    figs = collected(rows)
    table = tables.disagreements_table(figs.values())
    versions = dict(zip(table["differs on"], table["versions"]))
    assert versions["number"].count("(") == 5  # 271 twice, then 270, 272, 269, 280: five versions, all shown
    assert versions["date"] == ("16 Jul 2025 (Example News, Outlet 1, Outlet 3, Outlet 4, Outlet 5) · "
                                "15 Jul 2025 (Outlet 2)")
    assert versions["status"].startswith("reported as suspects")
    assert "reported as victims (Outlet 3)" in versions["status"]
    assert versions["place"] == ("Poipet, Banteay Meanchey (Example News, Outlet 1, Outlet 2, Outlet 3) · "
                                 "Cambodia (Outlet 4, Outlet 5)")


def test_sources_that_name_different_towns_of_one_province_disagree_on_the_place():
    rows = [row(id="b", area="Svay Rieng", locality="Bavet", count="2044"),
            row(id="b2", same_figure_as="b", area="Svay Rieng", count="2223", source_url="https://example.org/2")]
    versions = dict(zip(*(tables.disagreements_table(collected(rows).values())[c] for c in ("differs on", "versions"))))
    assert versions["place"] == "Bavet, Svay Rieng (Example News) · Svay Rieng (Example News)"


def test_deportations_are_listed_apart_and_never_added_to_arrests():
    rows = [row(id="arrests", area="Cambodia", count="3075", qualifier="exact"),
            row(id="deported", area="Cambodia", count="48000", qualifier="more_than", measure="people_deported",
                date_start="2025-11", source_url="https://example.org/d"),
            row(id="deported-2", same_figure_as="deported", area="Cambodia", count="30000", qualifier="more_than",
                measure="people_deported", date_start="2025-11", source_publisher="Other",
                source_url="https://example.org/e")]
    result = parse(rows)
    assert result.problems == ()
    figs = figures.collect(result.events)
    assert [h.figure.id for h in figures.headlines(figs)] == ["arrests"]
    [national] = figures.areas(figs).values()
    assert national.total.words() == "3,075"
    [listed] = tables.other_measures_table(figs.values()).to_dict("records")
    assert (listed["counted"], listed["figure"], listed["sources"]) == ("people deported", ">48,000 / >30,000", 2)


def test_figures_without_a_start_or_year_are_listed_off_the_timeline():
    shown = tables.newest_first(collected([row(id="thais", date_start="XXXX-06-21"),
                                           row(id="to-date", date_start="..", date_end="2025-07-22"),
                                           row(id="raid", date_start="2025-07-15")]).values())
    assert [f.id for f in tables.on_timeline(shown)] == ["raid"]
    assert sorted(f.id for f in tables.off_timeline(shown)) == ["thais", "to-date"]


def test_the_timeline_draws_people_detained_and_events_without_a_number_only():
    shown = tables.newest_first(collected([
        row(id="raid"), row(id="deported", area="Cambodia", measure="people_deported", count="48000",
                            event_type="statement"),
        row(id="workforce", area="Cambodia", measure="workforce_estimate", count="150000", qualifier="about",
            event_type="report", status=""),
        row(id="order", event_type="order", count="", qualifier="", status="", measure="", area="")]).values())
    assert sorted(f.id for f in tables.on_timeline(shown)) == ["order", "raid"]


def test_the_sources_table_carries_each_rows_notes():
    figs = collected([row(id="k", notes="Government figure; the day is not given.")])
    assert list(tables.sources_table(figs.values())["note"]) == ["Government figure; the day is not given."]


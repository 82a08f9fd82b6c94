"""The third version of the format, each form on rows shaped like the real case it was made for."""

from __future__ import annotations

from events import figures
from events.filters import Filters, filter_events
from geo.areas import AreaKey
from tests.conftest import parse, row
from views import tables


def codes(result) -> set[str]:
    return {p.code for p in result.problems}


def test_a_handover_at_a_vietnamese_gate_is_counted_abroad_never_on_a_province():
    """92 Vietnamese handed over at the Moc Bai gate (21 Sep 2022), as Vietnamese media count them."""
    result = parse([row(id="moc-bai", area="", country="Vietnam", count="92", measure="people_handed_over",
                        nationality="Vietnam", date_start="2022-09-21"),
                    row(id="kratie", count="312")])
    assert result.problems == ()
    figs = figures.collect(result.events)
    assert [f.id for f in figures.abroad(figs)] == ["moc-bai"] and figs["moc-bai"].country_code == "VN"
    detained_abroad = parse([row(id="gate", area="Svay Rieng", country="Vietnam", count="40")])
    assert AreaKey(("KH-20",)) not in figures.areas(figures.collect(detained_abroad.events))  # never shaded


def test_the_country_column_is_for_other_countries():
    assert codes(parse([row(country="Cambodia")])) == {"country-is-cambodia"}
    assert codes(parse([row(country="Atlantis")])) == {"unknown-country"}
    assert codes(parse([row(area="", country="Thailand")])) == set()  # the place is the country
    assert codes(parse([row(area="")])) == {"count-needs-field"}  # in Cambodia, the province is still needed


def test_a_gambling_tally_heads_a_view_only_when_gambling_is_asked_for():
    """A larger gambling-only national tally (2023) must not become the headline of a view of scam compounds."""
    rows = [row(id="gambling", area="Cambodia", count="3000", scope="gambling", date_start="2023-08"),
            row(id="scam", area="Cambodia", count="1000", date_start="2023-08")]
    events = parse(rows).events
    assert [h.figure.id for h in figures.headlines(figures.collect(events))] == ["scam"]
    asked = frozenset({"gambling"})
    assert [h.figure.id for h in figures.headlines(figures.collect(filter_events(events, Filters(scopes=asked))),
                                                   asked)] == ["gambling"]
    assert [h.figure.id for h in figures.headlines(figures.collect(events), frozenset({"scam", "gambling"}))][0] \
        == "gambling"


def test_the_same_people_counted_two_ways_are_linked_side_by_side_never_added():
    """Poipet, Feb 2025: the Thai government's 215 rescued and Cambodian police's 230 detained."""
    result = parse([row(id="police-230", area="Poipet", count="230", date_start="2025-02-23"),
                    row(id="thai-215", area="Poipet", count="215", measure="people_rescued", status="victims",
                        date_start="2025-02-23", same_people_as="police-230")])
    assert result.problems == ()
    figs = figures.collect(result.events)
    assert figs["thai-215"].same_people == "police-230"
    [other] = tables.other_measures_table(figs.values()).to_dict("records")
    assert other["figure"] == "215" and other["same people as"].startswith("230 people detained")
    area = figures.areas(figs)[AreaKey(("KH-1",))]
    assert area.total.count == 230  # the rescue is never added to the arrests


def test_a_link_to_the_same_people_that_leads_nowhere_is_dropped_with_a_notice():
    result = parse([row(id="a", same_people_as="nowhere"), row(id="b", same_people_as="b")])
    assert {(p.column, p.code) for p in result.problems} == {("same_people_as", "missing-target"),
                                                            ("same_people_as", "self-reference")}
    assert len(result.events) == 2 and set(result.events["same_people"]) == {""}


def test_separate_parts_add_up_with_no_overlap_note():
    """Two sites raided the same week in one province, inside a national tally that says so."""
    rows = [row(id="tally", area="Cambodia", count="500", date_start="2025-07-14", date_end="2025-07-20"),
            row(id="site-a", area="Phnom Penh", count="120", part_of="tally", date_start="2025-07-15"),
            row(id="site-b", area="Phnom Penh", count="80", part_of="tally", date_start="2025-07-15")]
    assert "parts-overlap" in codes(parse(rows))
    rows[0] = {**rows[0], "parts_separate": "yes"}
    separate = parse(rows)
    assert "parts-overlap" not in codes(separate)
    [headline] = figures.headlines(figures.collect(separate.events))
    assert headline.parts_total.count == 200 and len(headline.parts) == 2


def test_suspects_and_victims_of_one_raid_never_overlap_and_are_not_a_headline():
    """Mondulkiri, 6 Mar 2025: of the 258 held, 14 suspected enforcers (and the rest passed to immigration)."""
    rows = [row(id="raid", area="Mondulkiri", count="258", date_start="2025-03-06"),
            row(id="enforcers", area="Mondulkiri", count="14", part_of="raid", group="suspects",
                date_start="2025-03-06"),
            row(id="others", area="Mondulkiri", count="243", part_of="raid", group="victims",
                date_start="2025-03-06")]
    result = parse(rows)
    assert result.problems == ()
    too_many = parse([*rows[:2], {**rows[2], "count": "250"}])
    assert codes(too_many) == {"parts-exceed"}  # 14 + 250 > 258: the sources' own numbers, noted


def test_measures_beyond_arrests_are_never_added_to_them():
    """The Indonesian embassy's count of nationals who came to it after leaving compounds (Jan–Feb 2026)."""
    result = parse([row(id="embassy", area="Phnom Penh", count="4725", measure="people_registered_with_embassy",
                        nationality="Indonesia", status="victims", date_start="2026-01-16", date_end="2026-02-22"),
                    row(id="raid", area="Phnom Penh", count="75", date_start="2026-01-16")])
    assert result.problems == ()
    figs = figures.collect(result.events)
    assert figures.areas(figs)[AreaKey(("KH-12",))].total.count == 75
    assert [r["counted"] for r in tables.other_measures_table(figs.values()).to_dict("records")] == [
        "people who came to their embassy after leaving a compound"]

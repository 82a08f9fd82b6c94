"""Each kind of cell or row mistake is reported at its line and column, and the row set aside."""

import pytest

from tests.conftest import parse, row

TWO = [row(id="a"), row(id="b")]  # the second row is on line 3


def second(**cells):
    return [row(id="a"), row(**{"id": "b", **cells})]


CASES = [
    ("malformed date", second(date_start="15/07/2025"), "date_start", "pattern", None),
    ("impossible date", second(date_start="2025-02-30"), "date_start", "invalid-date", None),
    ("month 13", second(date_start="2025-13"), "date_start", "invalid-date", None),
    ("future date", second(date_start="2999-01-01"), "date_start", "future-date", None),
    ("quarter as people write it", second(date_start="2025-Q3"), "date_start", "pattern", "2025-35"),
    ("season", second(date_start="2025-22"), "date_start", "invalid-date", "hemisphere"),
    ("open end", second(date_end=".."), "date_end", "invalid-date", "only a start"),
    ("year-less impossible day", second(date_start="XXXX-02-30"), "date_start", "invalid-date", None),
    ("interval in one cell", second(date_start="2025-06-27/2025-07-22"), "date_start", "pattern", "date_end"),
    ("end before start", second(date_end="2025-07-01"), "date_end", "period-reversed", None),
    ("future source date", second(source_date="2999-05"), "source_date", "future-date", None),
    ("negative count", second(count="-3"), "count", "integer", "is negative"),
    ("fractional count", second(count="2.5"), "count", "integer", "not a whole number"),
    ("thousands separator", second(count="1,000"), "count", "integer", "write digits only"),
    ("qualifier in count", second(count=">1000"), "count", "integer", "qualifier column"),
    ("not a number", second(count="many"), "count", "integer", None),
    ("unknown qualifier", second(qualifier="over"), "qualifier", "enum", None),
    ("qualifier hint", second(qualifier="at least"), "qualifier", "enum", "did you mean at_least?"),
    ("qualifier without count", second(count="", qualifier="exact"), "qualifier", "field-needs-count", None),
    ("count without qualifier", second(qualifier=""), "qualifier", "count-needs-field", None),
    ("count without status", second(status=""), "status", "count-needs-field", None),
    ("unknown status", second(status="arrested"), "status", "enum", None),
    ("unknown province", second(area="Kratei"), "area", "unknown-place", "did you mean Kratie?"),
    ("unknown nationality", second(nationality="Vietnames"), "nationality", "unknown-nationality",
     "did you mean Vietnam?"),
    ("unknown named nationality", second(nationalities_named="Thailand;Narnia"), "nationalities_named",
     "unknown-nationality", None),
    ("town outside area", second(area="Kratie", locality="Poipet"), "locality", "town-outside-area", None),
    ("unknown town", second(locality="Atlantis"), "locality", "unknown-town", None),
    ("javascript url", second(source_url="javascript:alert(1)"), "source_url", "pattern", None),
    ("ftp url", second(source_url="ftp://example.org/x"), "source_url", "pattern", None),
    ("url without host", second(source_url="https:///x"), "source_url", "url", None),
    ("duplicate id", [row(id="a"), row(id="a")], "id", "duplicate-id", None),
    ("bad id", second(id="Has Spaces"), "id", "pattern", None),
    ("missing required", second(title=""), "title", "required", None),
    ("unknown event type", second(event_type="arrest"), "event_type", "enum", None),
    ("self reference", second(part_of="b"), "part_of", "self-reference", None),
    ("self repeat", second(same_figure_as="b"), "same_figure_as", "self-reference", None),
    ("untraceable source", second(source_title="", source_url=""), "source_title", "untraceable", None),
    ("cell too long", second(notes="x" * 2001), "notes", "too-long", None),
    ("country with province", second(area="Cambodia;Kratie"), "area", "country-with-provinces", None),
    ("national for the country", second(area="National"), "area", "unknown-place", "did you mean Cambodia?"),
    ("a district of the area given first", second(area="Phnom Penh", locality="Steung Meanchy"), "locality",
     "unknown-town", "did you mean Mean Chey?"),
    ("range upside down", second(count="3000", count_high="2800"), "count_high", "range-reversed", None),
]


@pytest.mark.parametrize("rows, column, code, hint", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mistake_is_reported_where_it_is(rows, column, code, hint):
    result = parse(rows)
    located = [p for p in result.problems if p.line == 3 and p.column == column and p.code == code]
    assert located, result.problems
    assert hint is None or hint in located[0].message, located
    assert list(result.events["id"]) == ["a"]
    assert list(result.rejected["line"]) == [3]


def test_valid_rows_pass_without_problems():
    result = parse(TWO)
    assert result.problems == ()
    assert list(result.events["line"]) == [2, 3]


def test_aliases_are_normalised():
    result = parse([row(area="Sihanoukville", nationality="Vietnamese", nationalities_named="Thais;Burmese")])
    first = result.events.iloc[0]
    assert first["area_key"] == "KH-18"
    assert (first["nationality"], first["nationality_code"]) == ("Vietnamese", "VN")
    assert first["named_codes"] == "TH;MM"


def test_a_town_implies_its_province():
    first = parse([row(area="Poipet")]).events.iloc[0]
    assert (first["area_key"], first["town"]) == ("KH-1", "Poipet")


def test_several_provinces_make_a_joint_area():
    first = parse([row(area="Sihanoukville; Phnom Penh")]).events.iloc[0]
    assert first["area_key"] == "KH-12;KH-18"


def test_date_precision_is_kept_and_bounded():
    events = parse([row(id="a", date_start="2025-06"), row(id="b", date_start="2022")]).events
    assert list(events["date_start"]) == ["2025-06", "2022"]
    assert str(events.iloc[0]["start"].date()) == "2025-06-01"
    assert str(events.iloc[0]["end"].date()) == "2025-06-30"
    assert str(events.iloc[1]["end"].date()) == "2022-12-31"


def test_unknown_count_stays_blank_not_zero():
    events = parse([row(count="", qualifier="")]).events
    assert events.iloc[0]["count"] is not None and str(events.iloc[0]["count"]) == "<NA>"


def test_an_unknown_reference_is_reported_and_the_row_still_shown():
    result = parse(second(part_of="nowhere"))
    [problem] = result.problems
    assert (problem.line, problem.column, problem.code, problem.rejects_row) == (3, "part_of", "missing-target", False)
    assert list(result.events["id"]) == ["a", "b"]


@pytest.mark.parametrize("start, end", [
    ("2025-07-16?", ""), ("2025-07~", "2025-08"), ("2025-07-16%", ""), ("XXXX-06-21", "XXXX-07-07"),
    ("2025-35", ""), ("2025-41", ""), ("[2025-06,2025-07]", ""), ("..", "2025-07-22"),
])
def test_edtf_dates_are_accepted(start, end):
    result = parse([row(date_start=start, date_end=end)])
    assert result.problems == () and len(result.events) == 1


def test_a_qualifier_of_unnamed_nationalities_is_not_sent_to_the_counts_qualifier():
    [problem] = parse([row(nationalities_unnamed="at least 3")]).problems
    assert problem.column == "nationalities_unnamed" and "qualifier column" not in problem.message.split(";")[0]
    assert "notes" in problem.message


def test_a_repeat_of_its_own_page_with_the_same_number_is_a_problem_and_the_row_still_shown():
    rows = [row(id="a", count="319", claimant="Police"), row(id="b", same_figure_as="a", count="319",
                                                             claimant="Police")]
    result = parse(rows)
    assert [(p.line, p.code, p.rejects_row) for p in result.problems] == [(3, "repeat-same-source", False)]
    assert len(result.events) == 2  # shown, and reported: nothing the maintainer wrote is lost
    versions = [row(id="a", count="63"), row(id="b", same_figure_as="a", count="80", qualifier="about")]
    assert parse(versions).problems == ()  # one page giving two versions: a row for each


def test_a_repeat_a_year_from_its_first_report_is_noted():
    rows = [row(id="a", date_start="2024-03-16"), row(id="b", same_figure_as="a", date_start="2025-03-20",
                                                  source_url="https://example.org/b")]
    [note] = parse(rows).problems
    assert (note.line, note.code, note.is_note) == (3, "repeat-far-in-time", True)


@pytest.mark.parametrize(("container", "part", "column"), [
    ({"area": "Pursat"}, {"area": "Kratie"}, "area"),
    ({"area": "Kratie"}, {"area": "Cambodia"}, "area"),
    ({"nationality": "Vietnam"}, {"nationality": "China"}, "nationality"),
    ({"nationality": "foreigners"}, {"nationality": "Cambodia"}, "nationality"),
])
def test_a_part_that_cannot_lie_inside_its_container_is_a_problem(container, part, column):
    rows = [row(id="c", **container), row(id="p", part_of="c", count="1", **part)]
    assert [(p.line, p.column, p.code) for p in parse(rows).problems] == [(3, column, "part-outside-container")]


def test_parts_inside_their_container_pass():
    rows = [row(id="c", area="Cambodia", nationality="foreigners;Cambodia"),
            row(id="p", part_of="c", area="Kratie", nationality="Cambodia", count="1"),
            row(id="q", part_of="c", area="Pursat", nationality="Vietnam", count="1")]
    assert parse(rows).problems == ()


def test_one_page_described_two_ways_is_said_once_with_every_version():
    rows = [row(id="a"), row(id="b", source_publisher="Other News", source_date="2025-07-16"),
            row(id="c", source_publisher="Other News")]
    [problem] = parse(rows).problems
    assert (problem.line, problem.code) == (3, "source-differs")
    assert "'Example News' (line 2) or 'Other News' (lines 3, 4)" in problem.message
    assert "(blank) (lines 2, 4) or '2025-07-16' (line 3)" in problem.message

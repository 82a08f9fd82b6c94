"""Each kind of cell or row mistake is reported at its line and column, and the row set aside."""

import pytest

from tests.conftest import parse, row

TWO = [row(id="a"), row(id="b")]  # the second row is on line 3


def second(**cells):
    return [row(id="a"), row(**{"id": "b", **cells})]


CASES = [
    ("malformed date", second(date_start="15/07/2025"), "date_start", "is not a date"),
    ("impossible date", second(date_start="2025-02-30"), "date_start", "not a real calendar date"),
    ("month 13", second(date_start="2025-13"), "date_start", "not a real calendar date"),
    ("future date", second(date_start="2999-01-01"), "date_start", "is in the future"),
    ("end before start", second(date_end="2025-07-01"), "date_end", "is before date_start"),
    ("future source date", second(source_date="2999-05"), "source_date", "is in the future"),
    ("negative count", second(count="-3"), "count", "is negative"),
    ("fractional count", second(count="2.5"), "count", "not a whole number"),
    ("thousands separator", second(count="1,000"), "count", "write digits only"),
    ("qualifier in count", second(count=">1000"), "count", "qualifier column"),
    ("not a number", second(count="many"), "count", "is not a number"),
    ("unknown qualifier", second(qualifier="over"), "qualifier", "use one of: exact, more_than"),
    ("qualifier hint", second(qualifier="at least"), "qualifier", "did you mean at_least?"),
    ("qualifier without count", second(count="", qualifier="exact"), "qualifier", "count is blank"),
    ("count without qualifier", second(qualifier=""), "qualifier", "needs its qualifier"),
    ("count without status", second(status=""), "status", "needs its status"),
    ("unknown status", second(status="arrested"), "status", "unknown value"),
    ("unknown province", second(area="Kratei"), "area", "did you mean Kratie?"),
    ("unknown nationality", second(nationality="Vietnames"), "nationality", "did you mean Vietnam?"),
    ("two nationalities", second(nationality="Vietnam;China"), "nationality", "one nationality per row"),
    ("unknown named nationality", second(nationalities_named="Thailand;Narnia"), "nationalities_named", "Narnia"),
    ("town outside area", second(area="Kratie", locality="Poipet"), "locality", "not in the area"),
    ("unknown town", second(locality="Atlantis"), "locality", "unknown town"),
    ("javascript url", second(source_url="javascript:alert(1)"), "source_url", "only http:// and https://"),
    ("ftp url", second(source_url="ftp://example.org/x"), "source_url", "only http:// and https://"),
    ("url without host", second(source_url="https://"), "source_url", "http(s) address"),
    ("duplicate id", [row(id="a"), row(id="a")], "id", "already used on line 2"),
    ("bad id", second(id="Has Spaces"), "id", "not a valid id"),
    ("missing required", second(title=""), "title", "is required"),
    ("unknown event type", second(event_type="arrest"), "event_type", "unknown value"),
    ("unknown reference", second(part_of="nowhere"), "part_of", "no row has"),
    ("self reference", second(part_of="b"), "part_of", "own id"),
    ("self repeat", second(same_figure_as="b"), "same_figure_as", "own id"),
    ("untraceable source", second(source_title="", source_url=""), "source_title", "can be traced"),
    ("cell too long", second(notes="x" * 2001), "notes", "the limit is 2,000"),
    ("country with province", second(area="Cambodia;Kratie"), "area", "whole country"),
]


@pytest.mark.parametrize("rows, column, text", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_mistake_is_reported_where_it_is(rows, column, text):
    result = parse(rows)
    located = [p for p in result.problems if p.line == 3 and p.column == column]
    assert located, result.problems
    assert any(text in p.message for p in located), located
    assert list(result.events["id"]) == ["a"]
    assert list(result.rejected["line"]) == [3]


def test_valid_rows_pass_without_problems():
    result = parse(TWO)
    assert result.problems == ()
    assert list(result.events["line"]) == [2, 3]


def test_aliases_are_normalised():
    result = parse([row(area="Sihanoukville", nationality="Vietnamese", nationalities_named="Thais;Burmese")])
    first = result.events.iloc[0]
    assert (first["provinces"], first["scope"]) == ("KH-18", "province")
    assert first["nationality"] == "VN"
    assert first["nationalities_named"] == "TH;MM"


def test_a_town_implies_its_province():
    first = parse([row(area="Poipet")]).events.iloc[0]
    assert (first["provinces"], first["locality"]) == ("KH-1", "Poipet")


def test_several_provinces_make_a_joint_area():
    first = parse([row(area="Sihanoukville; Phnom Penh")]).events.iloc[0]
    assert (first["provinces"], first["scope"]) == ("KH-12;KH-18", "joint")


def test_date_precision_is_kept_and_bounded():
    events = parse([row(id="a", date_start="2025-06"), row(id="b", date_start="2022")]).events
    assert list(events["date_start"]) == ["2025-06", "2022"]
    assert str(events.iloc[0]["start"].date()) == "2025-06-01"
    assert str(events.iloc[0]["end"].date()) == "2025-06-30"
    assert str(events.iloc[1]["end"].date()) == "2022-12-31"


def test_unknown_count_stays_blank_not_zero():
    events = parse([row(count="", qualifier="")]).events
    assert events.iloc[0]["count"] is not None and str(events.iloc[0]["count"]) == "<NA>"

"""Links between rows: references, repeats by other sources, containers and their parts."""

from tests.conftest import parse, row

NATIONAL = row(id="nat", area="Cambodia", count="1000", qualifier="more_than")


def problems_at(result, line):
    return [p for p in result.problems if p.line == line]


def test_a_row_pointing_at_a_rejected_row_is_set_aside_too():
    result = parse([row(id="nat", area="Cambodia", count="x"), row(id="k", part_of="nat")])
    assert result.events.empty
    assert "which has a problem; fix that line first" in problems_at(result, 3)[0].message


def test_part_of_loop():
    result = parse([row(id="a", part_of="b"), row(id="b", part_of="a", area="Pursat")])
    assert {p.line for p in result.problems if "loop" in p.message} == {2, 3}
    assert result.events.empty


def test_repeat_must_point_at_the_first_report():
    rows = [row(id="a"), row(id="b", same_figure_as="a"), row(id="c", same_figure_as="b")]
    result = parse(rows)
    assert "point at 'a'" in problems_at(result, 4)[0].message


def test_repeat_must_count_the_same_people():
    result = parse([row(id="a"), row(id="b", same_figure_as="a", nationality="China")])
    assert "different group" in problems_at(result, 3)[0].message


def test_repeat_may_disagree_on_the_number():
    result = parse([row(id="a", count="270", qualifier="at_least"),
                    row(id="b", same_figure_as="a", count="270", qualifier="more_than")])
    assert result.problems == ()


def test_parts_exceeding_an_exact_container_are_reported_and_kept():
    rows = [row(id="k", count="312"), row(id="k-th", part_of="k", nationality="Thailand", count="200"),
            row(id="k-vn", part_of="k", nationality="Vietnam", count="150")]
    result = parse(rows)
    [problem] = result.problems
    assert (problem.line, problem.column, problem.rejects_row) == (2, "count", False)
    assert "add up to at least 350" in problem.message
    assert len(result.events) == 3  # both sides stay visible


def test_parts_within_a_lower_bound_container_are_fine():
    rows = [NATIONAL, row(id="k", part_of="nat", count="312"), row(id="p", part_of="nat", area="Pursat", count="27")]
    assert parse(rows).problems == ()


def test_overlapping_parts_are_rejected():
    rows = [NATIONAL, row(id="k", part_of="nat", count="312"),
            row(id="k-th", part_of="nat", nationality="Thailand", count="20")]
    result = parse(rows)
    assert "overlaps line 3" in problems_at(result, 4)[0].message
    assert list(result.events["id"]) == ["nat", "k"]


def test_parts_in_different_weeks_do_not_overlap():
    rows = [NATIONAL | {"date_end": "2025-08-30"}, row(id="k1", part_of="nat", date_start="2025-07-15"),
            row(id="k2", part_of="nat", date_start="2025-08-20")]
    assert parse(rows).problems == ()


def test_one_url_one_description():
    rows = [row(id="a"), row(id="b", area="Pursat", source_title="Another title")]
    [problem] = parse(rows).problems
    assert (problem.line, problem.column, problem.rejects_row) == (3, "source_title", False)

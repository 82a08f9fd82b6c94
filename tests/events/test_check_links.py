"""Links between rows: references, repeats by other sources, containers and their parts."""

import random

import pandas as pd

from events import figures
from events.integrity import check_parts
from events.values import Value
from geo.areas import AreaKey
from tests.conftest import parse, row

NATIONAL = row(id="nat", area="Cambodia", count="1000", qualifier="more_than")


def problems_at(result, line):
    return [p for p in result.problems if p.line == line]


def test_a_broken_row_rejects_only_itself_and_its_parts_are_shown_with_a_notice():
    result = parse([row(id="nat", area="Cambodia", count="x"), row(id="k", part_of="nat")])
    assert list(result.events["id"]) == ["k"] and list(result.rejected["line"]) == [2]
    [notice] = problems_at(result, 3)
    assert (notice.code, notice.cause, notice.rejects_row) == ("target-rejected", 2, False)
    assert result.events.iloc[0]["within"] == ""  # shown without the lost container


def test_the_first_repeat_of_a_lost_first_report_takes_its_place():
    rows = [row(id="k", count="x"), row(id="k-2", same_figure_as="k", source_url="https://example.org/b"),
            row(id="k-3", same_figure_as="k", source_url="https://example.org/c")]
    result = parse(rows)
    assert list(result.events["figure_id"]) == ["k-2", "k-2"]
    assert [(p.line, p.code, p.rejects_row) for p in result.problems] == [
        (2, "integer", True), (3, "target-rejected", False), (4, "target-rejected", False)]


def test_consequences_name_the_root_cause_and_come_after_it():
    rows = [row(id="nat", area="Cambodia", count="x"), row(id="k", part_of="nat"),
            row(id="k-2", same_figure_as="k", source_url="https://example.org/b"),
            row(id="p", area="Pursat", count="y")]
    result = parse(rows)
    assert [(p.line, p.code, p.cause) for p in result.problems] == [
        (2, "integer", None), (5, "integer", None), (3, "target-rejected", 2)]
    assert list(result.events["id"]) == ["k", "k-2"]


def test_part_of_loop_loses_its_closing_link_and_both_rows_are_shown():
    result = parse([row(id="a", part_of="b"), row(id="b", part_of="a", area="Cambodia")])
    assert [(p.line, p.code) for p in result.problems] == [(3, "part-of-loop")]
    assert dict(zip(result.events["id"], result.events["within"])) == {"a": "b", "b": ""}


def test_repeat_must_point_at_the_first_report():
    rows = [row(id="a"), row(id="b", same_figure_as="a", source_url="https://example.org/b"),
            row(id="c", same_figure_as="b", source_url="https://example.org/c")]
    result = parse(rows)
    [problem] = problems_at(result, 4)
    assert (problem.code, problem.rejects_row) == ("repeat-of-repeat", False) and "point at 'a'" in problem.message
    assert list(result.events["figure_id"]) == ["a", "a", "a"]  # followed to the first report


def test_a_repeat_may_disagree_on_who_was_counted_but_not_on_the_measure():
    result = parse([row(id="a"), row(id="b", same_figure_as="a", nationality="China", source_url="https://example.org/b"),
                    row(id="c", same_figure_as="a", measure="scam_compounds", status="")])
    assert [(p.line, p.code) for p in result.problems] == [(4, "repeat-differs")]
    assert list(result.events["id"]) == ["a", "b"]


def test_repeat_may_disagree_on_the_number():
    result = parse([row(id="a", count="270", qualifier="at_least"),
                    row(id="b", same_figure_as="a", count="270", qualifier="more_than")])
    assert result.problems == ()


def test_parts_exceeding_an_exact_container_are_reported_and_kept():
    rows = [row(id="k", count="312"), row(id="k-th", part_of="k", nationality="Thailand", count="200"),
            row(id="k-vn", part_of="k", nationality="Vietnam", count="150")]
    result = parse(rows)
    [problem] = result.problems
    assert (problem.line, problem.column, problem.code, problem.rejects_row) == (2, "count", "parts-exceed", False)
    assert "add up to at least 350" in problem.message  # the least the parts can mean
    assert len(result.events) == 3  # both sides stay visible


def test_parts_within_a_lower_bound_container_are_fine():
    rows = [NATIONAL, row(id="k", part_of="nat", count="312"), row(id="p", part_of="nat", area="Pursat", count="27")]
    assert parse(rows).problems == ()


def test_overlapping_parts_are_reported_shown_and_never_added():
    rows = [NATIONAL, row(id="k", part_of="nat", count="312"),
            row(id="k-th", part_of="nat", nationality="Thailand", count="20")]
    result = parse(rows)
    [problem] = result.problems
    assert (problem.line, problem.code, problem.rejects_row) == (4, "parts-overlap", False)
    kratie = figures.areas(figures.collect(result.events))[AreaKey(("KH-10",))]
    assert kratie.total == Value(312) and [f.id for f in kratie.beside] == ["k-th"]


def test_a_shorter_tally_inside_a_longer_one_is_no_overlap_notice_against_its_breakdown():
    rows = [NATIONAL | {"date_end": "2025-07-31"},
            row(id="week", part_of="nat", area="Cambodia", count="300", date_end="2025-07-20"),
            row(id="cn", part_of="nat", area="Cambodia", nationality="China", count="120", date_end="2025-07-31"),
            row(id="week2", part_of="nat", area="Cambodia", count="200", date_start="2025-07-18")]
    [problem] = parse(rows).problems  # the two tallies may overlap; the tally and the Chinese split of nat may too,
    assert (problem.line, problem.code) == (5, "parts-overlap")  # but that is how tallies are: no notice


def test_parts_in_different_weeks_do_not_overlap():
    rows = [NATIONAL | {"date_end": "2025-08-30"}, row(id="k1", part_of="nat", date_start="2025-07-15"),
            row(id="k2", part_of="nat", date_start="2025-08-20")]
    assert parse(rows).problems == ()


def test_one_url_one_description():
    rows = [row(id="a"), row(id="b", area="Pursat", source_title="Another title")]
    [problem] = parse(rows).problems
    assert (problem.line, problem.column, problem.rejects_row) == (3, "source_title", False)


def test_a_part_must_point_at_the_first_report_of_its_container():
    rows = [NATIONAL, row(id="nat-b", same_figure_as="nat", area="Cambodia", count="1000", qualifier="more_than",
                          source_url="https://example.org/b"),
            row(id="k", part_of="nat-b")]
    result = parse(rows)
    [problem] = problems_at(result, 4)
    assert (problem.column, problem.code, problem.rejects_row) == ("part_of", "part-of-repeat", False)
    assert "point part_of at 'nat'" in problem.message
    assert dict(zip(result.events["id"], result.events["within"])) == {"nat": "", "nat-b": "", "k": "nat"}


def test_a_repeat_may_report_the_figure_at_another_grain_of_place():
    result = parse([row(id="a", area="Poipet"),
                    row(id="b", same_figure_as="a", area="Cambodia", source_url="https://example.org/b")])
    assert result.problems == () and list(result.events["figure_id"]) == ["a", "a"]


def test_parts_sum_their_least_possible_values():
    # >200 and >198 mean at least 201 + 199 = 400 people; "about 50" guarantees none.
    rows = [row(id="k", count="399"),
            row(id="k-th", part_of="k", nationality="Thailand", count="200", qualifier="more_than"),
            row(id="k-vn", part_of="k", nationality="Vietnam", count="198", qualifier="more_than"),
            row(id="k-cn", part_of="k", nationality="China", count="50", qualifier="about")]
    [problem] = parse(rows).problems
    assert (problem.line, problem.code) == (2, "parts-exceed")
    assert "(lines 3, 4, 5) add up to at least 400, more than this figure's 399" in problem.message


def test_parts_overlap_when_one_narrows_everything_the_other_narrows():
    rows = [NATIONAL | {"date_end": "2025-08-30"},
            row(id="joint", part_of="nat", area="Pursat;Kratie", nationality="China"),  # place and nationality
            row(id="chinese", part_of="nat", area="Cambodia", nationality="China"),  # nationality: overlaps it
            row(id="women", part_of="nat", area="Cambodia", sex="female"),  # sex only: another dimension
            row(id="kep", part_of="nat", area="Kep", nationality="Vietnam"),
            row(id="chinese-later", part_of="nat", area="Cambodia", nationality="China", date_start="2025-08-20")]
    result = parse(rows)
    assert {(p.line, p.code, p.message.split(":")[0]) for p in result.problems} == {
        (4, "parts-overlap", "overlaps line 3")}


def test_overlaps_are_those_found_by_comparing_every_pair():
    rng = random.Random(7)
    containers = [{"id": f"c{i}", "part_of": "", "area_key": "KH", "nationality_code": "",
                   "sex": "", "measure": "people_detained", "count": 10**6, "qualifier": "exact",
                   "start": pd.Timestamp("2025-01-01"), "end": pd.Timestamp("2025-12-31")} for i in range(3)]
    parts = []
    for i in range(150):
        provinces = ";".join(sorted(rng.sample(["KH-1", "KH-2", "KH-10"], rng.choice([0, 1, 1, 2]))))
        start = pd.Timestamp("2025-03-01") + pd.Timedelta(days=rng.randrange(40))
        parts.append({"id": f"p{i}", "part_of": rng.choice(containers)["id"], "area_key": provinces or "KH",
                      "nationality_code": rng.choice(["", "CN", "VN"]), "sex": rng.choice(["", "", "female"]),
                      "measure": rng.choice(["people_detained", "people_detained", "scam_compounds"]),
                      "count": 1, "qualifier": "exact", "start": start,
                      "end": start + pd.Timedelta(days=rng.randrange(6))})
    frame = pd.DataFrame(containers + parts)
    frame = frame.assign(figure_id=frame["id"], within=frame["part_of"], group="", parts_separate="")
    frame["line"] = range(2, len(frame) + 2)

    def shares_place(a, b):
        return "KH" in (a["area_key"], b["area_key"]) or bool(
            set(a["area_key"].split(";")) & set(b["area_key"].split(";")))

    def compatible(a, b, column):
        return a[column] == b[column] or "" in (a[column], b[column])

    def dimensions(part):  # what it narrows of its (national, all-nationality, both-sex) container
        return {d for d, narrowed in zip("pns", (part["area_key"] != "KH", part["nationality_code"] != "",
                                                 part["sex"] != "")) if narrowed}

    rows = frame.iloc[3:].to_dict("records")
    expected = {(a["line"], b["line"]) for i, a in enumerate(rows) for b in rows[i + 1:]
                if a["part_of"] == b["part_of"] and a["measure"] == b["measure"] == "people_detained"  # the containers'
                and shares_place(a, b) and (dimensions(a) <= dimensions(b) or dimensions(b) <= dimensions(a))
                and (dimensions(a) == dimensions(b) or (dimensions(a) and dimensions(b)))  # a sub-period tally:
                                                                                          # no notice
                and a["start"] <= b["end"] and b["start"] <= a["end"]
                and compatible(a, b, "nationality_code") and compatible(a, b, "sex")}
    problems = check_parts(frame)
    found = {(int(p.message.split()[2].rstrip(":")), p.line) for p in problems if p.code == "parts-overlap"}
    assert len(expected) > 50 and found == expected

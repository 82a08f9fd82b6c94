"""For any file, every row read is either shown or set aside with a problem at its line, and the
links of the rows shown lead only to rows shown (a property test over generated files)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import parse, row

IDS = ["a", "b", "c", "d", "e"]
cells = st.fixed_dictionaries({
    "id": st.sampled_from(IDS),
    "same_figure_as": st.sampled_from(["", "", "", *IDS, "lost"]),
    "part_of": st.sampled_from(["", "", *IDS, "a;b", "c;lost"]),
    "area": st.sampled_from(["Kratie", "Pursat", "Cambodia", "Phnom Penh;Sihanoukville", "Kratei", ""]),
    "nationality": st.sampled_from(["", "", "Vietnam", "China", "Martian"]),
    "count": st.sampled_from(["10", "300", "", "x", "-1"]),
    "qualifier": st.sampled_from(["exact", "at_least", "about", ""]),
    "date_start": st.sampled_from(["2025-07-15", "2025-07", "2025-07-20", "2025-13-01", "2025-07-16?", "XXXX-06-21",
                                   "..", "2025-35", "2025-22", "[2025-06,2025-07]"]),
    "measure": st.sampled_from(["people_detained", "people_detained", "scam_compounds"]),
    "sex": st.sampled_from(["", "", "female"]),
})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cells, min_size=1, max_size=12))
def test_rows_read_are_rows_shown_plus_rows_set_aside(rows):
    result = parse([row(**cells) for cells in rows])
    shown, set_aside = set(result.events["line"]), set(result.rejected["line"])
    assert len(shown) + len(set_aside) == len(rows) and not shown & set_aside
    rejecting = {p.line for p in result.problems if p.rejects_row}
    assert set_aside <= rejecting and not shown & rejecting
    firsts = set(result.events.loc[result.events["figure_id"] == result.events["id"], "id"])
    assert set(result.events["figure_id"]) <= firsts
    assert {c for text in result.events["within"] for c in text.split(";") if c} <= firsts

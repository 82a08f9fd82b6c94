from datetime import date

from events.filters import Filters, filter_events, named_without_count, period_covered
from tests.conftest import parse, row


def test_period_keeps_rows_that_overlap_it(seed_result):
    shown = filter_events(seed_result.events, Filters(start=date(2025, 7, 16), end=date(2025, 7, 31)))
    assert "kratie-2025-07" in set(shown["id"])  # 14–16 July overlaps
    assert "amnesty-compounds-2025-06" not in set(shown["id"])
    assert "mass-raids-2024" not in set(shown["id"])


def test_repeats_follow_their_figure(seed_result):
    shown = filter_events(seed_result.events, Filters(provinces=frozenset({"KH-10"})))
    assert set(shown["id"]) == {"kratie-2025-07", "kratie-2025-07-abc"}


def test_joint_rows_match_either_province(seed_result):
    shown = filter_events(seed_result.events, Filters(provinces=frozenset({"KH-18"})))
    assert "pp-shv-2025-07-taiwan" in set(shown["id"])


def test_nationality_filter_and_named_without_count(seed_result):
    events = seed_result.events
    shown = filter_events(events, Filters(nationalities=frozenset({"TH"})))
    assert shown.empty  # no row counts Thai nationals
    assert list(named_without_count(events, Filters(nationalities=frozenset({"TH"})))["id"]) == ["kratie-2025-07"]
    assert named_without_count(events, Filters(nationalities=frozenset({"TH"}), provinces=frozenset({"KH-15"}))).empty


def test_named_without_count_reads_every_source_of_a_figure():
    rows = [row(id="k", count="312"),
            row(id="k-2", same_figure_as="k", count="312", nationalities_named="Myanmar",
                source_url="https://example.org/b"),
            row(id="vn", part_of="k", count="20", nationality="Vietnam", nationalities_named="Myanmar")]
    named = named_without_count(parse(rows).events, Filters(nationalities=frozenset({"MM"})))
    assert list(named["id"]) == ["k"]  # named by its second source; the Vietnamese part names it for itself


def test_event_type_and_status(seed_result):
    shown = filter_events(seed_result.events, Filters(event_types=frozenset({"report"}), statuses=frozenset()))
    assert set(shown["event_type"]) == {"report"}
    suspects = filter_events(seed_result.events, Filters(statuses=frozenset({"suspects"})))
    assert set(suspects["status"]) == {"suspects"}


def test_a_date_without_its_year_is_in_no_chosen_period_and_outside_the_filter_range():
    events = parse([row(id="thais", date_start="XXXX-06-21", date_end="XXXX-07-07"),
                    row(id="to-date", date_start="..", date_end="2025-07-22"),
                    row(id="raid", date_start="2025-07-15")]).events
    assert set(filter_events(events, Filters())["id"]) == {"thais", "to-date", "raid"}
    july = filter_events(events, Filters(start=date(2025, 7, 1), end=date(2025, 7, 31)))
    assert set(july["id"]) == {"to-date", "raid"}
    early_july = filter_events(events, Filters(start=date(2025, 7, 1), end=date(2025, 7, 15)))
    assert set(early_july["id"]) == {"raid"}  # the tally to 22 July may have begun then, but is not known to
    assert set(filter_events(events, Filters(start=date(2025, 8, 1)))["id"]) == set()
    assert period_covered(events) == (date(2025, 7, 15), date(2025, 7, 22))

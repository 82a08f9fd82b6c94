from datetime import date

from events.loading import load_events
from events.selection import Selection, named_without_count, select
from tests.conftest import SEED_CSV


def seed():
    return load_events(SEED_CSV).events


def test_period_keeps_rows_that_overlap_it():
    chosen = select(seed(), Selection(start=date(2025, 7, 16), end=date(2025, 7, 31)))
    assert "kratie-2025-07" in set(chosen["id"])  # 14–16 July overlaps
    assert "amnesty-compounds-2025-06" not in set(chosen["id"])
    assert "mass-raids-2024" not in set(chosen["id"])


def test_repeats_follow_their_figure():
    chosen = select(seed(), Selection(provinces=frozenset({"KH-10"})))
    assert set(chosen["id"]) == {"kratie-2025-07", "kratie-2025-07-abc"}


def test_joint_rows_match_either_province():
    chosen = select(seed(), Selection(provinces=frozenset({"KH-18"})))
    assert "pp-shv-2025-07-taiwan" in set(chosen["id"])


def test_nationality_filter_and_named_without_count():
    events = seed()
    chosen = select(events, Selection(nationalities=frozenset({"TH"})))
    assert chosen.empty  # no row counts Thai nationals
    assert list(named_without_count(events, frozenset({"TH"}))["id"]) == ["kratie-2025-07"]


def test_event_type_and_status():
    chosen = select(seed(), Selection(event_types=frozenset({"report"}), statuses=frozenset()))
    assert set(chosen["event_type"]) == {"report"}
    suspects = select(seed(), Selection(statuses=frozenset({"suspects"})))
    assert set(suspects["status"]) == {"suspects"}

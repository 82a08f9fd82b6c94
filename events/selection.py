"""Which rows a view shows: period, provinces, nationalities, event types, statuses.

A row is in a period when its dates overlap it. A figure's repeats (other
sources) go with it, so filtering never splits a figure from its sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from events.fields import SEPARATOR


@dataclass(frozen=True)
class Selection:
    start: date | None = None
    end: date | None = None
    provinces: frozenset[str] = frozenset()  # ISO codes; empty: all
    nationalities: frozenset[str] = frozenset()  # alpha-2 codes; empty: all
    event_types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()


def select(events: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    keep = pd.Series(True, index=events.index)
    if selection.start is not None:
        keep &= events["end"] >= pd.Timestamp(selection.start)
    if selection.end is not None:
        keep &= events["start"] <= pd.Timestamp(selection.end)
    if selection.provinces:
        codes = events["provinces"].str.split(SEPARATOR)
        keep &= codes.map(lambda c: bool(selection.provinces.intersection(c)))
    if selection.nationalities:
        keep &= events["nationality"].isin(selection.nationalities)
    if selection.event_types:
        keep &= events["event_type"].isin(selection.event_types)
    if selection.statuses:
        keep &= events["status"].isin(selection.statuses)
    # keep whole figures: a repeat follows its first report
    first_ids = set(events.loc[keep & (events["same_figure_as"] == ""), "id"])
    keep = (keep & (events["same_figure_as"] == "")) | events["same_figure_as"].isin(first_ids)
    return events[keep]


def named_without_count(events: pd.DataFrame, nationalities: frozenset[str]) -> pd.DataFrame:
    """Figures for all nationalities that name one of these among those counted, without a number."""
    if not nationalities:
        return events.iloc[0:0]
    named = events["nationalities_named"].str.split(SEPARATOR)
    mask = (events["same_figure_as"] == "") & named.map(lambda n: bool(nationalities.intersection(n)))
    return events[mask]

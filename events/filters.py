"""Which rows a view shows: period, provinces, nationalities, event types, statuses.

A row is in a period when its dates overlap it; a row whose start is not stated, when
its end falls in it; a row whose year is not stated is in no chosen period (it is shown
when the period is left open). A figure's repeats (other
sources) go with it, so filtering never splits a figure from its sources.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from events.dates import OPEN, UNKNOWN_YEAR, year_known
from events.schema import LIST_SEPARATOR
from events.vocabulary import FOREIGN
from geo.areas import AreaKey


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    provinces: frozenset[str] = frozenset()  # ISO 3166-2 codes; empty: all
    nationalities: frozenset[str] = frozenset()  # ISO 3166-1 alpha-2 codes; empty: all
    event_types: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    scopes: frozenset[str] = frozenset()  # scam, gambling, trafficking, mixed; a blank scope is scam


def filter_events(events: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    keep = pd.Series(True, index=events.index)
    if filters.start is not None or filters.end is not None:
        # a date without its year cannot be said to fall in a chosen period
        keep &= ~(events["date_start"].str.startswith(UNKNOWN_YEAR) | events["date_end"].str.startswith(UNKNOWN_YEAR))
    # a row whose start is not stated ("to date") is in a period when its end is: that much is known
    starts = events["start"].where(events["date_start"] != OPEN, events["end"])
    if filters.start is not None:
        keep &= events["end"] >= pd.Timestamp(filters.start)
    if filters.end is not None:
        keep &= starts <= pd.Timestamp(filters.end)
    if filters.provinces:
        touches = {key: bool(filters.provinces.intersection(AreaKey.parse(key).codes))
                   for key in events["area_key"].unique().tolist() if key}
        keep &= events["area_key"].map(touches).fillna(False).astype(bool)
    if filters.nationalities:
        counts = {text: not filters.nationalities.isdisjoint(text.split(LIST_SEPARATOR))
                  for text in events["nationality_code"].unique().tolist()}
        keep &= events["nationality_code"].map(counts).astype(bool)
    if filters.event_types:
        keep &= events["event_type"].isin(filters.event_types)
    if filters.statuses:
        keep &= events["status"].isin(filters.statuses)
    if filters.scopes:
        keep &= events["scope"].replace("", "scam").isin(filters.scopes)
    # keep whole figures: a repeat follows its first report
    first = events["figure_id"] == events["id"]
    keep = events["figure_id"].isin(set(events.loc[keep & first, "id"]))
    return events[keep]


def period_covered(events: pd.DataFrame) -> tuple[date, date]:
    """First and last day of the dates whose year is known (the period filter's range), never after today."""
    starts = events.loc[events["date_start"].map(year_known), "start"]
    ends = events.loc[events["date_end"].where(events["date_end"] != "", events["date_start"]).map(year_known), "end"]
    today = date.today()
    first = starts.min().date() if len(starts) else today
    last = min(ends.max().date(), today) if len(ends) else today
    return first, max(first, last)


def nationalities_counted(events: pd.DataFrame) -> list[str]:
    """The nationalities some figure counts, alone or in a set counted together, for the filter."""
    codes = {c for text in events["nationality_code"].unique().tolist() for c in text.split(LIST_SEPARATOR)}
    return sorted(codes - {"", FOREIGN})


def named_without_count(events: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """First rows of the figures of people detained, under every filter but nationality, that count all
    nationalities and whose sources name one of the filter's nationalities among them without a number."""
    if not filters.nationalities:
        return events.iloc[0:0]
    events = filter_events(events, replace(filters, nationalities=frozenset()))
    named = events["named_codes"].str.split(LIST_SEPARATOR)
    naming = named.map(lambda n: bool(filters.nationalities.intersection(n)))
    figure_ids = set(events.loc[naming, "figure_id"])
    first = events["figure_id"] == events["id"]
    keep = first & events["id"].isin(figure_ids) & (events["nationality_code"] == "")
    return events[keep & (events["measure"] == "people_detained")]

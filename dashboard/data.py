"""Loading and aggregation, cached so a filter change costs milliseconds.

The file is re-read only when its modification time or size changes; each
set of filters' figures is computed once and shared by every session.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from events import figures
from events.dates import latest
from events.filters import Filters, filter_events, named_without_count
from events.loading import LoadResult, events_path, load_events
from geo.areas import AreaKey
from views import tables

CONTEXT_MEASURES = ("workforce_estimate", "scam_compounds")  # figures shown as context, not mapped


@dataclass(frozen=True)
class Snapshot:
    result: LoadResult
    as_of: str  # latest date written in the data: events or sources
    figure_count: int  # figures in the file (a figure is a first report and its repeats)

    @cached_property
    def context_figures(self) -> list[figures.Figure]:
        """Estimates and counts of compounds: background to the arrests, never added to them."""
        events = self.result.events
        return list(figures.collect(events[events["measure"].isin(CONTEXT_MEASURES)]).values())


def file_key() -> tuple[str, int, int]:
    path = events_path()
    stat = path.stat()  # OSError here is shown by the app as an unreadable file
    return str(path), stat.st_mtime_ns, stat.st_size


@st.cache_resource(show_spinner="Reading the events file…", max_entries=4)
def snapshot(key: tuple[str, int, int]) -> Snapshot:
    result = load_events(Path(key[0]))
    dates = pd.concat([result.events["date_end"], result.events["date_start"], result.events["source_date"]])
    return Snapshot(result, latest(dates.unique().tolist()),
                    int((result.events["figure_id"] == result.events["id"]).sum()))


@dataclass(frozen=True)
class Filtered:
    """The figures under one set of filters, and the panels' tables built from them."""

    events: pd.DataFrame
    figures: dict[str, figures.Figure]
    areas: dict[AreaKey, figures.Area]  # people detained, by area
    headlines: list[figures.Headline]
    named_only: pd.DataFrame  # figures that name a chosen nationality without counting it

    # Built on first use and kept with the cached entry.
    @cached_property
    def newest_first(self) -> list[figures.Figure]:
        return tables.newest_first(self.figures.values())

    @cached_property
    def timeline(self) -> list[figures.Figure]:
        return tables.on_timeline(self.newest_first)

    @cached_property
    def off_timeline(self) -> list[figures.Figure]:
        return tables.off_timeline(self.newest_first)

    @cached_property
    def sources(self) -> pd.DataFrame:
        return tables.sources_table(self.newest_first)

    @cached_property
    def other_measures(self) -> pd.DataFrame:
        return tables.other_measures_table(self.newest_first)

    @cached_property
    def disagreements(self) -> pd.DataFrame:
        return tables.disagreements_table(self.newest_first)

    def area_of(self, code: str) -> AreaKey:
        """The area a clicked province belongs to: its own, or the joint area it is part of."""
        own = AreaKey((code,))
        if own in self.areas:
            return own
        return next((key for key in self.areas if key.scope == "joint" and code in key.codes), own)


@st.cache_resource(max_entries=64, show_spinner=False)
def filtered(key: tuple[str, int, int], _filters: Filters, filters_key: str) -> Filtered:
    """Figures under some filters; ``filters_key`` is the filters' stable text form (the cache key)."""
    everything = snapshot(key).result.events
    events = filter_events(everything, _filters)
    figs = figures.collect(events)
    return Filtered(events, figs, figures.areas(figs), figures.headlines(figs),
                    named_without_count(everything, _filters))

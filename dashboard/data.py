"""Loading and aggregation, cached so a filter change costs milliseconds.

The file is re-read only when its modification time or size changes; each
selection's figures are computed once and shared by every session.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import tables
from events import figures
from events.loading import LoadResult, events_path, load_events
from events.selection import Selection, select


@dataclass(frozen=True)
class Snapshot:
    result: LoadResult
    as_of: str  # latest date written in the data: events or sources
    figure_count: int  # figures in the file (a figure is a first report and its repeats)


def file_key() -> tuple[str, int, int]:
    path = events_path()
    stat = path.stat()  # OSError here is shown by the app as an unreadable file
    return str(path), stat.st_mtime_ns, stat.st_size


@st.cache_resource(show_spinner="Reading the events file…", max_entries=4)
def snapshot(key: tuple[str, int, int]) -> Snapshot:
    result = load_events(Path(key[0]))
    dates = pd.concat([result.events["date_end"], result.events["date_start"], result.events["source_date"]])
    return Snapshot(result, max((d for d in dates.tolist() if d), default=""),
                    int((result.events["same_figure_as"] == "").sum()))


@dataclass(frozen=True)
class Selected:
    events: pd.DataFrame
    figures: dict[str, figures.Figure]
    areas: dict[str, figures.Area]  # people detained, by place
    headlines: list[figures.Headline]

    # The panels' tables, built on first use and kept with the cached selection.
    @cached_property
    def newest_first(self) -> list[figures.Figure]:
        return tables.newest_first(self.figures.values())

    @cached_property
    def timeline(self) -> list[figures.Figure]:
        return tables.on_timeline(self.newest_first)

    @cached_property
    def sources(self) -> pd.DataFrame:
        return tables.sources_table(self.newest_first)

    @cached_property
    def disagreements(self) -> pd.DataFrame:
        return tables.disagreements_table(self.newest_first)


@st.cache_resource(max_entries=64, show_spinner=False)
def selected(key: tuple[str, int, int], selection_key: str, _selection: Selection) -> Selected:
    """Figures for one selection; ``selection_key`` is the selection's stable text form."""
    events = select(snapshot(key).result.events, _selection)
    figs = figures.collect(events)
    return Selected(events, figs, figures.areas(figs), figures.headlines(figs))

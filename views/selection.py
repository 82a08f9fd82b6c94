"""What a view shows: the events file as read (``Snapshot``) and the figures under one set of filters
(``Filtered``), each built once and shared by every session of the dashboard and every route beside it (card
images, the light page, open data).

The file is re-read only when it changes (size, times or inode); each set of filters' figures is computed once
per language. While the file cannot be read, the last good version is shown, with a notice (``current``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path

import pandas as pd
from babel.dates import format_datetime
from cachetools import LRUCache, cached

import i18n
from events import figures
from events.dates import latest
from events.filters import Filters, filter_events, named_without_count, nationalities_counted, period_covered
from events.limits import FileRefusedError
from events.loading import DataVersion, LoadResult, events_path, load_events
from geo.areas import AreaKey
from i18n import _, ngettext, number
from views import charts, tables

# figures shown as context in About, not mapped: estimates, and counts of things rather than people
CONTEXT_MEASURES = ("workforce_estimate", "scam_compounds", "entities_sanctioned", "licences_revoked", "sites_closed")


@dataclass(frozen=True)
class Snapshot:
    key: tuple  # the file version it was read from (see file_key)
    result: LoadResult
    as_of: str  # latest date written in the data: events or sources
    figure_count: int  # figures in the file (a figure is a first report and its repeats)

    @property
    def version(self) -> DataVersion:
        return self.result.version

    @cached_property
    def period(self) -> tuple[date, date]:
        """The range of the period filter: computed once per file version, not on every rerun."""
        return period_covered(self.result.events)

    @cached_property
    def nationalities(self) -> list[str]:
        return nationalities_counted(self.result.events)

    @cached_property
    def context_figures(self) -> list[figures.Figure]:
        """Estimates and counts of compounds: background to the arrests, never added to them."""
        events = self.result.events
        return list(figures.collect(events[events["measure"].isin(CONTEXT_MEASURES)]).values())


def file_key() -> tuple[str, int, int, int, int]:
    """Path, size, modification and change times, inode: any edit or replacement changes it, even one that
    keeps the size and restores the modification time (the change time cannot be set back)."""
    path = events_path()
    info = path.stat()  # OSError: shown as an unreadable file
    return str(path), info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


@cached(LRUCache(maxsize=4), lock=threading.Lock())
def snapshot(key: tuple) -> Snapshot:
    """The file as read at this version. OSError and FileRefusedError are not cached: the next call tries again."""
    result = load_events(Path(key[0]))
    dates = pd.concat([result.events["date_end"], result.events["date_start"], result.events["source_date"]])
    return Snapshot(key, result, latest(dates.unique().tolist()),
                    int((result.events["figure_id"] == result.events["id"]).sum()))


@dataclass(frozen=True)
class Reading:
    """What is shown: the file as it is, or the last version read, with why."""

    snapshot: Snapshot | None  # None: nothing readable yet
    notice: str = ""  # why this is not the file as it is now


_last_good: dict[str, Snapshot] = {}  # path -> the last version with a valid row, shared by all


def current() -> Reading:
    """The events file now; while it cannot be read or holds no valid row (a half-written save, a file
    being replaced), the last version that had valid rows, so the page never goes blank for everyone."""
    path = str(events_path())
    last = _last_good.get(path)
    try:
        now = snapshot(file_key())
    except (OSError, FileRefusedError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        if last is None:
            return Reading(None, _("The events file cannot be read: {reason}.").format(reason=reason))
        return Reading(last, _("The events file cannot be read now ({reason}); showing the last version read, "
                               "saved {saved}.").format(reason=reason, saved=_saved(last)))
    if len(now.result.events):
        _last_good[path] = now
        return Reading(now)
    if last is not None:
        return Reading(last, ngettext("The events file now has no valid row ({n} problem); showing the last version "
                                      "read, saved {saved}. Run `python -m events check`.",
                                      "The events file now has no valid row ({n} problems); showing the last "
                                      "version read, saved {saved}. Run `python -m events check`.",
                                      len(now.result.problems)).format(n=number(len(now.result.problems)),
                                                                       saved=_saved(last)))
    return Reading(now)


def _saved(snap: Snapshot) -> str:
    saved = datetime.fromtimestamp(snap.key[2] / 1e9, tz=UTC)
    return format_datetime(saved, "d MMM y HH:mm 'UTC'", tzinfo=UTC, locale=i18n.locale())


@dataclass(frozen=True)
class Filtered:
    """The figures under one set of filters, and the panels' tables built from them, in one language."""

    events: pd.DataFrame
    figures: dict[str, figures.Figure]
    areas: dict[AreaKey, figures.Area]  # people detained, by area
    headlines: list[figures.Headline]
    named_only: pd.DataFrame  # figures that name a chosen nationality without counting it
    language: str  # the one its labels and tables are written in, whoever asks first
    abroad: list[figures.Figure]  # counted outside Cambodia: listed beside the map, never on a province
    _specs: dict = field(default_factory=dict, compare=False, repr=False)  # timeline specs by window

    # Built on first use, in the selection's language, and kept with the cached entry.
    @cached_property
    def newest_first(self) -> list[figures.Figure]:
        return tables.newest_first(self.figures.values())

    @cached_property
    def timeline(self) -> list[figures.Figure]:
        return tables.on_timeline(self.newest_first)

    @cached_property
    def timeline_table(self) -> pd.DataFrame:
        with i18n.use(self.language):
            return charts.timeline_table(self.timeline[:charts.TIMELINE_LIMIT])

    def timeline_spec(self, window: tuple | None) -> dict:
        """The timeline as a Vega-Lite spec over ``window`` (None: all): Altair validates a chart as it builds it,
        so it is built once per selection and window."""
        if window not in self._specs:
            if len(self._specs) > 16:  # a viewer stepping through weeks: keep the memory bounded
                self._specs.clear()
            with i18n.use(self.language):
                self._specs[window] = charts.timeline_chart(self.timeline_table, window).to_dict()
        return self._specs[window]

    @cached_property
    def off_timeline(self) -> list[figures.Figure]:
        return tables.off_timeline(self.newest_first)

    @cached_property
    def sources(self) -> pd.DataFrame:
        return tables.sources_table(self.newest_first)

    @cached_property
    def other_measures(self) -> pd.DataFrame:
        with i18n.use(self.language):
            return tables.other_measures_table(self.newest_first)

    @cached_property
    def disagreements(self) -> pd.DataFrame:
        with i18n.use(self.language):
            return tables.disagreements_table(self.newest_first)

    def area_of(self, code: str) -> AreaKey:
        """The area a clicked province belongs to: its own, or the joint area it is part of."""
        own = AreaKey((code,))
        if own in self.areas:
            return own
        return next((key for key in self.areas if key.scope == "joint" and code in key.codes), own)


@cached(LRUCache(maxsize=64), key=lambda snap, filters, language: (snap.key, filters, language),
        lock=threading.Lock())
def filtered(snap: Snapshot, filters: Filters, language: str) -> Filtered:
    """Figures under some filters, for the file version of ``snap``, their words in ``language``."""
    everything = snap.result.events
    events = filter_events(everything, filters)
    with i18n.use(language):
        figs = figures.collect(events)
        return Filtered(events, figs, figures.areas(figs), figures.headlines(figs, filters.scopes),
                        named_without_count(everything, filters), language, figures.abroad(figs))

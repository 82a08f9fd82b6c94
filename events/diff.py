"""What a change to the events file does to what viewers see: figures added, removed and changed (cell by cell),
the headline and each area's figure before and after, and the problems and notes the new file brings.

A reviewer reads this instead of the raw CSV diff (``python -m events diff``); the changelog entry is written from
it too. Figures are matched by id (ids are never reused), rows by id; areas by their key.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd

from events import figures
from events.dates import period_label
from events.figures import Figure
from events.loading import LoadResult

COMPARED = ("title", "date_start", "date_end", "area", "locality", "nationality", "nationalities_named",
            "nationalities_unnamed", "count", "qualifier", "sex", "status", "measure", "claimant", "same_figure_as",
            "part_of", "event_type", "source_publisher", "source_title", "source_date", "source_url", "notes")


@dataclass(frozen=True)
class Described:
    """A figure as a reviewer reads it in a list."""

    id: str
    line: int
    title: str
    value: str  # "≥312", "not reported"
    measure: str
    area: str  # "Kratie", "Cambodia", "" when the row names no place
    period: str
    sources: int

    @classmethod
    def of(cls, figure: Figure) -> Described:
        return cls(figure.id, figure.line, figure.title, figure.label(), figure.measure,
                   figure.area.name if figure.area is not None else "", period_label(*figure.period),
                   len(figure.reports))


@dataclass(frozen=True)
class CellChange:
    row: str  # the row's id
    line: int  # in the new file
    column: str
    before: str
    after: str


@dataclass(frozen=True)
class Changed:
    """A figure in both files whose rows differ: cells changed, sources added or removed."""

    figure: Described
    cells: tuple[CellChange, ...]
    rows_added: tuple[str, ...]  # ids of its rows only the new file has (another source's report)
    rows_removed: tuple[str, ...]


@dataclass(frozen=True)
class Shift:
    """A value as it reads before and after the change."""

    name: str
    before: str  # "" when absent
    after: str


@dataclass(frozen=True)
class Noted:
    line: int
    column: str
    code: str
    message: str
    is_note: bool


@dataclass(frozen=True)
class Diff:
    rows: Shift
    added: tuple[Described, ...]
    removed: tuple[Described, ...]
    changed: tuple[Changed, ...]
    headline: Shift
    areas: tuple[Shift, ...]  # the areas whose figure of people detained changed
    new_problems: tuple[Noted, ...]  # in the new file, not in the old (mistakes and notes)

    @property
    def has_problems(self) -> bool:
        """Whether the new file has mistakes (not notes) that the old did not."""
        return any(not p.is_note for p in self.new_problems)

    def as_dict(self) -> dict:
        return asdict(self)


def diff(old: LoadResult, new: LoadResult) -> Diff:
    before, after = figures.collect(old.events), figures.collect(new.events)
    cells, added_rows, removed_rows = _row_changes(old.events, new.events)
    changed = [Changed(Described.of(after[figure_id]), tuple(cells.get(figure_id, ())),
                       tuple(sorted(added_rows.get(figure_id, ()))), tuple(sorted(removed_rows.get(figure_id, ()))))
               for figure_id in sorted((cells.keys() | added_rows.keys() | removed_rows.keys())
                                       & before.keys() & after.keys(), key=lambda i: after[i].line)]
    return Diff(
        rows=Shift("rows", str(old.rows_read), str(new.rows_read)),
        added=tuple(Described.of(after[i]) for i in sorted(after.keys() - before.keys(), key=lambda i: after[i].line)),
        removed=tuple(Described.of(before[i]) for i in sorted(before.keys() - after.keys(),
                                                               key=lambda i: before[i].line)),
        changed=tuple(changed),
        headline=Shift("headline", _headline(before), _headline(after)),
        areas=_areas(before, after),
        new_problems=_new_problems(old, new),
    )


def _as_text(cells: pd.DataFrame) -> pd.DataFrame:
    """Cells as the file has them: text, blank for none (counts are numbers once loaded)."""
    return cells.astype("string").fillna("").astype(str)


def _row_changes(old: pd.DataFrame, new: pd.DataFrame) -> tuple[dict, dict, dict]:
    """By figure (its id in the new file): the cells changed in rows both files have, a column at a time; and
    the ids of the rows only one file has (a source added or removed)."""
    columns = ["id", "figure_id", *COMPARED]
    a, b = _as_text(old[columns]), _as_text(new[columns]).assign(line=new["line"])
    both = a.merge(b, on="id", suffixes=("_old", ""))
    cells: dict[str, list[CellChange]] = {}
    for column in COMPARED:
        differs = both[both[f"{column}_old"] != both[column]]
        for row, figure_id, line, was, now in zip(differs["id"], differs["figure_id"], differs["line"],
                                                  differs[f"{column}_old"], differs[column]):
            cells.setdefault(figure_id, []).append(CellChange(row, int(line), column, was, now))
    for changes in cells.values():
        changes.sort(key=lambda c: (c.line, COMPARED.index(c.column)))
    only_new, only_old = b[~b["id"].isin(a["id"])], a[~a["id"].isin(b["id"])]
    return (cells, only_new.groupby("figure_id")["id"].agg(set).to_dict(),
            only_old.groupby("figure_id")["id"].agg(set).to_dict())


def _headline(collected: dict[str, Figure]) -> str:
    """The national figure the dashboard opens on, as a line."""
    found = figures.headlines(collected)
    if not found:
        return ""
    figure = found[0].figure
    return f"{figure.label()} people detained, {period_label(*figure.period)} ({figure.id})"


def _areas(before: dict[str, Figure], after: dict[str, Figure]) -> tuple[Shift, ...]:
    """Every area whose figure of people detained is not what it was, with how it reads before and after."""
    old, new = figures.areas(before), figures.areas(after)
    changes = []
    for key in sorted(old.keys() | new.keys(), key=lambda k: (k.scope != "national", k.text)):
        said = [_area_label(areas[key]) if key in areas else "" for areas in (old, new)]
        if said[0] != said[1]:
            changes.append(Shift(key.name, *said))
    return tuple(changes)


def _area_label(area: figures.Area) -> str:
    period = period_label(*area.period)
    how = "" if area.total_is_reported else " (sum of the figures; no total reported)"
    return f"{area.total.label()}{how}, {period}"


def _new_problems(old: LoadResult, new: LoadResult) -> tuple[Noted, ...]:
    """Problems of the new file that the old did not have, by code, column and message (lines move)."""
    seen = {(p.code, p.column, p.message) for p in old.problems}
    return tuple(Noted(p.line, p.column, p.code, p.message, p.is_note) for p in new.problems
                 if (p.code, p.column, p.message) not in seen)

"""Answers to the dashboard's questions, computed from valid rows.

A *figure* is one reported quantity: its first row plus any repeats by other
sources (``same_figure_as``). Where the sources disagree, every version is kept
and sums use the most cautious one ("at least" the smallest). Containers are
never added to their parts: totals only add figures that are not inside
another figure of the same place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from events.fields import SEPARATOR
from events.tabular import tuples
from events.values import UNKNOWN, Value, remainder, total

DETAINED = "people_detained"


@dataclass(frozen=True)
class Report:
    """One source's version of a figure."""

    line: int
    value: Value
    claimant: str
    publisher: str
    title: str
    date: str
    url: str


@dataclass(frozen=True)
class Figure:
    id: str
    row: pd.Series  # the first report's row (place, nationality, dates, ...)
    reports: tuple[Report, ...]

    @property
    def disputed(self) -> bool:
        return len({r.value for r in self.reports if r.value.known}) > 1

    @property
    def value(self) -> Value:
        """The value sums use: the shared one, or "at least" the smallest when sources differ."""
        known = [r.value for r in self.reports if r.value.known]
        if not known:
            return UNKNOWN
        if not self.disputed:
            return known[0]
        if all(v.qualifier == "about" for v in known):
            return Value(min(v.count for v in known), "about")
        return Value(min(v.lower for v in known), "at_least")

    def versions(self) -> list[tuple[Value, list[Report]]]:
        """Each distinct value with the sources that give it, in first-seen order."""
        grouped: dict[Value, list[Report]] = {}
        for report in self.reports:
            grouped.setdefault(report.value, []).append(report)
        return list(grouped.items())

    def label(self) -> str:
        """">1,000", or every version when sources disagree: "≥270 / >270"."""
        return " / ".join(v.label() for v, _ in self.versions()) if self.disputed else self.value.label()


def collect(events: pd.DataFrame) -> dict[str, Figure]:
    """Figures by the id of their first row, in file order."""
    root = events["same_figure_as"].where(events["same_figure_as"] != "", events["id"])
    reports: dict[str, list[Report]] = {}
    counts = events["count"].astype(object).where(events["count"].notna(), None)
    columns = ["line", "qualifier", "claimant", "source_publisher", "source_title", "source_date", "source_url"]
    for key, count, (line, qualifier, *source) in zip(root.tolist(), counts.tolist(), tuples(events, columns)):
        reports.setdefault(key, []).append(Report(int(line), Value.of(count, qualifier), *source))
    firsts = events[events["same_figure_as"] == ""].set_index("id", drop=False)
    return {key: Figure(key, firsts.loc[key], tuple(reports[key])) for key in firsts.index if key in reports}


@dataclass
class Area:
    """Everything reported for one province, one joint group of provinces, or the country."""

    key: str  # province codes joined by ';' ("KH-10", "KH-12;KH-18"), or "national"
    scope: str  # province, joint or national
    tops: list[Figure] = field(default_factory=list)  # figures not inside another figure of this area
    parts: dict[str, list[Figure]] = field(default_factory=dict)  # container id -> its parts in this area

    @property
    def total(self) -> Value:
        return total(f.value for f in self.tops)

    def period(self) -> tuple[str, str]:
        """Earliest start and latest end among this area's figures, as written in the data."""
        rows = [f.row for f in self.tops]
        first = min(rows, key=lambda r: r["start"])
        last = max(rows, key=lambda r: r["end"])
        return first["date_start"], last["date_end"] or last["date_start"]

    @property
    def total_is_reported(self) -> bool:
        """True when one figure covers everyone here; False when the total is a sum of partial figures."""
        return len(self.tops) == 1 and not self.tops[0].row["nationality"] and not self.tops[0].row["sex"]

    def breakdown(self) -> list[dict]:
        """Nationality rows for charts and tables, with the unspecified remainder."""
        rows = []
        for top in self.tops:
            pieces = [f for f in self.parts.get(top.id, []) if f.row["nationality"] and not f.row["sex"]]
            for figure in ([top] if top.row["nationality"] else pieces):
                rows.append(_breakdown_row(figure, self.parts.get(figure.id, [])))
            if not top.row["nationality"]:
                rest = remainder(top.value, total(f.value for f in pieces)) if pieces else top.value
                rows.append({
                    "nationality": "", "value": rest, "label": rest.label() if rest else "not derivable",
                    "figure_id": top.id, "subcounts": "", "named": top.row["nationalities_named"],
                })
        return rows


def _breakdown_row(figure: Figure, parts: list[Figure]) -> dict:
    subcounts = "; ".join(f"{f.label()} {_sex_word(f.row['sex'])}" for f in parts if f.row["sex"])
    return {"nationality": figure.row["nationality"], "value": figure.value, "label": figure.label(),
            "figure_id": figure.id, "subcounts": subcounts, "named": ""}


def _sex_word(sex: str) -> str:
    return {"female": "women", "male": "men"}.get(sex, "")


def areas(figures: dict[str, Figure], measure: str = DETAINED) -> dict[str, Area]:
    """Figures of one measure grouped by the place they describe."""
    result: dict[str, Area] = {}
    for figure in figures.values():
        row = figure.row
        if row["measure"] != measure or not row["scope"]:
            continue
        key = row["provinces"] if row["scope"] != "national" else "national"
        area = result.setdefault(key, Area(key, row["scope"]))
        container = figures.get(row["part_of"])
        if container is not None and _area_key(container.row) == key:
            area.parts.setdefault(container.id, []).append(figure)
        else:
            area.tops.append(figure)
    return result


def _area_key(row) -> str:
    return row["provinces"] if row["scope"] != "national" else "national"


@dataclass(frozen=True)
class Headline:
    figure: Figure
    parts_total: Value  # what its parts in the provinces add up to
    parts: tuple[Figure, ...]
    provinces: tuple[str, ...]  # province codes its parts name


def headlines(figures: dict[str, Figure]) -> list[Headline]:
    """National totals of people detained, newest first, each beside the sum of its parts."""
    result = []
    for figure in figures.values():
        row = figure.row
        if row["scope"] != "national" or row["measure"] != DETAINED or not figure.value.known:
            continue
        parts = tuple(f for f in figures.values() if f.row["part_of"] == figure.id)
        codes = sorted({c for f in parts for c in f.row["provinces"].split(SEPARATOR) if c},
                       key=lambda c: int(c.split("-")[1]))
        result.append(Headline(figure, total(f.value for f in parts), parts, tuple(codes)))
    return sorted(result, key=lambda h: h.figure.row["start"], reverse=True)

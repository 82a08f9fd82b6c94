"""Answers to the dashboard's questions, computed from valid rows.

A *figure* is one reported quantity: its first row plus any repeats by other
sources (``same_figure_as``). Where the sources disagree, every version is kept
and sums use the most cautious one ("at least" the smallest). Containers are
never added to their parts: totals only add figures that are not inside
another figure of the same place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from events.fields import SEPARATOR
from events.tabular import records, tuples
from events.values import UNKNOWN, IncompatibleBounds, Value, remainder, total

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
    row: dict  # the first report's row (place, nationality, dates, ...)
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
    columns = ["line", "count", "qualifier", "claimant",
               "source_publisher", "source_title", "source_date", "source_url"]
    for key, (line, count, qualifier, *source) in zip(root.tolist(), tuples(events, columns)):
        reports.setdefault(key, []).append(Report(int(line), Value.of(count, qualifier), *source))
    firsts = records(events[events["same_figure_as"] == ""])
    return {row["id"]: Figure(row["id"], row, tuple(reports[row["id"]])) for row in firsts}


@dataclass
class Area:
    """Everything reported for one province, one joint group of provinces, or the country."""

    key: str  # province codes joined by ';' ("KH-10", "KH-12;KH-18"), or "national"
    scope: str  # province, joint or national
    tops: list[Figure] = field(default_factory=list)  # figures not inside another figure of this area
    parts: dict[str, list[Figure]] = field(default_factory=dict)  # container id -> its parts in this area

    # Areas are complete once areas() returns and never change after: safe to memoise.
    @property
    def figures(self) -> list[Figure]:
        """Every figure of this area: those not inside another, then the parts inside them."""
        return [*self.tops, *(f for parts in self.parts.values() for f in parts)]

    @cached_property
    def sources(self) -> tuple[Report, ...]:
        """One report per distinct source (publisher, title, address), in order of first use."""
        first: dict[tuple[str, str, str], Report] = {}
        for figure in self.figures:
            for report in figure.reports:
                first.setdefault((report.publisher, report.title, report.url), report)
        return tuple(first.values())

    @cached_property
    def total(self) -> Value:
        return total(f.value for f in self.tops)

    @cached_property
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

    @cached_property
    def breakdown(self) -> list[dict]:
        """Rows for charts and tables: one per nationality, then the unspecified remainder.

        Nationality figures from several events are added up; a figure reported by
        sources that disagree keeps its "a / b" label when it stands alone.
        """
        by_nationality: dict[str, list[Figure]] = {}
        remainders: list[Value] = []
        named: list[str] = []
        for top in self.tops:
            pieces = [f for f in self.parts.get(top.id, []) if f.row["nationality"] and not f.row["sex"]]
            for figure in ([top] if top.row["nationality"] else pieces):
                by_nationality.setdefault(figure.row["nationality"], []).append(figure)
            if not top.row["nationality"]:
                rest = remainder(top.value, total(f.value for f in pieces)) if pieces else top.value
                remainders.append(rest if rest is not None else UNKNOWN)
                named += [c for c in top.row["nationalities_named"].split(SEPARATOR) if c]
        rows = [self._nationality_row(code, group) for code, group in by_nationality.items()]
        rows.sort(key=lambda r: -r["value"].lower)
        if remainders:
            rest = _sum_or_none(remainders)
            rows.append({"nationality": "", "value": rest or UNKNOWN, "label": rest.label() if rest else "not derivable",
                         "subcounts": "", "named": SEPARATOR.join(dict.fromkeys(named)),
                         "figure_ids": [t.id for t in self.tops if not t.row["nationality"]]})
        return rows

    def _nationality_row(self, code: str, group: list[Figure]) -> dict:
        value = total(f.value for f in group)
        subs: dict[str, list[Figure]] = {}
        for figure in group:
            for part in self.parts.get(figure.id, []):
                if part.row["sex"]:
                    subs.setdefault(part.row["sex"], []).append(part)
        subcounts = "; ".join(
            f"{figs[0].label() if len(figs) == 1 else total(f.value for f in figs).label()} {_sex_word(sex)}"
            for sex, figs in subs.items())
        return {"nationality": code, "value": value, "label": group[0].label() if len(group) == 1 else value.label(),
                "subcounts": subcounts, "named": "", "figure_ids": [f.id for f in group]}


def _sum_or_none(values: list[Value]) -> Value | None:
    if any(not v.known for v in values):
        return None
    try:
        return total(values)
    except IncompatibleBounds:
        return None


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
    children: dict[str, list[Figure]] = {}
    for figure in figures.values():
        if figure.row["part_of"]:
            children.setdefault(figure.row["part_of"], []).append(figure)
    result = []
    for figure in figures.values():
        row = figure.row
        if row["scope"] != "national" or row["measure"] != DETAINED or not figure.value.known:
            continue
        parts = tuple(children.get(figure.id, ()))
        codes = sorted({c for f in parts for c in f.row["provinces"].split(SEPARATOR) if c},
                       key=lambda c: int(c.split("-")[1]))
        result.append(Headline(figure, total(f.value for f in parts), parts, tuple(codes)))
    return sorted(result, key=lambda h: h.figure.row["start"], reverse=True)

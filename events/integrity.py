"""Checks that need several rows: links between figures, sources, containment.

Runs on rows whose cells are valid. A row whose link cannot be followed is set
aside (with the reason) so that no figure is counted outside its container; a
container exceeded by its parts keeps both rows visible and is reported.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from events.problems import Problem
from events.tabular import tuples
from events.fields import SEPARATOR
from events.values import Value, total

LINKS = ("same_figure_as", "part_of")
GROUP_COLUMNS = ("provinces", "scope", "nationality", "sex", "measure")


def check_links(frame: pd.DataFrame, all_ids: dict[str, int]) -> tuple[pd.Index, list[Problem]]:
    """Rows to set aside because a link is broken, cyclic or contradictory, and why."""
    problems: list[Problem] = []
    keep = pd.Series(True, index=frame.index)
    for column in LINKS:
        own = frame[column] == frame["id"]
        problems += [Problem(int(line), column, f"'{target}' is this row's own id; a figure cannot refer to itself")
                     for line, target in tuples(frame[own], ["line", column])]
        keep &= ~own
    while True:  # a row set aside can break the links of rows that point to it
        alive = keep.copy()
        ids = set(frame.loc[alive, "id"])
        newly: list[Problem] = []
        for column in LINKS:
            target = frame[column]
            broken = alive & (target != "") & ~target.isin(ids)
            for idx in frame.index[broken]:
                newly.append(Problem(int(frame.at[idx, "line"]), column,
                                     _missing_target(frame.at[idx, column], all_ids)))
                keep[idx] = False
        if not newly:
            break
        problems += newly
    problems += _same_figure_problems(frame, keep)
    problems += _cycle_problems(frame, keep)
    rejected_lines = {p.line for p in problems}
    keep &= ~frame["line"].isin(rejected_lines)
    return frame.index[~keep], problems


def _missing_target(target: str, all_ids: dict[str, int]) -> str:
    if target in all_ids:
        return f"refers to '{target}' on line {all_ids[target]}, which has a problem; fix that line first"
    return f"refers to id '{target}', which no row has"


def _same_figure_problems(frame, keep) -> list[Problem]:
    kept = frame[keep]
    repeats = kept[kept["same_figure_as"] != ""]
    if repeats.empty:
        return []
    columns = ["id", "line", "same_figure_as", "part_of", *GROUP_COLUMNS]
    by_id = {r[0]: r for r in tuples(kept, columns)}
    problems = []
    for _, line, target, part_of, *group in tuples(repeats, columns):
        first = by_id[target]
        if first[2]:
            problems.append(Problem(int(line), "same_figure_as",
                                    f"'{target}' is itself a repeat; point at '{first[2]}', the first report"))
        elif tuple(group) != tuple(first[4:]):
            differs = [c for c, mine, theirs in zip(GROUP_COLUMNS, group, first[4:]) if mine != theirs and c != "scope"]
            problems.append(Problem(int(line), "same_figure_as",
                                    f"describes a different group than '{target}' (line {first[1]}): "
                                    f"{', '.join(differs)} differ; a repeat must count the same people"))
        elif part_of and part_of != first[3]:
            problems.append(Problem(int(line), "part_of",
                                    f"differs from '{target}', the first report; leave part_of blank on a repeat"))
    return problems


def _cycle_problems(frame, keep) -> list[Problem]:
    parent = dict(tuples(frame[keep], ["id", "part_of"]))
    line_of = dict(tuples(frame, ["id", "line"]))
    problems, settled = [], set()
    for start in parent:
        path, node = [], start
        while node and node not in settled and node not in path:
            path.append(node)
            node = parent.get(node, "")
        if node in path:
            loop = path[path.index(node):]
            problems += [Problem(int(line_of[n]), "part_of",
                                 f"part_of makes a loop ({' → '.join(loop + [node])}); a figure cannot contain itself")
                         for n in loop]
        settled.update(path)
    return problems


def check_sources(frame: pd.DataFrame) -> list[Problem]:
    """One address, one source: the same URL must carry the same publisher, title and date."""
    with_url = frame[frame["source_url"] != ""]
    columns = ["source_publisher", "source_title", "source_date"]
    first = with_url.drop_duplicates("source_url").set_index("source_url")
    problems = []
    for column in columns:
        expected = with_url["source_url"].map(first[column])
        differs = with_url[with_url[column] != expected]
        problems += [
            Problem(int(line), column, f"differs from line {first.at[url, 'line']} for the same source_url "
                                       f"('{first.at[url, column]}'); one source, one description", rejects_row=False)
            for line, url in tuples(differs, ["line", "source_url"])
        ]
    return problems


class _Part(NamedTuple):
    id: str
    line: int
    part_of: str
    provinces: str
    scope: str
    nationality: str
    sex: str
    measure: str
    count: int | None
    qualifier: str
    start: object
    end: object


_PART_COLUMNS = ["id", "line", "part_of", "provinces", "scope", "nationality", "sex", "measure",
                 "count", "qualifier", "start", "end"]


def check_parts(frame: pd.DataFrame) -> tuple[pd.Index, list[Problem]]:
    """Parts of one container must not overlap, nor add up to more than it."""
    firsts = frame[frame["same_figure_as"] == ""]
    counts = firsts["count"].astype(object).where(firsts["count"].notna(), None)
    records = [_Part(*r) for r in tuples(firsts.assign(count=counts), _PART_COLUMNS)]
    by_id = {r.id: r for r in records}
    children: dict[str, list] = {}
    for record in records:
        if record.part_of:
            children.setdefault(record.part_of, []).append(record)
    problems: list[Problem] = []
    for container_id, siblings in children.items():
        container = by_id[container_id]
        problems += [Problem(int(r.line), "measure", f"counts {r.measure} but its container '{container_id}' "
                                                       f"counts {container.measure}")
                     for r in siblings if r.measure != container.measure]
        problems += _overlaps(siblings, container_id)
        least = total(Value.of(r.count, r.qualifier) for r in siblings).lower
        if least > Value.of(container.count, container.qualifier).upper:
            lines = ", ".join(str(r.line) for r in siblings)
            problems.append(Problem(int(container.line), "count",
                                    f"its parts (lines {lines}) add up to at least {least:,}, more than this "
                                    f"figure's {int(container.count):,}; check both sources", rejects_row=False))
    rejected = frame.index[frame["line"].isin({p.line for p in problems if p.rejects_row})]
    return rejected, problems


def _overlaps(siblings: list, container_id: str) -> list[Problem]:
    """Two parts of one container that could count the same people (the later is reported)."""
    national = [r for r in siblings if r.scope == "national"]
    buckets: dict[str, list] = {}
    for record in siblings:
        if record.scope != "national":
            for place in record.provinces.split(SEPARATOR):
                buckets.setdefault(place, []).append(record)
    problems, seen = [], set()
    for bucket in (buckets.values() if buckets else [[]]):
        ordered = sorted(bucket + national, key=lambda r: (r.start, r.line))
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                if b.start > a.end:
                    break
                pair = (min(a.line, b.line), max(a.line, b.line))
                if pair in seen or a.measure != b.measure:
                    continue
                if _same_or_all(a.nationality, b.nationality) and _same_or_all(a.sex, b.sex):
                    seen.add(pair)
                    problems.append(Problem(pair[1], "part_of",
                                            f"overlaps line {pair[0]}: both are parts of '{container_id}' and may "
                                            "count the same people; make one part of the other"))
    return problems


def _same_or_all(a: str, b: str) -> bool:
    return a == b or a == "" or b == ""

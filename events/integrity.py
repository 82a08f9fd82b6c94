"""Checks that need several rows: links between figures, sources, containment.

Runs on rows whose cells are valid. A row whose link cannot be followed is set
aside (with the reason) so that no figure is counted outside its container; a
container exceeded by its parts keeps both rows visible and is reported.
"""

from __future__ import annotations

import pandas as pd

from events.problems import Problem
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
                     for line, target in frame.loc[own, ["line", column]].itertuples(index=False)]
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
    rows = frame[keep & (frame["same_figure_as"] != "")]
    if rows.empty:
        return []
    by_id = frame[keep].set_index("id")
    problems = []
    for line, target, part_of, *group in rows[["line", "same_figure_as", "part_of", *GROUP_COLUMNS]].itertuples(index=False):
        first = by_id.loc[target]
        if first["same_figure_as"]:
            problems.append(Problem(int(line), "same_figure_as",
                                    f"'{target}' is itself a repeat; point at '{first['same_figure_as']}', the first report"))
        elif tuple(group) != tuple(first[list(GROUP_COLUMNS)]):
            differs = [c for c, v in zip(GROUP_COLUMNS, group) if v != first[c] and c != "scope"]
            problems.append(Problem(int(line), "same_figure_as",
                                    f"describes a different group than '{target}' (line {first['line']}): "
                                    f"{', '.join(differs)} differ; a repeat must count the same people"))
        elif part_of and part_of != first["part_of"]:
            problems.append(Problem(int(line), "part_of",
                                    f"differs from '{target}', the first report; leave part_of blank on a repeat"))
    return problems


def _cycle_problems(frame, keep) -> list[Problem]:
    parent = dict(zip(frame.loc[keep, "id"], frame.loc[keep, "part_of"]))
    line_of = dict(zip(frame["id"], frame["line"]))
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
            for line, url in differs[["line", "source_url"]].itertuples(index=False)
        ]
    return problems


def check_parts(frame: pd.DataFrame) -> tuple[pd.Index, list[Problem]]:
    """Parts of one container must not overlap, nor add up to more than it."""
    firsts = frame[frame["same_figure_as"] == ""]
    parts = firsts[firsts["part_of"] != ""]
    by_id = firsts.set_index("id")
    problems: list[Problem] = []
    for container_id, siblings in parts.groupby("part_of", sort=False):
        container = by_id.loc[container_id]
        wrong_measure = siblings[siblings["measure"] != container["measure"]]
        problems += [Problem(int(line), "measure", f"counts {m} but its container '{container_id}' counts "
                                                     f"{container['measure']}")
                     for line, m in wrong_measure[["line", "measure"]].itertuples(index=False)]
        problems += _overlaps(siblings, container_id)
        least = total(Value.of(c, q) for c, q in zip(siblings["count"], siblings["qualifier"])).lower
        if least > Value.of(container["count"], container["qualifier"]).upper:
            lines = ", ".join(str(n) for n in siblings["line"])
            problems.append(Problem(int(container["line"]), "count",
                                    f"its parts (lines {lines}) add up to at least {least:,}, more than this "
                                    f"figure's {int(container['count']):,}; check both sources", rejects_row=False))
    rejected = frame.index[frame["line"].isin({p.line for p in problems if p.rejects_row})]
    return rejected, problems


def _overlaps(siblings: pd.DataFrame, container_id: str) -> list[Problem]:
    """Two parts of one container that could count the same people (the later is reported)."""
    places = siblings.assign(place=siblings["provinces"].where(siblings["scope"] != "national", "*")
                             .str.split(SEPARATOR)).explode("place")
    national = places[places["place"] == "*"]
    problems, seen = [], set()
    for place, bucket in places.groupby("place", sort=False):
        if place != "*":
            bucket = pd.concat([bucket, national])
        ordered = bucket.sort_values(["start", "line"])
        rows = list(ordered[["line", "nationality", "sex", "start", "end", "measure"]].itertuples(index=False))
        for i, a in enumerate(rows):
            for b in rows[i + 1:]:
                if b.start > a.end:
                    break
                pair = (min(a.line, b.line), max(a.line, b.line))
                if pair in seen or a.line == b.line or a.measure != b.measure:
                    continue
                if _same_or_all(a.nationality, b.nationality) and _same_or_all(a.sex, b.sex):
                    seen.add(pair)
                    problems.append(Problem(pair[1], "part_of",
                                            f"overlaps line {pair[0]}: both are parts of '{container_id}' and may "
                                            "count the same people; make one part of the other"))
    return problems


def _same_or_all(a: str, b: str) -> bool:
    return a == b or a == "" or b == ""

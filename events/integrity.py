"""Checks that need several rows: links between figures, sources, containment.

Runs on rows whose cells are valid, column by column rather than row by row,
so that a large file is checked in a fraction of a second. A row whose link
cannot be followed is set aside (with the reason) so that no figure is counted
outside its container; a container exceeded by its parts keeps both rows
visible and is reported.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from events.problems import Problem
from events.tabular import isin, tuples
from geo.areas import NATIONAL, AreaKey

LINKS = ("same_figure_as", "part_of")
GROUP_COLUMNS = ("area_key", "nationality_code", "sex", "measure")  # who a figure counts


def check_links(frame: pd.DataFrame, every_row: pd.DataFrame) -> tuple[pd.Index, list[Problem]]:
    """Rows to set aside because a link is broken, cyclic or contradictory, and why.

    ``every_row`` holds the id and line of every row read, valid or not, to say
    where a missing target went.
    """
    frame = frame[["id", "line", *LINKS, *GROUP_COLUMNS]]  # filtering fewer columns is faster
    problems: list[Problem] = []
    keep = pd.Series(True, index=frame.index)
    for column in LINKS:
        own = frame[column] == frame["id"]
        problems += [Problem(int(line), column, "self-reference",
                             f"'{target}' is this row's own id; a figure cannot refer to itself")
                     for line, target in tuples(frame[own], ["line", column])]
        keep &= ~own
    first_line: dict[str, int] = {}
    root_of: dict[int, int] = {}  # line set aside -> line of the root problem it follows from
    while True:  # a row set aside can break the links of rows that point to it
        alive = keep.copy()
        ids = frame.loc[alive, "id"]
        newly: list[Problem] = []
        for column in LINKS:
            target = frame[column]
            broken = alive & (target != "") & ~isin(target, ids)
            if broken.any():
                first_line = first_line or dict(tuples(every_row.drop_duplicates("id"), ["id", "line"]))
                newly += [_broken_link(int(line), column, value, first_line, root_of)
                          for line, value in tuples(frame[broken], ["line", column])]
            keep &= ~broken
        if not newly:
            break
        root_of.update((p.line, p.cause) for p in newly if p.cause is not None)
        problems += newly
    kept = frame[keep] if not keep.all() else frame
    problems += _repeat_problems(kept)
    problems += _cycle_problems(kept)
    rejected_lines = pd.Series(sorted({p.line for p in problems}), dtype="int64")
    keep &= ~frame["line"].isin(rejected_lines)
    return frame.index[~keep], problems


def _broken_link(line: int, column: str, target: str, first_line: dict[str, int],
                 root_of: dict[int, int]) -> Problem:
    if target not in first_line:
        return Problem(line, column, "missing-target", f"refers to id '{target}', which no row has")
    target_line = first_line[target]
    root = root_of.get(target_line, target_line)
    return Problem(line, column, "target-rejected",
                   f"set aside with '{target}', which it refers to: "
                   + (f"fix line {root} first" if root == target_line else
                      f"'{target}' is on line {target_line}, set aside because of line {root}; fix that line first"),
                   cause=root)


def _repeat_problems(kept: pd.DataFrame) -> list[Problem]:
    """A repeat must point at a first report and count the same people; so must a part's container."""
    repeats = kept[kept["same_figure_as"] != ""]
    if repeats.empty:
        return []
    columns = ["line", "same_figure_as", "part_of", *GROUP_COLUMNS]
    pairs = repeats[columns].merge(kept[["id", *columns]].add_suffix("_first"),
                                   left_on="same_figure_as", right_on="id_first")
    chained = pairs["same_figure_as_first"] != ""
    problems = [Problem(int(line), "same_figure_as", "repeat-of-repeat",
                        f"'{target}' is itself a repeat; point at '{first}', the first report")
                for line, target, first in tuples(pairs[chained], ["line", "same_figure_as", "same_figure_as_first"])]
    pairs = pairs[~chained]
    differs = pd.DataFrame({c: pairs[c] != pairs[f"{c}_first"] for c in GROUP_COLUMNS}, index=pairs.index)
    regrouped = differs.any(axis=1)
    for (line, target, first_line), *flags in zip(
            tuples(pairs[regrouped], ["line", "same_figure_as", "line_first"]),
            *(differs.loc[regrouped, c].tolist() for c in GROUP_COLUMNS)):
        named = dict.fromkeys(_FILE_COLUMN.get(c, c) for c, flag in zip(GROUP_COLUMNS, flags) if flag)
        problems.append(Problem(int(line), "same_figure_as", "repeat-differs",
                                f"describes a different group than '{target}' (line {first_line}): "
                                f"{', '.join(named)} differ; a repeat must count the same people"))
    moved = ~regrouped & (pairs["part_of"] != "") & (pairs["part_of"] != pairs["part_of_first"])
    problems += [Problem(int(line), "part_of", "repeat-moved",
                         f"differs from '{target}', the first report; leave part_of blank on a repeat")
                 for line, target in tuples(pairs[moved], ["line", "same_figure_as"])]

    into_repeat = kept.loc[isin(kept["part_of"], repeats["id"]), ["line", "part_of"]].merge(
        repeats[["id", "same_figure_as"]], left_on="part_of", right_on="id")
    problems += [Problem(int(line), "part_of", "part-of-repeat",
                         f"'{target}' repeats '{first}'; point part_of at '{first}', the first report")
                 for line, target, first in tuples(into_repeat, ["line", "part_of", "same_figure_as"])]
    return problems


_FILE_COLUMN = {"area_key": "area", "nationality_code": "nationality"}  # named as the maintainer wrote them


def _cycle_problems(kept: pd.DataFrame) -> list[Problem]:
    linked = kept.loc[kept["part_of"] != "", ["id", "line", "part_of"]]
    for _ in range(3):  # a row whose container has no container cannot be on a loop
        linked = linked[isin(linked["part_of"], linked["id"])]
    parent = dict(tuples(linked, ["id", "part_of"]))
    problems, settled = [], set()
    for start in parent:
        path, node = [], start
        while node and node not in settled and node not in path:
            path.append(node)
            node = parent.get(node, "")
        if node in path:
            loop = path[path.index(node):]
            line_of = dict(tuples(linked, ["id", "line"]))
            message = f"part_of makes a loop ({' → '.join(loop + [node])}); a figure cannot contain itself"
            first = int(line_of[loop[0]])
            problems += [Problem(int(line_of[n]), "part_of", "part-of-loop", message,
                                 cause=None if int(line_of[n]) == first else first)
                         for n in loop]
        settled.update(path)
    return problems


def check_sources(frame: pd.DataFrame) -> list[Problem]:
    """One address, one source: the same URL must carry the same publisher, title and date."""
    columns = ["source_publisher", "source_title", "source_date"]
    with_url = frame.loc[frame["source_url"] != "", ["line", "source_url", *columns]]
    first = _first_of_each(with_url["source_url"])
    first_lines = with_url["line"].to_numpy()[first]
    problems = []
    for column in columns:
        values = with_url[column].array
        expected = values.take(first)
        differs = np.flatnonzero(np.asarray(values != expected, dtype=bool))
        problems += [
            Problem(int(line), column, "source-differs", f"differs from line {first_line} for the same "
                    f"source_url ('{value}'); one source, one description", rejects_row=False)
            for line, first_line, value in zip(with_url["line"].to_numpy()[differs].tolist(),
                                               first_lines[differs].tolist(), expected.take(differs).tolist())
        ]
    return problems


def _first_of_each(values: pd.Series) -> np.ndarray:
    """For each row, the position of the first row with the same value."""
    codes, _ = pd.factorize(values)
    _, first = np.unique(codes, return_index=True)
    return first[codes]


def check_parts(frame: pd.DataFrame) -> tuple[pd.Index, list[Problem]]:
    """Parts of one container must count what it counts, not overlap, nor add up to more than it."""
    columns = ["id", "line", "part_of", *GROUP_COLUMNS, "count", "qualifier", "start", "end"]
    firsts = frame.loc[frame["same_figure_as"] == "", columns]
    parts = firsts[firsts["part_of"] != ""]
    if parts.empty:
        return frame.index[:0], []
    containers = firsts.loc[isin(firsts["id"], parts["part_of"]), ["id", "line", "measure", "count", "qualifier"]]
    parts = parts.merge(containers.add_suffix("_container"), left_on="part_of", right_on="id_container")
    mismatched = parts["measure"] != parts["measure_container"]
    problems = [Problem(int(line), "measure", "measure-mismatch",
                        f"counts {measure} but its container '{container}' counts {theirs}")
                for line, measure, container, theirs in
                tuples(parts[mismatched], ["line", "measure", "part_of", "measure_container"])]
    problems += _overlaps(parts)
    problems += _exceeded(parts)
    rejected = frame.index[frame["line"].isin([p.line for p in problems if p.rejects_row])]
    return rejected, problems


def _exceeded(parts: pd.DataFrame) -> list[Problem]:
    """Containers whose parts add up to more than an exact container can hold (kept, and reported)."""
    count = parts["count"].astype("float64")
    least = (count.where(parts["qualifier"].isin(["exact", "at_least"]), 0)
             + (count + 1).where(parts["qualifier"] == "more_than", 0)).fillna(0)
    codes, containers = pd.factorize(parts["part_of"])
    sums = np.bincount(codes, weights=least.to_numpy(), minlength=len(containers))
    first = np.unique(codes, return_index=True)[1]  # a row of each container's parts, for its cells
    room = parts["count_container"].astype("float64").where(parts["qualifier_container"] == "exact", np.inf)
    room = room.fillna(np.inf).to_numpy()[first]
    over = np.isin(codes, np.flatnonzero(sums > room))
    lines = pd.Series(parts["line"].to_numpy()[over]).groupby(codes[over]).agg(list)
    return [Problem(int(parts["line_container"].iloc[first[c]]), "count", "parts-exceed",
                    f"its parts (lines {', '.join(map(str, part_lines))}) add up to at least "
                    f"{int(sums[c]):,}, more than this figure's {int(room[c]):,}; check both sources",
                    rejects_row=False)
            for c, part_lines in lines.items()]


def _overlaps(parts: pd.DataFrame) -> list[Problem]:
    """Two parts of one container that could count the same people (the later line is reported).

    Each part goes in one bucket per province it names, a national part in every
    bucket of its container. Sorted by start within a bucket, a part is compared
    only with the parts that start before it ends, so the work grows with the
    overlaps, not with the square of the parts.
    """
    columns = ["line", "part_of", "measure", "nationality_code", "sex", "start", "end"]
    codes = {key: list(AreaKey.parse(key).codes) for key in parts["area_key"].unique().tolist()}
    national = parts["area_key"] == NATIONAL.text
    keys = parts.loc[~national, "area_key"]
    local = parts.loc[~national, columns].assign(place=keys.map(codes)).explode("place")
    spread = parts.loc[national, columns].merge(local[["part_of", "place"]].drop_duplicates(), on="part_of", how="left")
    placed = pd.concat([local, spread.fillna({"place": ""})], ignore_index=True)

    bucket = placed.groupby(["part_of", "measure", "place"], sort=False).ngroup().to_numpy("int64")
    start = placed["start"].to_numpy("datetime64[D]").astype("int64")
    end = placed["end"].to_numpy("datetime64[D]").astype("int64")
    span = int(end.max() - start.min()) + 2
    key_start, key_end = bucket * span + (start - start.min()), bucket * span + (end - start.min())
    order = np.lexsort((placed["line"].to_numpy(), key_start))
    stop = np.searchsorted(key_start[order], key_end[order], side="right")
    later = stop - np.arange(len(order)) - 1  # how many parts after each one start before it ends
    first = np.repeat(np.arange(len(order)), later)
    second = first + 1 + np.arange(len(first)) - np.repeat(np.cumsum(later) - later, later)
    a, b = order[first], order[second]

    hit = np.ones(len(a), dtype=bool)
    for column in ("nationality_code", "sex"):
        values = placed[column].to_numpy(object)
        hit &= (values[a] == values[b]) | (values[a] == "") | (values[b] == "")
    lines = placed["line"].to_numpy("int64")
    containers = placed["part_of"].to_numpy(object)
    found = set(zip(np.minimum(lines[a], lines[b])[hit].tolist(), np.maximum(lines[a], lines[b])[hit].tolist(),
                    containers[a][hit].tolist()))
    return [Problem(high, "part_of", "parts-overlap", f"overlaps line {low}: both are parts of '{container}' and may "
                                     "count the same people; make one part of the other")
            for low, high, container in found]

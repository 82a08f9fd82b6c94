"""Checks that need several rows: what containers hold, and one description per source.

Runs on rows whose links are resolved (events.links), column by column rather
than row by row, so that a large file is checked in a fraction of a second.
Two parts of one container that may count the same people are reported and the
later one set aside; a container exceeded by its parts keeps both visible and is
reported.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from events.problems import Problem
from events.schema import LIST_SEPARATOR
from events.tabular import isin
from geo.areas import NATIONAL, AreaKey

GROUP_COLUMNS = ("area_key", "nationality_code", "sex", "measure")  # who a figure counts


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
    """Parts of one container, of its measure, must not overlap nor add up to more than it.

    A part of another measure (people deported among people detained) is a statement
    about the container, not a share of its count, so it is left out of both checks.
    """
    columns = ["id", "line", "within", *GROUP_COLUMNS, "count", "qualifier", "start", "end"]
    firsts = frame.loc[frame["figure_id"] == frame["id"], columns]
    parts = firsts[firsts["within"] != ""]
    if parts.empty:
        return frame.index[:0], []
    parts = parts.assign(container=parts["within"].str.split(LIST_SEPARATOR)).explode("container")
    containers = firsts.loc[isin(firsts["id"], parts["container"]), ["id", "line", "measure", "count", "qualifier"]]
    parts = parts.merge(containers.add_suffix("_container"), left_on="container", right_on="id_container")
    parts = parts[parts["measure"] == parts["measure_container"]]
    problems = _overlaps(parts) + _exceeded(parts)
    rejected = frame.index[frame["line"].isin([p.line for p in problems if p.rejects_row])]
    return rejected, problems


def _exceeded(parts: pd.DataFrame) -> list[Problem]:
    """Containers whose parts add up to more than an exact container can hold (kept, and reported)."""
    count = parts["count"].astype("float64")
    least = (count.where(parts["qualifier"].isin(["exact", "at_least"]), 0)
             + (count + 1).where(parts["qualifier"] == "more_than", 0)).fillna(0)
    codes, containers = pd.factorize(parts["container"])
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
    columns = ["line", "container", "measure", "nationality_code", "sex", "start", "end"]
    codes = {key: list(AreaKey.parse(key).codes) for key in parts["area_key"].unique().tolist()}
    national = parts["area_key"] == NATIONAL.text
    keys = parts.loc[~national, "area_key"]
    local = parts.loc[~national, columns].assign(place=keys.map(codes)).explode("place")
    spread = parts.loc[national, columns].merge(local[["container", "place"]].drop_duplicates(), on="container",
                                                how="left")
    placed = pd.concat([local, spread.fillna({"place": ""})], ignore_index=True)

    bucket = placed.groupby(["container", "measure", "place"], sort=False).ngroup().to_numpy("int64")
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
    containers = placed["container"].to_numpy(object)
    found = set(zip(np.minimum(lines[a], lines[b])[hit].tolist(), np.maximum(lines[a], lines[b])[hit].tolist(),
                    containers[a][hit].tolist()))
    return [Problem(high, "part_of", "parts-overlap", f"overlaps line {low}: both are parts of '{container}' and may "
                                     "count the same people; make one part of the other")
            for low, high, container in found]

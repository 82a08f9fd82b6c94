"""Checks that need several rows: what containers hold, and one description per source.

Runs on rows whose links are resolved (events.links), column by column rather
than row by row, so that a large file is checked in a fraction of a second.
Nothing here sets a row aside: the sums never add figures that may overlap, so
these are notices for the maintainer.

A part narrows its container along some *dimensions*: place (the site raids of a
national tally), nationality (its nationality split), sex (the women among them),
or only the period. Two parts that narrow different dimensions (a site raid and
the tally's count of Chinese) overlap by nature and are not reported; two that
may count the same people while one narrows everything the other does (two
raids on one site, or a province's raid and its Thai detainees) are. Sums of
parts only add parts that cannot overlap (events.overlap).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from events.dates import year_known
from events.overlap import disjoint
from events.problems import Problem, clip
from events.schema import LIST_SEPARATOR
from events.tabular import days, isin, split_lists
from events.values import Value
from events.vocabulary import FOREIGN, nationalities_meet
from geo.areas import NATIONAL, UNSTATED, AreaKey

GROUP_COLUMNS = ("area_key", "nationality_code", "sex", "measure")  # who a figure counts


def check_sources(frame: pd.DataFrame) -> list[Problem]:
    """One address, one source: the same URL must carry the same publisher, title and date. Said once per
    address, on the first line that differs, with every version and the lines that give it."""
    columns = ["source_publisher", "source_title", "source_date"]
    with_url = frame.loc[frame["source_url"] != "", ["line", "source_url", *columns]]
    first = _first_of_each(with_url["source_url"])
    differs = np.zeros(len(with_url), dtype=bool)
    for column in columns:
        values = with_url[column].array
        differs |= np.asarray(values != values.take(first), dtype=bool)
    pages = set(with_url["source_url"].to_numpy()[differs].tolist())
    if not pages:
        return []
    problems = []
    for _url, rows in with_url[with_url["source_url"].isin(pages)].groupby("source_url", sort=False):
        said = []
        for column in columns:
            versions: dict[str, list[int]] = {}
            for value, line in zip(rows[column].tolist(), rows["line"].tolist()):
                versions.setdefault(value, []).append(int(line))
            if len(versions) > 1:
                said.append(f"{column.removeprefix('source_')} " + " or ".join(
                    f"{repr(clip(value)) if value else '(blank)'} (line{'s' if len(lines) > 1 else ''} "
                    f"{', '.join(map(str, lines))})" for value, lines in versions.items()))
        line = int(rows["line"].to_numpy()[differs[with_url.index.get_indexer(rows.index)]][0])
        column = next(c for c in columns if rows[c].nunique() > 1)
        problems.append(Problem(line, column, "source-differs", f"one source_url described two ways: "
                                f"{'; '.join(said)}; one source, one description", rejects_row=False))
    return problems


def _first_of_each(values: pd.Series) -> np.ndarray:
    """For each row, the position of the first row with the same value."""
    codes, _ = pd.factorize(values)
    _, first = np.unique(codes, return_index=True)
    return first[codes]


def check_parts(frame: pd.DataFrame) -> list[Problem]:
    """Parts of one container, of its measure and along one dimension, that may overlap or exceed it.

    A part of another measure (people deported among people detained) is a statement
    about the container, not a share of its count, so it is left out of both checks.
    """
    columns = ["id", "line", "within", *GROUP_COLUMNS, "group", "count", "qualifier", "start", "end"]
    first = frame["figure_id"] == frame["id"]
    parts = frame.loc[first & (frame["within"] != ""), columns]
    if parts.empty:
        return []
    rows, containers = split_lists(parts["within"], LIST_SEPARATOR)
    parts = parts.iloc[rows].assign(container=containers)
    holding = first & isin(frame["id"], parts["container"])
    containers = frame.loc[holding, ["id", "line", *GROUP_COLUMNS, "count", "qualifier", "parts_separate"]]
    parts = parts.merge(containers.add_suffix("_container"), left_on="container", right_on="id_container")
    outside = _outside(parts)
    parts = parts[parts["measure"] == parts["measure_container"]]
    if parts.empty:
        return outside
    parts = parts.assign(dimension=sum(weight * (parts[c] != parts[f"{c}_container"]).astype(int)
                                       for weight, c in zip(_DIMENSION_WEIGHTS, _DIMENSIONS)))
    separate = parts["parts_separate_container"] == "yes"  # the file says they cannot overlap: no notice
    return outside + _overlaps(parts[~separate], _known_to_overlap(frame, first)) + _exceeded(parts)


def _outside(parts: pd.DataFrame) -> list[Problem]:
    """Parts whose place or nationality cannot lie inside their container's: Kratie inside a Pursat raid, the
    whole country inside one province, Chinese inside a count of Vietnamese. Each distinct pair of cells is
    judged once; only the parts found wrong are walked."""
    keys = ["area_key", "area_key_container", "nationality_code", "nationality_code_container"]
    pairs = parts[keys].drop_duplicates()
    wrong = {}
    for area, container_area, nationality, container_nationality in pairs.itertuples(index=False):
        inner, outer = AreaKey.parse(area) if area else None, AreaKey.parse(container_area) if container_area else None
        if inner is not None and outer is not None and outer.codes and not outer.unstated and (
                not inner.codes or not set(inner.codes) <= set(outer.codes)):
            wrong[area, container_area, nationality, container_nationality] = (
                "area", f"its place ({inner.name}) cannot lie inside its container's ({outer.name})")
        elif nationality and container_nationality and not _inside(nationality, container_nationality):
            wrong[area, container_area, nationality, container_nationality] = (
                "nationality", f"its nationality ({nationality}) cannot lie inside its container's "
                               f"({container_nationality})")
    if not wrong:
        return []
    flagged = parts.merge(pd.DataFrame(list(wrong), columns=keys), on=keys)
    return [Problem(int(line), wrong[tuple(key)][0], "part-outside-container",
                    f"a part of '{container}', but {wrong[tuple(key)][1]}; check part_of or the cell",
                    rejects_row=False)
            for line, container, *key in zip(flagged["line"], flagged["container"],
                                             *(flagged[k] for k in keys))]


def _inside(nationality: str, container: str) -> bool:
    """Whether people of ``nationality`` can be among a container's ("VN" among "VN;KH", anyone but Cambodians
    among foreigners)."""
    held = set(container.split(LIST_SEPARATOR))
    return all(code in held or (FOREIGN in held and code != "KH") for code in nationality.split(LIST_SEPARATOR))


def check_repeats(frame: pd.DataFrame) -> list[Problem]:
    """A repeat is another source's report: one citing its first report's own address with the same number and
    claimant records the page twice (a problem; a page that gives two versions, or two claimants' numbers, has a
    row for each); one dated a year or more from its first report may be another figure (a note)."""
    repeats = frame[frame["figure_id"] != frame["id"]]
    if repeats.empty:
        return []
    compared = ["source_url", "count", "qualifier", "claimant"]
    firsts = frame.set_index("id").loc[repeats["figure_id"], [*compared, "start", "line"]]
    same_page = repeats["source_url"].to_numpy() != ""
    for column in compared:
        same_page &= repeats[column].astype(str).to_numpy() == firsts[column].astype(str).to_numpy()
    apart = np.abs((repeats["start"].to_numpy() - firsts["start"].to_numpy()).astype("timedelta64[D]").astype(int))
    known = repeats["date_start"].map(year_known).to_numpy(bool) & frame.set_index("id").loc[
        repeats["figure_id"], "date_start"].map(year_known).to_numpy(bool)
    problems = [Problem(int(line), "source_url", "repeat-same-source",
                        f"cites the same address as its first report (line {first}); the page is already recorded",
                        rejects_row=False)
                for line, first in zip(repeats["line"].to_numpy()[same_page], firsts["line"].to_numpy()[same_page])]
    far = known & (apart >= 365)
    problems += [Problem(int(line), "date_start", "repeat-far-in-time",
                         f"dated {days} days from its first report (line {first}); a year apart, it may be another "
                         "figure", rejects_row=False)
                 for line, first, days in zip(repeats["line"].to_numpy()[far], firsts["line"].to_numpy()[far],
                                              apart[far])]
    return problems


def _known_to_overlap(frame: pd.DataFrame, first: pd.Series) -> set[tuple[int, int]]:
    """Lines of figures whose overlap is stated, so not worth a notice: a figure and one of its
    containers, and two containers of one figure (``first``: the first reports)."""
    several = frame.loc[first & frame["within"].str.contains(LIST_SEPARATOR, regex=False), ["line", "within"]]
    if several.empty:
        return set()
    line_of = dict(zip(frame.loc[first, "id"].tolist(), frame.loc[first, "line"].tolist()))
    known = set()
    for line, text in zip(several["line"].tolist(), several["within"].tolist()):
        lines = sorted({line, *(line_of[i] for i in text.split(LIST_SEPARATOR) if i in line_of)})
        known.update((a, b) for n, a in enumerate(lines) for b in lines[n + 1:])
    return known


_DIMENSIONS = ("area_key", "nationality_code", "sex")  # what a part can narrow, besides the period
_DIMENSION_WEIGHTS = (1, 2, 4)


@dataclass(frozen=True)
class _Part:
    """A part as events.overlap sees it."""

    line: int
    least: int  # the fewest people it can mean
    area: AreaKey
    nationality_code: str
    sex: str
    group: str
    start: date
    end: date


def _exceeded(parts: pd.DataFrame) -> list[Problem]:
    """Exact containers whose parts that cannot overlap add up to more than they hold (kept, and reported)."""
    exact = parts[parts["qualifier_container"] == "exact"]
    if exact.empty:
        return []
    # parts can only exceed their container if all of them together do: only those containers are looked into
    least = Value.lowers(exact["count"], exact["qualifier"])
    over = least.groupby(exact["container"]).transform("sum") > exact["count_container"]
    exact = exact.assign(least=least)[over.to_numpy(bool)]
    if exact.empty:
        return []
    by_container: dict[tuple[str, int, int], list[_Part]] = {}
    for container, container_line, room, line, least, key, nationality, sex, group, start, end in zip(
            exact["container"], exact["line_container"], exact["count_container"], exact["line"], exact["least"],
            exact["area_key"], exact["nationality_code"], exact["sex"], exact["group"], days(exact["start"]),
            days(exact["end"])):
        by_container.setdefault((container, int(container_line), int(room)), []).append(
            _Part(int(line), least, AreaKey.parse(key), nationality, sex, group, start, end))
    problems = []
    for (_, container_line, room), members in by_container.items():
        added = disjoint(members, lambda part: part.least)[0]
        if (summed := sum(p.least for p in added)) > room:
            problems.append(Problem(container_line, "count", "parts-exceed",
                                    f"its parts (lines {', '.join(str(p.line) for p in added)}) add up to at least "
                                    f"{summed:,}, more than this figure's {room:,}; check both sources",
                                    rejects_row=False))
    return problems


def _overlaps(parts: pd.DataFrame, known: set[tuple[int, int]]) -> list[Problem]:
    """Two parts of one container that could count the same people (the later line is reported).

    Each part goes in one bucket per province it names, a national part in every
    bucket of its container. Sorted by start within a bucket, a part is compared
    only with the parts that start before it ends, so the work grows with the
    overlaps, not with the square of the parts.
    """
    if parts.empty:
        return []
    columns = ["line", "container", "dimension", "measure", "nationality_code", "sex", "group", "start", "end"]
    codes = {key: list(AreaKey.parse(key).codes) for key in parts["area_key"].unique().tolist()}
    # may be in any province: the whole country, a province not stated, or no Cambodian place (counted abroad)
    national = parts["area_key"].isin([NATIONAL.text, UNSTATED.text, ""])
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

    dimension = placed["dimension"].to_numpy("int64")
    common = dimension[a] & dimension[b]
    hit = (common == dimension[a]) | (common == dimension[b])  # one narrows all the other narrows, or more
    # a shorter tally inside a longer one overlaps the longer one's own breakdowns by design: no notice
    hit &= (dimension[a] == dimension[b]) | ((dimension[a] != 0) & (dimension[b] != 0))
    for column in ("sex", "group"):  # women and men, suspects and victims: never the same people
        values = placed[column].to_numpy(object)
        hit &= (values[a] == values[b]) | (values[a] == "") | (values[b] == "")
    nationality = placed["nationality_code"].to_numpy(object)
    pairs = list(zip(nationality[a][hit].tolist(), nationality[b][hit].tolist()))
    meet = {pair: nationalities_meet(*pair) for pair in set(pairs)}  # a few distinct values
    hit[hit] = [meet[pair] for pair in pairs]
    lines = placed["line"].to_numpy("int64")
    containers = placed["container"].to_numpy(object)
    found = set(zip(np.minimum(lines[a], lines[b])[hit].tolist(), np.maximum(lines[a], lines[b])[hit].tolist(),
                    containers[a][hit].tolist()))
    return [Problem(high, "part_of", "parts-overlap", f"overlaps line {low}: both are parts of '{container}' and may "
                    "count the same people, so they are never added together; if one contains the other, "
                    "say so with part_of", rejects_row=False)
            for low, high, container in found if (low, high) not in known]

"""Links between rows: which figure a row reports, and which figures contain it.

A row is either the first report of a figure or a repeat of it (``same_figure_as``);
a figure may lie inside other figures (``part_of``, several ids joined by ';').
Links are followed as far as they lead and the result is written beside the
cells, which stay as written: ``figure_id`` (the first report's id) and
``within`` (the ids of the containing figures, ';'-joined).

A mistake in a link sets aside only the row that holds it, and only when the
link is wrong in itself (a row pointing at itself, a repeat of a figure of
another measure). A link to a row that is missing or was set aside is dropped
with a notice and the row is still shown: the first of the repeats of a lost
first report takes its place; a loop of containers loses its closing link.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from events.problems import Problem
from events.schema import LIST_SEPARATOR
from events.tabular import split_lists


def resolve_links(frame: pd.DataFrame, every_row: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows kept, with ``figure_id`` and ``within``, and the problems (those of rows set aside included).

    ``every_row`` holds the id and line of every row read, valid or not, to say
    where a lost target went. Links are handled column-wise in Arrow; rows are
    walked one by one only where a repeat points somewhere, or a link needs a notice.
    """
    line_of = _Lines(frame)
    pairs = _part_of_pairs(frame)
    lost = _LostTargets(every_row)
    problems: list[Problem] = []

    self_repeats = frame.loc[frame["same_figure_as"] == frame["id"], "id"].tolist()
    rejected = set(self_repeats) | set(pairs.loc[pairs["target"] == pairs["id"], "id"].tolist())
    for i in sorted(rejected, key=line_of.__getitem__):
        column = "same_figure_as" if i in self_repeats else "part_of"
        problems.append(Problem(line_of[i], column, "self-reference",
                                f"'{i}' is this row's own id; a figure cannot refer to itself"))
    alive = frame[~frame["id"].isin(rejected)] if rejected else frame
    ids = pa.array(alive["id"], type=pa.string())
    repeats = alive.loc[alive["same_figure_as"] != "", ["id", "same_figure_as", "measure"]]
    targets = pa.array(repeats["same_figure_as"], type=pa.string())
    living = set(pc.filter(targets, pc.is_in(targets, value_set=ids)).to_pylist())
    first_of = _figures(living, dict(zip(repeats["id"].tolist(), repeats["same_figure_as"].tolist())),
                        line_of, lost, problems)
    repeat_ids = pa.array(list(first_of), type=pa.string())
    firsts = pa.array(list(first_of.values()), type=pa.string())
    link = _Figures(ids, pc.coalesce(pc.take(firsts, pc.index_in(ids, value_set=repeat_ids)), ids),
                    pa.array(alive["line"], type=pa.int64()), first_of)
    measures = pa.array(alive["measure"], type=pa.string())
    differs = pc.not_equal(pc.take(measures, pc.index_in(repeat_ids, value_set=ids)),
                           pc.take(measures, pc.index_in(firsts, value_set=ids)))
    for i, first in zip(pc.filter(repeat_ids, differs).to_pylist(), pc.filter(firsts, differs).to_pylist()):
        rejected.add(i)
        mine, theirs = (measures[pc.index(ids, x).as_py()].as_py() for x in (i, first))
        problems.append(Problem(line_of[i], "measure", "repeat-differs",
                                f"counts {mine} but '{first}' (line {line_of[first]}), the report it "
                                f"repeats, counts {theirs}; a repeat must count the same thing"))
    within = _containers(pairs[~pairs["id"].isin(rejected)], link, line_of, lost, problems)

    kept = alive[~alive["id"].isin(rejected)] if rejected else alive
    figure_ids = pc.take(link.figures, pc.index_in(pa.array(kept["id"], type=pa.string()), value_set=link.ids))
    texts = pc.fill_null(pc.take(within.column("within"), pc.index_in(figure_ids, value_set=within.column("id"))), "")
    out = kept.assign(figure_id=figure_ids.to_pandas().set_axis(kept.index),
                      within=texts.to_pandas().set_axis(kept.index))
    return out, problems


class _Lines:
    """Line of each kept row's id, built on first use: a clean file never needs it."""

    def __init__(self, frame: pd.DataFrame):
        self._frame, self._lines = frame, None

    def __getitem__(self, i: str) -> int:
        if self._lines is None:
            self._lines = dict(zip(self._frame["id"].tolist(), self._frame["line"].tolist()))
        return self._lines[i]


@dataclass(frozen=True)
class _Figures:
    """Each kept row's id, the id of its figure's first report and its line, as Arrow arrays (C++ look-ups)."""

    ids: pa.Array
    figures: pa.Array
    lines: pa.Array
    first_of: dict[str, str]  # repeats only

    def of(self, i: str) -> str:
        return self.first_of.get(i, i)


def _part_of_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per (id, line, target) of the part_of cells, targets in the order written."""
    linked = frame.loc[frame["part_of"] != "", ["id", "line"]]
    rows, targets = split_lists(frame.loc[linked.index, "part_of"], LIST_SEPARATOR)
    return pd.DataFrame({"id": linked["id"].to_numpy(object)[rows], "line": linked["line"].to_numpy()[rows],
                         "target": targets})


class _LostTargets:
    """Says where a target that no kept row has went: never written, or set aside (with its line)."""

    def __init__(self, every_row: pd.DataFrame):
        self._every_row, self._written = every_row, None

    def line(self, target: str) -> int | None:
        if self._written is None:
            first = self._every_row.drop_duplicates("id")
            self._written = dict(zip(first["id"].tolist(), first["line"].tolist()))
        return self._written.get(target)

    def problem(self, line: int, column: str, target: str, outcome: str) -> Problem:
        where = self.line(target)
        if where is None:
            return Problem(line, column, "missing-target", f"refers to id '{target}', which no row has; {outcome}",
                       rejects_row=False)
        return Problem(line, column, "target-rejected", f"refers to '{target}' on line {where}, which was set "
                                                        f"aside; {outcome}; fix line {where}",
                       rejects_row=False, cause=where)


def _figures(living: set[str], same: dict[str, str], line_of: _Lines, lost: _LostTargets,
             problems: list[Problem]) -> dict[str, str]:
    """For each repeat, the id of its figure's first report, following chains of repeats."""
    first_of: dict[str, str] = {}
    orphans: dict[str, list[str]] = {}  # lost target (or a loop's key) -> the repeats that pointed at it
    for i in same:
        chain, target = [i], same[i]
        while target in same and target not in chain:
            chain.append(target)
            target = same[target]
        if target in living and target not in same:
            first_of[i] = target
            if len(chain) > 1:
                problems.append(Problem(line_of[i], "same_figure_as", "repeat-of-repeat",
                                        f"'{same[i]}' is itself a repeat; point at '{target}', the first report",
                                        rejects_row=False))
        else:
            key = target if target not in chain else "loop:" + min(chain, key=line_of.__getitem__)
            orphans.setdefault(key, []).append(i)
    for target, repeats in orphans.items():
        repeats.sort(key=line_of.__getitem__)
        first = repeats[0]
        for i in repeats:
            first_of[i] = first
            outcome = ("this row is shown as the figure's first report" if i == first
                       else f"shown as a repeat of line {line_of[first]}")
            if target.startswith("loop:"):
                problems.append(Problem(line_of[i], "same_figure_as", "repeat-of-repeat",
                                        f"repeats point at each other in a loop; {outcome}", rejects_row=False))
            else:
                problems.append(lost.problem(line_of[i], "same_figure_as", target, outcome))
    return first_of


def _containers(pairs: pd.DataFrame, link: _Figures, line_of: _Lines, lost: _LostTargets,
                problems: list[Problem]) -> pa.Table:
    """The figures containing each figure: a table of first-report ids and their containers, ';'-joined.

    Lost or looping links are dropped. Looked up in Arrow (C++), a column at a time;
    rows are walked one by one only for the links that need a notice and, when some
    container is written below its part, to find loops.
    """
    ids, targets = pa.array(pairs["id"], type=pa.string()), pa.array(pairs["target"], type=pa.string())
    firsts = pc.take(link.figures, pc.index_in(targets, value_set=link.ids))
    for at in np.flatnonzero(pc.is_null(firsts).to_numpy(zero_copy_only=False)):
        problems.append(lost.problem(int(pairs["line"].iat[at]), "part_of", str(targets[at]),
                                     "shown without that container"))
    for at in np.flatnonzero(pc.fill_null(pc.not_equal(firsts, targets), False).to_numpy(zero_copy_only=False)):
        problems.append(Problem(int(pairs["line"].iat[at]), "part_of", "part-of-repeat",
                                f"'{targets[at]}' repeats '{firsts[at]}'; point part_of at '{firsts[at]}', "
                                "the first report", rejects_row=False))
    links = pa.table({"id": ids, "first": firsts, "line": pa.array(pairs["line"], type=pa.int64()),
                      "own": pc.equal(pc.take(link.figures, pc.index_in(ids, value_set=link.ids)), ids)})
    links = links.filter(pc.is_valid(firsts))
    links = links.filter(pc.invert(pa.array(_repeated(links), type=pa.bool_())))
    own, repeats = links.filter(links["own"]), links.filter(pc.invert(links["own"]))
    grouped = own.group_by("id", use_threads=False).aggregate([("first", "list")])
    within = pa.table({"id": grouped["id"], "within": pc.binary_join(grouped["first_list"], LIST_SEPARATOR)})
    if len(repeats):  # a repeat's containers are its first report's
        of_figure = dict(zip(within["id"].to_pylist(), within["within"].to_pylist()))
        written: dict[str, set[str]] = {}
        for i, first in zip(repeats["id"].to_pylist(), repeats["first"].to_pylist()):
            written.setdefault(i, set()).add(first)
        for i, resolved in written.items():
            if resolved != set(of_figure.get(link.of(i), "").split(LIST_SEPARATOR)) - {""}:
                problems.append(Problem(line_of[i], "part_of", "repeat-moved",
                                        f"differs from '{link.of(i)}', the first report, whose containers are used; "
                                        "leave part_of blank on a repeat", rejects_row=False))
    target_lines = pc.take(link.lines, pc.index_in(own["first"], value_set=link.ids))
    if pc.any(pc.greater_equal(target_lines, own["line"])).as_py():  # a loop needs a link to a row below
        lists = {i: text.split(LIST_SEPARATOR)
                 for i, text in zip(within["id"].to_pylist(), within["within"].to_pylist())}
        _break_loops(lists, line_of.__getitem__, problems)
        within = pa.table({"id": pa.array(list(lists), type=pa.string()),
                           "within": pa.array([LIST_SEPARATOR.join(t) for t in lists.values()], type=pa.string())})
    return within


def _repeated(links: pa.Table) -> np.ndarray:
    """Links that repeat an earlier (id, container) pair: two targets that resolve to one figure."""
    return pd.DataFrame({"id": links["id"].to_numpy(zero_copy_only=False),
                         "first": links["first"].to_numpy(zero_copy_only=False)}).duplicated().to_numpy()


def _break_loops(within: dict[str, list[str]], line: Callable[[str], int], problems: list[Problem]) -> None:
    """Drop the link that closes each loop of containers (the one written last), with a problem."""
    while (loop := _a_loop(within, line)) is not None:
        closer = max(loop, key=line)
        following = loop[(loop.index(closer) + 1) % len(loop)]
        within[closer] = [t for t in within[closer] if t != following]
        problems.append(Problem(line(closer), "part_of", "part-of-loop",
                                f"part_of makes a loop ({' → '.join([*loop, loop[0]])}); a figure cannot contain "
                                f"itself, so this row is shown outside '{following}'", rejects_row=False))


def _a_loop(within: dict[str, list[str]], line: Callable[[str], int]) -> list[str] | None:
    """One cycle of the containment graph, in link order, or None (depth-first, without recursion)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for start in sorted(within, key=line):
        if state.get(start):
            continue
        path, stack = [start], [iter(within.get(start, ()))]
        state[start] = 1
        while stack:
            target = next(stack[-1], None)
            if target is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(target) == 1:
                return path[path.index(target):]
            elif not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append(iter(within.get(target, ())))
    return None

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
    where a lost target went. Rows are handled by position, a column at a time in
    Arrow and numpy; they are walked one by one only where a repeat points
    somewhere, or a link needs a notice.
    """
    ids = pa.array(frame["id"], type=pa.string())
    lines = frame["line"].to_numpy("int64")
    line_of = _Lines(frame)
    lost = _LostTargets(every_row)
    problems: list[Problem] = []
    part_rows, part_targets = split_lists(frame["part_of"], LIST_SEPARATOR)

    own_ids = ids.to_numpy(zero_copy_only=False)
    same_cells = frame["same_figure_as"].to_numpy(object)
    self_repeat = same_cells == own_ids
    rejected = self_repeat.copy()
    rejected[part_rows[part_targets == own_ids[part_rows]]] = True
    for at in np.flatnonzero(rejected):
        column = "same_figure_as" if self_repeat[at] else "part_of"
        problems.append(Problem(int(lines[at]), column, "self-reference",
                                f"'{own_ids[at]}' is this row's own id; a figure cannot refer to itself"))
    lookup = pc.if_else(pa.array(~rejected), ids, pa.nulls(len(frame), pa.string()))  # ids a link may reach

    repeat_rows = np.flatnonzero((same_cells != "") & ~rejected)
    same = dict(zip(own_ids[repeat_rows].tolist(), same_cells[repeat_rows].tolist()))
    targets = pa.array(same_cells[repeat_rows], type=pa.string())
    living = set(pc.filter(targets, pc.is_in(targets, value_set=lookup)).to_pylist())
    first_of = _figures(living, same, line_of, lost, problems)
    firsts = [first_of[i] for i in own_ids[repeat_rows].tolist()]
    found = pc.index_in(pa.array(firsts + part_targets.tolist(), type=pa.string()), value_set=lookup)
    found = found.to_numpy(zero_copy_only=False)  # float: NaN where a target is lost
    figure_row = np.arange(len(frame))
    figure_row[repeat_rows] = found[:len(firsts)].astype("int64")

    measures = frame["measure"].to_numpy(object)
    for at in repeat_rows[measures[repeat_rows] != measures[figure_row[repeat_rows]]]:
        rejected[at] = True
        first = figure_row[at]
        problems.append(Problem(int(lines[at]), "measure", "repeat-differs",
                                f"counts {measures[at]} but '{own_ids[first]}' (line {lines[first]}), the report it "
                                f"repeats, counts {measures[first]}; a repeat must count the same thing"))
    links = pd.DataFrame({"row": part_rows, "target": part_targets, "found": found[len(firsts):]})
    within = _containers(links[~rejected[part_rows]], figure_row, own_ids, lines, line_of, lost, problems)

    kept = ~rejected
    figure_ids = own_ids[figure_row[kept]]
    out = frame[kept] if not kept.all() else frame
    out = out.assign(figure_id=pd.Series(figure_ids, index=out.index, dtype="str"),
                     within=pd.Series(within[figure_row[kept]], index=out.index, dtype="str"))
    return out.assign(same_people=_same_people(out, lost, problems)), problems


def _same_people(frame: pd.DataFrame, lost: _LostTargets, problems: list[Problem]) -> pd.Series:
    """``same_people_as`` as the figure ids it reaches (a repeat named stands for its figure); a link to no kept
    row, or to the row itself, is dropped with a notice."""
    linked = frame.loc[frame["same_people_as"] != "", ["id", "line", "same_people_as"]]
    if linked.empty:
        return pd.Series("", index=frame.index, dtype="str")
    figure_of = dict(zip(frame["id"].tolist(), frame["figure_id"].tolist()))
    resolved = {}
    for index, own, line, cell in zip(linked.index, linked["id"], linked["line"], linked["same_people_as"]):
        reached = []
        for target in (t.strip() for t in cell.split(LIST_SEPARATOR) if t.strip()):
            if target == own or figure_of.get(target) == figure_of[own]:
                problems.append(Problem(int(line), "same_people_as", "self-reference",
                                        f"'{target}' is this figure itself; name another figure", rejects_row=False))
            elif target in figure_of:
                reached.append(figure_of[target])
            else:
                problems.append(lost.problem(int(line), "same_people_as", target, "the link is dropped"))
        resolved[index] = LIST_SEPARATOR.join(dict.fromkeys(reached))
    return pd.Series(resolved, index=frame.index, dtype="str").fillna("")


class _Lines:
    """Line of each kept row's id, built on first use: a clean file never needs it."""

    def __init__(self, frame: pd.DataFrame):
        self._frame, self._lines = frame, None

    def __getitem__(self, i: str) -> int:
        if self._lines is None:
            self._lines = dict(zip(self._frame["id"].tolist(), self._frame["line"].tolist()))
        return self._lines[i]


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


def _containers(links: pd.DataFrame, figure_row: np.ndarray, ids: np.ndarray, lines: np.ndarray, line_of: _Lines,
                lost: _LostTargets, problems: list[Problem]) -> np.ndarray:
    """For each row, the ids of the figures containing its figure (';'-joined, "" for none).

    ``links`` holds one row per part_of target: the row holding it, the target as
    written and where it was found (NaN: lost). Lost or looping links are dropped.
    """
    lost_at = links["found"].isna().to_numpy()
    for row, target in zip(links.loc[lost_at, "row"].tolist(), links.loc[lost_at, "target"].tolist()):
        problems.append(lost.problem(int(lines[row]), "part_of", target, "shown without that container"))
    links = links[~lost_at]
    row = links["row"].to_numpy("int64")
    target = links["found"].to_numpy().astype("int64")
    first = figure_row[target]
    for at in np.flatnonzero(first != target):
        problems.append(Problem(int(lines[row[at]]), "part_of", "part-of-repeat",
                                f"'{ids[target[at]]}' repeats '{ids[first[at]]}'; point part_of at "
                                f"'{ids[first[at]]}', the first report", rejects_row=False))
    _, unique = np.unique(row * len(ids) + first, return_index=True)  # one link per (part, container)
    unique.sort()
    row, first = row[unique], first[unique]
    own = figure_row[row] == row
    within = np.full(len(ids), "", dtype=object)
    pairs = pa.table({"row": pa.array(row[own], type=pa.int64()), "first": pa.array(ids[first[own]], type=pa.string())})
    grouped = pairs.group_by("row", use_threads=False).aggregate([("first", "list")])
    within[grouped["row"].to_numpy()] = pc.binary_join(grouped["first_list"], LIST_SEPARATOR).to_numpy(
        zero_copy_only=False)
    written: dict[int, set[str]] = {}  # a repeat's own part_of: its first report's containers are used
    for at, container in zip(row[~own].tolist(), ids[first[~own]].tolist()):
        written.setdefault(at, set()).add(container)
    for at, containers in written.items():
        if containers != set(within[figure_row[at]].split(LIST_SEPARATOR)) - {""}:
            problems.append(Problem(int(lines[at]), "part_of", "repeat-moved",
                                    f"differs from '{ids[figure_row[at]]}', the first report, whose containers are "
                                    "used; leave part_of blank on a repeat", rejects_row=False))
    if (lines[first[own]] >= lines[row[own]]).any():  # a loop needs a link to a row written below
        graph = {ids[at]: within[at].split(LIST_SEPARATOR) for at in np.flatnonzero(within != "")}
        _break_loops(graph, line_of.__getitem__, problems)
        position = {i: at for at, i in enumerate(ids.tolist())}
        for i, containers in graph.items():
            within[position[i]] = LIST_SEPARATOR.join(containers)
    return within


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

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

import pandas as pd

from events.problems import Problem
from events.schema import LIST_SEPARATOR


def resolve_links(frame: pd.DataFrame, every_row: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """The rows kept, with ``figure_id`` and ``within``, and the problems (those of rows set aside included).

    ``every_row`` holds the id and line of every row read, valid or not, to say
    where a lost target went.
    """
    ids = frame["id"].tolist()
    line_of = dict(zip(ids, frame["line"].tolist()))
    same = dict(zip(ids, frame["same_figure_as"].tolist()))
    containers = {i: [t for t in (p.strip() for p in text.split(LIST_SEPARATOR)) if t]
                  for i, text in zip(ids, frame["part_of"].tolist()) if text}
    measure = dict(zip(ids, frame["measure"].tolist()))
    lost = _LostTargets(every_row, line_of)
    problems: list[Problem] = []

    rejected = {i for i in ids if same[i] == i or i in containers.get(i, ())}
    for i in sorted(rejected, key=line_of.get):
        column = "same_figure_as" if same[i] == i else "part_of"
        problems.append(Problem(line_of[i], column, "self-reference",
                                f"'{i}' is this row's own id; a figure cannot refer to itself"))
    alive = [i for i in ids if i not in rejected]
    figure_of = _figures(alive, same, line_of, lost, problems)
    for i in alive:
        first = figure_of[i]
        if first != i and measure[i] != measure[first]:
            rejected.add(i)
            problems.append(Problem(line_of[i], "measure", "repeat-differs",
                                    f"counts {measure[i]} but '{first}' (line {line_of[first]}), the report it "
                                    f"repeats, counts {measure[first]}; a repeat must count the same thing"))
    within = _containers(alive, containers, figure_of, line_of, lost, problems)

    kept = ~frame["id"].isin(rejected)
    out = frame[kept].assign(figure_id=[figure_of[i] for i in frame.loc[kept, "id"].tolist()])
    out["within"] = [LIST_SEPARATOR.join(within.get(figure_of[i], ())) for i in out["id"].tolist()]
    return out, problems


class _LostTargets:
    """Says where a target that no kept row has went: never written, or set aside (with its line)."""

    def __init__(self, every_row: pd.DataFrame, line_of: dict[str, int]):
        self._every_row, self._line_of, self._written = every_row, line_of, None

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


def _figures(alive: list[str], same: dict[str, str], line_of: dict[str, int], lost: _LostTargets,
             problems: list[Problem]) -> dict[str, str]:
    """The id of the first report of each row's figure, following chains of repeats."""
    living = set(alive)
    figure_of = {i: i for i in alive if not same[i]}
    orphans: dict[str, list[str]] = {}  # lost target (or a loop's key) -> the repeats that pointed at it
    for i in alive:
        if i in figure_of:
            continue
        chain, target = [i], same[i]
        while target in living and same[target] and target not in chain:
            chain.append(target)
            target = same[target]
        if target in living and not same[target]:
            figure_of[i] = target
            if len(chain) > 1:
                problems.append(Problem(line_of[i], "same_figure_as", "repeat-of-repeat",
                                        f"'{same[i]}' is itself a repeat; point at '{target}', the first report",
                                        rejects_row=False))
        else:
            key = target if target not in chain else "loop:" + min(chain, key=line_of.get)
            orphans.setdefault(key, []).append(i)
    for target, repeats in orphans.items():
        repeats.sort(key=line_of.get)
        first = repeats[0]
        for i in repeats:
            figure_of[i] = first
            outcome = ("this row is shown as the figure's first report" if i == first
                       else f"shown as a repeat of line {line_of[first]}")
            if target.startswith("loop:"):
                problems.append(Problem(line_of[i], "same_figure_as", "repeat-of-repeat",
                                        f"repeats point at each other in a loop; {outcome}", rejects_row=False))
            else:
                problems.append(lost.problem(line_of[i], "same_figure_as", target, outcome))
    return figure_of


def _containers(alive: list[str], containers: dict[str, list[str]], figure_of: dict[str, str],
                line_of: dict[str, int], lost: _LostTargets, problems: list[Problem]) -> dict[str, list[str]]:
    """The figures containing each figure, by the first report's id; lost or looping links dropped."""
    within: dict[str, list[str]] = {}
    written: dict[str, list[str]] = {}
    for i in alive:
        if i not in containers:
            continue
        resolved: list[str] = []
        for target in containers[i]:
            if target not in figure_of:
                problems.append(lost.problem(line_of[i], "part_of", target, "shown without that container"))
                continue
            first = figure_of[target]
            if first != target:
                problems.append(Problem(line_of[i], "part_of", "part-of-repeat",
                                        f"'{target}' repeats '{first}'; point part_of at '{first}', the first report",
                                        rejects_row=False))
            if first not in resolved:
                resolved.append(first)
        if figure_of[i] == i:
            within[i] = resolved
        else:
            written[i] = resolved
    for i, resolved in written.items():  # a repeat's containers are its first report's
        if set(resolved) != set(within.get(figure_of[i], ())):
            problems.append(Problem(line_of[i], "part_of", "repeat-moved",
                                    f"differs from '{figure_of[i]}', the first report, whose containers are used; "
                                    "leave part_of blank on a repeat", rejects_row=False))
    _break_loops(within, line_of.__getitem__, problems)
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

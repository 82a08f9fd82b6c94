"""When two figures may count the same people, and the largest figures that cannot.

Two figures may overlap when their places overlap (the whole country overlaps
every province), their periods meet, and their nationalities, sexes and groups are
compatible (a figure for all nationalities overlaps one for Vietnamese; suspects never
overlap victims). Sums
only ever add figures that cannot overlap: ``disjoint`` picks them, largest
first, and leaves the others beside them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol, TypeVar

from events.vocabulary import nationalities_meet
from geo.areas import AreaKey


class Counted(Protocol):
    """What overlap needs to know of a figure."""

    area: AreaKey | None
    nationality_code: str
    sex: str
    group: str  # suspects, victims, ringleaders...: "" for everyone
    start: date
    end: date


T = TypeVar("T", bound=Counted)


def places_overlap(a: AreaKey | None, b: AreaKey | None) -> bool:
    if a is None or b is None or not a.codes or not b.codes:
        return True  # no place, or the whole country: it may include anyone
    return not set(a.codes).isdisjoint(b.codes)


def _compatible(a: str, b: str) -> bool:
    return a == b or not a or not b


def disjoint(figures: Iterable[T], size: Callable[[T], int]) -> tuple[list[T], list[T]]:
    """The figures that may be added together, largest first, and those beside them (in the given order).

    Greedy: each figure joins unless it may overlap one already taken. Figures taken
    together are kept per (place, nationality, sex) with their periods sorted, and
    those of one group never overlap, so each check looks at one neighbour per
    compatible group.
    """
    items = list(figures)
    taken: dict[tuple, tuple[list[date], list[T]]] = {}  # group -> starts and figures, in start order
    chosen: set[int] = set()
    for index in sorted(range(len(items)), key=lambda i: (-size(items[i]), items[i].start, i)):
        figure = items[index]
        if not any(_clashes(figure, group, starts, members) for group, (starts, members) in taken.items()):
            chosen.add(index)
            starts, members = taken.setdefault((figure.area, figure.nationality_code, figure.sex, figure.group),
                                               ([], []))
            at = bisect_right(starts, figure.start)
            starts.insert(at, figure.start)
            members.insert(at, figure)
    return ([f for i, f in enumerate(items) if i in chosen], [f for i, f in enumerate(items) if i not in chosen])


def _clashes(figure: Counted, group: tuple, starts: list[date], members: list) -> bool:
    area, nationality, sex, kind = group
    if not (nationalities_meet(nationality, figure.nationality_code) and _compatible(sex, figure.sex)
            and _compatible(kind, figure.group) and places_overlap(area, figure.area)):
        return False
    at = bisect_right(starts, figure.end)  # members starting on or before the figure ends
    return at > 0 and members[at - 1].end >= figure.start


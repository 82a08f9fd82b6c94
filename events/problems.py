"""A problem found in an events file, with a stable code, located where a maintainer will look.

Codes are a catalogue in the manner of Frictionless's errors: tests and tools rely
on the code, never on the English message. A problem that only follows from
another (a row that lost a link because the row it refers to was set aside) names that root cause
in ``cause`` and is listed after the root causes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

WHOLE_ROW = "-"  # column name for problems that concern the whole row or file

CODES = {
    # reading the file
    "utf16-file": "The file is UTF-16; it must be saved as UTF-8.",
    "encoding-error": "A line is not UTF-8 text.",
    "binary-data": "A line contains NUL bytes: not a text file.",
    "cell-too-long": "A cell is longer than the reader's limit (CRACKDOWN_MAX_CELL); its row is set aside.",
    "empty-file": "The file has no header line.",
    "cell-count": "A row has more or fewer cells than the header.",
    "unclosed-quote": "A double quote is never closed, so the rest of the file reads as one row.",
    "repeated-header": "A row repeats the header line.",
    # the header
    "duplicate-column": "A column appears more than once in the header.",
    "unknown-column": "The header names a column the schema does not have.",
    "missing-column": "A column of the schema is missing from the header.",
    # one cell against the schema
    "required": "A required cell is blank.",
    "too-long": "A cell is longer than its column allows.",
    "enum": "A cell is not one of its column's values.",
    "integer": "A count is not a whole number written in digits.",
    "pattern": "A cell does not have its column's format (date, id, address).",
    "duplicate-id": "An id is used by an earlier row.",
    "id-reused": "An id used here is used again by later rows (noted on the first use).",
    # one cell against the domain
    "invalid-date": "A date that is not on the calendar, or not in a form the file takes (ISO or the EDTF subset).",
    "future-date": "A date after today.",
    "period-reversed": "A period that ends before it starts.",
    "range-reversed": "The top of a range (count_high) is below its bottom (count).",
    "range-qualifier": "A range with a qualifier other than exact or about.",
    "unknown-place": "An area that is not a known province, town or the country.",
    "country-with-provinces": "The whole country combined with provinces in one area.",
    "unknown-town": "A locality that is not in geo/localities.csv.",
    "town-outside-area": "A locality outside the area given.",
    "ambiguous-place": "A town or district name found in several provinces, with no province to tell which.",
    "unknown-nationality": "A nationality that is not a known country.",
    "unknown-country": "A country (where a figure was counted outside Cambodia) that is not a known country.",
    "country-is-cambodia": "Cambodia given as the country: that column is for figures counted outside Cambodia.",
    "url": "A source address that is not an http(s) link.",
    # cells that go together
    "count-needs-field": "A row with a count lacks its qualifier, measure, area or status.",
    "field-needs-count": "A qualifier or sex is given without a count.",
    "untraceable": "A row with neither a source title nor a source address.",
    # links between rows
    "self-reference": "A row refers to itself.",
    "missing-target": "A row refers to an id that no row has.",
    "target-rejected": "A row refers to a row that was set aside (a consequence of that row's problem).",
    "repeat-of-repeat": "A repeat points at another repeat instead of the first report.",
    "repeat-differs": "A repeat describes other people than the report it repeats.",
    "repeat-moved": "A repeat names another container than the report it repeats.",
    "part-of-repeat": "part_of points at a repeat instead of the first report.",
    "part-of-loop": "part_of makes a loop.",
    "parts-overlap": "Two parts of one container may count the same people.",
    "parts-exceed": "The parts of an exact figure add up to more than it.",
    "source-differs": "One source address described with two publishers, titles or dates.",
    "repeat-same-source": "A repeat that cites the same address as its figure's first report: the page is recorded.",
    "repeat-far-in-time": "A repeat dated a year or more from its first report: it may be another figure.",
    "part-outside-container": "A part whose place or nationality cannot lie inside its container's.",
}
# What the sources' own numbers say (figures that may overlap, parts that exceed their whole), not a mistake
# in the file: reported as notes, shown beside the figures, and no reason for the check to fail.
NOTES = frozenset({"parts-overlap", "parts-exceed", "repeat-far-in-time"})


@dataclass(frozen=True)
class Problem:
    line: int  # physical line in the file as an editor numbers it (1 = header)
    column: str  # column name, or WHOLE_ROW for the whole row or file
    code: str  # a key of CODES
    message: str
    rejects_row: bool = True  # False: the row still loads, but the data needs attention
    cause: int | None = None  # line of the root problem this one follows from

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}")

    @property
    def is_note(self) -> bool:
        return self.code in NOTES

    @property
    def order(self) -> tuple:
        """Root causes first, then consequences, then notes; each group by line and column."""
        return (self.is_note, self.cause is not None, self.line, self.column, self.code)

    def format(self, path: str) -> str:
        kind = "note: " if self.is_note else ""
        return f"{path}:{self.line}: {self.column}: {kind}{self.message} [{self.code}]"


def cell_problems(frame: pd.DataFrame, mask: pd.Series, column: str, code: str,
                  message: Callable[[str], str]) -> list[Problem]:
    """One problem per flagged cell of ``frame`` (which has a ``line`` column); one message per distinct value."""
    if not mask.any():
        return []
    flagged = frame.loc[mask, ["line", column]]
    messages: dict[str, str] = {}
    return [Problem(int(line), column, code, messages.setdefault(value, message(value)))
            for line, value in flagged.itertuples(index=False)]


def clip(value: str, limit: int = 60) -> str:
    """A cell quoted in a message: on one line, and cut with "…" past ``limit`` characters."""
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"

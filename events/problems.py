"""A problem found in an events file, located where a maintainer will look for it."""

from __future__ import annotations

from dataclasses import dataclass

FILE = "-"  # column name for problems that concern the whole row or file


@dataclass(frozen=True, order=True)
class Problem:
    line: int  # physical line in the file as an editor numbers it (1 = header)
    column: str  # column name, or "-" for the whole row or file
    message: str
    rejects_row: bool = True  # False: the row still loads, but the data needs attention

    def format(self, path: str) -> str:
        return f"{path}:{self.line}: {self.column}: {self.message}"

"""How much an events file may hold, enforced before it is parsed.

The dashboard is public and its file hand-edited: one bad commit (a file pasted a
thousand times, a spreadsheet export with ten thousand columns, a path to a
directory or a device) must not take the site down for everyone. Reading is
therefore bounded in size, lines, columns and cell length, and anything that is
not a regular file is refused before a byte is read. Each limit can be raised or
lowered with an environment variable; each refusal is one sentence that names the
file, the limit and that variable.
"""

from __future__ import annotations

import csv
import os
import stat
from dataclasses import dataclass, fields
from pathlib import Path


class FileRefusedError(Exception):
    """The file is not read at all; the message says why, in one sentence."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 50_000_000
    max_rows: int = 200_000
    max_columns: int = 60
    max_cell: int = 100_000  # characters in one cell

    ENVIRONMENT = {"max_bytes": "CRACKDOWN_MAX_BYTES", "max_rows": "CRACKDOWN_MAX_ROWS",
                   "max_columns": "CRACKDOWN_MAX_COLUMNS", "max_cell": "CRACKDOWN_MAX_CELL"}

    @classmethod
    def from_environment(cls, environ=os.environ) -> Limits:
        """Defaults, overridden by CRACKDOWN_MAX_* variables; a value that is not a positive number is refused."""
        values = {}
        for spec in fields(cls):
            text = environ.get(cls.ENVIRONMENT[spec.name], "").replace("_", "").strip()
            if text:
                if not text.isdigit() or int(text) == 0:
                    raise FileRefusedError(f"{cls.ENVIRONMENT[spec.name]}={text!r} is not a positive whole number")
                values[spec.name] = int(text)
        return cls(**values)

    def variable(self, name: str) -> str:
        return self.ENVIRONMENT[name]


DEFAULT_LIMITS = Limits()


def read_bounded(path: str | os.PathLike, limits: Limits) -> bytes:
    """The bytes of a regular file within the limits; FileRefusedError otherwise, OSError if it cannot be opened."""
    where = Path(path)
    info = os.stat(where)
    if stat.S_ISDIR(info.st_mode):
        raise FileRefusedError(f"{where} is a directory, not an events file")
    if not stat.S_ISREG(info.st_mode):
        raise FileRefusedError(f"{where} is not a regular file (a pipe, device or socket cannot be read safely)")
    _within(where, "max_bytes", info.st_size, limits, "bytes")
    with open(where, "rb") as handle:
        raw = handle.read(limits.max_bytes + 1)  # a file that grows while it is read stays bounded
    _within(where, "max_bytes", len(raw), limits, "bytes")
    check_shape(raw, limits, where)
    return raw


def check_shape(raw: bytes, limits: Limits, where: Path | str = "the file") -> None:
    """Lines and header columns within the limits, counted without parsing the file."""
    _within(where, "max_rows", raw.count(b"\n") + (not raw.endswith(b"\n")) - 1, limits, "lines after the header")
    first = raw[:limits.max_columns * (limits.max_cell + 3)].split(b"\n", 1)[0]
    try:
        header = next(csv.reader([first.decode("utf-8", errors="replace")]), [])
    except csv.Error:  # a field over the csv module's own limit: far too many characters for a header
        header = first.split(b",")
    _within(where, "max_columns", len(header), limits, "columns in the header")


def _within(where, name: str, value: int, limits: Limits, unit: str) -> None:
    limit = getattr(limits, name)
    if value > limit:
        raise FileRefusedError(f"{where} has {value:,} {unit}; the limit is {limit:,} (set {limits.variable(name)} "
                          "to change it)")

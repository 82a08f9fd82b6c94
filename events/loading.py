"""Load an events file into valid rows plus a list of problems; never drop a row silently.

Every row read ends up either in ``events`` (valid, normalised) or in
``rejected`` (as written, with its line), and every rejection has a problem.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from events import integrity, schema
from events.limits import DEFAULT_LIMITS, Limits, read_bounded
from events.links import resolve_links
from events.normalise import normalise
from events.problems import WHOLE_ROW, Problem
from events.reading import read_records
from events.schema_rules import check_schema_rules
from events.tabular import tuples

# Columns derived beside the cells as written: see events.normalise and events.links.
DERIVED = ("start", "end", "area_key", "town", "nationality_code", "named_codes", "country_code", "figure_id", "within",
           "same_people")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "events.csv"


@dataclass(frozen=True)
class DataVersion:
    """Which version of the file a figure comes from, so a citation can be checked later: its content's hash
    (any change of a byte changes it) and the day it last changed."""

    digest: str  # the first 12 hex digits of the file's SHA-256
    changed: str  # ISO date of the file's last modification (UTC); "" when read from bytes, not from a file

    @classmethod
    def of(cls, raw: bytes, changed: str = "") -> DataVersion:
        return cls(hashlib.sha256(raw).hexdigest()[:12], changed)


@dataclass(frozen=True)
class LoadResult:
    events: pd.DataFrame  # valid rows: line, the cells as written, and the columns events.normalise derives
    rejected: pd.DataFrame  # rows set aside: line and the cells as written
    problems: tuple[Problem, ...]  # root causes first, then their consequences; each by line
    version: DataVersion = DataVersion("", "")

    @property
    def rows_read(self) -> int:
        return len(self.events) + len(self.rejected)


def events_path() -> Path:
    """The file the app and the check command read: $EVENTS_CSV, else data/events.csv."""
    return Path(os.environ.get("EVENTS_CSV") or DEFAULT_PATH)


def load_events(path: str | os.PathLike, limits: Limits | None = None) -> LoadResult:
    """Read and check a file. Raises OSError when it cannot be opened, FileRefusedError when it breaks a limit."""
    limits = limits or Limits.from_environment()
    raw = read_bounded(path, limits)
    changed = datetime.fromtimestamp(os.stat(path).st_mtime, tz=UTC).date().isoformat()
    result = parse_events(raw, limits)
    return replace(result, version=DataVersion.of(raw, changed))


def parse_events(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    return replace(_parsed(raw, limits), version=DataVersion.of(raw))


def _parsed(raw: bytes, limits: Limits) -> LoadResult:
    records = read_records(raw, limits.max_cell)
    problems = list(records.problems)
    names = schema.column_names()
    if not records.header:  # empty, or not text at all: nothing more to say
        return _result(_empty_events(names), {}, problems)
    header_problems, fatal = _check_header(records.header, names)
    problems += header_problems
    rejected = {line: ",".join(cells) for line, cells in records.rejected.items()}
    cells = records.cells
    if fatal:
        rejected.update(zip(records.lines.tolist(), _joined(cells)))
        return _result(_empty_events(names), rejected, problems)

    position = {name: records.header.index(name) for name in names if name in records.header}
    frame = pd.DataFrame({
        name: (cells[position[name]].str.strip() if name in position else "") for name in names
    }, index=cells.index)
    frame.insert(0, "line", records.lines)

    repeats = _repeated_header(cells, records.header)
    problems += [Problem(line, WHOLE_ROW, "repeated-header", "this line repeats the header; delete it")
                 for line in frame.loc[repeats, "line"].tolist()]
    frame = _without(frame, frame.index[repeats])
    cell_problems = check_schema_rules(frame)
    normalised, domain_problems = normalise(frame)
    cell_problems += domain_problems
    bad_lines = {p.line for p in cell_problems if p.rejects_row}
    valid = _without(normalised, normalised.index[normalised["line"].isin(bad_lines)])

    valid, link_problems = resolve_links(valid, frame[["id", "line"]])
    problems += (cell_problems + link_problems + integrity.check_parts(valid) + integrity.check_repeats(valid)
                 + integrity.check_sources(valid))

    set_aside = ~cells.index.isin(valid.index)
    rejected.update(zip(records.lines[set_aside].tolist(), _joined(cells[set_aside])))
    return _result(valid.reset_index(drop=True), rejected, problems)


def _without(frame: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """The frame less some rows; a clean file has none to drop, and copying 30 columns is not free."""
    return frame.drop(index) if len(index) else frame


def _joined(cells: pd.DataFrame) -> list[str]:
    """Rows as the text a maintainer can find again in the file (cells joined by commas)."""
    return [",".join(row) for row in tuples(cells, list(cells.columns))]


def _repeated_header(cells: pd.DataFrame, header: list[str]) -> pd.Series:
    """Rows that are the header line again, as left by pasting one file under another."""
    repeats = pd.Series(True, index=cells.index)
    for position, name in enumerate(header):
        if not repeats.any():
            break
        repeats &= cells[position].str.strip() == name
    return repeats


def _check_header(header: list[str], names: list[str]) -> tuple[list[Problem], bool]:
    problems = []
    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    for name in dict.fromkeys(h for h in header if header.count(h) > 1):
        problems.append(Problem(1, name, "duplicate-column",
                                f"column '{name}' appears {header.count(name)} times; keep one"))
    for name in extra:
        hint = difflib.get_close_matches(name, missing, n=1)
        known = f"; did you mean '{hint[0]}'?" if hint else "; the columns are listed in data/README.md"
        problems.append(Problem(1, name or "(blank)", "unknown-column", f"unknown column '{name}'{known}",
                                rejects_row=False))
    required = {c.name for c in schema.columns() if c.required}
    later = {c.name for c in schema.columns() if c.added}  # a file written before they existed lacks them
    for name in (n for n in missing if n not in later):
        fatal = name in required
        problems.append(Problem(1, name, "missing-column", f"column '{name}' is missing"
                                + ("; no row can be read without it" if fatal else "; its cells are read as blank"),
                                rejects_row=fatal))
    return problems, any(n in required for n in missing) or not header


def _empty_events(names) -> pd.DataFrame:
    return pd.DataFrame(columns=["line", *names, *DERIVED])


def _result(events, rejected: dict[int, str], problems) -> LoadResult:
    rejected_frame = pd.DataFrame(sorted(rejected.items()), columns=["line", "text"])
    return LoadResult(events, rejected_frame, tuple(sorted(set(problems), key=lambda p: p.order)))

"""Turn the bytes of a CSV file into cells, each row with the line it starts on.

Two readers give the same result. A clean file (UTF-8, no NUL bytes, no stray
carriage returns, balanced quotes, the same number of cells on every row, no
blank lines) is parsed by Arrow's C++ reader, as fast as ``pandas.read_csv``.
Anything else goes through Python's csv module, which this module extends with
what it does not tell: physical line numbers, undecodable or binary lines, rows
with the wrong number of cells and quotes that are never closed. A damaged row
is reported and set aside; every other row is kept.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
from pyarrow import csv as arrow_csv

from events.problems import WHOLE_ROW, Problem


@dataclass
class Records:
    header: list[str]  # as written, stripped
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)  # str columns 0..n-1, as written
    lines: np.ndarray = field(default_factory=lambda: np.empty(0, dtype="int64"))  # line each row starts on
    rejected: dict[int, list[str]] = field(default_factory=dict)  # line -> cells as read
    problems: list[Problem] = field(default_factory=list)


def read_records(raw: bytes, max_cell: int = 100_000) -> Records:
    """``max_cell``: the longest cell, in characters, the exact reader takes (longer: the row is set aside)."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _unreadable("utf16-file", "the file is UTF-16; save it as UTF-8 (CSV UTF-8)")
    body = raw.removeprefix(codecs.BOM_UTF8)
    return read_clean(body) or read_exact(body, max_cell)


def _unreadable(code: str, message: str) -> Records:
    return Records([], problems=[Problem(1, WHOLE_ROW, code, message)])


# --- clean files: Arrow ------------------------------------------------------------------


def read_clean(body: bytes) -> Records | None:
    """The records of a file with no damage at all, or None to take the exact reader."""
    if b"\x00" in body or body.count(b"\r") != body.count(b"\r\n") or body.count(b'"') % 2:
        return None
    try:
        header = next(csv.reader([body.split(b"\n", 1)[0].decode("utf-8")]))
    except (UnicodeDecodeError, StopIteration):
        return None
    if not header:  # a blank first line
        return None
    names = [str(i) for i in range(len(header))]
    try:
        table = arrow_csv.read_csv(
            io.BytesIO(body),
            read_options=arrow_csv.ReadOptions(column_names=names),
            parse_options=arrow_csv.ParseOptions(newlines_in_values=b'"' in body),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowInvalid:  # wrong cell counts, invalid UTF-8, a cell larger than a block
        return None
    # Blank lines are skipped, and their lines then do not add up: the exact reader counts them.
    starts = _line_starts(body, table)
    if starts is None:
        return None
    cells = table.slice(1).to_pandas()
    cells.columns = range(len(header))
    return Records([cell.strip() for cell in header], cells, starts[1:])


def _line_starts(body: bytes, table: pa.Table) -> np.ndarray | None:
    """Line each row starts on, counting the newlines inside quoted cells; None if they do not add up."""
    physical = body.count(b"\n") + (not body.endswith(b"\n"))
    if table.num_rows == physical:
        return np.arange(1, physical + 1, dtype="int64")
    inside = sum(pa.compute.count_substring(column, "\n").to_numpy(zero_copy_only=False)
                 for column in table.columns)
    spans = 1 + inside.astype("int64")
    if spans.sum() != physical:
        return None
    return np.cumsum(spans) - spans + 1


# --- everything else: Python's csv module ------------------------------------------------


def read_exact(body: bytes, max_cell: int = 100_000) -> Records:
    text, bad_lines = _decode(body)
    if not text.strip():
        return _unreadable("empty-file", "the file is empty; it needs at least the header line")

    previous = csv.field_size_limit(max_cell)  # past it the csv module raises: that row is set aside
    try:
        parsed = _parsed(text, bad_lines, max_cell)
    finally:
        csv.field_size_limit(previous)
    if not parsed:
        return _unreadable("empty-file", "the file has no header line")

    _, _, header = parsed[0]
    problems: list[Problem] = []
    rejected: dict[int, list[str]] = {}
    rows, lines = [], []
    unclosed_from = _unclosed_quote_start(text, parsed)
    in_rows = {line for start, end, _ in parsed[1:] for line in range(start, end + 1)}
    for start, end, cells in parsed[1:]:
        damage = _row_damage(start, end, cells, len(header), bad_lines, unclosed_from)
        if damage:
            problems.append(Problem(start, WHOLE_ROW, *damage))
            rejected[start] = cells
        else:
            rows.append(cells)
            lines.append(start)
    problems.extend(Problem(line, WHOLE_ROW, *damage) for line, damage in bad_lines.items() if line not in in_rows)
    rejected.update({line: [f"(not shown: a cell longer than {max_cell:,} characters)"]
                     for line, (code, _) in bad_lines.items() if code == "cell-too-long" and line not in in_rows})
    cells = pd.DataFrame(rows, columns=range(len(header)), dtype=object).astype("str")
    return Records([cell.strip() for cell in header], cells, np.array(lines, dtype="int64"), rejected, problems)


def _parsed(text: str, bad_lines: dict[int, tuple[str, str]], max_cell: int) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each non-blank record; a record with a cell over the limit is noted."""
    reader = csv.reader(io.StringIO(text, newline=""))
    parsed: list[tuple[int, int, list[str]]] = []
    end = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            start, end = end + 1, reader.line_num
            bad_lines.setdefault(start, ("cell-too-long", f"a cell here is longer than {max_cell:,} characters "
                                         "(the limit; CRACKDOWN_MAX_CELL); is a double quote unbalanced?"))
            continue
        start, end = end + 1, reader.line_num
        if cells:  # a blank line is not a row
            parsed.append((start, end, cells))
    return parsed


def _decode(raw: bytes) -> tuple[str, dict[int, tuple[str, str]]]:
    """Text of the file, and the lines that are not UTF-8 text, with the code and message of why."""
    bad: dict[int, tuple[str, str]] = {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        for number, line in enumerate(raw.split(b"\n"), start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as error:
                byte = line[error.start]
                bad[number] = ("encoding-error",
                    f"not UTF-8 text (byte 0x{byte:02X} at character {error.start + 1}); "
                    "save the file as UTF-8"
                )
        text = raw.decode("utf-8", errors="replace")
    if "\x00" in text:
        for number, line in enumerate(text.split("\n"), start=1):
            if "\x00" in line:
                bad.setdefault(number, ("binary-data", "contains binary data (NUL bytes); is this a CSV file?"))
        text = text.replace("\x00", "")
    return text, bad


def _unclosed_quote_start(text: str, parsed) -> int | None:
    """Line of the last record if it runs to the end of the file inside an open quote."""
    if text.count('"') % 2 == 0:
        return None
    start, end, _ = parsed[-1]
    return start if end > start else None


def _row_damage(start, end, cells, width, bad_lines, unclosed_from) -> tuple[str, str] | None:
    """The code and message of what is wrong with a row as read, if anything."""
    for line in range(start, end + 1):
        if line in bad_lines:
            code, message = bad_lines[line]
            return code, message if line == start else f"line {line} of this row: {message}"
    if start == unclosed_from:
        return "unclosed-quote", (
            f'a double quote opened in this row is never closed, so lines {start}–{end} '
            "were read as one row; close the quote"
        )
    if len(cells) != width:
        where = f" (the row runs over lines {start}–{end}: is a double quote unbalanced?)" if end > start else ""
        hint = " (a comma inside a cell needs the cell in double quotes)" if len(cells) > width else ""
        return "cell-count", f"expected {width} cells, found {len(cells)}{where or hint}"
    return None

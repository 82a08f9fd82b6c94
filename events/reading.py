"""Turn the bytes of a CSV file into records, each with the line it starts on.

Python's csv module does the parsing; this module adds what it does not tell:
physical line numbers, undecodable or binary lines, rows with the wrong number
of cells, repeated headers and quotes that are never closed. A damaged row is
reported and set aside; every other row is kept.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field

from events.problems import FILE, Problem

MAX_CELL = 100_000  # characters; the schema's own limits are checked later with a clear message
csv.field_size_limit(max(csv.field_size_limit(), 10 * MAX_CELL))


@dataclass
class Records:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)  # each as long as the header
    lines: list[int] = field(default_factory=list)  # line each row starts on
    rejected: dict[int, list[str]] = field(default_factory=dict)  # line -> cells as read
    problems: list[Problem] = field(default_factory=list)


def read_records(raw: bytes) -> Records:
    problems: list[Problem] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Records([], problems=[Problem(1, FILE, "the file is UTF-16; save it as UTF-8 (CSV UTF-8)")])
    text, bad_lines = _decode(raw.removeprefix(codecs.BOM_UTF8))
    if not text.strip():
        return Records([], problems=[Problem(1, FILE, "the file is empty; it needs at least the header line")])

    reader = csv.reader(io.StringIO(text, newline=""))
    parsed: list[tuple[int, int, list[str]]] = []
    end = 0
    for cells in reader:
        start, end = end + 1, reader.line_num
        if cells:  # a blank line is not a row
            parsed.append((start, end, cells))
    if not parsed:
        return Records([], problems=[Problem(1, FILE, "the file has no header line")])

    _, _, header = parsed[0]
    records = Records([cell.strip() for cell in header], problems=problems)
    unclosed_from = _unclosed_quote_start(text, parsed)
    in_rows = {line for start, end, _ in parsed[1:] for line in range(start, end + 1)}
    for start, end, cells in parsed[1:]:
        message = _row_damage(start, end, cells, records.header, bad_lines, unclosed_from)
        if message:
            problems.append(Problem(start, FILE, message))
            records.rejected[start] = cells
        else:
            records.rows.append(cells)
            records.lines.append(start)
    problems.extend(Problem(line, FILE, msg) for line, msg in bad_lines.items() if line not in in_rows)
    return records


def _decode(raw: bytes) -> tuple[str, dict[int, str]]:
    """Text of the file, and the lines that are not UTF-8 text, with why."""
    bad: dict[int, str] = {}
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        for number, line in enumerate(raw.split(b"\n"), start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as error:
                byte = line[error.start]
                bad[number] = (
                    f"not UTF-8 text (byte 0x{byte:02X} at character {error.start + 1}); "
                    "save the file as UTF-8"
                )
        text = raw.decode("utf-8", errors="replace")
    if "\x00" in text:
        for number, line in enumerate(text.split("\n"), start=1):
            if "\x00" in line:
                bad.setdefault(number, "contains binary data (NUL bytes); is this a CSV file?")
        text = text.replace("\x00", "")
    return text, bad


def _unclosed_quote_start(text: str, parsed) -> int | None:
    """Line of the last record if it runs to the end of the file inside an open quote."""
    if text.count('"') % 2 == 0:
        return None
    start, end, _ = parsed[-1]
    return start if end > start else None


def _row_damage(start, end, cells, header, bad_lines, unclosed_from) -> str | None:
    for line in range(start, end + 1):
        if line in bad_lines:
            return bad_lines[line] if line == start else f"line {line} of this row: {bad_lines[line]}"
    if start == unclosed_from:
        return (
            f'a double quote opened in this row is never closed, so lines {start}–{end} '
            "were read as one row; close the quote"
        )
    if [cell.strip() for cell in cells] == header:
        return "this line repeats the header; delete it"
    if len(cells) != len(header):
        where = f" (the row runs over lines {start}–{end}: is a double quote unbalanced?)" if end > start else ""
        hint = " (a comma inside a cell needs the cell in double quotes)" if len(cells) > len(header) else ""
        return f"expected {len(header)} cells, found {len(cells)}{where or hint}"
    return None

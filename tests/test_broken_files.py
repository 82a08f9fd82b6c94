"""Broken copies of the real data file: each is reported at the right line, the app still
renders, and every row read is either shown or reported (valid rows in = shown + rejected)."""

from __future__ import annotations

import codecs
import csv
import io

import pytest
from streamlit.testing.v1 import AppTest

from events.__main__ import main as check_command
from events.problems import NOTES
from tests.conftest import ROOT, SEED_CSV

csv.field_size_limit(10_000_000)  # the tests' own count of rows reads the huge-cell variants whole
TEXT = SEED_CSV.read_text(encoding="utf-8")
LINES = TEXT.splitlines()
HEADER = LINES[0]
DATA_ROWS = len(LINES) - 1


def cell_edit(line: int, **cells) -> str:
    """The seed file with cells of one line (1-based, as an editor counts) changed."""
    rows = list(csv.reader(io.StringIO(TEXT)))
    names = rows[0]
    for name, value in cells.items():
        rows[line - 1][names.index(name)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def line_edit(line: int, new: str) -> str:
    lines = list(LINES)
    lines[line - 1] = new
    return "\n".join(lines) + "\n"


# name -> (file content, line the check must report, code of its root problem there)
VARIANTS = {
    "bad date": (cell_edit(5, date_start="2025-07-32"), 5, "invalid-date"),
    "slash date": (cell_edit(5, date_start="16/07/2025"), 5, "pattern"),
    "end before start": (cell_edit(6, date_end="2025-07-01"), 6, "period-reversed"),
    "future date": (cell_edit(7, date_start="2099-01-01", date_end=""), 7, "future-date"),
    "negative count": (cell_edit(8, count="-85"), 8, "integer"),
    "fractional count": (cell_edit(8, count="85.5"), 8, "integer"),
    "text count": (cell_edit(8, count="eighty-five"), 8, "integer"),
    "separator in count": (cell_edit(2, count="1,000"), 2, "integer"),
    "unknown qualifier": (cell_edit(2, qualifier="over"), 2, "enum"),
    "unknown province": (cell_edit(20, area="Kratei"), 20, "unknown-place"),
    "unknown nationality": (cell_edit(8, nationality="Martian"), 8, "unknown-nationality"),
    "javascript url": (cell_edit(2, source_url="javascript:alert(1)"), 2, "pattern"),
    "ftp url": (cell_edit(4, source_url="ftp://example.org/a"), 4, "pattern"),
    "missing reference": (cell_edit(20, part_of="no-such-row"), 20, "missing-target"),
    "duplicate id": (cell_edit(20, id="kratie-2025-07-abc"), 21, "duplicate-id"),  # line 20 now uses it first
    "parts exceed container": (cell_edit(15, count="40", qualifier="exact"), 15, "parts-exceed"),
    "breakdown exceeds exact total": (cell_edit(2, count="900", qualifier="exact"), 2, "parts-exceed"),
    "self reference": (cell_edit(20, part_of="kratie-2025-07"), 20, "self-reference"),
    "part of a repeat": (cell_edit(18, part_of="poipet-2025-07-16-indonesia-abc"), 18, "part-of-repeat"),
    "unknown event type": (cell_edit(24, event_type="arrest"), 24, "enum"),
    "unknown status": (cell_edit(20, status="arrested"), 20, "enum"),
    "count without qualifier": (cell_edit(22, qualifier=""), 22, "count-needs-field"),
    "town outside area": (cell_edit(20, locality="Poipet"), 20, "town-outside-area"),
    "extra cell": (line_edit(10, LINES[9] + ",surplus"), 10, "cell-count"),
    "missing cells": (line_edit(10, ",".join(LINES[9].split(",")[:5])), 10, "cell-count"),
    "repeated header": (line_edit(12, HEADER), 12, "repeated-header"),
    "truncated file": (TEXT[: TEXT.index(LINES[-1]) + 40], DATA_ROWS + 1, "cell-count"),
    "unclosed quote": (line_edit(32, LINES[31].replace(",2022,", ',"2022,', 1)), 32, "cell-count"),
    "binary junk line": (line_edit(15, "\x00\x01\x02\x03garbage\x00"), 15, "binary-data"),
    "latin-1 line": ((line_edit(12, LINES[11].replace("Taiwan", "Taïwan"))).encode("utf-8").replace(
        "Taïwan".encode(), "Taïwan".encode("latin-1")), 12, "encoding-error"),
    "huge cell": (cell_edit(3, notes="x" * 300_000), 3, "too-long"),
    "missing required column": ("\n".join([LINES[0].split(",", 1)[1], *LINES[1:]]), 1, "missing-column"),
    "misspelt column": (TEXT.replace("qualifier,", "qualifer,", 1), 1, "unknown-column"),
}
assert len(VARIANTS) >= 30
CLEAN = {
    "bom and crlf": codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode(),
    "blank lines": (TEXT.replace("\n", "\n\n", 5)).encode(),
}


def as_bytes(content) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


def check(path, capsys) -> tuple[int, str]:
    """``python -m events check PATH`` in this process (tests/events/test_cli.py runs it as a command)."""
    status = check_command(["check", str(path)])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("name", VARIANTS)
def test_check_reports_the_line(name, write_csv, capsys):
    content, line, code = VARIANTS[name]
    path = write_csv(as_bytes(content))
    status, out = check(path, capsys)
    assert status == (0 if code in NOTES else 1), out  # a note on the sources' numbers is no failure
    reported = [printed for printed in out.splitlines() if printed.startswith(f"{path}:{line}: ")]
    assert any(printed.endswith(f" [{code}]") for printed in reported), out


@pytest.mark.parametrize("name", CLEAN)
def test_accepted_forms_pass(name, write_csv, capsys):
    status, out = check(write_csv(CLEAN[name]), capsys)
    assert status == 0, out


@pytest.mark.parametrize("name", VARIANTS)
def test_app_shows_every_valid_row_and_reports_the_rest(name, write_csv, monkeypatch):
    from events.loading import load_events

    content, _, _ = VARIANTS[name]
    path = write_csv(as_bytes(content))
    result = load_events(path)
    readable = sum(1 for r in csv.reader(io.StringIO(as_bytes(content).decode("utf-8", "replace")
                                                     .replace("\x00", ""))) if r) - 1
    assert len(result.events) + len(result.rejected) == max(readable, 0)
    monkeypatch.setenv("EVENTS_CSV", str(path))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(e.label.startswith("Data problems (") and e.label != "Data problems (none)" for e in at.expander)
    if len(result.events):
        shown = [c.value.replace("\\", "") for c in at.caption if c.value.startswith("Showing ")]  # unescaped
        total = (result.events["figure_id"] == result.events["id"]).sum()
        assert shown and shown[0].endswith(f"of {total} figures under the current filters.")

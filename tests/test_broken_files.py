"""Broken copies of the real data file: each is reported at the right line, the app still
renders, and every row read is either shown or reported (valid rows in = shown + rejected)."""

from __future__ import annotations

import codecs
import csv
import io
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SEED_CSV

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


# name -> (file content, line the check must report)
VARIANTS = {
    "bad date": (cell_edit(5, date_start="2025-07-32"), 5),
    "slash date": (cell_edit(5, date_start="16/07/2025"), 5),
    "end before start": (cell_edit(6, date_end="2025-07-01"), 6),
    "future date": (cell_edit(7, date_start="2099-01-01", date_end=""), 7),
    "negative count": (cell_edit(8, count="-85"), 8),
    "fractional count": (cell_edit(8, count="85.5"), 8),
    "text count": (cell_edit(8, count="eighty-five"), 8),
    "separator in count": (cell_edit(2, count="1,000"), 2),
    "unknown qualifier": (cell_edit(2, qualifier="over"), 2),
    "unknown province": (cell_edit(20, area="Kratei"), 20),
    "unknown nationality": (cell_edit(8, nationality="Martian"), 8),
    "javascript url": (cell_edit(2, source_url="javascript:alert(1)"), 2),
    "ftp url": (cell_edit(4, source_url="ftp://example.org/a"), 4),
    "missing reference": (cell_edit(20, part_of="no-such-row"), 20),
    "duplicate id": (cell_edit(20, id="kratie-2025-07-abc"), 20),
    "parts exceed container": (cell_edit(15, count="40", qualifier="exact"), 15),
    "breakdown exceeds exact total": (cell_edit(2, count="900", qualifier="exact"), 2),
    "self reference": (cell_edit(20, part_of="kratie-2025-07"), 20),
    "part of a repeat": (cell_edit(18, part_of="poipet-2025-07-16-indonesia-abc"), 18),
    "unknown event type": (cell_edit(24, event_type="arrest"), 24),
    "unknown status": (cell_edit(20, status="arrested"), 20),
    "count without qualifier": (cell_edit(22, qualifier=""), 22),
    "town outside area": (cell_edit(20, locality="Poipet"), 20),
    "extra cell": (line_edit(10, LINES[9] + ",surplus"), 10),
    "missing cells": (line_edit(10, ",".join(LINES[9].split(",")[:5])), 10),
    "repeated header": (line_edit(12, HEADER), 12),
    "truncated file": (TEXT[: TEXT.index(LINES[-1]) + 40], DATA_ROWS + 1),
    "unclosed quote": (line_edit(32, LINES[31].replace(",2022,", ',"2022,', 1)), 32),
    "binary junk line": (line_edit(15, "\x00\x01\x02\x03garbage\x00"), 15),
    "latin-1 line": ((line_edit(12, LINES[11].replace("Taiwan", "Taïwan"))).encode("utf-8").replace(
        "Taïwan".encode(), "Taïwan".encode("latin-1")), 12),
    "huge cell": (cell_edit(3, notes="x" * 300_000), 3),
    "missing required column": ("\n".join(l.split(",", 1)[1] if i == 0 else l for i, l in enumerate(LINES)), 1),
    "misspelt column": (TEXT.replace("qualifier,", "qualifer,", 1), 1),
}
assert len(VARIANTS) >= 30
CLEAN = {
    "bom and crlf": codecs.BOM_UTF8 + TEXT.replace("\n", "\r\n").encode(),
    "blank lines": (TEXT.replace("\n", "\n\n", 5)).encode(),
}


def as_bytes(content) -> bytes:
    return content if isinstance(content, bytes) else content.encode("utf-8")


@pytest.mark.parametrize("name", VARIANTS)
def test_check_reports_the_line(name, write_csv):
    content, line = VARIANTS[name]
    path = write_csv(as_bytes(content))
    result = subprocess.run([sys.executable, "-m", "events", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stdout
    assert f"{path}:{line}: " in result.stdout, result.stdout


@pytest.mark.parametrize("name", CLEAN)
def test_accepted_forms_pass(name, write_csv):
    path = write_csv(CLEAN[name])
    result = subprocess.run([sys.executable, "-m", "events", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", VARIANTS)
def test_app_shows_every_valid_row_and_reports_the_rest(name, write_csv, monkeypatch):
    from events.loading import load_events

    content, _ = VARIANTS[name]
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
        shown = [c.value for c in at.caption if c.value.startswith("Showing ")]
        total = result.events["same_figure_as"].eq("").sum()
        assert shown and shown[0].endswith(f"of {total} figures under the current filters.")

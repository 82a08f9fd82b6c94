"""``python -m events diff`` and ``changelog``: what a change to the record does to what viewers see."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from events.diff import diff
from events.loading import load_events, parse_events
from tests.conftest import RECORD_CSV, ROOT, csv_text, row

NEW_KRATIE = row(id="kratie-2026-02-test-raid", title="A later raid in Kratie", date_start="2026-02-02",
                 area="Kratie", count="40", source_url="https://example.org/kratie-2026-02")


def edited_record() -> bytes:
    """The record with one new Kratie figure and one Pursat count changed (78 to 90)."""
    text = RECORD_CSV.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    [pursat] = [r for r in rows if r["id"] == "pursat-illegal-entry-2026-01-27"]
    pursat["count"] = "90"
    return csv_text([*rows, NEW_KRATIE], list(rows[0])).encode("utf-8")


@pytest.fixture(scope="module")
def change():
    return diff(load_events(RECORD_CSV), parse_events(edited_record()))


def test_the_diff_names_both_provinces_with_both_numbers(change):
    areas = {a.name: a for a in change.areas}
    assert set(areas) == {"Kratie", "Pursat"}
    assert areas["Kratie"].before.startswith("312, ") and areas["Kratie"].after.startswith("352 (sum of the figures")
    assert areas["Pursat"].before.startswith("231 (sum") and areas["Pursat"].after.startswith("243 (sum")
    assert [f.id for f in change.added] == ["kratie-2026-02-test-raid"] and not change.removed
    [pursat] = change.changed
    assert [(c.column, c.before, c.after) for c in pursat.cells] == [("count", "78", "90")]
    assert change.headline.before == change.headline.after != ""  # the headline did not move
    assert not change.has_problems


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "events", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True)


def test_the_markdown_and_the_json_say_the_same(tmp_path):
    new = tmp_path / "events.csv"
    new.write_bytes(edited_record())
    markdown = run("diff", RECORD_CSV, new)
    assert markdown.returncode == 0, markdown.stderr
    text = markdown.stdout
    assert "- **Kratie**: 312, 14\u2009–\u200916 Jul 2025 → 352 (sum of the figures" in text
    assert "- **Pursat**: 231 (sum" in text and "→ 243 (sum" in text
    assert "- **Headline**: 5,771 people detained" in text and "(unchanged)" in text
    assert "`pursat-illegal-entry-2026-01-27` count: `78` → `90`" in text
    document = json.loads(run("diff", "--json", RECORD_CSV, new).stdout)
    assert {a["name"]: (a["before"][:3], a["after"][:3]) for a in document["areas"]} == {
        "Kratie": ("312", "352"), "Pursat": ("231", "243")}
    assert document["headline"]["before"] == document["headline"]["after"]
    assert [f["id"] for f in document["added"]] == ["kratie-2026-02-test-raid"]


def test_exit_status_is_1_only_when_the_new_file_has_problems(tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text(RECORD_CSV.read_text(encoding="utf-8").replace(",78,exact,", ",-78,exact,", 1), encoding="utf-8")
    result = run("diff", "--json", RECORD_CSV, broken)
    assert result.returncode == 1
    assert any(p["code"] == "integer" for p in json.loads(result.stdout)["new_problems"])
    assert run("diff", RECORD_CSV, RECORD_CSV).returncode == 0
    assert run("diff", RECORD_CSV, tmp_path / "missing.csv").returncode == 2


def test_old_may_be_a_git_revision():
    result = run("diff", "--base", "HEAD", RECORD_CSV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Data review: `HEAD:")


def test_the_changelog_entry_names_what_changed_and_can_be_written(tmp_path):
    new = tmp_path / "events.csv"
    new.write_bytes(edited_record())
    entry = run("changelog", RECORD_CSV, new, "--summary", "a test").stdout
    assert entry.startswith("## ") and ": a test\n" in entry.splitlines()[0] + "\n"
    assert "**Added.** `kratie-2026-02-test-raid`" in entry and "count of `pursat-illegal-entry-2026-01-27`" in entry
    assert "Kratie 312" in entry and "Pursat 231" in entry
    log = tmp_path / "CHANGELOG.md"
    log.write_text("# Data changelog\n\nIntroduction.\n\n## 2026-12-02: earlier\n\nText.\n", encoding="utf-8")
    assert run("changelog", RECORD_CSV, new, "--write", log).returncode == 0
    written = log.read_text(encoding="utf-8")
    assert written.index(": changes to the record") < written.index("## 2026-12-02: earlier")


"""The public page under bad files and live edits: a sentence, never a traceback; the last good version kept."""

from __future__ import annotations

import os

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, csv_text, row
from views import selection

APP = str(ROOT / "app.py")


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setattr(selection, "_last_good", {})  # each test starts with no good version seen

    def run_app(path, at: AppTest | None = None) -> AppTest:
        monkeypatch.setenv("EVENTS_CSV", str(path))
        if at is None:
            at = AppTest.from_file(APP, default_timeout=60)
            for section in ("sources", "problems"):  # what was read, and what was found in it
                at.session_state[f"{section}_open"] = True
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return run_app


def texts(at: AppTest) -> list[str]:
    return [e.value for e in (*at.error, *at.warning, *at.info)]


@pytest.mark.parametrize("make", [
    lambda p: p.mkdir(),
    lambda p: os.mkfifo(p),
    lambda p: p.write_bytes("id\n".encode("utf-16")),
    lambda p: p.write_bytes(b""),
    lambda p: p.write_bytes(b"x" * 60_000_000),
    lambda p: p.symlink_to("/dev/zero"),
    lambda p: p.write_bytes(b"c," * 200_000 + b"\n"),
    lambda p: p.write_bytes(b"id,title\n" + b"a,b\n" * 250_000),
], ids=["directory", "fifo", "utf-16", "empty", "too big", "device", "too wide", "too long"])
def test_a_bad_file_gives_one_sentence_and_no_traceback(run, tmp_path, make):
    path = tmp_path / "events.csv"
    make(path)
    at = run(path)
    [message] = at.error
    assert "events file" in message.value and "Traceback" not in message.value


def test_a_file_emptied_mid_edit_keeps_the_last_good_version(run, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(csv_text([row(id="k", count="312")]))
    at = run(path)
    assert at.main.header and not at.warning
    path.write_text("")  # the editor truncated it before writing
    at = run(path, at)
    assert any("showing the last version read" in t for t in texts(at))
    assert any("Showing 1 of 1 figure under" in c.value for c in at.caption)
    path.unlink()  # deleted while being replaced
    at = run(path, at)
    assert any("cannot be read now" in t for t in texts(at))


def reported(at: AppTest) -> list[str]:
    [sources] = [d.value for d in at.dataframe if "reported" in d.value.columns]
    return list(sources["reported"])


def test_an_edit_that_keeps_size_and_modification_time_is_seen(run, tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(csv_text([row(id="k", count="312")]))
    stamp = path.stat()
    at = run(path)
    assert reported(at) == ["312"]
    path.write_text(csv_text([row(id="k", count="313")]))  # same length
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert path.stat().st_size == stamp.st_size and path.stat().st_mtime_ns == stamp.st_mtime_ns
    assert reported(run(path, at)) == ["313"]


def test_an_unexpected_error_is_logged_and_shown_as_a_sentence(run, tmp_path, monkeypatch, caplog):
    from dashboard import page

    def broken():
        raise RuntimeError("secret internals")
    monkeypatch.setattr(page, "show", broken)
    path = tmp_path / "events.csv"
    path.write_text(csv_text([row()]))
    at = run(path)
    [message] = at.error
    assert "could not be drawn" in message.value and "secret" not in message.value
    assert "secret internals" in caplog.text


def test_a_file_with_only_notices_says_every_row_is_shown(run, tmp_path):
    path = tmp_path / "events.csv"
    rows = [row(id="nat", area="Cambodia", count="1000", qualifier="more_than"),
            row(id="k", part_of="nat", count="312"), row(id="k-th", part_of="nat", nationality="Thailand", count="20")]
    path.write_text(csv_text(rows))
    at = run(path)
    assert any(e.label == "Data problems (none) · 1 note on the sources' own numbers" for e in at.expander)
    assert any("All 3 rows are shown" in i.value for i in at.info)

"""Limits checked before parsing: what is not a regular file, or is too big, is refused in one sentence."""

import os
import tracemalloc

import pytest

from events.__main__ import main as check_command
from events.limits import FileRefusedError, Limits, read_bounded
from events.loading import load_events
from tests.conftest import SEED_CSV, csv_text, row

SMALL = Limits(max_bytes=20_000, max_rows=50, max_columns=30, max_cell=1_000)


def refusal(path, limits=SMALL) -> str:
    with pytest.raises(FileRefusedError) as refused:
        read_bounded(path, limits)
    return str(refused.value)


def test_a_directory_a_pipe_and_a_device_are_refused_before_reading(tmp_path):
    assert "is a directory" in refusal(tmp_path)
    fifo = tmp_path / "events.csv"
    os.mkfifo(fifo)
    assert "not a regular file" in refusal(fifo)  # refused without opening: nothing blocks
    assert "not a regular file" in refusal("/dev/zero")


@pytest.mark.parametrize(("content", "limit"), [
    (SEED_CSV.read_bytes() * 3, "bytes"),
    (csv_text([row(id=f"r{i}") for i in range(60)]).encode(), "lines after the header"),
    (("," * 40 + "\n").encode(), "columns in the header"),
])
def test_each_limit_names_itself_the_file_and_its_variable(write_csv, content, limit):
    path = write_csv(content)
    message = refusal(path)
    assert str(path) in message and limit in message and "CRACKDOWN_MAX_" in message
    assert message.count(".") <= 3  # one sentence


def test_a_cell_over_the_limit_sets_its_row_aside_and_the_others_are_read(write_csv):
    text = csv_text([row(id="a"), row(id="b", notes="x" * 5_000), row(id="c")]) + "\n"  # a blank line: exact reader
    result = load_events(write_csv(text), SMALL)
    assert list(result.events["id"]) == ["a", "c"] and list(result.rejected["line"]) == [3]
    [problem] = result.problems
    assert (problem.line, problem.code) == (3, "cell-too-long") and "1,000 characters" in problem.message


def test_limits_come_from_the_environment_and_bad_values_are_refused():
    assert Limits.from_environment({"CRACKDOWN_MAX_ROWS": "1_000"}).max_rows == 1000
    with pytest.raises(FileRefusedError, match="CRACKDOWN_MAX_BYTES"):
        Limits.from_environment({"CRACKDOWN_MAX_BYTES": "lots"})


def test_memory_stays_bounded_on_a_very_wide_and_a_very_long_file(write_csv):
    wide = write_csv(("c," * 200_000 + "\n").encode())
    long = write_csv(b"x" * 60_000_000)
    tracemalloc.start()
    for path in (wide, long):
        with pytest.raises(FileRefusedError):
            load_events(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 5_000_000  # the 60 MB file is refused on its size, never read; the wide one on its header


def test_the_check_command_prints_the_refusal_and_exits_2(tmp_path, capsys):
    assert check_command(["check", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err

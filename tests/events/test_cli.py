"""``python -m events check``: output format and exit status, run as a maintainer would."""

import subprocess
import sys

from tests.conftest import ROOT, SEED_CSV, csv_text, row


def check(*args, env=None):
    return subprocess.run([sys.executable, "-m", "events", "check", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, env=env)


def test_seed_data_passes():
    result = check(SEED_CSV)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_damaged_copy_reports_each_broken_line(write_csv):
    lines = SEED_CSV.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(",1000,", ",1.000,")  # line 4: count
    lines[9] = lines[9].replace("2025-07-14", "2025-14-07", 1)  # line 10: date_start
    path = write_csv("\n".join(lines) + "\n")
    result = check(path)
    assert result.returncode == 1
    out = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in out] == [f"{path}:4", f"{path}:10", f"{path}:11"]
    assert out[0].startswith(f"{path}:4: count: ") and out[0].endswith(" [integer]")
    assert out[1].startswith(f"{path}:10: date_start: ") and out[1].endswith(" [invalid-date]")
    # line 11 repeats line 10's figure from another source: a consequence, listed after the causes
    assert out[2].endswith(" [target-rejected]")
    assert "2 problems, 1 consequence and 0 notes" in result.stderr


def test_environment_variable_chooses_the_file(write_csv):
    path = write_csv(csv_text([row(count="-1")]))
    result = check(env={"EVENTS_CSV": str(path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:2: count: ")


def test_unreadable_file_exits_2(tmp_path):
    assert check(tmp_path / "missing.csv").returncode == 2
    assert check(tmp_path).returncode == 2  # a directory


def test_without_the_project_packages_it_says_how_to_get_them():
    result = subprocess.run([sys.executable, "-S", "-m", "events", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2
    assert "is not installed; run `make check`" in result.stderr
    assert "Traceback" not in result.stderr

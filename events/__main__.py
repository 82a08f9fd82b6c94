"""Command line: ``python -m events check [PATH]``.

Prints one line per problem as PATH:LINE: COLUMN: message [code], root causes
first, then their consequences (rows shown without a link to a row set aside), then notes on the
sources' own numbers (figures that may overlap, parts that exceed their whole). Exit status: 0 valid
(notes allowed), 1 problems found, 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

PROJECT_PYTHON = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"

try:
    from events.limits import FileRefusedError
    from events.loading import events_path, load_events
except ModuleNotFoundError as missing:  # run with a Python that lacks the project's packages
    if PROJECT_PYTHON.exists() and Path(sys.executable) != PROJECT_PYTHON:
        os.execv(PROJECT_PYTHON, [str(PROJECT_PYTHON), "-m", "events", *sys.argv[1:]])
    print(f"python -m events: {missing.name} is not installed; run `make check`, which sets up .venv",
          file=sys.stderr)
    sys.exit(2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m events", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate an events file")
    check.add_argument("path", nargs="?", help="file to check (default: $EVENTS_CSV or data/events.csv)")
    args = parser.parse_args(argv)

    path = args.path or str(events_path())
    try:
        result = load_events(path)
    except OSError as error:
        print(f"{path}: cannot read the file: {error.strerror or error}", file=sys.stderr)
        return 2
    except FileRefusedError as refusal:
        print(f"{path}: not read: {refusal}", file=sys.stderr)
        return 2
    for problem in result.problems:  # root causes first, then what follows from them
        print(problem.format(path))
    notes = sum(p.is_note for p in result.problems)
    consequences = sum(p.cause is not None for p in result.problems)
    causes = len(result.problems) - consequences - notes
    print(f"{path}: {len(result.events)} valid rows, {len(result.rejected)} rejected; "
          f"{_count(causes, 'problem')}, {_count(consequences, 'consequence')} and {_count(notes, 'note')} "
          "on the sources' own numbers", file=sys.stderr)
    return 1 if causes or consequences else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main())

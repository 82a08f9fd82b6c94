"""Command line: ``python -m events check [PATH]``, ``diff OLD NEW`` and ``changelog OLD NEW``.

``check`` prints one line per problem as PATH:LINE: COLUMN: message [code], root causes
first, then their consequences (rows shown without a link to a row set aside), then notes on the
sources' own numbers (figures that may overlap, parts that exceed their whole). Exit status: 0 valid
(notes allowed), 1 problems found, 2 the file cannot be read.

``diff`` says what a change does to what viewers see (events/diff.py): figures added, removed and
changed, the headline and each area's figure before and after, new problems and notes; Markdown, or
``--json``. OLD may be a git revision instead of a file (``--base origin/main``). Exit status: 1 when
NEW has problems, 2 when a file cannot be read, else 0. ``changelog`` writes the entry
data/CHANGELOG.md takes for the same change (``--write`` puts it there).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

PROJECT_PYTHON = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"

try:
    from events.diff import diff
    from events.diff_report import changelog, insert_entry, markdown
    from events.limits import FileRefusedError
    from events.loading import LoadResult, events_path, load_events, parse_events
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
    for name, what in (("diff", "what a change does to what viewers see"),
                       ("changelog", "the data/CHANGELOG.md entry for a change")):
        command = commands.add_parser(name, help=what)
        command.add_argument("files", nargs="*", metavar="FILE",
                             help="OLD NEW, or NEW with --base (default NEW: data/events.csv)")
        command.add_argument("--base", help="a git revision whose copy of NEW is OLD (e.g. origin/main)")
        if name == "diff":
            command.add_argument("--json", action="store_true", help="the same as JSON")
        else:
            command.add_argument("--summary", default="", help="the entry's heading after its date")
            command.add_argument("--write", metavar="CHANGELOG", help="insert the entry into this file")
    args = parser.parse_args(argv)
    if args.command == "check":
        return _check(args.path or str(events_path()))
    return _compare(args)


def _compare(args) -> int:
    files = args.files or [str(events_path())]
    if args.base and len(files) != 1 or not args.base and len(files) != 2:
        print("python -m events: give OLD NEW, or NEW with --base REV", file=sys.stderr)
        return 2
    new_path = files[-1]
    try:
        old_name, old = (f"{args.base}:{new_path}", _at_revision(args.base, new_path)) if args.base else (
            files[0], load_events(files[0]))
        new = load_events(new_path)
    except (OSError, FileRefusedError, subprocess.CalledProcessError) as error:
        print(f"python -m events: cannot read: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 2
    change = diff(old, new)
    if args.command == "changelog":
        entry = changelog(change, datetime.now(UTC).date(), args.summary)
        if args.write:
            target = Path(args.write)
            target.write_text(insert_entry(target.read_text(encoding="utf-8"), entry), encoding="utf-8")
        else:
            print(entry, end="")
        return 0
    print(json.dumps(change.as_dict(), ensure_ascii=False, indent=1) if args.json
          else markdown(change, old_name, new_path), end="" if not args.json else "\n")
    return 1 if change.has_problems else 0


def _at_revision(revision: str, path: str) -> LoadResult:
    """The file as a git revision has it (``git show REV:./path``, from the file's own folder)."""
    file = Path(path).resolve()
    shown = subprocess.run(["git", "show", f"{revision}:./{file.name}"], cwd=file.parent, capture_output=True,
                           check=True)
    return parse_events(shown.stdout)


def _check(path: str) -> int:
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

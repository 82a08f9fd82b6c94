"""Command line: ``python -m events check [PATH]``.

Prints one line per problem as PATH:LINE: COLUMN: message. Exit status: 0 valid,
1 problems found, 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys

from events.loading import events_path, load_events


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
    for problem in result.problems:
        print(problem.format(path))
    summary = f"{path}: {len(result.events)} valid rows, {len(result.rejected)} rejected, {len(result.problems)} problems"
    print(summary, file=sys.stderr)
    return 1 if result.problems else 0


if __name__ == "__main__":
    sys.exit(main())

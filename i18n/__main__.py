"""``python -m i18n check``: what each catalogue lacks against the code (exit 1 if anything)."""

from __future__ import annotations

import sys

from i18n.catalogue import gaps
from i18n.language import DEFAULT, LANGUAGES


def main(argv: list[str]) -> int:
    if argv != ["check"]:
        print("usage: python -m i18n check", file=sys.stderr)
        return 2
    failed = False
    for code in LANGUAGES:
        if code == DEFAULT:
            continue
        found = gaps(code)
        for gap in found:
            print(f"{code}: {gap.problem}: {gap.msgid!r}")
        print(f"{code}: {'ok' if not found else f'{len(found)} to fix'}")
        failed |= bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

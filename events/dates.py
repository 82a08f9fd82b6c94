"""ISO dates of day, month or year precision, as the sources give them.

Dates stay strings ("2025-07-16", "2025-06", "2022"): they are never turned into
times, so no time zone can shift them. Bounds and labels are derived on demand.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bounds(text: str) -> tuple[date, date] | None:
    """First and last day covered by an ISO date of year, month or day precision."""
    match = ISO_DATE.fullmatch(text)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if not 1 <= month <= 12:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last)
    if not 1 <= day <= last:
        return None
    return date(year, month, day), date(year, month, day)


def date_label(text: str) -> str:
    """"16 Jul 2025", "Jun 2025" or "2022", at the precision given."""
    parts = text.split("-")
    if len(parts) == 1:
        return text
    month = calendar.month_abbr[int(parts[1])]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def period_label(start: str, end: str = "") -> str:
    """A period as people write it: "14–16 Jul 2025", "30 Jun – 2 Jul 2025", "Jun 2025"."""
    if not end or end == start:
        return date_label(start)
    a, b = start.split("-"), end.split("-")
    if len(a) == len(b) == 3 and a[0] == b[0]:
        if a[1] == b[1]:
            return f"{int(a[2])}–{date_label(end)}"
        return f"{int(a[2])} {calendar.month_abbr[int(a[1])]} – {date_label(end)}"
    return f"{date_label(start)} – {date_label(end)}"

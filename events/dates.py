"""Dates as the sources give them: ISO days, months and years, and the EDTF forms of uncertainty.

Dates stay strings, as written ("2025-07-16", "2025-06", "2022", "XXXX-06-21"): they
are never turned into times, so no time zone can shift them. Bounds and labels are
derived on demand. Beside plain ISO dates, a subset of the Library of Congress
Extended Date/Time Format (EDTF) is accepted, parsed by the ``edtf`` package:

- ``2025-07-16?`` uncertain, ``2025-07~`` approximate, ``2025-07-16%`` both;
- ``XXXX-06-21`` day and month known, year not stated;
- ``2025-33`` to ``2025-36`` the first to fourth quarter, ``2025-40``/``2025-41`` a half-year;
- ``[2025-06,2025-07]`` one of these dates ("June or July");
- ``..`` as a start: not stated (a tally "to date").

A date whose year is not stated, or an open start, may lie anywhere before today:
its bounds run from ``EARLIEST``, so it overlaps every period and is never added to
another figure; it has no place on a timeline.
"""

from __future__ import annotations

import calendar
import re
import time
from datetime import date
from functools import cache

import edtf

OPEN = ".."  # a start that the source does not state
EARLIEST = date(1, 1, 1)  # lower bound of a date whose year is not stated
UNKNOWN_YEAR = "XXXX"

ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_QUALIFIED = re.compile(r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?P<mark>[?~%])")
_YEARLESS = re.compile(r"XXXX-(\d{2})(?:-(\d{2}))?")
_SUBYEAR = re.compile(r"(\d{4})-(3[3-6]|4[01])")
_ONE_OF = re.compile(r"\[(\d{4}(?:-\d{2}(?:-\d{2})?)?(?:,\d{4}(?:-\d{2}(?:-\d{2})?)?)+)\]")
_SUBYEAR_NAMES = {33: "Q1", 34: "Q2", 35: "Q3", 36: "Q4", 40: "H1", 41: "H2"}
_MARKS = {"?": ("", " (uncertain)"), "~": ("about ", ""), "%": ("about ", " (uncertain)")}


def date_bounds(text: str, today: date | None = None) -> tuple[date, date] | None:
    """First and last day a date may cover, or None when it is not a date in an accepted form."""
    if ISO_DATE.fullmatch(text):
        return _edtf_bounds(text) if _SUBYEAR.fullmatch(text) else _iso_bounds(text)
    today = today or date.today()
    if text == OPEN:
        return EARLIEST, today
    if _ONE_OF.fullmatch(text):
        return _edtf_bounds(text)
    if match := _QUALIFIED.fullmatch(text):  # a qualifier leaves the bounds as they are (EDTF's strict bounds)
        return _iso_bounds(match["date"])
    if match := _YEARLESS.fullmatch(text):
        month, day = int(match[1]), int(match[2] or 1)
        # 2024 is a leap year: 29 February is a day some year has
        valid = 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]
        return (EARLIEST, today) if valid else None
    return None


@cache
def _edtf_bounds(text: str) -> tuple[date, date] | None:
    """Quarters, half-years and one-of sets; ``edtf`` parses in milliseconds, so only these go to it."""
    try:
        parsed = edtf.parse_edtf(text)
    except edtf.EDTFParseException:
        return None
    return _day(parsed.lower_strict()), _day(parsed.upper_strict())


def _iso_bounds(text: str) -> tuple[date, date] | None:
    if len(text) == 10:  # a day: the C parser checks the calendar
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        return day, day
    year, month, day = (int(g) if g else None for g in ISO_DATE.fullmatch(text).groups())
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


def _day(moment: time.struct_time) -> date:
    return date(moment.tm_year, moment.tm_mon, moment.tm_mday)


def form_hint(text: str) -> str:
    """What to write instead of a date in a form this file does not take."""
    if re.fullmatch(r"\d{4}-Q[1-4]", text, re.I):
        return f"write the quarter as EDTF does: {text[:4]}-{32 + int(text[-1])}"
    if re.fullmatch(r"(\d{4}\S*|\.\.)/(\d{4}\S*|\.\.)", text):  # an EDTF interval in one cell
        return "put the first day in date_start and the last in date_end"
    if re.fullmatch(r"\d{4}-(2[1-9]|3[0-2])", text):
        return "seasons depend on the hemisphere; give the months instead"
    if text.casefold() in {"to date", "unknown", "not stated", "?"}:
        return "write .. in date_start for a start not stated, or leave a blank date_end"
    return "write YYYY-MM-DD, YYYY-MM or YYYY; EDTF forms: 2025-07-16? (uncertain), 2025-07~ (approximate), " \
           "XXXX-06-21 (year not stated), 2025-35 (third quarter), [2025-06,2025-07] (one of), .. (start not stated)"


def year_known(text: str) -> bool:
    """False for an open start and a date whose year is not stated: such a date has no place in time."""
    return text != OPEN and not text.startswith(UNKNOWN_YEAR)


def latest(texts) -> str:
    """The date written that reaches latest, among those whose year is known ("" if none)."""
    best, best_end = "", EARLIEST
    for text in texts:
        bounds = date_bounds(text) if text and year_known(text) else None
        if bounds and bounds[1] > best_end:
            best, best_end = text, bounds[1]
    return best


def date_label(text: str) -> str:
    """"16 Jul 2025", "Jun 2025", "2022", "Q3 2025", "about 16 Jul 2025", "21 Jun (year not stated)"."""
    if text == OPEN:
        return "date not stated"
    if match := _YEARLESS.fullmatch(text):
        return f"{_plain_label(f'0000-{match[1]}' + (f'-{match[2]}' if match[2] else ''))[:-5]} (year not stated)"
    if match := _SUBYEAR.fullmatch(text):
        return f"{_SUBYEAR_NAMES[int(match[2])]} {match[1]}"
    if match := _QUALIFIED.fullmatch(text):
        return _marked(_plain_label(match["date"]), match["mark"])
    if match := _ONE_OF.fullmatch(text):
        labels = [_plain_label(d) for d in match[1].split(",")]
        year = labels[-1][-4:]
        if all(label.endswith(f" {year}") for label in labels):  # "Jun or Jul 2025"
            labels = [label.removesuffix(f" {year}") for label in labels[:-1]] + labels[-1:]
        return " or ".join(labels)
    return _plain_label(text)


def _plain_label(text: str) -> str:
    parts = text.split("-")
    if len(parts) == 1:
        return text
    month = calendar.month_abbr[int(parts[1])]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def _marked(label: str, mark: str) -> str:
    before, after = _MARKS.get(mark, ("", ""))
    return f"{before}{label}{after}"


def period_label(start: str, end: str = "") -> str:
    """A period as people write it: "14–16 Jul 2025", "30 Jun – 2 Jul 2025", "to 22 Jul 2025"."""
    if not end or end == start:
        return date_label(start)
    if start == OPEN:
        return f"to {date_label(end)} (start not stated)"
    yearless = _YEARLESS.fullmatch(start) and _YEARLESS.fullmatch(end)
    if yearless:
        start, end = start.replace(UNKNOWN_YEAR, "0000"), end.replace(UNKNOWN_YEAR, "0000")
    if not (ISO_DATE.fullmatch(start) and ISO_DATE.fullmatch(end)):
        return f"{date_label(start)} – {date_label(end)}"
    label = _plain_period(start, end)
    return f"{label.removesuffix(' 0000')} (year not stated)" if yearless else label


def _plain_period(start: str, end: str) -> str:
    a, b = start.split("-"), end.split("-")
    if len(a) == len(b) == 3 and a[0] == b[0]:
        if a[1] == b[1]:
            return f"{int(a[2])}–{_plain_label(end)}"
        return f"{int(a[2])} {calendar.month_abbr[int(a[1])]} – {_plain_label(end)}"
    return f"{_plain_label(start)} – {_plain_label(end)}"

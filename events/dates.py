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
from functools import cache, lru_cache

import edtf
from babel import Locale
from babel.dates import format_interval, format_skeleton
from babel.lists import format_list

import i18n
from i18n import _

OPEN = ".."  # a start that the source does not state
EARLIEST = date(1, 1, 1)  # lower bound of a date whose year is not stated
UNKNOWN_YEAR = "XXXX"

ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_QUALIFIED = re.compile(r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?P<mark>[?~%])")
_YEARLESS = re.compile(r"XXXX-(\d{2})(?:-(\d{2}))?")
_YEARLESS_MARKED = re.compile(r"(?P<date>XXXX-\d{2}(?:-\d{2})?)(?P<mark>[?~%])")  # year not stated, day uncertain
_SUBYEAR = re.compile(r"(\d{4})-(3[3-6]|4[01])")
_ONE_OF = re.compile(r"\[(\d{4}(?:-\d{2}(?:-\d{2})?)?(?:,\d{4}(?:-\d{2}(?:-\d{2})?)?)+)\]")
_QUARTERS = {33: 1, 34: 2, 35: 3, 36: 4}  # EDTF's sub-year codes of quarters; 40 and 41 are the half-years


def date_bounds(text: str, today: date | None = None) -> tuple[date, date] | None:
    """First and last day a date may cover, or None when it is not a date in an accepted form."""
    if ISO_DATE.fullmatch(text):
        return _edtf_bounds(text) if _SUBYEAR.fullmatch(text) else _iso_bounds(text)
    today = today or date.today()
    if text in (OPEN, UNKNOWN_YEAR):  # a start not stated; a date not known at all
        return EARLIEST, today
    if match := _YEARLESS_MARKED.fullmatch(text):
        return date_bounds(match["date"], today)
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
    """"16 Jul 2025", "Jun 2025", "2022", "Q3 2025", "about 16 Jul 2025", "21 Jun (year not stated)": in the
    interface's language, months and their order as CLDR gives them."""
    if text == OPEN:
        # TRANSLATORS: in place of a date the source does not give
        return _("date not stated")
    if text == UNKNOWN_YEAR:
        # TRANSLATORS: in place of a date no source gives at all (written XXXX in the file)
        return _("date not known")
    if match := _YEARLESS_MARKED.fullmatch(text):
        return _marked(date_label(match["date"]), match["mark"])
    if match := _YEARLESS.fullmatch(text):
        # TRANSLATORS: a date or a period whose year the source does not state: "21 Jun (year not stated)"
        return _("{date} (year not stated)").format(date=_yearless_label(match))
    if match := _SUBYEAR.fullmatch(text):
        return _subyear_label(int(match[1]), int(match[2]))
    if match := _QUALIFIED.fullmatch(text):
        return _marked(_plain_label(match["date"]), match["mark"])
    if match := _ONE_OF.fullmatch(text):
        return _one_of(match[1].split(","))
    return _plain_label(text)


_SKELETONS = {1: "y", 2: "yMMM", 3: "yMMMd"}  # parts of an ISO date -> CLDR skeleton: "2025", "Jul 2025", "16 Jul 2025"
_YEARLESS_SKELETONS = {1: "MMM", 2: "MMMd"}  # parts after XXXX: "Jun", "21 Jun"
_ANY_YEAR = 2024  # the year a date without one is formatted in: a leap year, so 29 February is a day


# Babel takes tens of microseconds a date; a file has few distinct ones, and tables label every figure.
@lru_cache(maxsize=1 << 14)
def _format(skeleton: str, day: date, locale: Locale) -> str:
    return format_skeleton(skeleton, day, locale=locale)


@lru_cache(maxsize=1 << 14)
def _interval(first: date, last: date, skeleton: str, locale: Locale) -> str:
    return format_interval(first, last, skeleton, locale=locale)


def _iso(text: str) -> tuple[date, int] | None:
    """The first day an ISO day, month or year names, and how many parts it has; None for another form."""
    if not ISO_DATE.fullmatch(text) or _SUBYEAR.fullmatch(text):
        return None
    year, month, day = (int(g) if g else None for g in ISO_DATE.fullmatch(text).groups())
    try:
        return date(year, month or 1, day or 1), 1 + (month is not None) + (day is not None)
    except ValueError:
        return None


def _plain_label(text: str, with_year: bool = True) -> str:
    """An ISO day, month or year as CLDR writes it in the interface's language ("16 Jul 2025", "Jul 2025");
    without its year ("16 Jul", "Jul") when ``with_year`` is false and it has a month."""
    parsed = _iso(text)
    if parsed is None:
        return text
    day, parts = parsed
    skeleton = _SKELETONS[parts] if with_year or parts == 1 else _YEARLESS_SKELETONS[parts - 1]
    return _format(skeleton, day, i18n.locale())


def _yearless_date(match: re.Match) -> tuple[date, int]:
    return date(_ANY_YEAR, int(match[1]), int(match[2] or 1)), 2 if match[2] else 1


def _yearless_label(match: re.Match) -> str:
    day, parts = _yearless_date(match)
    return _format(_YEARLESS_SKELETONS[parts], day, i18n.locale())


def _subyear_label(year: int, code: int) -> str:
    """"Q3 2025" as CLDR writes a quarter; "H1 2025" for a half-year."""
    if code in _QUARTERS:
        return _format("yQQQ", date(year, 3 * _QUARTERS[code] - 2, 1), i18n.locale())
    year_label = _format("y", date(year, 1, 1), i18n.locale())
    if code == 40:
        # TRANSLATORS: the first half of a year, January to June: "H1 2025"
        return _("H1 {year}").format(year=year_label)
    # TRANSLATORS: the second half of a year, July to December: "H2 2025"
    return _("H2 {year}").format(year=year_label)


def _marked(label: str, mark: str) -> str:
    if mark == "?":
        # TRANSLATORS: a date the source gives as uncertain: "16 Jul 2025 (uncertain)"
        return _("{date} (uncertain)").format(date=label)
    if mark == "~":
        # TRANSLATORS: a date the source gives as approximate: "about Jul 2025"
        return _("about {date}").format(date=label)
    # TRANSLATORS: a date the source gives as approximate and uncertain: "about 16 Jul 2025 (uncertain)"
    return _("about {date} (uncertain)").format(date=label)


def _one_of(texts: list[str]) -> str:
    """"Jun or Jul 2025" (the year once when they share it), "Dec 2024 or Jan 2025": CLDR's list with "or"."""
    years = {t[:4] for t in texts}
    shared = len(years) == 1 and all("-" in t for t in texts)
    labels = [_plain_label(t, with_year=not shared) for t in texts[:-1]] + [_plain_label(texts[-1])]
    return format_list(labels, style="or", locale=i18n.locale())


def _range(first: str, last: str) -> str:
    """Two labels as CLDR joins the ends of a range it cannot shorten: "16 Jul 2025 (uncertain) – 20 Jul 2025"."""
    return i18n.locale().interval_formats[None].format(first, last)


def period_label(start: str, end: str = "") -> str:
    """A period as people write it, as CLDR shortens it in the interface's language: "14 – 16 Jul 2025",
    "30 Jun – 2 Jul 2025", "to 22 Jul 2025 (start not stated)", "21 Jun – 7 Jul (year not stated)"."""
    if not end or end == start:
        return date_label(start)
    if start == OPEN:
        # TRANSLATORS: a period whose start the source does not state (a tally "to date"):
        # "to 22 Jul 2025 (start not stated)"
        return _("to {date} (start not stated)").format(date=date_label(end))
    yearless = _YEARLESS.fullmatch(start), _YEARLESS.fullmatch(end)
    if all(yearless):
        (first, first_parts), (last, last_parts) = (_yearless_date(m) for m in yearless)
        period = (_interval(first, last, _YEARLESS_SKELETONS[first_parts], i18n.locale())
                  if first_parts == last_parts else _range(*(_yearless_label(m) for m in yearless)))
        return _("{date} (year not stated)").format(date=period)
    first, last = _iso(start), _iso(end)
    if first and last and first[1] == last[1]:  # same precision: CLDR leaves out what the ends share
        return _interval(first[0], last[0], _SKELETONS[first[1]], i18n.locale())
    return _range(date_label(start), date_label(end))

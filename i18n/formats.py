"""Numbers, country names and month names as CLDR writes them in the current language (Babel's locale data)."""

from __future__ import annotations

from babel.dates import get_day_names, get_month_names, get_period_names
from babel.numbers import format_decimal

from i18n.language import locale


def number(n: int) -> str:
    """"1,000" in English and Khmer (CLDR's Khmer uses these digits and separators by default)."""
    return format_decimal(n, locale=locale())


def territory(code: str) -> str | None:
    """A country's name in the current language, from an ISO 3166-1 alpha-2 code; None when CLDR has none."""
    return locale().territories.get(code)


def time_locale() -> dict:
    """The current language's month and day names as d3 (and so Vega-Lite) takes a time locale, from CLDR."""
    here = locale()
    periods = get_period_names("abbreviated", locale=here)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # CLDR counts days from Monday, d3 from Sunday
    return {
        "dateTime": "%x %X", "date": "%d/%m/%Y", "time": "%H:%M:%S",
        "periods": [periods.get("am", "AM"), periods.get("pm", "PM")],
        "days": [get_day_names("wide", locale=here)[d] for d in sunday_first],
        "shortDays": [get_day_names("abbreviated", locale=here)[d] for d in sunday_first],
        "months": [get_month_names("wide", locale=here)[m] for m in range(1, 13)],
        "shortMonths": [get_month_names("abbreviated", locale=here)[m] for m in range(1, 13)],
    }

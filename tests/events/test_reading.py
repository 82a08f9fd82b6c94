"""The file as bytes: line numbers, encodings, damaged rows. Nothing is dropped silently."""

import codecs

import pytest

from events.loading import parse_events
from events.reading import read_clean, read_exact
from tests.conftest import csv_text, row


def text_of(rows, columns=None):
    return csv_text(rows, columns)


def lines_of(result):
    return list(result.events["line"]), list(result.rejected["line"])


def test_line_numbers_count_newlines_inside_quoted_cells():
    text = text_of([row(id="a", notes="first line\nsecond line"), row(id="b", count="x")])
    result = parse_events(text.encode())
    assert lines_of(result) == ([2], [4])
    assert result.problems[0].line == 4


def test_blank_lines_are_skipped_but_counted():
    text = text_of([row(id="a"), row(id="b", count="x")]).replace("\n", "\n\n", 2)
    result = parse_events(text.encode())
    assert result.problems[0].line == 5


def test_bom_and_crlf_are_accepted():
    text = text_of([row(id="a", notes="two\nlines"), row(id="b", area="Pursat")])
    raw = codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode()
    result = parse_events(raw)
    assert result.problems == ()
    assert lines_of(result) == ([2, 4], [])
    assert result.events.iloc[0]["notes"] == "two\r\nlines"


def test_wrong_number_of_cells():
    text = text_of([row(id="a"), row(id="b", area="Pursat")]) + "c,raid,extra\n"
    result = parse_events(text.encode())
    assert lines_of(result) == ([2, 3], [4])
    assert result.problems[0].code == "cell-count"


def test_unclosed_quote_swallowing_the_rest_is_reported():
    text = text_of([row(id="a")]) + 'b,,,raid,"Broken title,2025-07-15\nc,,,raid,Title\n'
    result = parse_events(text.encode())
    assert lines_of(result) == ([2], [3])
    assert result.problems[0].code == "unclosed-quote"


def test_latin1_line_is_reported_and_the_rest_kept():
    text = text_of([row(id="a"), row(id="b", area="Pursat", title="Café"), row(id="c", area="Kep")])
    raw = text.encode().replace("Café".encode(), "Café".encode("latin-1"))
    result = parse_events(raw)
    assert lines_of(result) == ([2, 4], [3])
    assert result.problems[0].code == "encoding-error"
    assert "byte 0xE9" in result.problems[0].message  # says which byte


def test_utf16_is_named():
    raw = codecs.BOM_UTF16_LE + text_of([row()]).encode("utf-16-le")
    [problem] = parse_events(raw).problems
    assert problem.code == "utf16-file"


def test_binary_junk_is_reported_not_crashed_on():
    raw = bytes(range(256)) * 4
    result = parse_events(raw)
    assert result.events.empty
    assert result.problems


def test_nul_bytes_in_a_row():
    text = text_of([row(id="a"), row(id="b", area="Pursat")])
    raw = text.encode().replace(b"Pursat", b"Pur\x00sat")
    result = parse_events(raw)
    assert lines_of(result) == ([2], [3])
    assert result.problems[0].code == "binary-data"


def test_truncated_last_row():
    text = text_of([row(id="a"), row(id="b", area="Pursat")])
    result = parse_events(text[: len(text) - 60].encode())
    assert lines_of(result) == ([2], [3])


def test_empty_and_header_only_files():
    assert [p.code for p in parse_events(b"").problems] == ["empty-file"]
    assert [p.code for p in parse_events(b"\n \n").problems] == ["empty-file"]
    header_only = parse_events(text_of([]).encode())
    assert header_only.problems == () and header_only.events.empty


def test_missing_required_column_rejects_every_row_with_one_message():
    text = text_of([row(id="a"), row(id="b")], columns=[c for c in row() if c != "title"])
    result = parse_events(text.encode())
    assert result.events.empty and list(result.rejected["line"]) == [2, 3]
    assert [(p.line, p.column, p.code) for p in result.problems if p.rejects_row] == [(1, "title", "missing-column")]


def test_misspelt_column_gets_a_hint_and_its_cells_read_blank():
    columns = [c if c != "notes" else "nots" for c in csv_text([]).strip().split(",")]
    result = parse_events(csv_text([row(nots="kept in the file")], columns=columns).encode())
    assert len(result.events) == 1
    messages = {p.column: p for p in result.problems}
    assert messages["nots"].code == "unknown-column" and "did you mean 'notes'?" in messages["nots"].message
    assert messages["notes"].code == "missing-column"
    assert not messages["notes"].rejects_row


def test_duplicated_header_line():
    text = text_of([row(id="a"), row(id="b", area="Pursat")])
    header, rest = text.split("\n", 1)
    result = parse_events(f"{header}\n{rest}{header}\n".encode())
    assert result.problems[0].code == "repeated-header"
    assert result.problems[0].line == 4


def test_huge_cell_is_reported():
    result = parse_events(text_of([row(notes="x" * 500_000)]).encode())
    assert result.problems[0].code == "too-long"


def _body(rows, **replace) -> bytes:
    text = text_of(rows)
    for old, new in replace.items():
        text = text.replace(old, new)
    return text.encode()


QUIRKS = [row(id="a", notes='she said "no"'), row(id="b", title="Raid, then release", notes="two\nlines"),
          row(id="c", notes="ស្រុក​ស្នួល · עברית"), row(id="d", notes="  padded  "), row(id="e", notes="")]
AGREEING = {
    "quotes, commas, newlines, Khmer": _body(QUIRKS),
    "CRLF with a newline in a cell": _body(QUIRKS).replace(b"\n", b"\r\n"),
    "no newline at the end": _body(QUIRKS).rstrip(b"\n"),
    "a quote inside a bare cell": _body([row(id="a", notes="PLACEHOLDER")]).replace(b"PLACEHOLDER",
                                                                                   b'5" and 7" screens'),
    "text after a closing quote": _body([row(id="a", notes="PLACEHOLDER")]).replace(b"PLACEHOLDER", b'"ab"cd'),
    "a quote after spaces": _body([row(id="a", notes="PLACEHOLDER")]).replace(b"PLACEHOLDER", b'  "ab"'),
    "repeated header": _body([row(id="a")]) + _body([]),
}
DECLINED = {
    "blank line": _body([row(id="a"), row(id="b")]).replace(b"\n", b"\n\n", 1),
    "wrong number of cells": _body([row(id="a")]) + b"b,raid\n",
    "NUL byte": _body([row(id="a", notes="x\x00y")]),
    "latin-1": _body([row(id="a", notes="Café")]).replace("é".encode(), "é".encode("latin-1")),
    "lone carriage return": _body([row(id="a", notes="x\ry")]),
    "unclosed quote": _body([row(id="a")]) + b'b,,,raid,"Title\n',
}


@pytest.mark.parametrize("name", AGREEING)
def test_the_fast_reader_gives_what_the_exact_reader_gives(name):
    fast, exact = read_clean(AGREEING[name]), read_exact(AGREEING[name])
    assert fast is not None
    assert fast.header == exact.header and fast.lines.tolist() == exact.lines.tolist()
    assert fast.cells.equals(exact.cells)


@pytest.mark.parametrize("name", DECLINED)
def test_the_fast_reader_leaves_damaged_files_to_the_exact_reader(name):
    assert read_clean(DECLINED[name]) is None
    assert read_exact(DECLINED[name]).problems or name == "blank line"

"""The Khmer catalogue matches the code: every message the code asks for is translated, nothing fuzzy, nothing
stale, and every translation uses its message's placeholders; the catalogue is what the app shows."""

from __future__ import annotations

import ast
import re

import pytest
from babel.messages.catalog import Catalog
from babel.util import pathmatch

import i18n
from i18n import catalogue


def test_every_khmer_entry_is_translated_and_in_step_with_the_code():
    assert [f"{g.problem}: {g.msgid!r}" for g in catalogue.gaps("km")] == []


def test_extraction_finds_what_the_code_asks_for():
    messages = catalogue.extracted()
    assert messages.get("Filters") is not None  # a widget label in dashboard/sidebar.py
    assert messages.get("Timeline · {n} event") is not None  # a plural (ngettext)
    assert not [m.id for m in messages if "{}" in str(m.id)]  # a translator needs named placeholders to reorder


@pytest.mark.parametrize(("body", "problem"), [
    ('msgid "Filters"\nmsgstr ""\n', "untranslated"),
    ('#, fuzzy\nmsgid "Filters"\nmsgstr "តម្រង"\n', "fuzzy"),
    ('msgid "{n} rows"\nmsgstr "{count} ជួរ"\n', "placeholders differ"),
])
def test_a_gap_is_named(khmer_catalogue, monkeypatch, body, problem):
    khmer_catalogue(body)
    monkeypatch.setattr(catalogue, "extracted", Catalog)  # the code asks for nothing: only the entries' own gaps
    assert catalogue.Gap(body.split('msgid "')[1].split('"')[0], problem) in catalogue.gaps("km")


def test_a_fuzzy_entry_shows_english_and_a_translated_one_khmer(khmer_catalogue):
    khmer_catalogue('#, fuzzy\nmsgid "Filters"\nmsgstr "តម្រង"\n\nmsgid "Period"\nmsgstr "រយៈពេល"\n')
    with i18n.use("km"):
        assert (i18n._("Filters"), i18n._("Period")) == ("Filters", "រយៈពេល")
    assert i18n._("Period") == "Period"  # outside the block: English again


def test_an_unknown_language_is_english():
    with i18n.use("xx"):
        assert i18n.current() == "en"


def _a_message(node: ast.AST) -> bool:
    """A call of gettext's with a message written in it: ``_("Sources")``, not ``_(label)``."""
    return (isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("_", "ngettext", "N_")
            and any(isinstance(a, ast.Constant) for a in node.args))


def test_no_message_is_written_inside_an_f_string():
    """On Python 3.11 an f-string is one token to Babel's extractor: a message written inside one is never
    extracted, so it would never be translated (and no other test would notice)."""
    patterns = re.findall(r"^\[python: (.+)\]$", catalogue.MAPPING.read_text(encoding="utf-8"), re.MULTILINE)
    hidden = []
    files = [f for f in catalogue.ROOT.glob("*/**/*.py") if ".venv" not in f.parts] + [*catalogue.ROOT.glob("*.py")]
    for path in (f for f in files if any(pathmatch(p, f.relative_to(catalogue.ROOT).as_posix()) for p in patterns)):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [f"{path.relative_to(catalogue.ROOT)}:{call.lineno}: {ast.unparse(call)}"
                           for call in ast.walk(node) if _a_message(call)]
    assert hidden == []

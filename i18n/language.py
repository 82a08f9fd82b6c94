"""The language of the current run and its translations.

A Streamlit session runs its script in a thread of its own, so the language lives in a context
variable set at the start of each run (`activate`); work done later in another thread (a download
built when clicked) takes the language with it (`use`). Catalogues are the tracked ``.po`` files,
compiled in memory once per process, so no compiled file can fall out of step with them. English
is the source language: its messages are the code's own.
"""

from __future__ import annotations

import gettext
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TypeVar

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

# The characters the app's own Khmer face draws (static/fonts, i18n/build_font.py): Khmer, Khmer Symbols, and
# the zero-width space, non-joiner and joiner written between Khmer words. Pages fetch the face only for them.
KHMER_RANGE = "U+1780-17FF, U+19E0-19FF, U+200B-200D, U+25CC"
KHMER_FONT = "/app/static/fonts/NotoSansKhmer.woff2"  # where the app serves it
LANGUAGES = {"en": "English", "km": "ខ្មែរ"}  # code -> the language's name in itself
DEFAULT = "en"
CATALOGUES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"
_CLDR = {"en": "en_GB", "km": "km"}  # whose CLDR formats each language takes: "14–16 Jul 2025", not "Jul 14–16"

T = TypeVar("T")
_current: ContextVar[str] = ContextVar("language", default=DEFAULT)


def activate(code: str) -> None:
    """Sets the language for the rest of this run (this thread's context)."""
    _current.set(code if code in LANGUAGES else DEFAULT)


@contextmanager
def use(code: str) -> Iterator[None]:
    """The language for a block, then the one before it."""
    token = _current.set(code if code in LANGUAGES else DEFAULT)
    try:
        yield
    finally:
        _current.reset(token)


def current() -> str:
    return _current.get()


def bound(function: Callable[[T], str]) -> Callable[[T], str]:
    """``function`` in the language current now, wherever and whenever it is called later (a widget's
    ``format_func``, called again when the widget's value comes back)."""
    code = current()

    def in_language(value: T) -> str:
        with use(code):
            return function(value)
    return in_language


@cache
def _locale(code: str) -> Locale:
    return Locale.parse(_CLDR[code])


def locale() -> Locale:
    """The CLDR locale of the current language, for Babel's formatting of numbers, dates and names."""
    return _locale(current())


def catalogue_path(code: str) -> Path:
    return CATALOGUES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(code: str) -> gettext.NullTranslations:
    """The language's catalogue, compiled from its ``.po`` file; fuzzy entries are left out (they show English)."""
    if code == DEFAULT:
        return gettext.NullTranslations()
    with catalogue_path(code).open("rb") as po:
        catalog = read_po(po, locale=code, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def _(message: str) -> str:
    """The message in the current language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The message whose plural form fits ``n`` in the current language (Khmer has one form)."""
    return translations(current()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for a marker)
    """Marks a constant for extraction; it is translated with `_` where it is shown."""
    return message

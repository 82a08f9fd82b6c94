"""Numbers and country names as CLDR writes them in the current language (Babel's locale data)."""

from __future__ import annotations

from babel.numbers import format_decimal

from i18n.language import locale


def number(n: int) -> str:
    """"1,000" in English and Khmer (CLDR's Khmer uses these digits and separators by default)."""
    return format_decimal(n, locale=locale())


def territory(code: str) -> str | None:
    """A country's name in the current language, from an ISO 3166-1 alpha-2 code; None when CLDR has none."""
    return locale().territories.get(code)

"""A reported number together with its qualifier, and honest arithmetic on it.

Sums keep the weakest qualifier of their parts: 85 + >200 is >285, ≥270 + >200
is >470, anything approximate stays approximate, and a part with no number makes
the sum "at least". "Nearly" (a little fewer than the number) stays "nearly" beside
exact numbers and becomes "about" beside bounds. A range ("between 2,800 and 3,000")
adds as a range beside exact numbers, and as "at least" its low end otherwise. A
remainder of an exact total is "at most" when its parts are lower bounds.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from events.vocabulary import QUALIFIERS
from i18n import _, number

_SYMBOLS = {**QUALIFIERS, "at_most": "≤"}
APPROXIMATE = ("about", "nearly")  # qualifiers that give no lower bound


@dataclass(frozen=True)
class Value:
    count: int | None  # None: no number was reported
    qualifier: str = "exact"  # exact, more_than, at_least, about, nearly, or at_most (derived only)
    high: int | None = None  # the top of a range ("between 2,800 and 3,000"): count is its bottom

    @property
    def known(self) -> bool:
        return self.count is not None

    @property
    def best(self) -> int:
        """The number as reported (0 when none was): what an approximate figure is read as."""
        return self.count or 0

    @property
    def lower(self) -> int:
        """Fewest people the figure can mean (0 when unknown or approximate)."""
        if self.count is None or self.qualifier in (*APPROXIMATE, "at_most"):
            return 0
        return self.count + (1 if self.qualifier == "more_than" else 0)

    @staticmethod
    def lowers(counts: pd.Series, qualifiers: pd.Series) -> pd.Series:
        """``lower`` of many values at once (counts as Int64, qualifiers as text), a column at a time."""
        bounded = counts.notna() & ~qualifiers.isin((*APPROXIMATE, "at_most"))
        return (counts.fillna(0) + (qualifiers == "more_than").astype("int64")).where(bounded, 0).astype("int64")

    def __add__(self, other: Value) -> Value:
        if not self.known and not other.known:
            return UNKNOWN
        if not self.known or not other.known:
            known = self if self.known else other
            return Value(known.count, "about" if known.qualifier in APPROXIMATE else "at_least")
        count = self.count + other.count
        if self.high is None and other.high is None:
            return Value(count, _weakest(self.qualifier, other.qualifier))
        if {self.qualifier, other.qualifier} <= {"exact", "about"}:  # ranges and plain numbers: a range
            high = (self.high or self.count) + (other.high or other.count)
            return Value(count, "about" if "about" in (self.qualifier, other.qualifier) else "exact", high)
        return Value(count, _weakest(*(_as_bound(v) for v in (self, other))))

    def label(self) -> str:
        """Compact form for maps and charts: ">1,000", "≥270", "312", "~150,000", "<1,000" (nearly),
        "2,800–3,000" (the symbols in every language)."""
        if self.count is None:
            # TRANSLATORS: in place of a number on the map and in charts: the source gives no number
            return _("not reported")
        if self.high is not None:
            return f"{_SYMBOLS[self.qualifier]}{number(self.count)}–{number(self.high)}"
        return f"{_SYMBOLS[self.qualifier]}{number(self.count)}"

    def words(self) -> str:
        """Form for sentences: "more than 1,000", in the interface's language; one message per qualifier, so
        that none is ever dropped and each language puts the number where it goes."""
        if self.count is None:
            return _("number not reported")
        count = number(self.count)
        if self.high is not None and self.qualifier == "about":
            # TRANSLATORS: an approximate range, in a sentence: "about 6,000 to 7,000"
            return _("about {low} to {high}").format(low=count, high=number(self.high))
        if self.high is not None:
            # TRANSLATORS: a range a source gives, in a sentence: "between 2,800 and 3,000"
            return _("between {low} and {high}").format(low=count, high=number(self.high))
        if self.qualifier == "nearly":
            # TRANSLATORS: a number a little above the count, in a sentence: "nearly 1,000" (fewer than 1,000)
            return _("nearly {count}").format(count=count)
        if self.qualifier == "more_than":
            # TRANSLATORS: a number of people or things, in a sentence: "more than 1,000"
            return _("more than {count}").format(count=count)
        if self.qualifier == "at_least":
            # TRANSLATORS: a number of people or things, in a sentence: "at least 270"
            return _("at least {count}").format(count=count)
        if self.qualifier == "about":
            # TRANSLATORS: an approximate number of people or things, in a sentence: "about 150,000"
            return _("about {count}").format(count=count)
        if self.qualifier == "at_most":
            # TRANSLATORS: a number of people or things, in a sentence: "at most 40" (what a total leaves)
            return _("at most {count}").format(count=count)
        return count


UNKNOWN = Value(None, "")


def total(values) -> Value:
    result = None
    for value in values:
        result = value if result is None else result + value
    return result if result is not None else UNKNOWN


def remainder(whole: Value, parts: Value) -> Value | None:
    """What an exact total leaves after its parts; None when it cannot be said."""
    if (whole.qualifier != "exact" or whole.high is not None or not whole.known or not parts.known
            or parts.qualifier in APPROXIMATE or parts.high is not None):
        return None
    left = whole.count - parts.lower
    if left < 0:
        return None
    return Value(left, "exact" if parts.qualifier == "exact" else "at_most")


class IncompatibleBoundsError(ValueError):
    """An upper bound ("at most") added to a lower bound: the sum has no single qualifier."""


def _as_bound(value: Value) -> str:
    """A range beside a bound reads as its low end, at least."""
    return "at_least" if value.high is not None and value.qualifier == "exact" else value.qualifier


def _weakest(a: str, b: str) -> str:
    if "about" in (a, b):
        return "about"
    if "nearly" in (a, b):  # a little fewer than the sum beside exact numbers; a guess beside bounds
        other = b if a == "nearly" else a
        return {"exact": "nearly", "nearly": "nearly", "at_most": "at_most"}.get(other, "about")
    if "at_most" in (a, b):
        if {a, b} - {"at_most", "exact"}:
            raise IncompatibleBoundsError(f"cannot add {a} and {b}")
        return "at_most"
    for qualifier in ("more_than", "at_least"):
        if qualifier in (a, b):
            return qualifier
    return "exact"

"""Answers to the dashboard's questions, computed from valid rows.

A *figure* is one reported quantity: its first row plus any repeats by other
sources (``same_figure_as``). Where the sources disagree, every version is kept
and sums use the most cautious one ("at least" the smallest). Containers are
never added to their parts: totals only add figures that are not inside
another figure of the same place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property

import pandas as pd
from babel.lists import format_list

import i18n
from events.dates import period_label, year_known
from events.overlap import disjoint
from events.schema import LIST_SEPARATOR
from events.tabular import days, plain, tuples
from events.values import APPROXIMATE, UNKNOWN, IncompatibleBoundsError, Value, remainder, total
from events.vocabulary import FOREIGN, STATUSES, nationality_display_name, status_label
from geo.areas import NATIONAL, AreaKey, town_display_name
from i18n import _, ngettext

DETAINED = "people_detained"


@dataclass(frozen=True)
class Source:
    """A published page or document, as the row cites it."""

    publisher: str
    title: str
    date: str  # ISO date as written, or ""
    url: str  # an http(s) address, or ""


@dataclass(frozen=True)
class Description:
    """Who, where and when, as one report describes those it counts: sources may disagree on any of it."""

    status: str
    date_start: str
    date_end: str
    area: AreaKey | None
    nationality_code: str
    town: str  # the gazetteer's name of the town named, or ""


@dataclass(frozen=True)
class Report:
    """One source's version of a figure: one row of the file."""

    line: int
    value: Value
    claimant: str
    source: Source
    description: Description
    note: str = ""  # the row's notes, in the maintainer's words


@dataclass(frozen=True)
class Figure:
    """One reported quantity: its first row's description, and every source's report of it.

    Fields named like the loaded table's columns are filled from them by name, so
    a new column reaches the figures by adding a field here.
    """

    id: str
    line: int
    event_type: str
    title: str
    date_start: str  # as written: "2025-07-16", "2025-07", "2025" or an EDTF form (events.dates)
    date_end: str
    start: date  # first day the dates cover
    end: date  # last day
    town: str
    nationality_code: str  # ISO 3166-1 alpha-2, or "" for all nationalities together
    sex: str
    status: str
    measure: str
    notes: str
    nationalities_unnamed: int | None  # further nationalities among those counted, not named by the source
    group: str  # on a part: the group of its container it counts (suspects, ringleaders, minors, a kind of site)
    scope: str  # what the operation was: "" (scam compounds), gambling, trafficking or mixed
    country_code: str  # where it was counted when not in Cambodia (ISO 3166-1 alpha-2), else ""
    parts_separate: str  # "yes": its parts cannot count the same people, so they add up
    same_people: str  # ids of figures counting the same people under another measure or claimant, ';'-joined
    area: AreaKey | None  # None: the row names no place
    named_codes: tuple[str, ...]  # nationalities named without a count, by any of its sources
    within: tuple[str, ...]  # ids of the figures that contain this one
    reports: tuple[Report, ...]

    @property
    def disputed(self) -> bool:
        return len({r.value for r in self.reports if r.value.known}) > 1

    @property
    def value(self) -> Value:
        """The value sums use: the shared one, or the most cautious reading when sources differ.

        That is "at least" the smallest when every version is a bound or exact; when any
        version is approximate, "about" the smallest number reported (never "at least 0").
        """
        known = [r.value for r in self.reports if r.value.known]
        if not known:
            return UNKNOWN
        if not self.disputed:
            return known[0]
        if any(v.qualifier in APPROXIMATE for v in known):
            return Value(min(v.count for v in known), "about")
        return Value(min(v.lower for v in known), "at_least")

    @property
    def claimants(self) -> list[str]:
        """Who claims it, each named once: spellings that name the same claimant ("Neth Pheaktra", "Information
        Minister Neth Pheaktra") are one, in its fullest spelling."""
        return unify_claimants(r.claimant for r in self.reports if r.claimant)

    @property
    def period(self) -> tuple[str, str]:
        return self.date_start, self.date_end

    def versions(self) -> list[tuple[Value, list[Report]]]:
        """Each distinct value with the sources that give it, in first-seen order."""
        grouped: dict[Value, list[Report]] = {}
        for report in self.reports:
            grouped.setdefault(report.value, []).append(report)
        return list(grouped.items())

    def disagreements(self) -> dict[str, list[tuple[str, list[Report]]]]:
        """What the sources disagree on ("number", "status", "date", "place", "nationality"), each with
        every version as written and the reports that give it; the first report's comes first."""
        found = {}
        for aspect, read in _ASPECTS.items():
            grouped: dict[str, list[Report]] = {}
            for report in self.reports:
                grouped.setdefault(read(report), []).append(report)
            if len(grouped) > 1:
                found[aspect] = list(grouped.items())
        return found

    def label(self) -> str:
        """">1,000", or every version when sources disagree: "≥270 / >270"."""
        return " / ".join(v.label() for v, _ in self.versions()) if self.disputed else self.value.label()


def _not_given() -> str:
    # TRANSLATORS: in place of a status or a place that a source does not give, in the table of disagreements
    return _("not given")


# Each aspect as the interface shows it, in its language.
_ASPECTS: dict[str, Callable[[Report], str]] = {
    "number": lambda r: r.value.label(),
    "status": lambda r: status_label(r.description.status) if r.description.status in STATUSES else _not_given(),
    "date": lambda r: period_label(r.description.date_start, r.description.date_end),
    "place": lambda r: _place(r.description),
    "nationality": lambda r: nationality_display_name(r.description.nationality_code)
    if r.description.nationality_code else _("all nationalities"),
}

# The fields filled from the loaded table's columns of the same name, in the dataclass's order.
_FROM_COLUMNS = [f.name for f in fields(Figure)][:-4]
assert [f.name for f in fields(Figure)][-4:] == ["area", "named_codes", "within", "reports"]


def unify_claimants(names) -> list[str]:
    """Distinct claimants, one spelling each: a name whose words all appear in another's is that one."""
    spelled = sorted(set(names), key=lambda n: (-len(_words(n)), n))
    kept: list[str] = []
    for name in spelled:
        if not any(_words(name) <= _words(other) for other in kept):
            kept.append(name)
    return sorted(kept)


def _words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", name.casefold())) - {"the", "of", "and", "via", "by"}


def _place(description: Description) -> str:
    """"Poipet, Banteay Meanchey": the town when one is named, so sources that differ on it disagree."""
    area = description.area.display_name if description.area else _not_given()
    if not description.town:
        return area
    # TRANSLATORS: a town and the province (or provinces) it is in: "Poipet, Banteay Meanchey"
    return _("{town}, {area}").format(town=town_display_name(description.town, description.area), area=area)


def collect(events: pd.DataFrame) -> dict[str, Figure]:
    """Figures by the id of their first row, in file order."""
    root = events["figure_id"].tolist()
    names = ("line", "count", "qualifier", "count_high", "claimant", "notes", "source_publisher", "source_title",
             "source_date", "source_url", "status", "date_start", "date_end", "area_key", "nationality_code", "town")
    column = {name: plain(events[name]) for name in names}
    # Few distinct values, each shared by many rows: built once.
    sources = {key: Source(*key) for key in set(zip(*(column[n] for n in names[6:10])))}
    values = {key: Value(*key) if key[0] is not None else UNKNOWN
              for key in set(zip(column["count"], column["qualifier"], column["count_high"]))}
    descriptions = {key: Description(*key[:3], AreaKey.parse(key[3]) if key[3] else None, *key[4:])
                    for key in set(zip(*(column[n] for n in names[10:])))}
    reports: dict[str, list[Report]] = {}
    for key, line, count, qualifier, high, claimant, note, *rest in zip(root, *column.values()):
        reports.setdefault(key, []).append(Report(line, values[count, qualifier, high], claimant,
                                                  sources[tuple(rest[:4])], descriptions[tuple(rest[4:])], note))
    firsts = _with_days(events[events["figure_id"] == events["id"]])
    # nationalities left unnamed: the most any source of the figure says
    firsts = firsts.assign(nationalities_unnamed=firsts["id"].map(
        events.groupby("figure_id")["nationalities_unnamed"].max()).astype("Int64"))
    areas = {text: AreaKey.parse(text) if text else None for text in firsts["area_key"].unique().tolist()}
    named = _named_by_any_report(events)
    within = {text: tuple(c for c in text.split(LIST_SEPARATOR) if c) for text in firsts["within"].unique().tolist()}
    return {cells[0]: Figure(*cells, areas[area], named.get(cells[0], ()), within[inside],  # cells[0]: the id
                             tuple(reports[cells[0]]))
            for cells, area, inside in zip(tuples(firsts, _FROM_COLUMNS), firsts["area_key"].tolist(),
                                           firsts["within"].tolist())}


def _named_by_any_report(events: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """Nationalities named without a count by any source of each figure, in the order first named."""
    rows = events.loc[events["named_codes"] != "", ["figure_id", "named_codes"]]
    named: dict[str, dict[str, None]] = {}
    for figure_id, codes in zip(rows["figure_id"].tolist(), rows["named_codes"].tolist()):
        named.setdefault(figure_id, {}).update(dict.fromkeys(codes.split(LIST_SEPARATOR)))
    return {figure_id: tuple(codes) for figure_id, codes in named.items()}


def _with_days(frame: pd.DataFrame) -> pd.DataFrame:
    """``start`` and ``end`` as dates, as the figures carry them."""
    return frame.assign(**{c: pd.Series(days(frame[c]), index=frame.index, dtype=object) for c in ("start", "end")})


@dataclass(frozen=True)
class BreakdownRow:
    """One bar of a place's breakdown: a nationality, or the people whose nationality is not given."""

    nationality_code: str  # "" for the unspecified remainder
    value: Value
    label: str  # the value as shown, every version when sources disagree
    subcounts: str  # "45 women"
    named_codes: tuple[str, ...] = ()  # nationalities named without a count (remainder only)
    unnamed: Value | None = None  # how many more nationalities the sources say are there, unnamed (remainder only)
    subcount_words: str = ""  # the sub-counts for sentences: "at least 45 women"

    def named_words(self) -> str:
        """"Thailand, Myanmar and 3 other nationalities not named", or "": in the interface's language, the
        list joined as CLDR joins one."""
        names = [nationality_display_name(c) for c in self.named_codes]
        if self.unnamed is not None:
            count, n = self.unnamed.words(), self.unnamed.best
            if names:
                # TRANSLATORS: after the nationalities a source names: "Thailand, Myanmar and 3 other
                # nationalities not named"; {count} may carry a qualifier: "at least 3"
                names.append(ngettext("{count} other nationality not named", "{count} other nationalities not named",
                                      n).format(count=count))
            else:
                # TRANSLATORS: how many nationalities a source says are among those counted, without naming
                # them: "3 nationalities not named"; {count} may carry a qualifier: "at least 3"
                names.append(ngettext("{count} nationality not named", "{count} nationalities not named",
                                      n).format(count=count))
        return format_list(names, locale=i18n.locale()) if names else ""


@dataclass
class Area:
    """Everything reported for one area: a province, a joint group of provinces, or the country."""

    key: AreaKey
    tops: list[Figure] = field(default_factory=list)  # figures not inside another figure of this area
    parts: dict[str, list[Figure]] = field(default_factory=dict)  # container id -> its parts in this area

    # Areas are complete once areas() returns and never change after: safe to memoise.
    @property
    def figures(self) -> list[Figure]:
        """Every figure of this area: those not inside another, then the parts inside them."""
        return [*self.tops, *(f for parts in self.parts.values() for f in parts)]

    @cached_property
    def sources(self) -> tuple[Report, ...]:
        """One report per distinct source, in order of first use."""
        first: dict[Source, Report] = {}
        for figure in self.figures:
            for report in figure.reports:
                first.setdefault(report.source, report)
        return tuple(first.values())

    @cached_property
    def _added(self) -> tuple[list[Figure], list[Figure]]:
        return disjoint(self.tops, _size)

    @property
    def added(self) -> list[Figure]:
        """The figures the total adds: the largest that cannot count the same people."""
        return self._added[0]

    @property
    def beside(self) -> list[Figure]:
        """Figures of this area that may overlap those added (an overlapping tally): shown, never added."""
        return self._added[1]

    @cached_property
    def total(self) -> Value:
        return total(f.value for f in self.added)

    @cached_property
    def period(self) -> tuple[str, str]:
        """Earliest start and latest end among the figures the total adds, as written in the data; a start that
        is not stated gives way to the earliest one that is, so the known span stays in the label."""
        stated = [f for f in self.added if year_known(f.date_start)] or self.added
        first = min(stated, key=lambda f: f.start)
        last = max(self.added, key=lambda f: f.end)
        return first.date_start, last.date_end or last.date_start

    @property
    def total_is_reported(self) -> bool:
        """True when one figure covers everyone here; False when the total is a sum of partial figures."""
        return len(self.added) == 1 and not self.added[0].nationality_code and not self.added[0].sex

    @cached_property
    def towns(self) -> list[str]:
        return sorted({f.town for f in self.tops if f.town})

    @cached_property
    def breakdown(self) -> list[BreakdownRow]:
        """One row per nationality, then the unspecified remainder, each with its sub-counts by sex.

        Built from the figures the total adds and the parts inside them that cannot
        overlap; a figure reported by sources that disagree keeps its "a / b" label
        when it stands alone.
        """
        by_nationality: dict[str, list[Figure]] = {}
        remainders: list[Value] = []
        rest_of_sex: list[Figure] = []
        named: list[str] = []
        unnamed: list[int] = []
        for top in self.added:
            inside = self.parts.get(top.id, [])
            pieces = disjoint([f for f in inside if f.nationality_code and not f.sex], _size)[0]
            for figure in ([top] if top.nationality_code else pieces):
                by_nationality.setdefault(figure.nationality_code, []).append(figure)
            if not top.nationality_code:
                rest = remainder(top.value, total(f.value for f in pieces)) if pieces else top.value
                remainders.append(rest if rest is not None else UNKNOWN)
                # women among everyone, or among the foreigners: both are sub-counts of the whole
                rest_of_sex += disjoint([f for f in inside if f.sex and f.nationality_code in ("", FOREIGN)], _size)[0]
                named += top.named_codes
                unnamed += [top.nationalities_unnamed] if top.nationalities_unnamed else []
        rows = [self._nationality_row(code, group) for code, group in by_nationality.items()]
        rows.sort(key=lambda r: -r.value.best)
        if remainders:
            rest = _sum_or_none(remainders)
            rows.append(BreakdownRow("", rest or UNKNOWN, rest.label() if rest else _not_derivable(),
                                     _subcounts(rest_of_sex), tuple(dict.fromkeys(named)), _unnamed(unnamed),
                                     _subcounts(rest_of_sex, words=True)))
        return rows

    def _nationality_row(self, code: str, group: list[Figure]) -> BreakdownRow:
        value = total(f.value for f in group)
        of_sex = [p for f in group for p in disjoint([p for p in self.parts.get(f.id, []) if p.sex], _size)[0]]
        return BreakdownRow(code, value, group[0].label() if len(group) == 1 else value.label(), _subcounts(of_sex),
                            subcount_words=_subcounts(of_sex, words=True))


def _not_derivable() -> str:
    # TRANSLATORS: in place of the number of people whose nationality is not given, when the figures
    # cannot tell it (a part has no number, or the parts are approximate)
    return _("not derivable")


def _unnamed(counts: list[int]) -> Value | None:
    """Unnamed nationalities of several figures may be the same ones: at least the most any figure gives."""
    if not counts:
        return None
    return Value(max(counts), "exact" if len(counts) == 1 else "at_least")


def _size(figure: Figure) -> int:
    return figure.value.best


def _subcounts(figures: list[Figure], words: bool = False) -> str:
    """"≥45 women; 12 men" (or, in ``words``, "at least 45 women; 12 men"): the sub-counts by sex of one row
    of a breakdown; a figure the sources disagree on gives every version."""
    by_sex: dict[tuple[str, str], list[Figure]] = {}
    for figure in figures:
        by_sex.setdefault((figure.sex, figure.nationality_code), []).append(figure)

    def said(figs: list[Figure]) -> tuple[str, int]:
        """The count as shown, and the number its plural agrees with."""
        if len(figs) > 1:
            value = total(f.value for f in figs)
            return value.words() if words else value.label(), value.best
        n = figs[0].value.best
        if not words:
            return figs[0].label(), n
        return " / ".join(v.words() for v, _ in figs[0].versions()), n

    return "; ".join(_of_sex(*said(figs), sex, code == FOREIGN) for (sex, code), figs in by_sex.items())


def _of_sex(count: str, n: int, sex: str, foreign: bool) -> str:
    """"45 women", "≥12 foreign men": a count (with its qualifier, or every version) of one sex."""
    if sex == "female" and foreign:
        # TRANSLATORS: {count} is a number, maybe with a qualifier ("at least 45", "≥45") or every version a source
        # gives ("45 / 50"): "45 foreign women"
        return ngettext("{count} foreign woman", "{count} foreign women", n).format(count=count)
    if sex == "female":
        # TRANSLATORS: {count} is a number, maybe with a qualifier ("at least 45", "≥45") or every version a source
        # gives ("45 / 50"): "45 women"
        return ngettext("{count} woman", "{count} women", n).format(count=count)
    if foreign:
        # TRANSLATORS: {count} is a number, maybe with a qualifier ("at least 12", "≥12") or every version a source
        # gives ("12 / 15"): "12 foreign men"
        return ngettext("{count} foreign man", "{count} foreign men", n).format(count=count)
    # TRANSLATORS: {count} is a number, maybe with a qualifier ("at least 12", "≥12") or every version a source
    # gives ("12 / 15"): "12 men"
    return ngettext("{count} man", "{count} men", n).format(count=count)


def _sum_or_none(values: list[Value]) -> Value | None:
    if any(not v.known for v in values):
        return None
    try:
        return total(values)
    except IncompatibleBoundsError:
        return None


def areas(figures: dict[str, Figure], measure: str = DETAINED) -> dict[AreaKey, Area]:
    """Figures of one measure grouped by the area they describe; a figure counted outside Cambodia is in none
    (it is listed beside the map, ``abroad``)."""
    result: dict[AreaKey, Area] = {}
    for figure in figures.values():
        if figure.measure != measure or figure.area is None or figure.country_code:
            continue
        area = result.setdefault(figure.area, Area(figure.area))
        container = next((c for c in map(figures.get, figure.within)
                          if c is not None and c.area == figure.area and c.measure == measure), None)
        if container is not None:
            area.parts.setdefault(container.id, []).append(figure)
        else:
            area.tops.append(figure)
    return result


@dataclass(frozen=True)
class Headline:
    figure: Figure
    parts_total: Value  # what its parts that cannot overlap add up to
    parts: tuple[Figure, ...]  # those parts
    province_codes: tuple[str, ...]  # provinces its parts name

    @property
    def parts_kind(self) -> str:
        """"province" when every part summed names a province, "nationality" when each is a national count of
        one nationality, "" otherwise: the words for what the parts' sum adds up."""
        if all(p.area is not None and p.area.codes for p in self.parts):
            return "province"
        if all(p.area == NATIONAL and p.nationality_code for p in self.parts):
            return "nationality"
        return ""


def abroad(figures: dict[str, Figure]) -> list[Figure]:
    """Figures counted outside Cambodia (at a Vietnamese or Thai border gate, by a foreign government)."""
    return [f for f in figures.values() if f.country_code]


def headlines(figures: dict[str, Figure], scopes: frozenset[str] = frozenset()) -> list[Headline]:
    """National totals of people detained (all nationalities), largest first, each beside the sum of its parts.

    The parts summed are those that cannot overlap (site raids in different
    provinces; not a site raid and the tally's own nationality split), or all of them when the figure says
    its parts are separate. A gambling-only tally heads a view only when ``scopes`` asks for gambling: the
    map's subject is scam compounds.
    """
    children: dict[str, list[Figure]] = {}
    for figure in figures.values():
        for container in figure.within:
            children.setdefault(container, []).append(figure)
    result = []
    for figure in figures.values():
        if (figure.area != NATIONAL or figure.measure != DETAINED or not figure.value.known or figure.country_code
                or figure.nationality_code or figure.sex or figure.group  # a national count of Chinese: no headline
                or (figure.scope == "gambling" and "gambling" not in scopes)):
            continue
        # sub-counts by sex or group (the women among them) are not pieces of the whole: never summed as such
        detained = [f for f in children.get(figure.id, ()) if f.measure == DETAINED and not f.sex and not f.group]
        parts = tuple(detained if figure.parts_separate else disjoint(detained, _size)[0])
        provinces = AreaKey.of(c for f in parts if f.area for c in f.area.codes)
        result.append(Headline(figure, total(f.value for f in parts), parts, provinces.codes))
    return sorted(result, key=lambda h: (h.figure.value.best, h.figure.start), reverse=True)

"""Canonical values for the domain columns, and the cells that have none.

Adds derived columns beside the cells as written (which stay untouched, so a
maintainer's text can always be shown back): ``start`` and ``end`` (the days a
date covers), ``area_key`` (text form of geo.areas.AreaKey), ``town`` (the
gazetteer's name of the town named or implied), ``nationality_code`` and
``named_codes`` (ISO 3166-1 alpha-2), and ``count`` and ``nationalities_unnamed`` as numbers. Each distinct
value is resolved once.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pandas as pd

from events import schema, vocabulary
from events.dates import OPEN, date_bounds, form_hint
from events.problems import Problem, cell_problems, clip
from events.tabular import per_distinct
from events.urls import is_web_url
from geo import gazetteer
from geo.areas import NATIONAL, UNSTATED, UNSTATED_WORDS, AreaKey


def normalise(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    problems: list[Problem] = []
    out = frame.copy(deep=False)
    for column in ("date_start", "date_end", "source_date"):
        problems += _check_dates(frame, column)
    out["start"], out["end"] = _date_bounds(frame["date_start"], frame["date_end"])
    problems += _check_period(frame, out)
    out["area_key"], implied_town = _resolve_areas(frame, problems)
    out["town"] = _resolve_towns(frame, out["area_key"], implied_town, problems)
    out["nationality_code"] = _resolve_nationalities(frame, "nationality", problems)
    out["named_codes"] = _resolve_nationalities(frame, "nationalities_named", problems)
    out["country_code"] = _resolve_countries(frame, problems)
    for column in ("count", "count_high", "nationalities_unnamed"):
        out[column] = per_distinct(frame[column], lambda v: int(v) if v.isdigit() and v.isascii() else None, "Int64")
    problems += _check_figure_fields(frame)
    problems += _check_urls(frame)
    return out, problems


# --- dates ------------------------------------------------------------------------------


def _check_dates(frame, column) -> list[Problem]:
    today = date.today()
    pattern = next(c.pattern for c in schema.columns() if c.name == column)
    messages = {}
    for value in frame[column].unique().tolist():
        if not value or not pattern.fullmatch(value):
            continue  # blank, or already reported by the schema pattern
        bounds = date_bounds(value, today)
        if value == OPEN and column != "date_start":
            messages[value] = ("invalid-date", "only a start can be left open; write the last day, or leave it blank")
        elif bounds is None and re.fullmatch(r"[0-9]{4}-(2[1-9]|3[0-2])", value):
            messages[value] = ("invalid-date", f"{value} is an EDTF season; {form_hint(value)}")
        elif bounds is None and re.fullmatch(r"[0-9X]{4}-[0-9]{2}(-[0-9]{2})?", value):
            messages[value] = ("invalid-date", f"{value} is not a real calendar date")
        elif bounds is None:
            messages[value] = ("invalid-date", f"'{clip(value)}' is not a date in a form this file takes; "
                                               f"{form_hint(value)}")
        elif bounds[0] > today:
            messages[value] = ("future-date", f"{value} is in the future (today is {today.isoformat()})")
    problems = []
    for code in ("invalid-date", "future-date"):
        flagged = [v for v, (c, _) in messages.items() if c == code]
        problems += cell_problems(frame, frame[column].isin(flagged), column, code, lambda v: messages[v][1])
    return problems


def _date_bounds(starts: pd.Series, ends: pd.Series) -> tuple[pd.Series, pd.Series]:
    def bound(value, which):
        bounds = date_bounds(value)
        return bounds[which] if bounds else None

    return (per_distinct(starts, lambda v: bound(v, 0), "datetime64[s]"),
            per_distinct(ends.where(ends != "", starts), lambda v: bound(v, 1), "datetime64[s]"))


def _check_period(frame, out) -> list[Problem]:
    backwards = (frame["date_end"] != "") & (out["end"] < out["start"])
    rows = frame.loc[backwards, ["line", "date_start", "date_end"]]
    return [Problem(int(line), "date_end", "period-reversed",
                    f"{end} is before date_start {start}; swap them or fix the year")
            for line, start, end in rows.itertuples(index=False)]


# --- places -----------------------------------------------------------------------------


@cache
def resolve_area(text: str) -> tuple[AreaKey | None, str, tuple[str, str] | None]:
    """(area key, town the area names, (code, message) of an error) for an ``area`` cell."""
    parts = [p.strip() for p in text.split(schema.LIST_SEPARATOR) if p.strip()]
    if not parts:
        return None, "", None
    if len(parts) == 1 and parts[0].casefold() in UNSTATED_WORDS:
        return UNSTATED, "", None
    codes: list[str] = []
    towns: list[str] = []
    for part in parts:
        if gazetteer.is_country(part):
            if len(parts) > 1:
                return None, "", ("country-with-provinces",
                                  f"'{clip(part)}' means the whole country; do not combine it with provinces")
            return NATIONAL, "", None
        province = gazetteer.find_province(part)
        places = [] if province else gazetteer.find_localities(part)
        if len({p.province for p in places}) > 1:
            return None, "", ("ambiguous-place", _ambiguous(part, places, "area"))
        if places:
            province = gazetteer.provinces()[places[0].province]
            towns.append(places[0].name)
        if province is None:
            hint = gazetteer.suggest_place(part)
            did_you_mean = f"did you mean {hint}? " if hint else ""
            return None, "", ("unknown-place", f"unknown place '{clip(part)}'; {did_you_mean}use a province, "
                                               "a town listed in geo/localities.csv, or Cambodia")
        codes.append(province.code)
    key = AreaKey.of(codes)
    return key, towns[0] if len(towns) == 1 and key.scope == "province" else "", None


def _ambiguous(name: str, places, column: str) -> str:
    where = ", ".join(sorted({gazetteer.provinces()[p.province].name for p in places}))
    fix = ("write its province in area and the place in locality" if column == "area"
           else "write its province in area")
    return f"'{clip(name)}' names places in several provinces ({where}); {fix}"


def _resolve_areas(frame, problems) -> tuple[pd.Series, pd.Series]:
    errors = {v: error for v in frame["area"].unique().tolist() if (error := resolve_area(v)[2])}
    for code in ("unknown-place", "country-with-provinces", "ambiguous-place"):
        flagged = [v for v, (c, _) in errors.items() if c == code]
        problems += cell_problems(frame, frame["area"].isin(flagged), "area", code, lambda v: errors[v][1])

    def key_text(value):
        key = resolve_area(value)[0]
        return key.text if key else ""

    return (per_distinct(frame["area"], key_text, "str"),
            per_distinct(frame["area"], lambda v: resolve_area(v)[1], "str"))


def _resolve_towns(frame, area_keys: pd.Series, implied: pd.Series, problems) -> pd.Series:
    """The gazetteer's name of each locality, looked up in the provinces of the row's area."""
    named = frame["locality"] != ""
    if not named.any():
        return implied
    pairs = list(zip(frame.loc[named, "locality"].tolist(), area_keys[named].tolist()))
    resolved = {pair: _town(*pair) for pair in set(pairs)}  # (locality, area key) -> (name, code, message)
    outcome = [resolved[pair] for pair in pairs]
    problems += [Problem(int(line), "locality", code, message)
                 for line, (_, code, message) in zip(frame.loc[named, "line"].tolist(), outcome) if code]
    towns = pd.Series([name for name, _, _ in outcome], index=frame.index[named], dtype="str")
    found = towns[towns != ""]
    return implied.mask(implied.index.isin(found.index), found.reindex(implied.index))


def _town(value: str, key: str) -> tuple[str, str, str]:
    """(name, problem code, message) for a locality cell in a row whose area has this key."""
    provinces = AreaKey.parse(key).codes if key else ()
    places = gazetteer.find_localities(value, provinces)
    if len(places) == 1 or (places and len({p.province for p in places}) == 1):
        return places[0].name, "", ""
    if places:
        return "", "ambiguous-place", _ambiguous(value, places, "locality")
    if provinces and gazetteer.find_localities(value):
        return "", "town-outside-area", f"{clip(value)} is not in the area given ({AreaKey.parse(key).name})"
    hint = gazetteer.suggest_place(value, provinces)
    return "", "unknown-town", (f"unknown town or district '{clip(value)}'; add it to geo/localities.csv"
                                + (f" (did you mean {hint}?)" if hint else ""))


# --- nationalities ----------------------------------------------------------------------


def _resolve_countries(frame, problems) -> pd.Series:
    """The ISO code of the country a figure was counted in, when it is not Cambodia ("Vietnam" -> VN)."""
    codes: dict[str, str] = {}
    for value in frame["country"].unique().tolist():
        code = vocabulary.nationality_code(value) if value else ""
        if code is None or code == vocabulary.FOREIGN:
            hint = vocabulary.suggest_nationality(value)
            problems += cell_problems(frame, frame["country"] == value, "country", "unknown-country",
                                      lambda v, h=hint: f"unknown country '{clip(v)}'"
                                      + (f"; did you mean {h}?" if h else ""))
        elif code == "KH":
            problems += cell_problems(frame, frame["country"] == value, "country", "country-is-cambodia",
                                      lambda _: "leave country blank for a figure counted in Cambodia; give the "
                                                "province in area")
        codes[value] = code if code not in (None, "KH", vocabulary.FOREIGN) else ""
    return frame["country"].map(codes)


def _resolve_nationalities(frame, column, problems) -> pd.Series:
    """Codes of the nationalities in a cell, ';'-joined: one, a set counted together, or "foreigners"."""
    resolved: dict[str, str] = {}
    errors: dict[str, tuple[str, str]] = {}
    for value in frame[column].unique().tolist():
        parts = [p.strip() for p in value.split(schema.LIST_SEPARATOR) if p.strip()]
        codes = []
        for part in parts:
            code = vocabulary.nationality_code(part)
            if code is None:
                hint = vocabulary.suggest_nationality(part)
                errors[value] = ("unknown-nationality", f"unknown nationality '{clip(part)}'"
                                 + (f"; did you mean {hint}?" if hint else "; use a country name"))
                break
            codes.append(code)
        resolved[value] = schema.LIST_SEPARATOR.join(dict.fromkeys(codes))
    problems += cell_problems(frame, frame[column].isin(list(errors)), column, "unknown-nationality",
                              lambda v: errors[v][1])
    return per_distinct(frame[column], lambda v: resolved.get(v, ""), "str")


# --- cells that go together, and addresses -----------------------------------------------


def _check_figure_fields(frame) -> list[Problem]:
    """A count needs its qualifier, status, measure and place; those need a count."""
    has_count = frame["count"] != ""
    problems: list[Problem] = []
    of_people = has_count & frame["measure"].isin(vocabulary.MEASURES_OF_PEOPLE)
    for column, needed, example in (
        ("qualifier", has_count, "exact, more_than, at_least or about"),
        ("measure", has_count, ", ".join(vocabulary.MEASURES)),
        ("area", has_count & (frame["country"] == ""), "a province, a town, several joined by ';', or Cambodia"),
        ("status", of_people, "suspects, victims or unspecified"),
    ):
        problems += cell_problems(frame, needed & (frame[column] == ""), column, "count-needs-field",
                                  lambda _, c=column, e=example: f"a row with a count needs its {c}: {e}")
    untraceable = (frame["source_title"] == "") & (frame["source_url"] == "")
    problems += cell_problems(frame, untraceable, "source_title", "untraceable",
                              lambda _: "give the source's title or its source_url, so the figure can be traced")
    problems += _check_range(frame)
    for column in ("qualifier", "sex", "count_high"):
        problems += cell_problems(frame, ~has_count & (frame[column] != ""), column, "field-needs-count",
                                  lambda _, c=column: f"{c} is given but count is blank; add the count or clear {c}")
    return problems


def _check_range(frame) -> list[Problem]:
    """A range: its top not below its bottom, and exact or about ("between 2,800 and 3,000", "about 6,000 to
    7,000"), never "more than" a range."""
    ranged = (frame["count"].str.isdigit() & frame["count_high"].str.isdigit()).fillna(False)
    if not ranged.any():
        return []
    low = pd.to_numeric(frame["count"].where(ranged), errors="coerce")
    high = pd.to_numeric(frame["count_high"].where(ranged), errors="coerce")
    problems = cell_problems(frame, ranged & (high < low), "count_high", "range-reversed",
                             lambda v: f"{v} is below the count; count_high is the top of the range, count its bottom")
    problems += cell_problems(frame, ranged & ~frame["qualifier"].isin(("exact", "about", "")), "qualifier",
                              "range-qualifier", lambda v: f"a range (count to count_high) is exact or about, not {v}")
    return problems


def _check_urls(frame) -> list[Problem]:
    """Addresses the schema's pattern lets through but that are not links (``http://`` with no host)."""
    urls = frame["source_url"]
    pattern = next(c.pattern for c in schema.columns() if c.name == "source_url")
    bad = [v for v in urls.unique().tolist() if pattern.fullmatch(v) and not is_web_url(v)]
    return cell_problems(frame, urls.isin(bad), "source_url", "url",
                         lambda v: f"'{clip(v)}' is not an http(s) address with a host; check the link")

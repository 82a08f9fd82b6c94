"""Check and normalise each cell on its own: the schema's rules, then the domain's.

Works column by column on a DataFrame of strings, and on unique values where a
lookup is needed, so a 100,000-row file is checked in well under a second.
Every problem names the column and, where it can, the likely fix.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from urllib.parse import urlsplit

import pandas as pd

from events import schema, vocabulary
from events.dates import ISO_DATE, date_bounds
from events.problems import Problem
from events.tabular import isin, per_distinct
from geo import gazetteer

SEPARATOR = ";"
DIGITS = re.compile(r"[0-9]+")
HTTP = re.compile(r"https?://\S+")


def check_schema_rules(frame: pd.DataFrame) -> list[Problem]:
    problems: list[Problem] = []
    for column in schema.columns():
        values = frame[column.name]
        present = values != ""
        if column.required:
            problems += _report(frame, values == "", column.name, lambda _: f"is required: {column.description}")
        if column.max_length:
            too_long = values.str.len() > column.max_length
            problems += _report(
                frame, too_long, column.name,
                lambda v: f"is {len(v):,} characters long; the limit is {column.max_length:,}",
            )
        else:
            too_long = pd.Series(False, index=frame.index)
        checkable = present & ~too_long
        if column.enum:
            problems += _report(frame, checkable & _failing(values, lambda v: v.isin(column.enum)), column.name,
                                lambda v: _enum_message(v, column.enum))
        elif column.type == "integer":
            problems += _report(frame, checkable & _failing(values, lambda v: v.str.fullmatch(r"\d+")),
                                column.name, _integer_message)
        elif column.pattern is not None:
            problems += _report(frame, checkable & _failing(values, lambda v: v.str.fullmatch(column.pattern.pattern)),
                                column.name, lambda v: _pattern_message(column.name, v))
        if column.unique:
            problems += _duplicates(frame, column.name, present)
    return problems


def _failing(values: pd.Series, test) -> pd.Series:
    """Rows whose value fails ``test`` (a check of a Series), testing each distinct value once."""
    distinct = pd.Series(values.unique())
    return isin(values, distinct[~test(distinct)])


def normalise(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Canonical values for the domain columns, and the cells that have none."""
    problems: list[Problem] = []
    out = frame.copy(deep=False)
    for column in ("date_start", "date_end", "source_date"):
        problems += _check_dates(frame, column)
    out["start"], out["end"] = _date_bounds(frame["date_start"], frame["date_end"])
    problems += _check_period(frame, out)
    out["provinces"], out["scope"], implied_locality = _resolve_areas(frame, problems)
    out["locality"] = _resolve_localities(frame, out, implied_locality, problems)
    out["nationality"] = _resolve_nationalities(frame, "nationality", problems, single=True)
    out["nationalities_named"] = _resolve_nationalities(frame, "nationalities_named", problems, single=False)
    out["count"] = per_distinct(frame["count"], lambda v: int(v) if DIGITS.fullmatch(v) else None, "Int64")
    problems += _check_figure_fields(frame)
    problems += _check_urls(frame)
    return out, problems


# --- messages -------------------------------------------------------------------------


def _report(frame, mask, column, message) -> list[Problem]:
    """One problem per flagged cell; the message is built once per distinct value."""
    if not mask.any():
        return []
    flagged = frame.loc[mask, ["line", column]]
    cache: dict[str, str] = {}
    return [
        Problem(int(line), column, cache.setdefault(value, message(value)))
        for line, value in flagged.itertuples(index=False)
    ]


def _duplicates(frame, column: str, present) -> list[Problem]:
    """The later uses of a value are set aside; the first is kept, with a note naming them."""
    repeated = present & frame[column].duplicated(keep="first")
    if not repeated.any():
        return []
    first_line = frame.loc[present].drop_duplicates(column).set_index(column)["line"]
    problems = _report(frame, repeated, column,
                       lambda v: f"'{_clip(v)}' is already used on line {first_line[v]}; ids must be unique")
    later: dict[str, list[int]] = {}
    for value, line in zip(frame.loc[repeated, column].tolist(), frame.loc[repeated, "line"].tolist()):
        later.setdefault(value, []).append(line)
    problems += [Problem(int(first_line[v]), column, f"'{_clip(v)}' is used again on line(s) "
                                                      f"{', '.join(map(str, lines))}; ids must be unique",
                         rejects_row=False) for v, lines in later.items()]
    return problems


def _clip(value: str, limit: int = 60) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _enum_message(value: str, allowed) -> str:
    hint = vocabulary.suggest(value.replace(" ", "_"), allowed)
    did_you_mean = f"did you mean {hint}? " if hint else ""
    return f"unknown value '{_clip(value)}'; {did_you_mean}use one of: {', '.join(allowed)}"


def _integer_message(value: str) -> str:
    text = value.strip()
    if re.fullmatch(r"-\s*\d+(\.\d+)?", text):
        return f"'{text}' is negative; a count is 0 or more"
    if re.fullmatch(r"\d{1,3}(,\d{3})+", text):
        return f"write digits only, without separators: {text.replace(',', '')}"
    if re.fullmatch(r"\d*\.\d+", text):
        return f"'{text}' is not a whole number; a count of people is whole"
    if re.fullmatch(r"(>|≥|>=|~|over|more than|at least|about|approx\.?|around)\s*[\d,]+", text, re.I):
        return "put only the number here and its qualifier (more_than, at_least, about) in the qualifier column"
    if text.lower() in {"unknown", "n/a", "na", "?", "-", "none"}:
        return "leave the cell blank when no number was reported"
    return f"'{_clip(text)}' is not a number; write the count in digits"


def _pattern_message(column: str, value: str) -> str:
    if column.startswith("date") or column == "source_date":
        return f"'{_clip(value)}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"
    if column == "source_url":
        return f"'{_clip(value)}' is not an http(s) address; only http:// and https:// links are allowed"
    if column == "id":
        return f"'{_clip(value)}' is not a valid id; use lower-case letters, digits and hyphens, e.g. kratie-2025-07-16"
    return f"'{_clip(value)}' does not match {column}'s format"


# --- dates ------------------------------------------------------------------------------

def _check_dates(frame, column) -> list[Problem]:
    today = date.today()
    messages = {}
    for value in frame[column].unique():
        if not value or not ISO_DATE.fullmatch(value):
            continue  # blank, or already reported by the schema pattern
        bounds = date_bounds(value)
        if bounds is None:
            messages[value] = f"{value} is not a real calendar date"
        elif bounds[0] > today:
            messages[value] = f"{value} is in the future (today is {today.isoformat()})"
    mask = frame[column].isin(list(messages))
    return _report(frame, mask, column, messages.__getitem__)


def _date_bounds(starts: pd.Series, ends: pd.Series) -> tuple[pd.Series, pd.Series]:
    def bound(value, which):
        bounds = date_bounds(value)
        return bounds[which] if bounds else None

    return (per_distinct(starts, lambda v: bound(v, 0), "datetime64[s]"),
            per_distinct(ends.where(ends != "", starts), lambda v: bound(v, 1), "datetime64[s]"))


def _check_period(frame, out) -> list[Problem]:
    has_end = frame["date_end"] != ""
    backwards = has_end & (out["end"] < out["start"])
    rows = frame.loc[backwards, ["line", "date_start", "date_end"]]
    return [
        Problem(int(line), "date_end", f"{end} is before date_start {start}; swap them or fix the year")
        for line, start, end in rows.itertuples(index=False)
    ]


# --- places -----------------------------------------------------------------------------


def resolve_area(text: str) -> tuple[str, str, str, str | None]:
    """(province codes, scope, implied town, error) for an ``area`` cell."""
    parts = [p.strip() for p in text.split(SEPARATOR) if p.strip()]
    if not parts:
        return "", "", "", None
    codes: list[str] = []
    towns: list[str] = []
    for part in parts:
        if gazetteer.is_country(part):
            if len(parts) > 1:
                return "", "", "", f"'{_clip(part)}' means the whole country; do not combine it with provinces"
            return "", "national", "", None
        province = gazetteer.find_province(part)
        town = None if province else gazetteer.find_locality(part)
        if town:
            province = gazetteer.provinces()[town.province]
            towns.append(town.name)
        if province is None:
            hint = gazetteer.suggest_place(part)
            did_you_mean = f"did you mean {hint}? " if hint else ""
            return "", "", "", (
                f"unknown place '{_clip(part)}'; {did_you_mean}use a province, a town listed in "
                "geo/localities.csv, or Cambodia"
            )
        if province.code not in codes:
            codes.append(province.code)
    codes.sort(key=lambda c: int(c.split("-")[1]))
    scope = "province" if len(codes) == 1 else "joint"
    return SEPARATOR.join(codes), scope, towns[0] if len(towns) == 1 and scope == "province" else "", None


def _resolve_areas(frame, problems):
    resolve = cache(resolve_area)
    errors = {v: error for v in frame["area"].unique().tolist() if (error := resolve(v)[3])}
    problems += _report(frame, frame["area"].isin(list(errors)), "area", errors.__getitem__)
    return tuple(per_distinct(frame["area"], lambda v, i=i: resolve(v)[i], "str") for i in range(3))


def _resolve_localities(frame, out, implied, problems) -> pd.Series:
    names = {}
    for value in frame["locality"].unique():
        town = gazetteer.find_locality(value) if value else None
        names[value] = town.name if town else ""
    unknown = (frame["locality"] != "") & (frame["locality"].map(names) == "")
    problems += _report(frame, unknown, "locality", lambda v: (
        f"unknown town '{_clip(v)}'; add it to geo/localities.csv with its GeoNames id"
        + (f" (did you mean {gazetteer.suggest_place(v)}?)" if gazetteer.suggest_place(v) else "")
    ))
    locality = frame["locality"].map(names)
    province_of = {n: t.province for n, t in gazetteer.localities().items()}
    named = (locality != "") & (out["scope"] != "")
    outside = pd.Series(False, index=frame.index)
    if named.any():
        outside[named] = [province_of.get(town, "") not in codes.split(SEPARATOR)
                          for town, codes in zip(locality[named].tolist(), out.loc[named, "provinces"].tolist())]
    problems += [
        Problem(int(line), "locality", f"{town} is not in the area given ({area})")
        for line, town, area in zip(frame.loc[outside, "line"], locality[outside], frame.loc[outside, "area"])
    ]
    return locality.where(locality != "", implied)


# --- nationalities ----------------------------------------------------------------------


def _resolve_nationalities(frame, column, problems, single) -> pd.Series:
    resolved: dict[str, str] = {}
    errors: dict[str, str] = {}
    for value in frame[column].unique().tolist():
        parts = [p.strip() for p in value.split(SEPARATOR) if p.strip()]
        if single and len(parts) > 1:
            errors[value] = "one nationality per row; put each nationality's count on its own row"
            continue
        codes = []
        for part in parts:
            code = vocabulary.nationality_code(part)
            if code is None:
                hint = vocabulary.suggest_nationality(part)
                errors[value] = (f"unknown nationality '{_clip(part)}'"
                                 + (f"; did you mean {hint}?" if hint else "; use a country name"))
                break
            codes.append(code)
        resolved[value] = SEPARATOR.join(dict.fromkeys(codes))
    problems += _report(frame, frame[column].isin(list(errors)), column, errors.__getitem__)
    return per_distinct(frame[column], lambda v: resolved.get(v, ""), "str")


# --- figures and links ------------------------------------------------------------------


def _check_figure_fields(frame) -> list[Problem]:
    """A count needs its qualifier, status, measure and place; those need a count."""
    has_count = frame["count"] != ""
    problems: list[Problem] = []
    of_people = has_count & (frame["measure"] == "people_detained")
    for column, needed, example in (
        ("qualifier", has_count, "exact, more_than, at_least or about"),
        ("measure", has_count, "people_detained, workforce_estimate or scam_compounds"),
        ("area", has_count, "a province, a town, several joined by ';', or Cambodia"),
        ("status", of_people, "suspects, victims or unspecified"),
    ):
        problems += _report(frame, needed & (frame[column] == ""), column,
                            lambda _, c=column, e=example: f"a row with a count needs its {c}: {e}")
    untraceable = (frame["source_title"] == "") & (frame["source_url"] == "")
    problems += _report(frame, untraceable, "source_title",
                        lambda _: "give the source's title or its source_url, so the figure can be traced")
    for column in ("qualifier", "sex"):
        problems += _report(frame, ~has_count & (frame[column] != ""), column,
                            lambda _, c=column: f"{c} is given but count is blank; add the count or clear {c}")
    return problems


def _check_urls(frame) -> list[Problem]:
    def message(value):
        try:
            parts = urlsplit(value)
        except ValueError:
            return f"'{_clip(value)}' is not a valid address"
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return f"'{_clip(value)}' is not an http(s) address; only http:// and https:// links are allowed"
        return None

    urls = frame["source_url"]
    # Values that fail the schema pattern are reported there already.
    errors = {v: m for v in urls.unique().tolist() if HTTP.fullmatch(v) and (m := message(v))}
    return _report(frame, urls.isin(list(errors)), "source_url", errors.__getitem__)

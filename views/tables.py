"""Tables for the panels under the map, built once per selection (pandas only).

They are kept with the cached selection (see views.selection.Filtered), so a rerun
that changes nothing in the selection rebuilds none of them. Columns are built by
name, so their order is stated once, here.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from events.dates import period_label, year_known
from events.figures import DETAINED, Figure
from events.urls import is_web_url
from events.vocabulary import MEASURES_OF_PEOPLE, measure_label, nationality_display_name
from i18n import N_, _

# Column headers as the interface shows them (the keys stay as they are: the downloads and tests use them).
HEADERS = {
    # TRANSLATORS: a table's column: the figure's description, as its source titles it
    "figure": N_("figure"),
    # TRANSLATORS: a table's column: the number one source reports, with its qualifier
    "reported": N_("reported"),
    "claim by": N_("claim by"),
    "note": N_("note"),
    "publisher": N_("publisher"),
    "title": N_("title"),
    "published": N_("published"),
    "link": N_("link"),
    # TRANSLATORS: a table's column: the line of data/events.csv a row comes from
    "csv line": N_("csv line"),
    # TRANSLATORS: a table's column: what is counted (people deported, rescued...)
    "counted": N_("counted"),
    # TRANSLATORS: a table's column: the nationality of the people counted
    "who": N_("who"),
    "where": N_("where"),
    "when": N_("when"),
    # TRANSLATORS: a table's column: the figure's title as its source gives it
    "what": N_("what"),
    "sources": N_("sources"),
    # TRANSLATORS: a table's column: figures that count the same people under another measure or claimant
    "same people as": N_("same people as"),
    # TRANSLATORS: a table's column: what the sources disagree on (the number, the date, the place...)
    "differs on": N_("differs on"),
    "versions": N_("versions"),
    # TRANSLATORS: a table's column: the version the dashboard's sums use
    "used": N_("used"),
}
ASPECTS = {"number": N_("number"), "status": N_("status"), "date": N_("date"), "place": N_("place"),
           "nationality": N_("nationality")}  # what sources may disagree on, as a table names it


def newest_first(figures: Iterable[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda f: f.start, reverse=True)


def on_timeline(figures: list[Figure]) -> list[Figure]:
    """Figures of people detained and events without a count, placed in time; other measures are context."""
    return [f for f in _of_timeline(figures) if placed_in_time(f)]


def off_timeline(figures: list[Figure]) -> list[Figure]:
    """Figures the timeline would show but cannot place: their start or year is not stated."""
    return [f for f in _of_timeline(figures) if not placed_in_time(f)]


def _of_timeline(figures: list[Figure]) -> list[Figure]:
    """People detained, and events without a number (orders, reports): a deportation total, a workforce
    estimate or a count of compounds is not drawn as if it were people detained (they have their panels)."""
    return [f for f in figures if f.measure == DETAINED or not f.value.known]


def placed_in_time(figure: Figure) -> bool:
    return all(year_known(d) for d in figure.period if d)


def sources_table(figures: list[Figure]) -> pd.DataFrame:
    """One row per source report of each figure; links only when they are http(s)."""
    pairs = [(figure, report) for figure in figures for report in figure.reports]
    return pd.DataFrame({
        "figure": [f.title for f, _ in pairs],
        "reported": [r.value.label() if r.value.known else "" for _, r in pairs],
        "claim by": [r.claimant for _, r in pairs],
        "note": [r.note for _, r in pairs],
        "publisher": [r.source.publisher for _, r in pairs],
        "title": [r.source.title for _, r in pairs],
        "published": [r.source.date for _, r in pairs],
        "link": [r.source.url if is_web_url(r.source.url) else None for _, r in pairs],
        "csv line": [r.line for _, r in pairs],
    })


def other_measures_table(figures: Iterable[Figure]) -> pd.DataFrame:
    """Rescues, deportations, handovers, repatriations and court cases: counted apart from arrests."""
    figures = list(figures)
    by_id = {f.id: f for f in figures}
    shown = [f for f in figures if f.measure in MEASURES_OF_PEOPLE and f.measure != DETAINED]
    return pd.DataFrame({
        "counted": [measure_label(f.measure) for f in shown],
        "figure": [f.label() for f in shown],
        "who": [nationality_display_name(f.nationality_code) if f.nationality_code else _("all nationalities")
                for f in shown],
        "where": [f.area.display_name if f.area else "" for f in shown],
        "when": [period_label(*f.period) for f in shown],
        "claim by": ["; ".join(f.claimants) for f in shown],
        "what": [f.title for f in shown],
        "sources": [len(f.reports) for f in shown],
        "same people as": [_same_people(f, by_id) for f in shown],
    })


def _same_people(figure: Figure, by_id: dict[str, Figure]) -> str:
    """The figures that count the same people another way, beside this one (never added to it)."""
    linked = [by_id[i] for i in figure.same_people.split(";") if i in by_id]
    return "; ".join(f"{f.label()} {measure_label(f.measure)} ({f.title})" for f in linked)


def disagreements_table(figures: Iterable[Figure]) -> pd.DataFrame:
    """What sources disagree on, one row per figure and aspect, with every version and who gives it."""
    rows = []
    for figure in figures:
        for aspect, versions in figure.disagreements().items():
            rows.append({
                "figure": figure.title, "differs on": _(ASPECTS[aspect]),
                "versions": " · ".join(f"{text} ({', '.join(dict.fromkeys(r.source.publisher for r in reports))})"
                                       for text, reports in versions),
                # TRANSLATORS: the version a table uses where sources disagree: the first report's
                "used": figure.value.label() if aspect == "number" else _("{version} (first report)").format(
                    version=versions[0][0]),
            })
    return pd.DataFrame(rows, columns=["figure", "differs on", "versions", "used"])

"""Tables for the panels under the map, built once per selection (pandas only).

They are kept with the cached selection (see data.Selected), so a rerun that
changes nothing in the selection rebuilds none of them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from events.figures import Figure
from geo.safe_html import is_web_url

SOURCE_COLUMNS = ["figure", "reported", "claim by", "publisher", "title", "published", "link", "csv line"]


def newest_first(figures: Iterable[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda f: f.row["start"], reverse=True)


def on_timeline(figures: list[Figure]) -> list[Figure]:
    """Figures of people detained and events without a count; other measures are context."""
    return [f for f in figures if f.row["measure"] in ("people_detained", "") or f.row["event_type"] != "raid"]


def sources_table(figures: list[Figure]) -> pd.DataFrame:
    """One row per source report of each figure; links only when they are http(s)."""
    rows = [(figure.row["title"], report.value.label() if report.value.known else "", report.claimant,
             report.publisher, report.title, report.date, report.url if is_web_url(report.url) else None,
             report.line)
            for figure in figures for report in figure.reports]
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


def disagreements_table(figures: Iterable[Figure]) -> pd.DataFrame:
    """Figures whose sources give different numbers: each version with who gives it."""
    rows = []
    for figure in figures:
        if not figure.disputed:
            continue
        cells = {"figure": figure.row["title"]}
        for i, (value, reports) in enumerate(figure.versions()[:3], start=1):
            cells[f"version {i}"] = f"{value.label()} ({', '.join(r.publisher for r in reports)})"
        cells["used in sums"] = figure.value.label()
        rows.append(cells)
    return pd.DataFrame(rows)

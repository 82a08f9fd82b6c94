"""Altair charts: nationality bars, the timeline, a locator map and the province card.

Plain Altair (no Streamlit), so the card's PNG is rendered on the server from the
very spec the page shows. Every number is drawn with its qualifier label.
"""

from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import fontpkg_noto_sans_khmer
import pandas as pd

from events.dates import period_label
from events.figures import Area, Figure
from events.vocabulary import EVENT_TYPES, nationality_name
from geo import boundaries

TIMELINE_LIMIT = 500  # points beyond this are unreadable and slow to send
# Noto Sans Khmer has Latin and Khmer glyphs and is registered for the PNG export (card.py); a browser without it
# falls back to the page's own sans-serif, not to a serif default.
FONT = "Noto Sans Khmer, Source Sans Pro, sans-serif"
ORANGE, GREY, VIOLET = "#e6550d", "#bdbdbd", "#6a51a3"


def breakdown_table(area: Area) -> pd.DataFrame:
    """The table behind the bars: one row per nationality plus the unspecified remainder."""
    rows = []
    for item in area.breakdown:
        rows.append({
            "nationality": nationality_name(item.nationality_code) if item.nationality_code else "Not specified",
            "detained": item.label,
            "bar": item.value.count if item.value.known else 0,
            "of whom": item.subcounts,
            "named without counts": item.named_words(),
        })
    return pd.DataFrame(rows, columns=["nationality", "detained", "bar", "of whom", "named without counts"])


def breakdown_chart(table: pd.DataFrame, width: int | str = "container") -> alt.Chart:
    base = alt.Chart(table).encode(
        y=alt.Y("nationality:N", sort=None, title=None),
        tooltip=["nationality", "detained", "of whom", "named without counts"],
    )
    bars = base.mark_bar().encode(
        x=alt.X("bar:Q", title="People detained (bar: the reported number; label: with its qualifier)"),
        color=alt.condition(alt.datum.nationality == "Not specified", alt.value(GREY), alt.value(ORANGE)),
    )
    labels = base.mark_text(align="left", dx=4, font=FONT).encode(x="bar:Q", text="detained:N")
    return (bars + labels).properties(width=width, height=alt.Step(28))


def timeline_table(figures: list[Figure]) -> pd.DataFrame:
    rows = []
    for figure in figures:
        rows.append({
            # the end day is included: draw the span to its last hour
            "start": pd.Timestamp(figure.start), "end": pd.Timestamp(figure.end) + pd.Timedelta(hours=23),
            "type": EVENT_TYPES[figure.event_type], "title": figure.title,
            "when": period_label(*figure.period),
            "figure": figure.label() if figure.value.known else "",
            "size": figure.value.count or 0,
            "where": figure.area.name if figure.area else "",
            "sources": len(figure.reports),
        })
    return pd.DataFrame(rows, columns=["start", "end", "type", "title", "when", "figure", "size", "where", "sources"])


def timeline_chart(table: pd.DataFrame) -> alt.LayerChart:
    base = alt.Chart(table).encode(
        y=alt.Y("type:N", title=None, sort=list(EVENT_TYPES.values())),
        tooltip=["title", "when", "where", "figure", "sources"],
    )
    # days, never hours: no date here is known to the hour
    spans = base.mark_rule(strokeWidth=3, color=VIOLET).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%-d %b %Y", labelOverlap=True)), x2="end:T")
    points = base.mark_circle(opacity=0.8, color=ORANGE).encode(
        x="start:T", size=alt.Size("size:Q", title="People", scale=alt.Scale(range=[40, 1200]),
                                   legend=None))
    labels = base.mark_text(dy=-14, font=FONT, fontSize=11).encode(x="start:T", text="figure:N")
    return (spans + points + labels).properties(width="container", height=220)


def locator_map(highlight: set[str], width: int = 360, height: int = 300) -> alt.Chart:
    """Cambodia with the provinces concerned highlighted (Natural Earth boundaries)."""
    features = alt.Data(values=_features_with_flag(highlight), format=alt.DataFormat(type="json"))
    return alt.Chart(features).mark_geoshape(stroke="white", strokeWidth=0.5).encode(
        color=alt.condition("datum.properties.on", alt.value(ORANGE), alt.value("#d9d9d9")),
    ).project(type="mercator").properties(width=width, height=height)


def _features_with_flag(highlight: set[str]) -> list[dict]:
    features = json.loads(boundaries.geojson_text())["features"]
    drawn = {boundaries.DRAWN_WITHIN.get(c, c) for c in highlight}
    for feature in features:
        feature["properties"] = {"on": feature["properties"]["code"] in drawn}
    return features


def font_directory() -> Path:
    return Path(fontpkg_noto_sans_khmer.__file__).parent / "files"

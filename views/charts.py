"""Altair charts: nationality bars and the timeline.

Plain Altair (no Streamlit). Every number is drawn with its qualifier label.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from events.dates import period_label
from events.figures import Area, Figure
from events.vocabulary import EVENT_TYPES, nationality_name

TIMELINE_LIMIT = 500  # points beyond this are unreadable and slow to send
# The page's own font (Streamlit's Source Sans), then any sans-serif: never a serif default.
FONT = "Source Sans, Source Sans Pro, sans-serif"
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


# Lanes: what can be sized on one scale (arrests over a few days) apart from running tallies and events without
# a number, so the biggest circle is always an arrest, not a ten-week total.
SHORT, TALLY, UNNUMBERED = "Arrests in a week or less", "Tallies over longer periods", "Events without a number"
LANES = [SHORT, TALLY, UNNUMBERED]
SHORT_DAYS = 7
TIMELINE_LABELS = 8  # at most this many figures are labelled, the largest first, apart; all have their tooltip


def timeline_table(figures: list[Figure]) -> pd.DataFrame:
    rows = []
    for figure in figures:
        days = (figure.end - figure.start).days + 1
        lane = UNNUMBERED if not figure.value.known else SHORT if days <= SHORT_DAYS else TALLY
        rows.append({
            # the end day is included: draw the span to its last hour
            "start": pd.Timestamp(figure.start), "end": pd.Timestamp(figure.end) + pd.Timedelta(hours=23),
            "lane": lane, "type": EVENT_TYPES[figure.event_type], "title": figure.title,
            "when": period_label(*figure.period),
            "figure": figure.label() if figure.value.known else "",
            "number": figure.value.label() if figure.value.known else "",  # the version sums use: a short label
            "size": (figure.value.count or 0) if lane == SHORT else 0,  # only arrests over a few days are sized
            "where": figure.area.name if figure.area else "",
            "sources": len(figure.reports),
        })
    return pd.DataFrame(rows, columns=["start", "end", "lane", "type", "title", "when", "figure", "number", "size",
                                       "where", "sources"])


def in_window(table: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp] | None) -> pd.DataFrame:
    """The rows whose period overlaps ``window`` (first day, day after the last); None: all."""
    if window is None:
        return table
    first, after = window
    return table[(table["end"] >= first) & (table["start"] < after)]


def _labelled(table: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]) -> pd.Series:
    """The largest figures, each at least a ninth of the axis from the others in its lane, so labels never pile."""
    gap = (window[1] - window[0]) / 9
    chosen: list[tuple[str, pd.Timestamp]] = []
    keep = pd.Series(False, index=table.index)
    numbered = table[table["figure"] != ""]
    order = numbered.assign(rank=numbered["size"].where(numbered["lane"] == SHORT, 0)).sort_values(
        ["rank", "end"], ascending=False)
    for index, lane, at in zip(order.index, order["lane"], order["end"], strict=True):
        if len(chosen) == TIMELINE_LABELS:
            break
        if all(lane != other or abs(at - seen) >= gap for other, seen in chosen):
            chosen.append((lane, at))
            keep[index] = True
    return keep


def timeline_chart(table: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> alt.LayerChart:
    """Lanes on one time axis: arrests sized by number; tallies as bars labelled at their end; others unsized."""
    shown = in_window(table, window)
    if window is None and len(shown):  # the whole selection, with room at both ends for the labels
        margin = (shown["end"].max() - shown["start"].min()) / 25 + pd.Timedelta(days=1)
        window = (shown["start"].min() - margin, shown["end"].max() + margin)
    labelled = _labelled(shown, window) if window else pd.Series(False, index=shown.index)
    shown = shown.assign(label=shown["number"].where(labelled, ""), at=shown["end"].dt.normalize())
    scale = alt.Scale(domain=[w.isoformat() for w in window]) if window else alt.Scale()
    base = alt.Chart(shown).encode(
        y=alt.Y("lane:N", title=None, sort=LANES, axis=alt.Axis(labelLimit=220)),
        tooltip=["title", "type", "when", "where", "figure", "sources"],
    )
    # days, never hours: no date here is known to the hour
    spans = base.mark_rule(strokeWidth=3, color=VIOLET, clip=True).encode(
        x=alt.X("start:T", title=None, scale=scale, axis=alt.Axis(format="%-d %b %Y", labelOverlap=True)),
        x2="end:T")
    # a figure stands at its last day: what a tally had reached by then; only arrests are sized
    points = base.mark_circle(opacity=0.8, color=ORANGE, clip=True).encode(
        x="at:T", size=alt.condition(alt.datum.size > 0,
                                     alt.Size("size:Q", scale=alt.Scale(range=[30, 1200], domainMin=0), legend=None),
                                     alt.value(40)))
    labels = base.mark_text(dy=-16, font=FONT, fontSize=12, clip=True).encode(x="at:T", text="label:N")
    return (spans + points + labels).properties(width="container", height=200)

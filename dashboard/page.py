"""The page: the headline, map and panels, or a province's card, for the file as it can be read now."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import streamlit as st

import i18n
from dashboard import card_page, map_frame, panels, sidebar
from dashboard.markdown import md
from i18n import _
from views import selection
from views.address import link
from views.summary import citation, summarize


def show() -> None:
    sidebar.activate_language()  # before any text: every text is written in it
    st.set_page_config(page_title=_("Crackdown Map"))
    sidebar.language_switch()
    # Elements are placed by position: everything whose number varies sits in a container made up front, so the
    # map keeps its place in the page and its frame is kept between runs.
    notices_here = st.container()
    reading = selection.current()
    if reading.notice:
        (notices_here.warning if reading.snapshot is not None else notices_here.error)(md(reading.notice))
    snapshot = reading.snapshot
    if snapshot is None:
        st.stop()
    events = snapshot.result.events
    if events.empty:
        result = snapshot.result
        if result.rows_read:
            st.error(_("No valid row in the events file; see the problems below."))
        elif result.problems:
            st.error(md(_("No row could be read from the events file: {reason}.").format(
                reason=result.problems[0].message)))
        else:
            st.error(_("The events file has its header but no rows yet."))
        panels.problems(snapshot)
        st.stop()

    view, notices = sidebar.current_view(*snapshot.period, snapshot.nationalities)
    for notice in notices:
        notices_here.info(md(notice))
    filtered = selection.filtered(snapshot, view.filters, i18n.current())
    if view.area is None and len(view.filters.provinces) == 1:  # one province chosen in the filters: its breakdown
        view = replace(view, area=filtered.area_of(next(iter(view.filters.provinces))))
    page = st.context.url.split("?")[0] if st.context.url else ""

    if view.mode == "card" and view.area is not None:
        # a province inside a joint figure opens that figure's card, which says so
        shown = filtered.area_of(view.area.codes[0]) if len(view.area.codes) == 1 else view.area
        card_page.show(filtered.areas.get(shown), shown, snapshot, page, view)
        sidebar.draw(*snapshot.period, snapshot.nationalities)
    else:
        st.title(_("Crackdown Map"))
        st.caption(_("Enforcement actions against scam compounds in Cambodia, as reported, with every source."))
        with st.container():
            panels.headline(filtered, snapshot)
        left, right = st.columns([3, 2])
        with left:
            # The base map's script is the same on every run, so the frame is kept (with its zoom) and only the
            # selection's layer is replaced.
            code = map_frame.last_clicked()
            if code and code != st.session_state.get("clicked"):
                st.session_state["clicked"] = code
                st.session_state["area"] = filtered.area_of(code)
                view = replace(view, area=st.session_state["area"])
            map_frame.show(filtered.areas, (snapshot.key, repr(view.filters)), view.area, height=560)
            sidebar.draw(*snapshot.period, snapshot.nationalities)  # after the map, so its frame loads first
            panels.map_notes(filtered)
        with right:
            panels.breakdown(filtered.areas.get(view.area))
            panels.named_only(filtered, view.filters.nationalities)
            if view.area in filtered.areas:
                card_page.download_button(filtered.areas[view.area], snapshot,
                                          link(page, replace(view, mode="card")))
                if st.button(_("Open the shareable card")):
                    st.session_state["mode"] = "card"
                    st.rerun()
        with st.container():
            panels.beside_headline(filtered, snapshot)
        panels.timeline(filtered)
        panels.other_measures(filtered)
        panels.sources(filtered, snapshot)
        panels.problems(snapshot)
        summary = summarize(filtered, view, snapshot, link(page, view))
        title = summary.title if summary is not None else _("Crackdown Map")
        panels.about(snapshot, citation(title, link(page, view), snapshot.version, datetime.now(UTC).date()))
        if summary is not None:  # the tab and the bookmark name the view, as its link preview does
            st.set_page_config(page_title=_("{summary} · Crackdown Map").format(summary=summary.title))

    sidebar.write_url(view)

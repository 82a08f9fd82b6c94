"""Crackdown Map: enforcement actions against Cambodia's scam compounds, as reported.

Composes the page: the Streamlit parts live in dashboard/, what they draw in views/,
the event model in events/ and the reference geography in geo/.
"""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from dashboard import card_page, data, panels, sidebar
from dashboard.markdown import md
from dashboard.url_state import View, link
from events.filters import nationalities_counted, period_covered
from views.map import build_map

st.set_page_config(page_title="Crackdown Map", page_icon="🗺️", layout="wide")

try:
    key = data.file_key()
except OSError as error:
    st.error(f"The events file cannot be read: {md(error.strerror or error)}")
    st.stop()
snapshot = data.snapshot(key)
events = snapshot.result.events
if events.empty:
    st.error("No valid row in the events file; see the problems below.")
    panels.problems(snapshot)
    st.stop()

view, notices = sidebar.current_view(*period_covered(events), nationalities_counted(events))
for notice in notices:
    st.info(md(notice))
filtered = data.filtered(key, view.filters, repr(view.filters))
page = st.context.url.split("?")[0] if st.context.url else ""

if view.mode == "card" and view.area is not None:
    card_page.show(filtered.areas.get(view.area), view.area, snapshot, link(page, view))
else:
    st.title("Crackdown Map")
    st.caption("Enforcement actions against scam compounds in Cambodia, as reported, with every source.")
    panels.headline(filtered, snapshot)
    left, right = st.columns([3, 2])
    with left:
        # A new map each run: st_folium alters the map object while rendering it, so it cannot be shared.
        clicked = st_folium(build_map(filtered.areas), key="map", height=560, use_container_width=True,
                            returned_objects=["last_active_drawing"])
        drawing = (clicked or {}).get("last_active_drawing") or {}
        code = (drawing.get("properties") or {}).get("code")
        if code and code != st.session_state.get("clicked"):
            st.session_state["clicked"] = code
            st.session_state["area"] = filtered.area_of(code)
            view = View(view.filters, st.session_state["area"], view.mode)
        panels.legend(filtered)
    with right:
        panels.breakdown(filtered.areas.get(view.area))
        panels.named_only(filtered, view.filters.nationalities)
        if view.area in filtered.areas and st.button("Open the shareable card"):
            st.session_state["mode"] = "card"
            st.rerun()
    panels.timeline(filtered)
    panels.other_measures(filtered)
    panels.sources(filtered)
    panels.problems(snapshot)
    panels.about(snapshot)

sidebar.write_url(view)

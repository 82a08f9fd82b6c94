"""Crackdown Map: enforcement actions against Cambodia's scam compounds, as reported.

Composes the page; the logic lives in events/, geo/ and dashboard/.
"""

from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit_folium import st_folium

from dashboard import card_view, data, filters, panels
from dashboard.text import md
from dashboard.url_state import to_params
from geo.map import build_map

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

bounds = (events["start"].min().date(), min(events["end"].max().date(), date.today()))
view, notices = filters.current_view(*bounds, sorted(c for c in events["nationality"].unique() if c))
for notice in notices:
    st.info(md(notice))
selection_key = repr(view.selection)
chosen = data.selected(key, selection_key, view.selection)


def area_for(code: str) -> str:
    """The area a clicked province belongs to: its own, or the joint group it is part of."""
    if code in chosen.areas:
        return code
    return next((k for k, a in chosen.areas.items() if a.scope == "joint" and code in k.split(";")), code)


link = st.context.url.split("?")[0] if st.context.url else ""

if view.mode == "card":
    params = "&".join(f"{k}={v}" for k, v in to_params(view).items() if isinstance(v, str))
    card_view.show(chosen.areas.get(view.area), view.area, snapshot, f"{link}?{params}")
else:
    st.title("Crackdown Map")
    st.caption("Enforcement actions against scam compounds in Cambodia, as reported, with every source.")
    panels.headline(chosen, snapshot)
    left, right = st.columns([3, 2])
    with left:
        # A new map each run: st_folium alters the map object while rendering it, so it cannot be shared.
        clicked = st_folium(build_map(chosen.areas), key="map", height=560, use_container_width=True,
                            returned_objects=["last_active_drawing"])
        drawing = (clicked or {}).get("last_active_drawing") or {}
        code = (drawing.get("properties") or {}).get("code")
        if code and code != st.session_state.get("clicked"):
            st.session_state["clicked"] = code
            st.session_state["area"] = area_for(code)
            view = filters.View(view.selection, st.session_state["area"], view.mode)
        panels.legend()
    with right:
        panels.breakdown(chosen.areas.get(view.area), chosen)
        panels.named_only(events, view.selection.nationalities)
        if view.area in chosen.areas and st.button("Open the shareable card"):
            st.session_state["mode"] = "card"
            st.rerun()
    panels.timeline(chosen)
    panels.sources(chosen)
    panels.problems(snapshot)
    panels.about(snapshot)

filters.write_url(view)

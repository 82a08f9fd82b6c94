"""The province card page (``?province=Kratie&view=card``) with its downloads."""

from __future__ import annotations

import streamlit as st

from dashboard.data import Snapshot
from dashboard.markdown import md
from events.figures import Area
from geo.areas import AreaKey
from views.card import card_chart, card_csv, card_png, card_text


def show(area: Area | None, key: AreaKey, snapshot: Snapshot, link: str) -> None:
    if st.button("← Back to the map"):
        st.session_state["mode"] = "map"
        st.rerun()
    if area is None:
        st.info(f"No figure of people detained is reported for {md(key.name)} under the current filters.")
        return
    text = card_text(area, snapshot.as_of, link)
    chart = card_chart(area, text)
    st.altair_chart(chart, width="content")
    slug = key.text.replace(";", "_").lower()
    left, right = st.columns(2)
    left.download_button("Download card (PNG)", data=lambda: card_png(chart), file_name=f"crackdown-map-{slug}.png",
                         mime="image/png", on_click="ignore")
    right.download_button("Download figures (CSV)", data=lambda: card_csv(area),
                          file_name=f"crackdown-map-{slug}.csv", mime="text/csv", on_click="ignore")

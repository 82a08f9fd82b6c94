"""The card page (``?province=Kratie&view=card``): the image as it will be shared, its downloads, and in
full what the image had to leave out."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from dashboard.data import Snapshot
from dashboard.markdown import md
from events.figures import Area
from geo.areas import AreaKey
from views.card import CardContent, CardSource, card_content, card_csv, card_png, card_svg, file_name, layout
from views.card_image import FORMAT_NAMES


@lru_cache(maxsize=64)  # shared by every session: a card is the same for everyone who asks for it
def _png(content: CardContent, format_name: str) -> bytes:
    return card_png(content, format_name)


@lru_cache(maxsize=64)
def _left_out(content: CardContent, format_name: str) -> list[str]:
    return layout(content, format_name)[1]


def download_button(area: Area, snapshot: Snapshot, link: str) -> None:
    """The card's PNG in one click from the map (the link-preview format); the card page has the others."""
    content = card_content(area, snapshot.as_of, link)
    st.download_button("Download card (PNG)", data=lambda: _png(content, "landscape"), mime="image/png",
                       file_name=file_name(content, "landscape", "png"), on_click="ignore")


def show(area: Area | None, key: AreaKey, snapshot: Snapshot, link: str, asked: AreaKey | None = None) -> None:
    """``asked``: the province in the link, when its figures are reported jointly and ``area`` is that group."""
    if st.button("← Back to the map"):
        st.session_state["mode"] = "map"
        st.rerun()
    if area is None:
        st.info(f"No figure of people detained is reported for {md(key.name)} under the current filters.")
        return
    joint_with = asked.name if asked is not None and asked != area.key else ""
    st.set_page_config(page_title=f"{area.key.name}: people detained · Crackdown Map")
    if joint_with:
        st.info(f"{md(joint_with)}'s figures are reported jointly with other provinces, so this card is for "
                f"{md(area.key.name)} together.")
    content = card_content(area, snapshot.as_of, link, joint_with)
    chosen = st.segmented_control("Format", list(FORMAT_NAMES), default="landscape", key="card_format",
                                  format_func=FORMAT_NAMES.get) or "landscape"
    st.image(_png(content, chosen), alt=content.alt_text, width="stretch", output_format="PNG")
    left, middle, right = st.columns(3)
    left.download_button("Download card (PNG)", data=lambda: _png(content, chosen), mime="image/png",
                         file_name=file_name(content, chosen, "png"), on_click="ignore")
    middle.download_button("Download card (SVG)", data=lambda: card_svg(content, chosen), mime="image/svg+xml",
                           file_name=file_name(content, chosen, "svg"), on_click="ignore")
    right.download_button("Download figures (CSV)", data=lambda: card_csv(area), mime="text/csv",
                          file_name=file_name(content, "figures", "csv"), on_click="ignore")
    left_out = _left_out(content, chosen)
    with st.expander("Everything the card says, in full" + (" (some of it is only here)" if left_out else ""),
                     expanded=bool(left_out)):
        st.markdown(md(content.alt_text))
        st.markdown("**Sources**")
        for number, report in enumerate(area.sources, 1):  # titles in every script: the browser draws them
            s = report.source
            st.markdown(f"{number}. {md(CardSource(s.publisher, s.title, s.date, s.url).full())}")
        st.caption(f"Link to this view: {md(link)}")

"""The card page (``?province=Kratie&view=card``): the image as it will be shared, its downloads, and in
full what the image had to leave out."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

import streamlit as st

import i18n
from dashboard.markdown import md
from events.figures import Area
from geo.areas import AreaKey
from i18n import _
from views.address import View, link
from views.card import CardContent, CardSource, card_content, card_csv, card_png, card_svg, file_name, layout
from views.card_image import FORMAT_IN_URL, FORMAT_NAMES
from views.selection import Snapshot
from views.summary import citation


@lru_cache(maxsize=64)  # shared by every session: a card is the same for everyone who asks for it
def _png(content: CardContent, format_name: str) -> bytes:
    return card_png(content, format_name)


@lru_cache(maxsize=64)
def _left_out(content: CardContent, format_name: str) -> list[str]:
    return layout(content, format_name)[1]


def download_button(area: Area, snapshot: Snapshot, address: str) -> None:
    """The card's PNG in one click from the map (the link-preview format); the card page has the others."""
    content = card_content(area, snapshot.as_of, snapshot.version, address)
    st.download_button(_("Download card (PNG)"), data=lambda: _png(content, "landscape"), mime="image/png",
                       file_name=file_name(content, "landscape", "png"), on_click="ignore")


def show(area: Area | None, key: AreaKey, snapshot: Snapshot, page: str, view: View) -> None:
    """The card of ``area`` (``key``); the view asked for a province inside it when its figures are reported
    jointly and ``area`` is that group. ``page``: the dashboard's address, before its query."""
    asked, here = view.area, link(page, view)
    if st.button(_("← Back to the map")):
        st.session_state["mode"] = "map"
        st.rerun()
    if area is None:
        st.info(md(_("No figure of people detained is reported for {place} under the current filters.").format(
            place=key.display_name)))
        return
    joint_with = asked.display_name if asked is not None and asked != area.key else ""
    # TRANSLATORS: the browser tab's title on a province's card
    st.set_page_config(page_title=_("{place}: people detained · Crackdown Map").format(place=area.key.display_name))
    if joint_with:
        st.info(md(_("{province}'s figures are reported jointly with other provinces, so this card is for "
                     "{provinces} together.").format(province=joint_with, provinces=area.key.display_name)))
    content = card_content(area, snapshot.as_of, snapshot.version, here, joint_with)
    # TRANSLATORS: the card's format: link preview, square or portrait
    chosen = st.segmented_control(_("Format"), list(FORMAT_NAMES), default="landscape", key="card_format",
                                  format_func=i18n.bound(lambda name: _(FORMAT_NAMES[name]))) or "landscape"
    st.image(_png(content, chosen), alt=content.alt_text, width="stretch", output_format="PNG")
    left, middle, right = st.columns(3)
    left.download_button(_("Download card (PNG)"), data=lambda: _png(content, chosen), mime="image/png",
                         file_name=file_name(content, chosen, "png"), on_click="ignore")
    middle.download_button(_("Download card (SVG)"), data=lambda: card_svg(content, chosen), mime="image/svg+xml",
                           file_name=file_name(content, chosen, "svg"), on_click="ignore")
    right.download_button(_("Download figures (CSV)"), data=lambda: card_csv(area, snapshot.version), mime="text/csv",
                          file_name=file_name(content, "figures", "csv"), on_click="ignore")
    left_out = _left_out(content, chosen)
    label = (_("Everything the card says, in full (some of it is only here)") if left_out
             else _("Everything the card says, in full"))
    with st.expander(label, expanded=bool(left_out)):
        st.markdown(md(content.alt_text))
        heading = _("Sources")
        st.markdown(f"**{md(heading)}**")
        for number, report in enumerate(area.sources, 1):  # titles in every script: the browser draws them
            s = report.source
            st.markdown(f"{number}. {md(CardSource(s.publisher, s.title, s.date, s.url).full())}")
        st.caption(md(_("Link to this view: {link}").format(link=here)))
        st.caption(md(_("Cite this view: {citation}").format(citation=citation(
            _("{place}: {figure}, {period}").format(place=content.place, figure=content.figure, period=content.period),
            here, snapshot.version, datetime.now(UTC).date()))))
    site = page.rstrip("/")
    image = link(f"{site}/card.png", view, format=FORMAT_IN_URL[chosen])
    st.caption(md(_("This card as an image anyone can link to: {image} (SVG: {svg}). Without JavaScript: {lite}. "
                    "Its figures as data: {data}").format(
        image=image, svg=link(f"{site}/card.svg", view, format=FORMAT_IN_URL[chosen]),
        lite=link(f"{site}/lite", view), data=link(f"{site}/data/figures.json", view))))

"""The map in its frame: the base map drawn once, the selection's layer swapped in.

streamlit-folium renders every folium element on every run, and folium compiles each
element's rendered script as a Jinja template again, which made the selection's layer
most of a rerun's time. So the layer's script is rendered once per selection, by the
steps streamlit-folium takes, and handed to it whole.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import folium
import streamlit as st
from jinja2 import Template
from streamlit_folium import generate_leaflet_string, get_full_id, st_folium

import i18n
from events.figures import Area
from geo.areas import AreaKey
from views.map import base_map, data_layer

LAYER_ID = "feature_group_0"  # the id streamlit-folium gives the first layer it adds
# Streamlit's static files, at <app>/static/; relative to the map's frame at <app>/component/<name>/index.html
STREAMLIT_MEDIA = Path(st.__file__).parent / "static" / "static" / "media"


@cache
def page_font_url() -> str:
    """The page's own font file, already loaded by the page: the map's text matches it at no extra cost.
    Its name carries a hash that changes with Streamlit's version, so it is looked up; none found, none used."""
    found = sorted(STREAMLIT_MEDIA.glob("SourceSansVF-Upright*.woff2"))
    return f"../../static/media/{found[0].name}" if found else ""


class RenderedLayer(folium.FeatureGroup):
    """A feature group whose script is already rendered: nothing is rendered again."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.script }}{% endmacro %}")

    def __init__(self, script: str):
        super().__init__(name="Figures", control=False)
        self.script = script

    def render(self, **kwargs) -> None:
        """Nothing to render: the script is complete."""


def layer_script(areas: dict[AreaKey, Area], selected: AreaKey | None = None) -> str:
    """The selection's layer as streamlit-folium sends it to the drawn map."""
    fmap, layer = base_map(), data_layer(areas, selected)
    layer._id = LAYER_ID
    layer.add_to(fmap)
    layer.render()
    return generate_leaflet_string(layer, base_id=LAYER_ID).replace(get_full_id(fmap), "map_div")


@st.cache_resource(max_entries=64, show_spinner=False)
def _cached_script(_areas: dict[AreaKey, Area], key: tuple, selected: AreaKey | None, language: str) -> str:
    """``language``: the one the layer's labels, tooltips and popups are written in."""
    return layer_script(_areas, selected)


def last_clicked() -> str | None:
    """The code of the province clicked last, known before the map is drawn (streamlit-folium stores it in the
    session under the map's key when the click arrives), so the map can show the click at once."""
    drawing = (st.session_state.get("map") or {}).get("last_active_drawing") or {}
    return (drawing.get("properties") or {}).get("code")


FRAME_MARGIN = 8  # px Streamlit sets under a component's frame, inside the room held for it


def show(areas: dict[AreaKey, Area], key: tuple, selected: AreaKey | None, height: int) -> None:
    """Draws the map; its frame is kept between runs. ``key`` names the selection: file version and filters."""
    # The frame's room is held from the start, so what is under the map does not jump while the frame loads
    # and takes its height. New objects each run: st_folium alters them while rendering.
    with st.container(height=height + FRAME_MARGIN, border=False, gap=None):
        st_folium(base_map(font_url=page_font_url()), key="map", height=height, use_container_width=True,
                  feature_group_to_add=RenderedLayer(_cached_script(areas, key, selected, i18n.current())),
                  returned_objects=["last_active_drawing"])

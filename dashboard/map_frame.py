"""The map in its frame: the base map drawn once, the selection's layer swapped in.

streamlit-folium renders every folium element on every run, and folium compiles each
element's rendered script as a Jinja template again, which made the selection's layer
most of a rerun's time. So the layer's script is rendered once per selection, by the
steps streamlit-folium takes, and handed to it whole.
"""

from __future__ import annotations

import folium
import streamlit as st
from jinja2 import Template
from streamlit_folium import generate_leaflet_string, get_full_id, st_folium

from events.figures import Area
from geo.areas import AreaKey
from views.map import base_map, data_layer

LAYER_ID = "feature_group_0"  # the id streamlit-folium gives the first layer it adds


class RenderedLayer(folium.FeatureGroup):
    """A feature group whose script is already rendered: nothing is rendered again."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.script }}{% endmacro %}")

    def __init__(self, script: str):
        super().__init__(name="Figures", control=False)
        self.script = script

    def render(self, **kwargs) -> None:
        """Nothing to render: the script is complete."""


def layer_script(areas: dict[AreaKey, Area]) -> str:
    """The selection's layer as streamlit-folium sends it to the drawn map."""
    fmap, layer = base_map(), data_layer(areas)
    layer._id = LAYER_ID
    layer.add_to(fmap)
    layer.render()
    return generate_leaflet_string(layer, base_id=LAYER_ID).replace(get_full_id(fmap), "map_div")


@st.cache_resource(max_entries=64, show_spinner=False)
def _cached_script(_areas: dict[AreaKey, Area], key: tuple) -> str:
    return layer_script(_areas)


def show(areas: dict[AreaKey, Area], key: tuple, height: int) -> str | None:
    """Draws the map (its frame is kept between runs) and returns the code of the province clicked last.
    ``key`` names the selection: the file version and the filters."""
    # New objects each run: st_folium alters them while rendering.
    clicked = st_folium(base_map(), feature_group_to_add=RenderedLayer(_cached_script(areas, key)), key="map",
                        height=height, use_container_width=True, returned_objects=["last_active_drawing"])
    drawing = (clicked or {}).get("last_active_drawing") or {}
    return (drawing.get("properties") or {}).get("code")

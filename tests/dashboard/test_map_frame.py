"""The selection's layer, rendered once: the same script streamlit-folium would send, hostile text still text."""

from streamlit_folium import _get_feature_group_string

from dashboard.map_frame import RenderedLayer, layer_script
from events import figures
from events.loading import load_events
from tests.conftest import RECORD_CSV, parse, row
from tests.views.test_map import decoded
from views import escape
from views.map import base_map, data_layer


def sent(layer) -> str:
    """What st_folium 0.27 sends for a layer it is given (its own steps)."""
    return _get_feature_group_string(layer, base_map())


def test_the_rendered_layer_sends_what_the_layer_itself_would():
    areas = figures.areas(figures.collect(load_events(RECORD_CSV).events))
    assert sent(RenderedLayer(layer_script(areas))) == sent(data_layer(areas))


def test_a_different_selection_sends_a_different_layer(seed_areas):
    fewer = {key: area for key, area in seed_areas.items() if key.codes != ("KH-10",)}
    assert layer_script(fewer) != layer_script(seed_areas)
    assert layer_script(seed_areas) == layer_script(seed_areas)  # the same selection, the same script


def test_hostile_text_stays_text_in_the_rendered_layer():
    text = "{{ 7*7 }}`${alert(1)}`<img src=x onerror=alert(2)>"
    result = parse([row(source_publisher=text, source_title=text, claimant=text)])
    script = layer_script(figures.areas(figures.collect(result.events)))
    assert text not in script
    assert escape.text(text) in decoded(script)  # shown as written: nothing in it was evaluated

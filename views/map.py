"""The folium map: provinces shaded by people detained, markers sized by count.

Built from aggregated areas (never from raw rows), so its size depends on the
number of provinces and joint groups, not on the number of rows. Joint figures
are drawn across the provinces concerned, never on one of them; national
figures are not drawn on any province. All data text goes through views.escape.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import folium
from branca.element import MacroElement
from jinja2 import Template

from events.dates import period_label
from events.figures import Area
from events.vocabulary import nationality_name
from geo import boundaries, gazetteer
from geo.areas import AreaKey
from views import escape

CENTER = (12.55, 104.95)
# static/leaflet, served at <app>/app/static/; relative to the map's frame at <app>/component/<name>/index.html
ASSETS = "../../app/static/leaflet/"
MAX_JOINT_GROUPS = 8  # beyond this, the largest are drawn and the rest are listed in the tables
MAX_POPUP_ROWS = 4  # popups list this many nationalities and sources; the panels list all


@dataclass(frozen=True)
class Swatch:
    label: str
    fill: str
    border: str
    dash: str = ""


# Sequential bins (ColorBrewer Oranges) by the number a province total reports (about 1,000 is 1,000).
BINS = ((500, "#a63603"), (250, "#e6550d"), (100, "#fd8d3c"), (50, "#fdae6b"), (1, "#fdd0a2"), (0, "#fff5eb"))
NO_FIGURE = Swatch("No figure reported", "#d9d9d9", "#969696", "2 4")
NUMBER_UNKNOWN = Swatch("Arrests reported, number not given", "#ffffff", "#e6550d", "6 3")
JOINT = Swatch("Included in a figure reported jointly with other provinces", "#dadaeb", "#6a51a3", "6 3")
LEGEND = (
    *(Swatch(f"{low:,} or more" if low else "0 (reported as none)", color, "#7f2704") for low, color in BINS),
    NUMBER_UNKNOWN, JOINT, NO_FIGURE,
)


def fill_for(area: Area) -> Swatch:
    total = area.total
    if not total.known:
        return NUMBER_UNKNOWN
    color = next(color for threshold, color in BINS if total.best >= threshold)  # the last bin starts at 0
    return Swatch("", color, "#7f2704")


def build_map(areas: dict[AreaKey, Area], tiles: bool = True) -> folium.Map:
    """The whole map for a selection: the base map with the selection's layer on it."""
    fmap = base_map(tiles)
    data_layer(areas).add_to(fmap)
    return fmap


def base_map(tiles: bool = True) -> folium.Map:
    """What never changes with the selection: its script is the same on every run, so the browser keeps the
    drawn map (and its zoom) while the data layer on it is replaced (streamlit-folium's ``feature_group_to_add``)."""
    fmap = folium.Map(location=CENTER, zoom_start=7, min_zoom=6, max_zoom=11, tiles=None,
                      control_scale=True, prefer_canvas=False)
    # Only Leaflet, from the app itself: no CDN is asked, so none can blank the map or learn who reads it.
    fmap.default_js = [("leaflet", ASSETS + "leaflet.js")]
    fmap.default_css = [("leaflet_css", ASSETS + "leaflet.css")]
    if tiles:
        folium.TileLayer("OpenStreetMap", name="Street map (needs internet)", overlay=True, show=False).add_to(fmap)
        folium.LayerControl(collapsed=True).add_to(fmap)
    _Attribution(boundaries.ATTRIBUTION).add_to(fmap)
    fmap.fit_bounds([[10.4, 102.3], [14.7, 107.7]])
    return fmap


def data_layer(areas: dict[AreaKey, Area]) -> folium.FeatureGroup:
    """The selection: provinces shaded by the people detained, and markers sized by count."""
    layer = folium.FeatureGroup(name="Figures", control=False)
    joint = [a for a in areas.values() if a.key.scope == "joint"]
    _province_layer(areas, joint).add_to(layer)
    largest = max((a.total.best for a in areas.values() if a.key.codes), default=0)
    for area in sorted(areas.values(), key=lambda a: a.key.text):
        if area.key.scope == "province":
            _province_marker(area, largest).add_to(layer)
    for area in sorted(joint, key=lambda a: (-a.total.best, a.key.text))[:MAX_JOINT_GROUPS]:
        for element in _joint_markers(area, largest):
            element.add_to(layer)
    return layer


def _province_layer(areas: dict[AreaKey, Area], joint: list[Area]) -> folium.GeoJson:
    collection = json.loads(boundaries.geojson_text())
    popups: dict[AreaKey, str] = {}
    joint_of = {code: area for area in joint for code in area.key.codes}
    styles = {}
    for feature in collection["features"]:
        code = feature["properties"]["code"]
        feature["id"] = code
        own = areas.get(AreaKey((code,)))
        feature["properties"], swatch = _province_properties(code, own, joint_of.get(code), popups)
        styles[code] = {**_style(swatch), "className": f"province province-{code}"}
    layer = folium.GeoJson(
        collection,
        name="Provinces",
        style_function=lambda feature: styles[feature["id"]],
        highlight_function=lambda _: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=["name", "name_km", "label"], labels=False),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=360),
        control=False,
    )
    _KeyboardAccess().add_to(layer)
    return layer


def _province_properties(code, area: Area | None, joint: Area | None,
                         popups: dict[AreaKey, str]) -> tuple[dict, Swatch]:
    province = gazetteer.provinces()[code]
    name = province.name
    drawn_inside = [c for c, parent in boundaries.DRAWN_WITHIN.items() if parent == code]
    if drawn_inside:
        name += " (boundary includes " + ", ".join(gazetteer.provinces()[c].name for c in drawn_inside) + ")"
    if area is not None:
        swatch, label = fill_for(area), _where(area) + _area_label(area)
        popup = popups.setdefault(area.key, area_popup(area))
    elif joint is not None:
        swatch = JOINT
        label = f"Reported jointly with {joint.key.without(code).name}: {_area_label(joint)}"
        popup = popups.get(joint.key) or popups.setdefault(joint.key, area_popup(joint))
    else:
        swatch, label, popup = NO_FIGURE, "No figure reported in this selection", ""
    properties = {"code": code, "name": escape.text(name), "name_km": escape.text(province.name_km),
                  "label": escape.text(label), "popup": popup or escape.text(label)}
    return properties, swatch


def _style(swatch: Swatch) -> dict:
    return {"fillColor": swatch.fill, "fillOpacity": 0.85, "color": swatch.border, "weight": 1,
            "dashArray": swatch.dash or None}


def _where(area: Area) -> str:
    return f"{', '.join(area.towns)}: " if area.towns else ""


def _area_label(area: Area) -> str:
    """"312 detained, 14–16 Jul 2025", with how the total was obtained when it is a sum."""
    total = area.total
    text = f"{total.label()} detained" if total.known else "arrests reported, number not given"
    if not area.total_is_reported and total.known:
        text += " (sum of partial figures; no total reported)"
    return f"{text}, {period_label(*area.period)}"


def _radius(area: Area, largest: int) -> float:
    low = area.total.best
    return 6.0 if not low or not largest else round(6 + 24 * math.sqrt(low / largest), 1)


def _marker_location(area: Area) -> tuple[float, float]:
    """At the town when every figure names the same one; else inside the province."""
    towns = {f.town for f in area.tops}
    if len(towns) == 1 and "" not in towns:
        town = gazetteer.locality(towns.pop(), area.key.codes[0])
        if town.latitude is not None:  # a district has no point of its own
            return (town.latitude, town.longitude)
    return boundaries.anchors()[area.key.codes[0]]


def _province_marker(area: Area, largest: int) -> folium.CircleMarker:
    """A bubble sized by count; only a province without its own polygon needs it to be hoverable."""
    undrawn = area.key.codes[0] in boundaries.DRAWN_WITHIN
    label = f"{area.key.name}: {_where(area)}{_area_label(area)}"
    marker = folium.CircleMarker(
        location=_marker_location(area), radius=_radius(area, largest),
        color="#7f2704", weight=1.5, fill=True, fill_color=fill_for(area).fill, fill_opacity=0.9,
        dash_array="4 3" if undrawn else None,
        tooltip=folium.Tooltip(escape.text(label)) if undrawn else None,
        popup=folium.Popup(area_popup(area), max_width=360) if undrawn else None,
    )
    return marker if undrawn else _passive(marker)


def _passive(marker: folium.CircleMarker) -> folium.CircleMarker:
    """Let hover and click reach the province underneath (folium 0.20 drops ``interactive``)."""
    marker.options["interactive"] = False
    return marker


def _joint_markers(area: Area, largest: int) -> list:
    """Rings on each province concerned, linked by a line that carries the joint figure."""
    points = [boundaries.anchors()[c] for c in area.key.codes]
    tooltip = f"{area.key.name}, reported together: {_area_label(area)}"
    elements = [folium.PolyLine(points, color=JOINT.border, weight=3, dash_array="6 6",
                                tooltip=folium.Tooltip(escape.text(tooltip)))]
    elements += [_passive(folium.CircleMarker(location=point, radius=_radius(area, largest), color=JOINT.border,
                                              weight=2, dash_array="6 3", fill=True, fill_color=JOINT.fill,
                                              fill_opacity=0.6))
                 for point in points]
    return elements


def area_popup(area: Area) -> str:
    """HTML for a popup: the breakdown and the sources behind it, every data text escaped."""
    e = escape.text
    parts = [f"<b>{e(area.key.name)}</b> {e(area.key.name_km)}<br>", f"{e(_area_label(area))}<br>"]
    if area.key.scope == "joint":
        parts.append("<i>Reported for these provinces together; not split between them.</i><br>")
    rows = []
    breakdown = area.breakdown
    for item in breakdown[:MAX_POPUP_ROWS]:
        who = e(nationality_name(item.nationality_code)) if item.nationality_code else "Nationality not given"
        extra = f" (of whom {e(item.subcounts)})" if item.subcounts else ""
        rows.append(f"<tr><td>{who}</td><td>{e(item.label)}{extra}</td></tr>")
        if named := item.named_words():
            rows.append(f"<tr><td colspan=2><i>Named without counts: {e(named)}</i></td></tr>")
    if len(breakdown) > MAX_POPUP_ROWS:
        rows.append(f"<tr><td colspan=2>{len(breakdown) - MAX_POPUP_ROWS} more in the breakdown panel</td></tr>")
    parts.append("<table>" + "".join(rows) + "</table>")
    if area.beside:
        parts.append(f"<i>{len(area.beside)} more figure(s) here may count the same people; not added.</i><br>")
    # Short entries (publisher and date, linked); the sources panel has the full citation.
    cited = [r.source for r in area.sources[:MAX_POPUP_ROWS]]
    items = [f"<li>{escape.link(s.url, s.publisher)}{', ' + e(s.date) if s.date else ''}</li>" for s in cited]
    extra = len(area.sources) - MAX_POPUP_ROWS
    more = f"<br>{extra} more in the sources panel" if extra > 0 else ""
    parts.append("<b>Sources</b><ol>" + "".join(items) + "</ol>" + more)
    return "".join(parts)


class _KeyboardAccess(MacroElement):
    """Each province a button for the keyboard and screen readers: focusable, named with its figure, and
    Enter or Space selects it as a click does (the click streamlit-folium reports)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            setTimeout(function () {  // the layer's paths exist once it is on the map, at the end of this script
                var plain = document.createElement("textarea");  // its content is text: nothing in it runs
                function text(escaped) { plain.innerHTML = escaped; return plain.value; }
                {{ this._parent.get_name() }}.eachLayer(function (layer) {
                    var path = layer.getElement && layer.getElement();
                    if (!path) { return; }
                    path.setAttribute("tabindex", "0");
                    path.setAttribute("role", "button");
                    var about = layer.feature.properties;
                    path.setAttribute("aria-label", text(about.name) + ": " + text(about.label));
                    path.addEventListener("keydown", function (event) {
                        if (event.key === "Enter" || event.key === " ") {
                            event.preventDefault();
                            layer.fire("click", {latlng: layer.getBounds().getCenter()}, true);
                        }
                    });
                });
            }, 0);
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "KeyboardAccess"


class _Attribution(MacroElement):
    """Credits in Leaflet's attribution box, which shows even without a tile layer."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
        {% endmacro %}
    """)

    def __init__(self, text: str):
        super().__init__()
        self._name = "Attribution"
        self.text = text

"""The folium map: provinces shaded by people detained, labelled with name and figure.

Built from aggregated areas (never from raw rows), so its size depends on the
number of provinces and joint groups, not on the number of rows. Provinces in a
joint figure are hatched, and the joint figure is drawn across them when it is
chosen, never on one of them; national figures are not drawn on any province.
All data text goes through views.escape.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import folium
import xyzservices
from branca.element import Element, MacroElement
from jinja2 import Template

import i18n
from events.dates import period_label
from events.figures import Area
from events.vocabulary import QUALIFIERS, nationality_display_name, qualifier_label
from geo import boundaries, gazetteer
from geo.areas import AreaKey
from i18n import N_, _, ngettext, number
from views import escape

CENTER = (12.55, 104.95)
# static/leaflet, served at <app>/app/static/; relative to the map's frame at <app>/component/<name>/index.html
ASSETS = "../../app/static/leaflet/"
KHMER_FONT = "../.." + i18n.KHMER_FONT  # the page's Khmer face, relative to the map's frame
MAX_POPUP_ROWS = 4  # popups list this many nationalities and sources; the panels list all


@dataclass(frozen=True)
class Swatch:
    """How a kind of province is drawn. Every border has a contrast of at least 3:1 against white, and the
    styles that are not a number differ by pattern and dashes as well as by colour."""

    label: str  # in English, marked for translation; shown through _
    fill: str  # a colour, or url(#pattern) for one of PATTERNS
    border: str
    dash: str = ""


BACKGROUND = "#e9edf1"  # outside Cambodia: neither white (no figure) nor a shade of the scale
# Sequential bins (ColorBrewer Oranges) by the number a province total reports (about 1,000 is 1,000).
BINS = ((500, "#a63603"), (250, "#e6550d"), (100, "#fd8d3c"), (50, "#fdae6b"), (1, "#fdd0a2"), (0, "#fff5eb"))
BIN_BORDER = "#7f2704"
NO_FIGURE = Swatch(N_("No figure reported"), "#ffffff", "#737373", "2 3")
NUMBER_UNKNOWN = Swatch(N_("Arrests reported, no number"), "url(#crackdown-dots)", "#a63603", "6 3")
JOINT = Swatch(N_("In a figure reported jointly with others"), "url(#crackdown-hatch)", "#6a51a3")
LEGEND = (*(Swatch("", color, BIN_BORDER) for _low, color in BINS), NUMBER_UNKNOWN, JOINT, NO_FIGURE)
# The fills that are patterns, as SVG: dots for a number not given, hatching for a joint figure.
PATTERNS = (
    '<pattern id="crackdown-dots" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.3" fill="#a63603"/></pattern>'
    '<pattern id="crackdown-hatch" width="7" height="7" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="7" height="7" fill="#efedf5"/>'
    '<rect width="2" height="7" fill="#6a51a3"/></pattern>'
)


def qualifier_key() -> str:
    """"≥ at least · > more than · ~ about": each symbol the map uses, in words."""
    return " · ".join(f"{QUALIFIERS[q]} {qualifier_label(q)}" for q in ("at_least", "more_than", "about"))


def bin_label(low: int) -> str:
    """"500+": a bin of the scale by its lowest number."""
    # TRANSLATORS: a step of the map's colour scale: this number of people detained or more ("500+")
    return _("{n}+").format(n=number(low)) if low else number(0)


def fill_for(area: Area) -> Swatch:
    total = area.total
    if not total.known:
        return NUMBER_UNKNOWN
    color = next(color for threshold, color in BINS if total.best >= threshold)  # the last bin starts at 0
    return Swatch("", color, BIN_BORDER)


def build_map(areas: dict[AreaKey, Area], tiles: bool = True, selected: AreaKey | None = None) -> folium.Map:
    """The whole map for a selection: the base map with the selection's layer on it."""
    fmap = base_map(tiles)
    data_layer(areas, selected).add_to(fmap)
    return fmap


def base_map(tiles: bool = True, font_url: str = "") -> folium.Map:
    """What never changes with the selection: its script is the same on every run, so the browser keeps the
    drawn map (and its zoom) while the data layer on it is replaced (streamlit-folium's ``feature_group_to_add``).
    ``font_url``: the page's own font, so the map's text matches the page."""
    # fractional zoom: the country fills a phone's frame as well as a desktop's
    fmap = folium.Map(location=CENTER, zoom_start=7, min_zoom=6, max_zoom=11, tiles=None, zoom_snap=0.25,
                      control_scale=True, prefer_canvas=False)
    # Only Leaflet, from the app itself: no CDN is asked, so none can blank the map or learn who reads it.
    fmap.default_js = [("leaflet", ASSETS + "leaflet.js")]
    fmap.default_css = [("leaflet_css", ASSETS + "leaflet.css")]
    if tiles:
        # the provider itself, not its name: looking a name up among xyzservices' providers costs a rerun 12 ms
        folium.TileLayer(xyzservices.providers.OpenStreetMap.Mapnik, name=_("Street map (needs internet)"),
                         overlay=True, show=False).add_to(fmap)
        folium.LayerControl(collapsed=True).add_to(fmap)
    _Attribution(_(boundaries.ATTRIBUTION)).add_to(fmap)
    _Behaviour(font_url).add_to(fmap)
    # room below the country for the key, so it covers no province when the frame is tall enough
    fmap.fit_bounds([[10.4, 102.3], [14.7, 107.7]], padding_top_left=(8, 8), padding_bottom_right=(8, 130))
    return fmap


def data_layer(areas: dict[AreaKey, Area], selected: AreaKey | None = None) -> folium.FeatureGroup:
    """The selection: provinces shaded by the people detained, labelled with name and figure; the chosen area
    outlined, and drawn across its provinces when it is a joint figure."""
    layer = folium.FeatureGroup(name="Figures", control=False)
    joint = sorted((a for a in areas.values() if a.key.scope == "joint"), key=lambda a: (-a.total.best, a.key.text))
    _province_layer(areas, joint, selected).add_to(layer)
    provinces = [a for a in areas.values() if a.key.scope == "province"]
    largest = max((a.total.best for a in areas.values() if a.key.codes), default=0)
    for area in sorted(provinces, key=lambda a: a.key.text):
        if area.key.codes[0] in boundaries.DRAWN_WITHIN:
            _undrawn_marker(area, largest).add_to(layer)
    chosen = areas.get(selected) if selected is not None else None
    if chosen is not None and chosen.key.scope == "joint":
        for element in _joint_markers(chosen, largest):
            element.add_to(layer)
    _Labels([_label(area) for area in provinces]).add_to(layer)
    return layer


def _label(area: Area) -> dict:
    """Name and figure on the map; the largest figures win where labels would collide."""
    total = area.total
    figure = total.label() if total.known else _number_not_given()
    latitude, longitude = boundaries.anchors()[area.key.codes[0]]
    return {"lat": latitude, "lng": longitude, "rank": -total.best,
            "html": f"<b>{escape.text(area.key.display_name)}</b><br>{escape.text(figure)}"}


def _number_not_given() -> str:
    # TRANSLATORS: under a province's name on the map: arrests were reported there without a number
    return _("number not given")


def _province_layer(areas: dict[AreaKey, Area], joint: list[Area], selected: AreaKey | None) -> folium.GeoJson:
    collection = json.loads(boundaries.geojson_text())
    popups: dict[AreaKey, str] = {}
    joint_of: dict[str, Area] = {}
    for area in joint:  # the largest joint figure a province is in names it
        for code in area.key.codes:
            joint_of.setdefault(code, area)
    chosen = {boundaries.DRAWN_WITHIN.get(c, c) for c in selected.codes} if selected is not None else set()
    styles = {}
    for feature in collection["features"]:
        code = feature["properties"]["code"]
        feature["id"] = code
        own = areas.get(AreaKey((code,)))
        feature["properties"], swatch = _province_properties(code, own, joint_of.get(code), popups)
        style = {**_style(swatch), "className": f"province province-{code}"}
        if code in chosen:
            style.update(weight=3, color="#000000", dashArray=None)
        styles[code] = style
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
    key = AreaKey((code,))
    name = key.display_name
    drawn_inside = [c for c, parent in boundaries.DRAWN_WITHIN.items() if parent == code]
    if drawn_inside:
        # TRANSLATORS: after a province's name on the map, when its boundary is drawn with another's inside it
        name = _("{province} (boundary includes {others})").format(
            province=name, others=AreaKey(tuple(drawn_inside)).display_name)
    if area is not None:
        swatch, label = fill_for(area), _where(area) + area_label(area)
        if joint is not None:
            # TRANSLATORS: a province's own figure, then the joint figure it is also part of
            label = _("{label}; also in a figure reported jointly with {others}").format(
                label=label, others=joint.key.without(code).display_name)
        popup = popups.setdefault(area.key, area_popup(area))
    elif joint is not None:
        swatch = JOINT
        label = _("Reported jointly with {others}: {label}").format(others=joint.key.without(code).display_name,
                                                                     label=area_label(joint))
        popup = popups.get(joint.key) or popups.setdefault(joint.key, area_popup(joint))
    else:
        swatch, label, popup = NO_FIGURE, _("No figure reported in this selection"), ""
    properties = {"code": code, "name": escape.text(name), "name_km": escape.text(key.other_name),
                  "label": escape.text(label), "popup": popup or escape.text(label)}
    return properties, swatch


def _style(swatch: Swatch) -> dict:
    return {"fillColor": swatch.fill, "fillOpacity": 0.85, "color": swatch.border, "weight": 1,
            "dashArray": swatch.dash or None}


def _where(area: Area) -> str:
    # TRANSLATORS: the towns a province's figures name, before the figure: "Poipet: 312 detained, ..."
    return _("{towns}: ").format(towns=", ".join(area.towns)) if area.towns else ""


def area_label(area: Area) -> str:
    """"312 detained, 14–16 Jul 2025", with how the total was obtained when it is a sum."""
    total, period = area.total, period_label(*area.period)
    if not total.known:
        # TRANSLATORS: a province on the map: arrests were reported without a number, over a period
        return _("arrests reported, number not given, {period}").format(period=period)
    if not area.total_is_reported:
        # TRANSLATORS: {total} is a number with its qualifier ("≥312"); the sum of the province's figures
        return _("{total} detained (sum of partial figures; no total reported), {period}").format(
            total=total.label(), period=period)
    # TRANSLATORS: {total} is a number with its qualifier ("≥312"), {period} a period ("14 – 16 Jul 2025")
    return _("{total} detained, {period}").format(total=total.label(), period=period)


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


def _undrawn_marker(area: Area, largest: int) -> folium.CircleMarker:
    """A province without its own polygon: a bubble sized by count stands for it, with its tooltip and popup."""
    label = f"{area.key.display_name}: {_where(area)}{area_label(area)}"
    return folium.CircleMarker(
        location=_marker_location(area), radius=_radius(area, largest),
        color=BIN_BORDER, weight=1.5, fill=True, fill_color=fill_for(area).fill, fill_opacity=0.9,
        dash_array="4 3", tooltip=folium.Tooltip(escape.text(label)),
        popup=folium.Popup(area_popup(area), max_width=360),
    )


def _passive(marker: folium.CircleMarker) -> folium.CircleMarker:
    """Let hover and click reach the province underneath (folium 0.20 drops ``interactive``)."""
    marker.options["interactive"] = False
    return marker


def _joint_markers(area: Area, largest: int) -> list:
    """Rings on each province concerned, linked by a line that carries the joint figure."""
    points = [boundaries.anchors()[c] for c in area.key.codes]
    # TRANSLATORS: the line joining the provinces of a joint figure on the map
    tooltip = _("{provinces}, reported together: {label}").format(provinces=area.key.display_name,
                                                                   label=area_label(area))
    elements = [folium.PolyLine(points, color=JOINT.border, weight=3, dash_array="6 6",
                                tooltip=folium.Tooltip(escape.text(tooltip)))]
    elements += [_passive(folium.CircleMarker(location=point, radius=_radius(area, largest), color=JOINT.border,
                                              weight=2, dash_array="6 3", fill=True, fill_color="#efedf5",
                                              fill_opacity=0.6))
                 for point in points]
    return elements


def area_popup(area: Area) -> str:
    """HTML for a popup: the breakdown and the sources behind it, every data text escaped."""
    e = escape.text
    parts = [f"<b>{e(area.key.display_name)}</b> {e(area.key.other_name)}<br>", f"{e(area_label(area))}<br>"]
    if area.key.scope == "joint":
        joint = _("Reported for these provinces together; not split between them.")
        parts.append(f"<i>{e(joint)}</i><br>")
    rows = []
    breakdown = area.breakdown
    for item in breakdown[:MAX_POPUP_ROWS]:
        who = nationality_display_name(item.nationality_code) if item.nationality_code else _nationality_not_given()
        # TRANSLATORS: after a count in the map's popup: "(of whom 45 women)"
        extra = " " + _("(of whom {subcounts})").format(subcounts=item.subcounts) if item.subcounts else ""
        rows.append(f"<tr><td>{e(who)}</td><td>{e(item.label + extra)}</td></tr>")
        if named := item.named_words():
            named = _("Named without counts: {names}").format(names=named)
            rows.append(f"<tr><td colspan=2><i>{e(named)}</i></td></tr>")
    if len(breakdown) > MAX_POPUP_ROWS:
        more = _("{n} more in the breakdown panel").format(n=number(len(breakdown) - MAX_POPUP_ROWS))
        rows.append(f"<tr><td colspan=2>{e(more)}</td></tr>")
    parts.append("<table>" + "".join(rows) + "</table>")
    if area.beside:
        beside = ngettext("{n} more figure here may count the same people; not added.",
                          "{n} more figures here may count the same people; not added.",
                          len(area.beside)).format(n=number(len(area.beside)))
        parts.append(f"<i>{e(beside)}</i><br>")
    # Short entries (publisher and date, linked); the sources panel has the full citation.
    cited = [r.source for r in area.sources[:MAX_POPUP_ROWS]]
    items = [f"<li>{escape.link(s.url, s.publisher)}{', ' + e(s.date) if s.date else ''}</li>" for s in cited]
    extra = len(area.sources) - MAX_POPUP_ROWS
    more = _("{n} more in the sources panel").format(n=number(extra))
    heading = _("Sources")
    parts.append(f"<b>{e(heading)}</b><ol>" + "".join(items) + "</ol>" + (f"<br>{e(more)}" if extra > 0 else ""))
    return "".join(parts)


def _nationality_not_given() -> str:
    # TRANSLATORS: a row of a breakdown: the people whose nationality the sources do not give
    return _("Nationality not given")


class _AsRendered(Element):
    """A part of the page placed as it was rendered."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class _OwnElement(MacroElement):
    """This map's own elements: their rendered parts go into the page as they are. branca would compile each
    part as a Jinja template again (a fifth of a warm rerun for the base map's behaviour) and run any template
    syntax in it."""

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        macros = self._template.module.__dict__
        for part, place in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            if part in macros:
                place.add_child(_AsRendered(macros[part](self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


class _KeyboardAccess(_OwnElement):
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


class _Attribution(_OwnElement):
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


class _Labels(_OwnElement):
    """Province labels: text markers that take no clicks (the province under them does)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            {{ this.labels|tojson }}.forEach(function (label) {
                L.marker([label.lat, label.lng], {
                    icon: L.divIcon({className: "map-label", html: "<span>" + label.html + "</span>",
                                     iconSize: null}),
                    interactive: false, keyboard: false, rank: label.rank
                }).addTo({{ this._parent.get_name() }});
            });
        {% endmacro %}
    """)

    def __init__(self, labels: list[dict]):
        super().__init__()
        self._name = "Labels"
        self.labels = labels


def legend_html() -> str:
    """The key, drawn in the map with the same fills and borders (so a screenshot of the map carries it): the
    scale in one row, then the styles that are not a number."""

    def swatch(s: Swatch, width: int) -> str:
        return (f'<svg width="{width}" height="14" aria-hidden="true"><rect x="1" y="1" width="{width - 2}" '
                f'height="12" fill="{s.fill}" stroke="{s.border}" stroke-width="1.5" stroke-dasharray="{s.dash}"/>'
                f"</svg>")

    bins = zip(LEGEND[:len(BINS)], (low for low, _color in BINS), strict=True)
    scale = "".join(f"<span>{swatch(s, 30)}{escape.text(bin_label(low))}</span>" for s, low in reversed(list(bins)))
    others = "".join(f"<li>{swatch(s, 18)}{escape.text(_(s.label))}</li>" for s in LEGEND[len(BINS):])
    title = escape.text(_("People detained, as reported"))
    return (f'<details open><summary>{title}</summary><div class="scale">{scale}</div>'
            f"<ul>{others}</ul><p>{escape.text(qualifier_key())}</p></details>")


class _Behaviour(_OwnElement):
    """What the map does, the same on every run: its font and colours, the fill patterns, the key, labels that
    never collide (the largest figure wins, and more show as one zooms in) and tooltips kept inside the frame."""

    _template = Template("""
        {% macro header(this, kwargs) %}
            <style>
                {% if this.font_url %}
                @font-face { font-family: "Source Sans"; src: url({{ this.font_url|tojson }}) format("woff2");
                             font-weight: 200 900; font-display: swap; }
                {% endif %}
                @font-face { font-family: "Noto Sans Khmer"; src: url({{ this.khmer_font|tojson }}) format("woff2");
                             font-weight: 400 700; font-display: swap; unicode-range: {{ this.khmer_range }}; }
                .leaflet-container { background: {{ this.background }};
                                     font: 14px/1.35 "Source Sans", "Source Sans Pro", "Noto Sans Khmer", sans-serif; }
                .leaflet-tooltip { white-space: normal; width: max-content; max-width: 260px; font-size: 14px; }
                .map-label span { position: absolute; transform: translate(-50%, -50%); white-space: nowrap;
                                  text-align: center; font-size: 13px; line-height: 1.15; color: #1a1a1a;
                                  text-shadow: 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff; pointer-events: none; }
                .map-key { background: #ffffff; color: #1a1a1a; padding: 4px 8px; border-radius: 4px;
                           box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); font-size: 13px; line-height: 1.25; }
                .map-key summary { font-weight: 600; cursor: pointer; }
                .map-key .scale { display: flex; gap: 2px; margin-top: 3px; }
                .map-key .scale span { display: flex; flex-direction: column; align-items: center; }
                .map-key ul { list-style: none; margin: 3px 0 0; padding: 0; }
                .map-key li { display: flex; align-items: center; gap: 5px; margin: 1px 0; }
                .map-key p { margin: 3px 0 0; }
            </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
            <svg width="0" height="0" style="position: absolute" aria-hidden="true">
                <defs>{{ this.patterns }}</defs>
            </svg>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            (function (map) {
                // folium's page forbids pinch-zoom, which a reader with low vision needs
                document.querySelectorAll('meta[name="viewport"]').forEach(function (viewport) {
                    viewport.setAttribute("content", "width=device-width, initial-scale=1");
                });
                var key = L.control({position: "bottomright"});
                key.onAdd = function () {
                    var box = L.DomUtil.create("div", "map-key");
                    box.innerHTML = {{ this.legend|tojson }};
                    if (map.getSize().x < 480) { box.firstChild.removeAttribute("open"); }
                    L.DomEvent.disableClickPropagation(box);
                    return box;
                };
                key.addTo(map);

                function overlaps(a, b) {
                    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                }
                function declutter() {  // the largest figures first; a label that would touch a shown one hides
                    var labels = [];
                    map.eachLayer(function (layer) {
                        if (layer.options && layer.options.rank !== undefined && layer.getElement()) {
                            labels.push(layer);
                        }
                    });
                    labels.sort(function (a, b) { return a.options.rank - b.options.rank; });
                    var shown = [];  // the key and the buttons are obstacles too
                    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (control) {
                        shown.push(control.getBoundingClientRect());
                    });
                    labels.forEach(function (layer) {
                        var text = layer.getElement().firstChild;
                        text.style.visibility = "visible";
                        var box = text.getBoundingClientRect();
                        var padded = {left: box.left - 2, right: box.right + 2,
                                      top: box.top - 1, bottom: box.bottom + 1};
                        if (shown.some(function (other) { return overlaps(padded, other); })) {
                            text.style.visibility = "hidden";
                        } else {
                            shown.push(padded);
                        }
                    });
                }
                var pending = null;
                function later() { clearTimeout(pending); pending = setTimeout(declutter, 0); }
                map.on("zoomend moveend layeradd", later);
                if (document.fonts) { document.fonts.ready.then(later); }  // text is measured in its own font

                var place = L.Tooltip.prototype._setPosition;  // keep tooltips inside the frame
                L.Tooltip.prototype._setPosition = function (position) {
                    place.call(this, position);
                    var box = this._container.getBoundingClientRect();
                    var frame = this._map.getContainer().getBoundingClientRect();
                    var dx = box.left < frame.left ? frame.left - box.left : Math.min(0, frame.right - box.right);
                    var dy = box.top < frame.top ? frame.top - box.top : Math.min(0, frame.bottom - box.bottom);
                    if (dx || dy) {
                        L.DomUtil.setPosition(this._container, L.DomUtil.getPosition(this._container).add([dx, dy]));
                    }
                };
            })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, font_url: str):
        super().__init__()
        self._name = "Behaviour"
        self.font_url = font_url
        self.khmer_font, self.khmer_range = KHMER_FONT, i18n.KHMER_RANGE
        self.background = BACKGROUND
        self.patterns = PATTERNS
        self.legend = legend_html()

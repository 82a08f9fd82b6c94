"""The generated map: what it shows, that hostile text stays text, determinism and size."""

import re

import pytest
from streamlit_folium import _get_html, _get_map_string, generate_js_hash

from bench import synthetic
from events import figures
from events.loading import parse_events
from tests.conftest import ROOT, parse, row
from views import escape
from views.map import (
    BACKGROUND,
    BINS,
    JOINT,
    LEGEND,
    NO_FIGURE,
    NUMBER_UNKNOWN,
    PATTERNS,
    _Attribution,
    base_map,
    bin_label,
    build_map,
    legend_html,
)

HOSTILE = {
    "img": "<img src=x onerror=alert(1)>",
    "template": "${alert(document.domain)}",
    "backtick": "`);alert(2);(`",
    "script": "</script><script>alert(3)</script>",
    "backslash": "\\u0061lert\\",
    "quote": "\" onmouseover=\"alert(4)",
    "jinja": "{{ 7*7 }}{% if 1 %}ran{% endif %}",  # folium renders each script through Jinja again
}


def map_script(areas, **kwargs) -> str:
    """The script st_folium 0.27 sends to the browser, produced by the same steps."""
    fmap = build_map(areas, **kwargs)
    fmap.get_root().render()
    fmap.render()
    _get_html(fmap)
    return _get_map_string(fmap)


def decoded(script: str) -> str:
    """The script with JSON's \\uXXXX escapes resolved: the strings as JavaScript sees them."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), script)


def test_seed_map_shows_provinces_and_figures(seed_areas):
    script = decoded(map_script(seed_areas))
    assert "Kratie" in script and "ក្រចេះ" in script
    assert "312 detained" in script
    assert "≥270 detained (sum of partial figures; no total reported)" in script
    assert "Poipet" in script
    assert "Reported jointly with Preah Sihanouk" in script
    assert "Natural Earth" in script
    # markers are text labels: a default marker icon would need the internet
    assert script.count("L.marker(") == 1 and "L.divIcon(" in script and "L.icon(" not in script


def test_no_figure_is_distinct_from_a_figure_and_from_joint(seed_areas):
    script = map_script(seed_areas)
    styles = dict(re.findall(r'case "(KH-\d+)":[^\n]*\n\s*return (\{[^}]*\})', script))
    kratie, battambang = styles.get("KH-10", ""), script.split("default:")[1][:200]
    assert NO_FIGURE.fill in battambang and NO_FIGURE.fill not in kratie
    assert JOINT.fill in script


def test_a_national_figure_is_not_drawn_on_any_province():
    areas = figures.areas(figures.collect(parse([row(area="Cambodia", count="1000", qualifier="more_than")]).events))
    script = map_script(areas)
    assert "1,000" not in script


def hostile_map(text: str) -> str:
    rows = [row(id="a", source_publisher=text, source_title=text, claimant=text,
                source_url="https://example.org/" + text.replace(" ", "")),
            row(id="b", area="Pursat", source_publisher=text, source_title=text, claimant=text,
                source_url="https://example.org/x")]
    result = parse(rows)
    assert len(result.events) == 2, result.problems
    return map_script(figures.areas(figures.collect(result.events)))


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_is_escaped_in_tooltips_and_popups(name):
    text = HOSTILE[name]
    script, raw = decoded(hostile_map(text)), hostile_map(text)
    benign = decoded(hostile_map("plain words"))
    assert text not in script and text not in raw
    assert escape.text(text) in script  # shown, as literal text
    # nothing from the data adds a template-literal delimiter or interpolation
    assert script.count("`") == benign.count("`")
    assert script.count("${") == benign.count("${")
    assert script.count("<script") == benign.count("<script")


def test_links_only_for_http_addresses():
    assert escape.link("javascript:alert(1)", "x") == "x"
    assert escape.link("data:text/html,<b>", "y") == "y"
    assert escape.link("https://example.org/a?b=1&c=2", "t").startswith('<a href="https://example.org/a?b=1&amp;c=2"')


def test_same_data_gives_the_same_map_key(seed_areas, seed_result):
    areas = seed_areas
    first, second = map_script(areas), map_script(areas)
    assert generate_js_hash(first) == generate_js_hash(second)
    fewer = figures.areas(figures.collect(seed_result.events.query("area_key != 'KH-10'")))
    assert generate_js_hash(first) != generate_js_hash(map_script(fewer))


def test_payload_stays_small_for_many_rows(seed_areas):
    seed = len(map_script(seed_areas).encode())
    result = parse_events(synthetic.csv_text(20_000).encode())
    assert result.problems == ()
    big = len(map_script(figures.areas(figures.collect(result.events))).encode())
    assert seed < 150_000 and big < 150_000, (seed, big)


def test_map_works_without_tiles(seed_areas):
    script = map_script(seed_areas, tiles=False)
    assert "tileLayer" not in script
    assert "geo_json" in script


def test_the_map_asks_no_other_site_for_its_scripts_or_styles(seed_areas):
    fmap = build_map(seed_areas)
    html = fmap.get_root().render()
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets and all(not a.startswith(("http:", "https:", "//")) for a in assets), assets
    assert {a.rsplit("/", 1)[-1] for a in assets} == {"leaflet.js", "leaflet.css"}
    assert all((ROOT / "static" / "leaflet" / a.rsplit("/", 1)[-1]).exists() for a in assets)


def luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_helper_matches_wcag_examples():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("swatch", LEGEND, ids=lambda s: s.label or s.fill)
def test_every_swatch_is_outlined_at_3_to_1_on_the_key_and_on_the_map(swatch):
    assert contrast(swatch.border, "#ffffff") >= 3  # the key's background
    assert contrast(swatch.border, BACKGROUND) >= 3  # the map's, outside Cambodia


def test_styles_that_are_not_a_number_differ_without_colour():
    """A reader who cannot tell the colours apart still can tell them by pattern and dashes."""
    def form(swatch):
        return (swatch.fill if swatch.fill.startswith("url(") else "plain", swatch.dash)
    kinds = [form(s) for s in (NUMBER_UNKNOWN, JOINT, NO_FIGURE)]
    bins = {form(s) for s in LEGEND[:len(BINS)]}
    assert len(set(kinds)) == 3 and not set(kinds) & bins
    for swatch in (NUMBER_UNKNOWN, JOINT):
        assert f'id="{swatch.fill[5:-1]}"' in PATTERNS  # the pattern it names exists


def test_the_key_is_drawn_in_the_map_with_the_maps_own_styles(seed_areas):
    script, key = decoded(map_script(seed_areas)), legend_html()
    assert all(f'fill="{s.fill}"' in key for s in LEGEND)
    assert all(escape.text(s.label) in key for s in LEGEND[len(BINS):])
    assert [bin_label(low) for low, _ in BINS] == ["500+", "250+", "100+", "50+", "1+", "0"]
    assert all(bin_label(low) in key for low, _ in BINS)
    assert escape.text("≥ at least · > more than · ~ about") in key
    fmap = build_map(seed_areas)
    assert PATTERNS in fmap.get_root().render()  # the patterns the key and the provinces use are defined
    assert "map-key" in script


def test_labels_carry_each_province_figure_with_its_qualifier(seed_areas):
    script = decoded(map_script(seed_areas))
    labels = dict(re.findall(r'"html": "<b>([^<]+)</b><br>([^"]+)"', script))
    assert labels["Kratie"] == "312" and labels["Banteay Meanchey"] == "≥270"
    assert "Battambang" not in labels  # no figure, no label
    assert set(labels) == {a.key.name for a in seed_areas.values() if a.key.scope == "province"}


def test_a_joint_figure_is_drawn_across_its_provinces_only_when_chosen(seed_areas):
    joint = next(key for key in seed_areas if key.scope == "joint")
    chosen = map_script(seed_areas, selected=joint)
    assert chosen.count("L.polyline(") == 1 and map_script(seed_areas).count("L.polyline(") == 0


def test_the_maps_own_elements_are_placed_as_rendered_not_run_as_templates_again():
    """branca would compile each rendered part as a template again: template syntax in it would run."""
    fmap = base_map(tiles=False)
    _Attribution("{{ 7*7 }}{% if 1 %}ran{% endif %}").add_to(fmap)
    html = fmap.get_root().render()
    assert '"{{ 7*7 }}{% if 1 %}ran{% endif %}"' in html and '"49ran"' not in html

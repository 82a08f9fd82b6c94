"""The card on the record: every place with a figure, in every format, legible, complete, Khmer shaped."""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

import i18n
from events import figures
from events.loading import DataVersion, load_events
from geo.areas import AreaKey
from tests.conftest import RECORD_CSV, parse, row
from views import card_image
from views.card import card_content, card_png, card_svg, file_name, layout, publisher_name
from views.card_image import FORMATS, Text, font, width_of

KHMER = re.compile("[\u1780-\u17ff]")
ALL_OUTLETS = 20  # a card names up to this many outlets in every format; more, and it names what fits
VERSION = DataVersion("49ffbfdaead1", "2026-03-14")
LINK = "https://crackdown-map.example/?nationality=Indonesia&province=Kratie&view=card"


@pytest.fixture(scope="module")
def cards():
    areas = figures.areas(figures.collect(load_events(RECORD_CSV).events))
    shown = [a for a in areas.values() if a.key.scope in ("province", "joint")]
    assert len(shown) >= 10
    return [card_content(a, "2026-03-14", VERSION, LINK) for a in shown]


def texts(ops) -> list[Text]:
    return [op for op in ops if isinstance(op, Text)]


def box(op: Text) -> tuple[float, float, float, float]:
    return op.x, op.y, op.x + width_of(op.text, op.size, op.bold), op.y + op.height


@pytest.mark.parametrize("format_name", FORMATS)
def test_every_card_is_legible_and_keeps_what_it_must(cards, format_name):
    width, height = FORMATS[format_name]
    smallest = card_image.MIN_TEXT * width / card_image.DISPLAY_WIDTH
    for content in cards:
        ops, left_out = layout(content, format_name)
        lines = texts(ops)
        assert min(op.size for op in lines) >= smallest, content.place  # 14 px high at 600 px wide
        for op in lines:
            left, top, right, bottom = box(op)
            assert left >= 0 and right <= width and top >= 0 and bottom <= height, (content.place, op.text)
            assert card_image.drawable(op.text), op.text  # no empty boxes for missing glyphs
        boxes = sorted(box(op) for op in lines)
        for i, a in enumerate(boxes):  # no text drawn over another
            for b in boxes[i + 1:]:
                assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1), \
                    (content.place, format_name)
        said = " ".join(op.text for op in lines)
        joined = "".join(op.text for op in lines)
        for kept in (content.place, content.place_other, content.figure, content.period, "Not independently verified",
                     f"version {VERSION.digest}"):  # which data it comes from
            assert kept in said, (content.place, kept)
        assert LINK.removeprefix("https://") in joined.replace(" ", "")  # the link back, whole (it may wrap)
        names = list(dict.fromkeys(publisher_name(s.publisher) for s in content.sources))
        if "every source" in left_out:  # more outlets than room: the first named, the count of the rest given
            listed = re.search(r"Sources: (.+?) and (\d+) more\.", said)
            assert listed and listed[1].startswith(names[0]), (content.place, format_name)
            assert len(names) > ALL_OUTLETS, (content.place, format_name, len(names))
        else:
            assert all(name in said for name in names), (content.place, format_name)
        assert ("At the link:" in said) == bool(left_out)


@pytest.mark.parametrize("format_name", FORMATS)
def test_a_card_with_more_outlets_than_room_names_what_fits_and_says_the_rest_is_at_the_link(format_name):
    rows = [row(id=f"r{i}", count="312", source_url=f"https://example.org/{i}",
                source_publisher=f"Outlet number {i} of the wider regional press", same_figure_as="r0" if i else "")
            for i in range(60)]
    result = parse(rows)
    assert result.problems == (), result.problems
    [area] = [a for a in figures.areas(figures.collect(result.events)).values() if a.key.scope == "province"]
    ops, left_out = layout(card_content(area, "2025-07-20", VERSION, LINK), format_name)
    said = " ".join(op.text for op in texts(ops))
    assert "every source" in left_out and "At the link:" in said
    assert "Outlet number 0 of the wider regional press" in said and "more." in said
    assert not any(f"Outlet number {i} " in said for i in range(40, 60))


def test_qualifiers_are_in_words_on_the_card_whatever_the_rows_say():
    """Its fonts have no "≥": every number on the card, sub-counts and disputed versions too, is in words."""
    result = parse([row(id="all", count="312"),
                    row(id="women", count="45", qualifier="at_least", sex="female", part_of="all"),
                    row(id="women-2", count="50", qualifier="more_than", sex="female", part_of="all",
                        same_figure_as="women", source_url="https://example.org/b", source_publisher="Other")])
    assert result.problems == (), result.problems
    [area] = [a for a in figures.areas(figures.collect(result.events)).values() if a.key.scope == "province"]
    content = card_content(area, "2025-07-20", VERSION, LINK)
    assert "at least 45 / more than 50 women" in content.bars[0].label
    for format_name in FORMATS:
        assert all(card_image.drawable(op.text) for op in texts(layout(content, format_name)[0]))


def test_the_png_is_exactly_each_format(cards):
    for format_name, size in FORMATS.items():
        assert Image.open(io.BytesIO(card_png(cards[0], format_name))).size == size


def pixels(image: Image.Image) -> np.ndarray:
    return np.asarray(image.convert("L"), dtype=float)


def test_khmer_names_are_drawn_shaped(cards):
    """Each card's Khmer name, cut out of the PNG, is the string as HarfBuzz shapes it (via libraqm) at the
    same font and size, and measurably not the unshaped string (so this test can fail)."""
    differs = 0
    for content in cards:
        ops, _ = layout(content, "landscape")
        name = next(op for op in texts(ops) if op.text and op.text in content.place_other)  # its first line
        drawn = Image.open(io.BytesIO(card_png(content, "landscape")))
        area = (round(name.x), round(name.y), round(name.x + width_of(name.text, name.size) + 4),
                round(name.y + name.height))
        cut = pixels(drawn.crop(area))

        def reference(layout_engine) -> np.ndarray:
            canvas = Image.new("RGB", (area[2] - area[0], area[3] - area[1]), "white")
            shaped = ImageFont.truetype(str(card_image.FONT_FILES["khmer"]), name.size, layout_engine=layout_engine)
            shaped.set_variation_by_name("Regular")
            ImageDraw.Draw(canvas).text((name.x - area[0], name.size), name.text, font=shaped, fill=name.color,
                                        anchor="ls")
            return pixels(canvas)

        assert np.abs(cut - reference(ImageFont.Layout.RAQM)).mean() < 0.5, content.place
        assert (cut < 128).sum() > 50  # something was drawn
        if any(c in name.text for c in "\u17d2\u17c1\u17c2\u17c3\u17c4\u17c5"):  # subscripts, pre-base vowels
            assert np.abs(cut - reference(ImageFont.Layout.BASIC)).mean() > 2, content.place
            differs += 1
    assert differs >= 5  # Kratie (ក្រចេះ) among them


def test_file_names_carry_the_place_and_the_period(cards):
    kratie = next(c for c in cards if c.place == "Kratie")
    assert file_name(kratie, "square", "png") == "crackdown-map_kratie_14-16-jul-2025_square.png"


def test_a_scripts_own_punctuation_is_set_in_its_font():
    """The Khmer full stop after a Latin name is drawn by the Khmer font (the Latin one has no glyph for it)."""
    assert card_image.runs("Kangnam Times។ ក្រចេះ, Kratie") == [
        ("latin", "Kangnam Times"), ("khmer", "។ ក្រចេះ, "), ("latin", "Kratie")]
    for script, part in card_image.runs("ប្រភព: VOD; Khmer Times។"):
        assert all(ord(c) in card_image._coverage(script) or c.isspace() for c in part), (script, part)


def test_fonts_cover_the_cards_scripts():
    assert card_image.drawable("Kratie ក្រចេះ Việt Nam ประเทศไทย “at least” · –")
    assert not card_image.drawable("柬埔寨")  # Chinese titles are left to the page behind the link
    assert font("khmer", 30).getlength("ក្រចេះ") > 0


def test_hostile_text_stays_text_in_the_svg():
    text = '<script>alert(1)</script>" onload="alert(2)'
    result = parse([row(source_publisher=text, source_title=text, claimant=text)])
    [area] = figures.areas(figures.collect(result.events)).values()
    content = card_content(area, "2025-07-20", VERSION, LINK)
    svg = ElementTree.fromstring(card_svg(content, "portrait"))  # well-formed, whatever the data says
    elements = list(svg.iter())
    assert {e.tag.split("}")[1] for e in elements} == {"svg", "rect", "text"}
    assert not [name for e in elements for name in e.attrib if name.startswith("on")]
    assert text in svg.get("aria-label")  # shown as written, as text


@pytest.fixture(scope="module")
def khmer_kratie():
    areas = figures.areas(figures.collect(load_events(RECORD_CSV).events))
    with i18n.use("km"):
        return card_content(areas[AreaKey(("KH-10",))], "2026-03-14", VERSION, LINK + "&lang=km")


def _as_harfbuzz_draws_it(ops: list, size: tuple[int, int], khmer_engine) -> Image.Image:
    """The card's text drawn run by run with fonts loaded here, Khmer runs laid out by ``khmer_engine``."""
    canvas = Image.new("RGB", size, "white")
    for op in texts(ops):
        x = op.x
        for script, part in card_image.runs(op.text):
            engine = khmer_engine if script == "khmer" else ImageFont.Layout.RAQM
            loaded = ImageFont.truetype(str(card_image.FONT_FILES[script]), op.size, layout_engine=engine)
            loaded.set_variation_by_name("Bold" if op.bold else "Regular")
            ImageDraw.Draw(canvas).text((x, op.y + op.size), part, font=loaded, fill=op.color, anchor="ls")
            x += width_of(part, op.size, op.bold)
    return canvas


@pytest.mark.parametrize("format_name", FORMATS)
def test_the_khmer_card_is_in_khmer_and_every_khmer_line_is_shaped(khmer_kratie, format_name):
    """Its words are Khmer (not only the place), and each line with Khmer in it, cut out of the PNG, is what
    HarfBuzz draws and measurably not the unshaped text."""
    ops, _ = layout(khmer_kratie, format_name)
    lines = [op for op in texts(ops) if KHMER.search(op.text)]
    assert len(KHMER.findall(" ".join(op.text for op in lines))) > 150  # the card's words, not just a name
    assert khmer_kratie.place == "ក្រចេះ" and khmer_kratie.place_other == "Kratie"
    assert file_name(khmer_kratie, format_name, "png").isascii()
    drawn = Image.open(io.BytesIO(card_png(khmer_kratie, format_name)))
    shaped, unshaped = (_as_harfbuzz_draws_it(ops, FORMATS[format_name], engine)
                        for engine in (ImageFont.Layout.RAQM, ImageFont.Layout.BASIC))
    unshaped_differs = 0
    for op in lines:
        area = (max(round(op.x) - 2, 0), round(op.y), min(round(op.x + width_of(op.text, op.size, op.bold)) + 4,
                                                          drawn.width), round(op.y + op.height))
        cut = pixels(drawn.crop(area))
        assert (cut < 128).sum() > 50, op.text  # something was drawn
        assert np.abs(cut - pixels(shaped.crop(area))).mean() < 0.5, op.text
        unshaped_differs += np.abs(cut - pixels(unshaped.crop(area))).mean() > 2
    assert unshaped_differs >= len(lines) // 2  # most Khmer lines have a subscript or a pre-base vowel

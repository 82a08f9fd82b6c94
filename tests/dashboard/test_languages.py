"""The page in Khmer and English: its own texts in the language asked for, the language kept in the URL
through every change, and the data's own text left as the sources wrote it."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SEED_CSV
from views.address import language

APP = str(ROOT / "app.py")
KHMER = re.compile("[\u1780-\u17ff]")


@pytest.fixture
def page(monkeypatch):
    monkeypatch.setenv("EVENTS_CSV", str(SEED_CSV))

    def run(**params) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at
    return run


def interface_texts(at: AppTest) -> list[str]:
    """The page's own texts: titles, headers, section labels, widget and button labels."""
    texts = [e.value for kind in ("title", "header", "subheader") for e in at.get(kind)]
    texts += [e.label for e in at.expander]
    for kind in ("button", "download_button", "multiselect", "slider", "date_input", "button_group", "selectbox"):
        texts += [e.proto.label for e in at.get(kind) if e.proto.label]
    return texts


def khmer_share(texts: list[str]) -> float:
    return sum(bool(KHMER.search(t)) for t in texts) / len(texts)


def test_the_khmer_page_writes_its_own_texts_in_khmer(page):
    at = page(lang="km")
    texts = interface_texts(at)
    assert len(texts) >= 12
    assert khmer_share(texts) >= 0.9, [t for t in texts if not KHMER.search(t)]


def test_the_english_page_has_khmer_only_in_names(page):
    texts = interface_texts(page(lang="en"))
    assert khmer_share(texts) < 0.2, [t for t in texts if KHMER.search(t)]


def test_a_province_breakdown_and_card_are_khmer_too(page):
    at = page(lang="km", province="Kratie")
    assert any(s.value.startswith("ក្រចេះ") for s in at.subheader)  # the Khmer name first, then the English
    assert khmer_share(interface_texts(at)) >= 0.9
    card = page(lang="km", province="Kratie", view="card")
    [image] = card.get("image")
    assert len(KHMER.findall(image.proto.imgs[0].alt)) > 40  # the card's words, not only its place name


def test_the_language_survives_a_filter_change_and_is_in_every_link(page):
    at = page(lang="km")
    next(m for m in at.multiselect if m.key == "provinces").set_value(["KH-10"]).run()
    assert at.query_params["lang"] == "km" and at.query_params["provinces"] == "Kratie"
    assert khmer_share(interface_texts(at)) >= 0.9
    at.session_state["mode"] = "card"  # as the button to the shareable card does
    at.run()
    assert at.query_params["lang"] == "km" and at.query_params["view"] == "card"
    assert any("lang=km" in c.value.replace("\\", "") for c in at.caption)  # the card page's link to this view


def test_the_view_follows_the_address_when_the_viewer_goes_back(page):
    """Back (or Forward) changes the address without the page: the filters, the open province and the
    language follow it, rather than the page writing the view it had back over it."""
    at = page(lang="km")
    next(m for m in at.multiselect if m.key == "provinces").set_value(["KH-10"]).run()
    assert at.query_params["provinces"] == "Kratie"
    for key in list(at.query_params):  # as the browser's Back button leaves the address
        del at.query_params[key]
    at.query_params["lang"] = "km"
    at.run()
    assert "provinces" not in at.query_params and at.query_params["lang"] == "km"
    assert next(m for m in at.multiselect if m.key == "provinces").value == []
    assert khmer_share(interface_texts(at)) >= 0.9
    at.query_params["lang"] = "en"  # Forward to an English view
    at.query_params["province"] = "Pursat"
    at.run()
    assert at.title and not KHMER.search(at.title[0].value)
    assert any(s.value.startswith("Pursat") for s in at.subheader)


def test_the_switch_changes_the_language_and_the_url(page):
    at = page()
    assert at.query_params.get("lang") in (None, [])  # English is the default: the link stays short
    next(b for b in at.get("button_group") if b.key == "lang").set_value("km").run()
    assert at.query_params["lang"] == "km"
    assert any(KHMER.search(t.value) for t in at.title)


def test_data_text_stays_as_the_sources_wrote_it(page):
    at = page(lang="km")
    caption = " ".join(c.value for c in at.caption)
    assert "Crackdown arrests in at least" in caption  # the headline figure's title, in English as sourced


def test_an_unknown_language_gives_a_notice_and_english(page):
    at = page(lang="fr")
    assert any("'fr'" in i.value.replace("\\", "") for i in at.info)
    assert not KHMER.search(at.title[0].value)


@pytest.mark.parametrize(("asked", "browser", "chosen"), [
    ("km", "en-US", "km"), ("en", "km-KH", "en"), ("", "km-KH", "km"), ("", "km", "km"), ("", "fr-FR", "en"),
    ("", None, "en"), ("xx", "km-KH", "km"),
])
def test_the_language_is_the_urls_else_the_browsers_else_english(asked, browser, chosen):
    assert language(asked, browser)[0] == chosen

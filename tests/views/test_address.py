from datetime import date

from geo.areas import AreaKey
from views.address import View, link, parse, to_params


def test_card_link():
    view, notices = parse({"province": ["Kratie"], "view": ["card"]})
    assert (view.area, view.mode, notices) == (AreaKey(("KH-10",)), "card", [])


def test_aliases_and_joint_groups():
    view, _ = parse({"province": ["Sihanoukville;Phnom Penh"]})
    assert view.area == AreaKey(("KH-12", "KH-18"))
    view, _ = parse({"province": ["Poipet"]})
    assert view.area == AreaKey(("KH-1",))


def test_round_trip():
    view, _ = parse({"start": ["2025-07-01"], "end": ["2025-07-31"], "provinces": ["Kratie", "Pursat"],
                     "nationality": ["Vietnamese"], "type": ["raid"], "status": ["suspects"],
                     "province": ["Kratie"], "view": ["card"]})
    again, notices = parse({k: v if isinstance(v, list) else [v] for k, v in to_params(view).items()})
    assert again == view and notices == []
    assert view.filters.start == date(2025, 7, 1)
    assert view.filters.nationalities == {"VN"}


def test_malformed_parameters_give_notices_not_errors():
    view, notices = parse({"start": ["July"], "end": ["2025-02-30"], "provinces": ["Atlantis"],
                           "type": ["<script>"], "view": ["poster"], "utm_source": ["x"],
                           "province": ["Nowhere"]})
    assert view == View()
    assert len(notices) == 7
    assert any("utm_source" in n for n in notices)


def test_swapped_dates_and_card_without_province():
    view, notices = parse({"start": ["2025-08-01"], "end": ["2025-07-01"], "view": ["card"]})
    assert view.filters.start < view.filters.end
    assert view.mode == "map" and len(notices) == 2


def test_defaults_leave_the_url_empty():
    assert to_params(View()) == {}


def test_a_link_is_url_encoded_and_keeps_every_filter():
    view, _ = parse({"nationality": ["Vietnamese", "Chinese"], "type": ["raid"], "province": ["Phnom Penh;Kratie"],
                     "view": ["card"]})
    address = link("https://example.org/app", view)
    assert " " not in address and ";" not in address
    assert address == ("https://example.org/app?nationality=China&nationality=Vietnam&type=raid"
                       "&province=Kratie%3BPhnom+Penh&view=card")
    assert link("https://example.org/app", View()) == "https://example.org/app"

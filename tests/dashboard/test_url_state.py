from datetime import date

from dashboard.url_state import View, parse, to_params


def test_card_link():
    view, notices = parse({"province": ["Kratie"], "view": ["card"]})
    assert (view.area, view.mode, notices) == ("KH-10", "card", [])


def test_aliases_and_joint_groups():
    view, _ = parse({"province": ["Sihanoukville;Phnom Penh"]})
    assert view.area == "KH-12;KH-18"
    view, _ = parse({"province": ["Poipet"]})
    assert view.area == "KH-1"


def test_round_trip():
    view, _ = parse({"start": ["2025-07-01"], "end": ["2025-07-31"], "provinces": ["Kratie", "Pursat"],
                     "nationality": ["Vietnamese"], "type": ["raid"], "status": ["suspects"],
                     "province": ["Kratie"], "view": ["card"]})
    again, notices = parse({k: v if isinstance(v, list) else [v] for k, v in to_params(view).items()})
    assert again == view and notices == []
    assert view.selection.start == date(2025, 7, 1)
    assert view.selection.nationalities == {"VN"}


def test_malformed_parameters_give_notices_not_errors():
    view, notices = parse({"start": ["July"], "end": ["2025-02-30"], "provinces": ["Atlantis"],
                           "type": ["<script>"], "view": ["poster"], "utm_source": ["x"],
                           "province": ["Nowhere"]})
    assert view == View()
    assert len(notices) == 7
    assert any("utm_source" in n for n in notices)


def test_swapped_dates_and_card_without_province():
    view, notices = parse({"start": ["2025-08-01"], "end": ["2025-07-01"], "view": ["card"]})
    assert view.selection.start < view.selection.end
    assert view.mode == "map" and len(notices) == 2


def test_defaults_leave_the_url_empty():
    assert to_params(View()) == {}

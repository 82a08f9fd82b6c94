"""Nationalities as people write them, sets counted together, and "foreigners"."""

import pytest

from events import figures, vocabulary
from geo.areas import AreaKey
from tests.conftest import parse, row

WRITTEN = {
    "Russia": "RU", "Russians": "RU", "South Korea": "KR", "South Korean": "KR", "Laos": "LA", "Lao": "LA",
    "Turkey": "TR", "Türkiye": "TR", "Turkish": "TR", "Taiwan": "TW", "Taiwanese": "TW", "Hong Kong": "HK",
    "Macau": "MO", "Macao": "MO", "Myanmar": "MM", "Burma": "MM", "Burmese": "MM", "Vietnam": "VN",
    "Viet Nam": "VN", "Vietnamese": "VN", "Filipinos": "PH", "Indonesians": "ID", "Thais": "TH", "Chinese": "CN",
    "Uzbek": "UZ", "Kenyan": "KE", "Ethiopians": "ET", "Brazilian": "BR", "Iranian": "IR", "Bhutanese": "BT",
    "foreigners": vocabulary.FOREIGN,
}


@pytest.mark.parametrize("written", WRITTEN)
def test_names_and_demonyms_as_the_press_writes_them(written):
    assert vocabulary.nationality_code(written) == WRITTEN[written]


@pytest.mark.parametrize("typo", ["Rusia", "Vietnames", "Indonesain", "Phillipines"])
def test_a_hint_is_always_a_name_that_is_accepted(typo):
    assert vocabulary.nationality_code(typo) is None
    hint = vocabulary.suggest_nationality(typo)
    assert hint and vocabulary.nationality_code(hint)


def test_a_set_counted_together_and_foreigners():
    rows = [row(id="site", count="234", nationality="Vietnamese;Cambodians"),
            row(id="others", count="60", nationality="foreigners", area="Pursat")]
    result = parse(rows)
    assert result.problems == ()
    assert list(result.events["nationality_code"]) == ["VN;KH", vocabulary.FOREIGN]
    areas = figures.areas(figures.collect(result.events))
    [together] = areas[AreaKey(("KH-10",))].breakdown
    assert vocabulary.nationality_name(together.nationality_code) == "Vietnam and Cambodia"
    assert vocabulary.nationality_name(vocabulary.FOREIGN) == "foreign nationals"


def test_which_nationality_cells_may_count_the_same_people():
    meet = vocabulary.nationalities_meet
    assert meet("", "VN") and meet("VN;KH", "KH") and meet(vocabulary.FOREIGN, "VN")
    assert not meet(vocabulary.FOREIGN, "KH") and not meet("VN", "CN") and not meet("VN;KH", "CN")

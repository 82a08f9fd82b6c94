"""The key of an area: its text form, scope and names."""

from geo.areas import NATIONAL, UNSTATED, AreaKey


def test_codes_are_kept_in_iso_order_without_repeats():
    key = AreaKey.of(["KH-18", "KH-12", "KH-18"])
    assert key.codes == ("KH-12", "KH-18") and key.text == "KH-12;KH-18"
    assert AreaKey.parse(key.text) == key


def test_scope_and_names():
    joint = AreaKey.parse("KH-12;KH-18")
    assert (joint.scope, joint.name) == ("joint", "Phnom Penh and Preah Sihanouk")
    assert joint.name_km == "រាជធានីភ្នំពេញ · ព្រះសីហនុ"
    assert joint.without("KH-12") == AreaKey(("KH-18",))
    assert AreaKey.parse("KH-10").scope == "province"


def test_the_whole_country():
    assert AreaKey.parse("KH") is NATIONAL and AreaKey.parse("") is NATIONAL
    assert (NATIONAL.scope, NATIONAL.text, NATIONAL.name) == ("national", "KH", "Cambodia")


def test_a_province_not_stated_is_not_the_whole_country():
    assert AreaKey.parse(UNSTATED.text) is UNSTATED and UNSTATED != NATIONAL
    assert (UNSTATED.scope, UNSTATED.name) == ("unstated", "Cambodia (province not stated)")

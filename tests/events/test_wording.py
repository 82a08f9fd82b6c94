"""What the event model writes for the interface, in English and in Khmer: dates in CLDR's words for the
language, numbers whose qualifier is never dropped, lists joined as the language joins them."""

from __future__ import annotations

import pytest
from babel.dates import get_month_names, get_quarter_names
from babel.lists import format_list

import i18n
from events import figures
from events.dates import date_label, period_label
from events.figures import BreakdownRow
from events.values import UNKNOWN, Value
from events.vocabulary import event_type_label, measure_label, qualifier_label, sex_label, status_label
from geo.areas import AreaKey, town_display_name
from tests.conftest import parse, row

QUALIFIED = ("more_than", "at_least", "about", "at_most")
KM_MONTHS = get_month_names("abbreviated", locale="km")  # CLDR's, by month number


@pytest.mark.parametrize(("value", "label", "words"), [
    (Value(1000, "more_than"), ">1,000", "more than 1,000"),
    (Value(270, "at_least"), "≥270", "at least 270"),
    (Value(150000, "about"), "~150,000", "about 150,000"),
    (Value(40, "at_most"), "≤40", "at most 40"),
    (Value(312), "312", "312"),
    (UNKNOWN, "not reported", "number not reported"),
])
def test_english_values_read_as_before(value, label, words):
    assert (value.label(), value.words()) == (label, words)


def test_english_labels_of_the_vocabulary_are_the_dictionaries_own():
    assert (event_type_label("raid"), status_label("victims"), measure_label("people_detained"),
            sex_label("female"), qualifier_label("at_least"), qualifier_label("exact")) == (
        "Raid or arrests", "reported as victims", "people detained", "women", "at least", "")


def test_a_khmer_date_takes_cldrs_khmer_month_names():
    with i18n.use("km"):
        day, month = date_label("2025-07-16"), date_label("2025-02")
        two_months = period_label("2025-06-30", "2025-07-02")
        one_of, yearless = date_label("[2025-06,2025-07]"), date_label("XXXX-06-21")
        quarter = date_label("2025-35")
    assert KM_MONTHS[7] in day and "16" in day and "2025" in day and "Jul" not in day
    assert KM_MONTHS[2] in month and "Feb" not in month
    assert KM_MONTHS[6] in two_months and KM_MONTHS[7] in two_months and "30" in two_months
    assert KM_MONTHS[6] in one_of and KM_MONTHS[7] in one_of and "or" not in one_of  # CLDR's Khmer "or"
    assert KM_MONTHS[6] in yearless and "21" in yearless
    assert get_quarter_names("abbreviated", locale="km")[3] in quarter and "2025" in quarter


def test_a_khmer_date_keeps_its_uncertainty_and_its_missing_year():
    with i18n.use("km"):
        plain, about, uncertain, both = (date_label(t) for t in ("2025-07", "2025-07~", "2025-07-16?", "2025-07-16%"))
        to_date, yearless = period_label("..", "2025-07-22"), period_label("XXXX-06-21", "XXXX-07-07")
        day = date_label("2025-07-16")
    assert about != plain and plain in about
    assert uncertain != day and day in uncertain and both not in (uncertain, day)
    assert KM_MONTHS[7] in to_date and "22" in to_date and to_date != date_label("2025-07-22")
    assert KM_MONTHS[6] in yearless and KM_MONTHS[7] in yearless


def test_english_dates_are_cldrs_british_forms():
    assert [date_label(t) for t in ("2025-07-16", "2025-35", "2025-40", "[2025-06,2025-07]")] == [
        "16 Jul 2025", "Q3 2025", "H1 2025", "Jun or Jul 2025"]
    assert period_label("2025-07-14", "2025-07-16") == "14\u2009–\u200916 Jul 2025"


def test_no_qualifier_is_dropped_in_khmer():
    with i18n.use("km"):
        words = {q: Value(1000, q).words() for q in ("exact", *QUALIFIED)}
        labels = {q: Value(1000, q).label() for q in ("exact", *QUALIFIED)}
        number = i18n.number(1000)
    assert len(set(words.values())) == len(words), words  # each qualifier reads differently, none as exact
    assert all(number in w for w in words.values()), words
    assert len(set(labels.values())) == len(labels) and all(number in label for label in labels.values())


def test_khmer_translations_reach_the_words_and_put_the_number_where_they_say(khmer_catalogue):
    khmer_catalogue("".join(f'msgid "{msgid}"\nmsgstr "{msgstr}"\n\n' for msgid, msgstr in {
        "more than {count}": "ច្រើនជាង {count}", "at least {count}": "យ៉ាងហោចណាស់ {count}",
        "about {count}": "ប្រហែល {count} នាក់", "about {date}": "ប្រហែល {date}"}.items()))
    with i18n.use("km"):
        assert Value(1000, "more_than").words() == "ច្រើនជាង 1,000"
        assert Value(270, "at_least").words() == "យ៉ាងហោចណាស់ 270"
        assert Value(150000, "about").words() == "ប្រហែល 150,000 នាក់"
        assert date_label("2025-07~") == f"ប្រហែល {KM_MONTHS[7]} 2025"
    assert Value(1000, "more_than").words() == "more than 1,000"  # English is the code's own


def test_named_nationalities_in_khmer_are_cldrs_names_in_a_khmer_list():
    item = BreakdownRow("", UNKNOWN, "", "", named_codes=("TH", "MM"), unnamed=Value(3))
    assert item.named_words() == "Thailand, Myanmar and 3 other nationalities not named"
    with i18n.use("km"):
        khmer = item.named_words()
        thailand, myanmar = i18n.territory("TH"), i18n.territory("MM")
    assert khmer.startswith(f"{thailand}, {myanmar}") and "3" in khmer
    assert format_list(["a", "b"], locale="km").removeprefix("a").removesuffix("b").strip(" \u200b") in khmer  # "and"
    assert BreakdownRow("", UNKNOWN, "", "", unnamed=Value(1)).named_words() == "1 nationality not named"
    assert BreakdownRow("", UNKNOWN, "", "", unnamed=Value(2, "at_least")).named_words() == (
        "at least 2 nationalities not named")


def test_sub_counts_keep_their_qualifiers_and_say_foreign():
    rows = [row(id="k", count="312"), row(id="k-w", part_of="k", sex="female", count="45", qualifier="at_least"),
            row(id="k-fm", part_of="k", nationality="foreigners", sex="male", count="1")]
    [rest] = figures.areas(figures.collect(parse(rows).events))[AreaKey(("KH-10",))].breakdown
    assert rest.subcounts == "≥45 women; 1 foreign man"
    assert rest.subcount_words == "at least 45 women; 1 foreign man"
    with i18n.use("km"):
        [rest] = figures.areas(figures.collect(parse(rows).events))[AreaKey(("KH-10",))].breakdown
    assert "≥45" in rest.subcounts and "45" in rest.subcount_words and rest.subcount_words != rest.subcounts


def test_disagreements_name_places_in_the_interfaces_language():
    rows = [row(id="k", count="312", area="Kratie"),
            row(id="k-2", same_figure_as="k", count="312", area="Pursat", source_url="https://example.org/b")]
    figure = figures.collect(parse(rows).events)["k"]
    assert [v for v, _ in figure.disagreements()["place"]] == ["Kratie", "Pursat"]
    with i18n.use("km"):
        places = [v for v, _ in figure.disagreements()["place"]]
        names = [AreaKey.parse(code).display_name for code in ("KH-10", "KH-15")]
    assert places == names and "Kratie" not in places


def test_a_town_without_a_khmer_name_keeps_its_own():
    with i18n.use("km"):
        assert town_display_name("Poipet", AreaKey(("KH-1",))) == "Poipet"
    assert town_display_name("Poipet") == "Poipet"

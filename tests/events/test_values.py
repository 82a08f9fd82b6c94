from events.values import UNKNOWN, Value, remainder, total


def test_sum_keeps_the_weakest_qualifier():
    assert (Value(85) + Value(200, "more_than")) == Value(285, "more_than")
    assert (Value(270, "at_least") + Value(200, "more_than")) == Value(470, "more_than")
    assert (Value(270, "at_least") + Value(27)) == Value(297, "at_least")
    assert (Value(150_000, "about") + Value(5)) == Value(150_005, "about")


def test_a_part_without_number_makes_the_sum_a_lower_bound():
    assert total([Value(312), UNKNOWN]) == Value(312, "at_least")
    assert total([UNKNOWN, UNKNOWN]) == UNKNOWN
    assert total([]) == UNKNOWN


def test_bounds():
    assert Value(200, "more_than").lower == 201
    assert Value(270, "at_least").lower == 270
    assert Value(100, "about").lower == 0


def test_labels_keep_qualifiers():
    assert Value(1000, "more_than").label() == ">1,000"
    assert Value(270, "at_least").label() == "≥270"
    assert Value(150000, "about").label() == "~150,000"
    assert Value(1000, "more_than").words() == "more than 1,000"
    assert UNKNOWN.label() == "not reported"


def test_remainder_of_an_exact_total():
    assert remainder(Value(312), Value(300)) == Value(12)
    assert remainder(Value(312), Value(300, "at_least")) == Value(12, "at_most")
    assert remainder(Value(1000, "more_than"), Value(300)) is None
    assert remainder(Value(10), Value(11)) is None


def test_nearly_is_a_little_fewer_and_stays_so_beside_exact_numbers():
    """"Nearly 10,000 repatriated" (March 2026): fewer than the number, and never a lower bound."""
    nearly = Value(10000, "nearly")
    assert (nearly.label(), nearly.words(), nearly.lower) == ("<10,000", "nearly 10,000", 0)
    assert nearly + Value(312) == Value(10312, "nearly")
    assert nearly + Value(270, "at_least") == Value(10270, "about")  # a guess beside a bound


def test_a_range_keeps_both_ends_and_adds_as_a_range_or_its_low_end():
    """"Between 2,800 and 3,000" Thais trapped (2022); "about 8,000 to 10,000" at O'Smach (2025)."""
    between, about = Value(2800, "exact", 3000), Value(8000, "about", 10000)
    assert (between.label(), between.words(), between.lower) == ("2,800–3,000", "between 2,800 and 3,000", 2800)
    assert (about.label(), about.words()) == ("~8,000–10,000", "about 8,000 to 10,000")
    assert between + Value(100) == Value(2900, "exact", 3100)
    assert between + Value(100, "more_than") == Value(2900, "more_than")  # the top is lost beside a bound
    assert remainder(between, Value(100)) is None  # a range has no single remainder


def test_the_file_refuses_a_reversed_or_bounded_range():
    from tests.conftest import parse, row

    assert parse([row(count="2800", count_high="3000")]).problems == ()
    codes = {p.code for p in parse([row(id="a", count="3000", count_high="2800"),
                                    row(id="b", count="10", count_high="20", qualifier="more_than"),
                                    row(id="c", count="", qualifier="", count_high="20", status="")]).problems}
    assert codes == {"range-reversed", "range-qualifier", "field-needs-count"}

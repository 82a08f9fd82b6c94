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

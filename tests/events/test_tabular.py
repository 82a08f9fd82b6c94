"""The fast helpers must agree with the pandas operations they replace."""

import pandas as pd
import pytest

from events import tabular


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "line": [2, 3, 4],
            "id": pd.Series(["a", "b", ""], dtype="str"),  # the loader's string type
            "note": pd.Series(["x", None, "y"], dtype="str"),
            "named": pd.array(["x", None, "y"], dtype="string"),
            "count": pd.array([5, None, 7], dtype="Int64"),
            "share": pd.array([0.5, None, 1.0], dtype="Float64"),
            "flag": pd.array([True, None, False], dtype="boolean"),
            "start": pd.to_datetime(["2025-07-01", None, "2025-08-02"]),
        }
    )


def test_tuples_hold_the_values_of_to_dict_records(frame):
    """Same values and same types, missing ones included (``nan != nan``, hence the repr)."""
    ours = tabular.tuples(frame, list(frame.columns))
    theirs = [tuple(row.values()) for row in frame.to_dict("records")]
    assert [[(type(v), repr(v)) for v in row] for row in ours] == [[(type(v), repr(v)) for v in row] for row in theirs]


def test_tuples_of_an_empty_frame(frame):
    assert tabular.tuples(frame.iloc[:0], ["id"]) == []


def test_tuples_follow_the_columns_asked_for(frame):
    assert tabular.tuples(frame, ["id", "line"]) == list(zip(frame["id"], frame["line"]))


def test_isin_matches_pandas(frame):
    members = pd.Series(["b", "", "z"], dtype="string")
    assert tabular.isin(frame["id"], members).tolist() == frame["id"].isin(members).tolist()


def test_per_distinct_calls_once_per_value():
    values = pd.Series(["x", "y", "x", "x"], dtype="string", index=[10, 11, 12, 13])
    calls = []

    def length(value):
        calls.append(value)
        return len(value) * 2

    result = tabular.per_distinct(values, length, "Int64")
    pd.testing.assert_series_equal(result, values.map(lambda v: len(v) * 2).astype("Int64"))
    assert sorted(calls) == ["x", "y"]

"""The fast helpers must agree with the pandas operations they replace."""

import pandas as pd
import pytest

from events import tabular


@pytest.fixture
def frame():
    return pd.DataFrame(
        {
            "line": [2, 3, 4],
            "id": pd.array(["a", "b", ""], dtype="string"),
            "count": pd.array([5, None, 7], dtype="Int64"),
            "start": pd.to_datetime(["2025-07-01", None, "2025-08-02"]),
        }
    )


def test_records_equal_to_dict_records(frame):
    assert tabular.records(frame) == frame.to_dict("records")
    assert [type(v) for v in tabular.records(frame)[1].values()] == [
        type(v) for v in frame.to_dict("records")[1].values()
    ]


def test_records_and_tuples_of_an_empty_frame(frame):
    assert tabular.records(frame.iloc[:0]) == []
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

"""Fast operations on DataFrames whose strings are Arrow-backed (pandas 3).

Iterating an Arrow column element by element is slow; converting each column
with ``tolist()`` first is one C-level call. pandas' ``isin`` on such a column
converts every member in Python; Arrow's own ``is_in`` does not. Use these
wherever rows are walked or looked up.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def plain(column: pd.Series) -> list:
    """A column's Python values as ``to_dict`` gives them: None, not ``pd.NA``, for a missing value."""
    if isinstance(column.dtype, pd.api.extensions.ExtensionDtype) and column.dtype.na_value is pd.NA:
        return column.astype(object).where(column.notna(), None).tolist()
    return column.tolist()


def tuples(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    """Rows of some columns with the values ``frame.to_dict("records")`` gives, a column at a time."""
    return list(zip(*(plain(frame[c]) for c in columns))) if len(frame) else []


def days(column: pd.Series) -> list:
    """A datetime column as ``datetime.date`` values: numpy converts it at C speed, pandas one by one."""
    return column.to_numpy("datetime64[D]").astype(object).tolist()


def isin(values: pd.Series, members: pd.Series) -> pd.Series:
    """``values.isin(members)`` for string columns, in C++."""
    found = pc.is_in(pa.array(values, type=pa.string()), value_set=pa.array(members, type=pa.string()))
    return pd.Series(found.to_numpy(zero_copy_only=False), index=values.index, dtype=bool)


def per_distinct(values: pd.Series, function, dtype) -> pd.Series:
    """``values.map(function)`` with one call per distinct value: most columns repeat a few values."""
    codes, uniques = pd.factorize(values)
    results = pd.array([function(value) for value in uniques.tolist()], dtype=dtype)
    return pd.Series(results.take(codes), index=values.index)


def split_lists(values: pd.Series, separator: str) -> tuple[np.ndarray, np.ndarray]:
    """The items of list cells ("a;b"), trimmed, blanks left out: (position of each item's row, items), in C++."""
    lists = pc.split_pattern(pa.array(values, type=pa.string()), separator)
    positions = pc.list_parent_indices(lists).to_numpy()
    items = pc.utf8_trim_whitespace(pc.list_flatten(lists)).to_numpy(zero_copy_only=False)
    present = items != ""
    return positions[present], items[present]

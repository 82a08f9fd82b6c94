"""Fast row iteration over DataFrames whose strings are Arrow-backed (pandas 3).

Iterating an Arrow column element by element is slow; converting each column
with ``tolist()`` first is one C-level call. Use this wherever rows are walked.
"""

from __future__ import annotations

import pandas as pd


def tuples(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return list(zip(*(frame[c].tolist() for c in columns))) if len(frame) else []

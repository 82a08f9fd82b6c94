"""CSV files as the app offers them: safe to open in a spreadsheet (pandas only).

Excel, LibreOffice and Google Sheets read a cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula, so hand-edited text such as
``=IMPORTXML(...)`` could run or leak data when a download is opened (CSV injection,
OWASP). Such text cells get a leading apostrophe, which spreadsheets take as "this is
text"; the rest of the text is unchanged and readable.
"""

from __future__ import annotations

import pandas as pd

from events.loading import DataVersion

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def csv_text(frame: pd.DataFrame, version: DataVersion) -> str:
    """The table as CSV, every text cell that a spreadsheet would run neutralised, each row naming the version
    of the data it comes from (a column, so the file stays one plain table)."""
    frame = frame.assign(data_version=version.digest)
    texts = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    # CRLF, as RFC 4180 has it: a cell holding either character is then quoted, so it cannot start a new row
    safe = frame.assign(**{c: frame[c].map(spreadsheet_safe) for c in texts})
    return safe.to_csv(index=False, lineterminator="\r\n")

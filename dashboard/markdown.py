"""Data text inside Markdown: every ASCII punctuation mark backslash-escaped.

Streamlit renders Markdown (links, images, :color[...] directives, LaTeX). A CSV
cell must never become any of those, so each punctuation character is escaped,
which CommonMark defines to mean the character itself.
"""

from __future__ import annotations

import re

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md(value: object) -> str:
    return _PUNCTUATION.sub(r"\\\1", str(value)).replace("\n", " ")

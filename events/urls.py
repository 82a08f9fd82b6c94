"""What counts as a source address: an http(s) link with a host, and nothing else.

The one definition shared by the checker (which refuses other addresses) and
every view that draws a link (which shows anything else as plain text).
"""

from __future__ import annotations

from urllib.parse import urlsplit


def is_web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)

"""Escaping for text that reaches the map, whose HTML lands in JavaScript.

folium puts tooltip text and popup HTML inside JavaScript template literals
(backtick strings) and then into innerHTML. So data text must be safe in both:
HTML-escaped, and with the characters that act inside a template literal
(backtick, ``$``, backslash) written as HTML entities, which display as
themselves and mean nothing to JavaScript. Braces too: folium passes each
rendered script through Jinja once more, so ``{{ }}`` in data would be run on
the server.
"""

from __future__ import annotations

import html

from events.urls import is_web_url

_TEMPLATE_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;", "{": "&#123;", "}": "&#125;"})


def text(value: object) -> str:
    """Any data text, ready for HTML inside a JavaScript template literal."""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_LITERAL)


def link(url: str, label: str) -> str:
    """A link only for http(s) addresses; anything else is shown as plain text."""
    if not is_web_url(url):
        return text(label)
    return f'<a href="{text(url)}" target="_blank" rel="noopener noreferrer">{text(label)}</a>'

"""The messages the code asks for, as `pybabel extract` finds them with ``babel.cfg``, and what a catalogue
lacks: kept here so the tests and ``python -m i18n`` say the same thing a translator's tools do."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from i18n.language import DOMAIN, catalogue_path

ROOT = Path(__file__).resolve().parent.parent
MAPPING = ROOT / "babel.cfg"
COMMENT_TAGS = ("TRANSLATORS:",)


def extracted() -> Catalog:
    """Every message in the code, as ``pybabel extract -F babel.cfg --add-comments=TRANSLATORS:`` would write it."""
    with MAPPING.open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    catalog = Catalog(domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT, method_map, options_map, keywords=DEFAULT_KEYWORDS, comment_tags=COMMENT_TAGS,
            strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def read(code: str) -> Catalog:
    with catalogue_path(code).open("rb") as po:
        return read_po(po, locale=code, domain=DOMAIN)


@dataclass(frozen=True)
class Gap:
    msgid: str
    problem: str  # "not in the catalogue", "not in the code", "untranslated", "fuzzy", "placeholders differ"


def gaps(code: str) -> list[Gap]:
    """What keeps a language's catalogue from matching the code, entry by entry."""
    code_messages, catalogue = extracted(), read(code)
    found = [Gap(_key(m.id), "not in the catalogue") for m in code_messages
             if m.id and catalogue.get(m.id, m.context) is None]
    for message in catalogue:
        if not message.id:
            continue
        if code_messages.get(message.id, message.context) is None:
            found.append(Gap(_key(message.id), "not in the code"))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(Gap(_key(message.id), "untranslated"))
        elif message.fuzzy:
            found.append(Gap(_key(message.id), "fuzzy"))
        elif any(placeholders(s) != placeholders(_key(message.id)) for s in strings):
            found.append(Gap(_key(message.id), "placeholders differ"))
    return found


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a message: a translation must use each of them and no other."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _key(msgid) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid

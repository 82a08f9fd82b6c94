"""The column contract of events.csv, read from the Frictionless data package.

data/datapackage.json is the single, machine-readable definition of the columns;
the checker and data/README.md follow it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATAPACKAGE = Path(__file__).resolve().parent.parent / "data" / "datapackage.json"
LIST_SEPARATOR = ";"  # between the items of a list cell (several places, nationalities named)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()
    pattern: re.Pattern | None = None
    max_length: int | None = None
    minimum: int | None = None
    added: str = ""  # the format version that added the column ("v3"): a file written before it may lack it


@cache
def columns() -> tuple[Column, ...]:
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    fields = package["resources"][0]["schema"]["fields"]
    return tuple(_column(f) for f in fields)


def _column(spec: dict) -> Column:
    rules = spec.get("constraints", {})
    pattern = rules.get("pattern")
    return Column(
        name=spec["name"],
        type=spec["type"],
        description=spec.get("description", ""),
        required=rules.get("required", False),
        unique=rules.get("unique", False),
        enum=tuple(rules.get("enum", ())),
        pattern=re.compile(pattern) if pattern else None,  # Table Schema patterns are anchored
        max_length=rules.get("maxLength"),
        minimum=rules.get("minimum"),
        added=spec.get("x-added", ""),
    )


def column_names() -> list[str]:
    return [c.name for c in columns()]

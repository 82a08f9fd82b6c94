"""The documentation says what the code does: the data dictionary matches the schema, the
architecture map names every module and nothing that does not exist."""

import re

from events import schema, vocabulary
from tests.conftest import ROOT

PACKAGES = ("i18n", "geo", "events", "views", "web", "dashboard")


def test_data_readme_lists_the_schema_columns_in_order_with_their_requirement():
    text = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    table = text.split("## Columns", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|([^|]*)\|", table, re.MULTILINE)
    assert [name for name, _ in documented] == schema.column_names()
    required = {c.name for c in schema.columns() if c.required}
    assert {name for name, need in documented if need.strip() == "yes"} == required


def test_architecture_names_every_module_and_only_modules_that_exist():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    packages = "|".join(PACKAGES)
    named = set(re.findall(rf"`((?:{packages})/[a-z_]+\.py)`", text))
    modules = {f"{p}/{f.name}" for p in PACKAGES for f in (ROOT / p).glob("*.py") if f.name != "__init__.py"}
    assert named == modules


def test_every_controlled_value_of_the_schema_has_a_label():
    labels = {"event_type": vocabulary.EVENT_TYPES, "qualifier": vocabulary.QUALIFIERS,
              "status": vocabulary.STATUSES, "measure": vocabulary.MEASURES, "sex": vocabulary.SEXES,
              "scope": vocabulary.SCOPES, "parts_separate": {"yes": "yes"}}
    for column in schema.columns():
        if column.enum:
            assert list(labels[column.name]) == list(column.enum), column.name

"""The figures a view shows, as data (``/data/figures.json``): each with its qualifier, period, claimant and
sources, so what the map and the card say can be reused and checked. The shape is documented in
data/README.md ("The figures of a view, as JSON")."""

from __future__ import annotations

from events.dates import period_label
from events.figures import Area, Figure
from events.urls import is_web_url
from events.values import Value
from views.address import View, to_params
from views.selection import Filtered, Snapshot
from views.summary import shown_area

SHAPE_VERSION = 1  # changes only when a field changes meaning or goes away


def figures_document(snapshot: Snapshot, filtered: Filtered, view: View, notices: list[str]) -> dict:
    """The view's figures: the chosen area's, else every figure under the filters; and each area's figure."""
    key = shown_area(filtered, view)
    area = filtered.areas.get(key) if key is not None else None
    shown = area.figures if area is not None else list(filtered.newest_first)
    return {
        "shape_version": SHAPE_VERSION,
        "data_version": snapshot.version.digest,
        "data_changed": snapshot.version.changed,
        "data_as_of": snapshot.as_of,
        "view": to_params(view),
        "language": view.language,
        "notices": notices,
        "area": _area(area) if area is not None else None,
        "areas": [_area(a, with_breakdown=False) for a in sorted(filtered.areas.values(), key=lambda a: a.key.text)],
        "figures": [_figure(f) for f in shown],
    }


def _value(value: Value) -> dict:
    """A number with its qualifier: ``count`` is null when the source gives none."""
    return {"count": value.count, "qualifier": value.qualifier or None, "label": value.label(), "words": value.words()}


def _area(area: Area, with_breakdown: bool = True) -> dict:
    document = {
        "key": area.key.text, "name": area.key.name, "name_km": area.key.name_km, "scope": area.key.scope,
        "total": _value(area.total), "total_is_reported": area.total_is_reported,
        "period": {"start": area.period[0], "end": area.period[1], "label": period_label(*area.period)},
        "figures_added": [f.id for f in area.added], "figures_beside": [f.id for f in area.beside],
    }
    if with_breakdown:
        document["breakdown"] = [{"nationality": item.nationality_code or None, "value": _value(item.value),
                                  "label": item.label, "of_whom": item.subcounts,
                                  "named_without_count": list(item.named_codes)} for item in area.breakdown]
    return document


def _figure(figure: Figure) -> dict:
    return {
        "id": figure.id, "title": figure.title, "measure": figure.measure, "event_type": figure.event_type,
        "value": _value(figure.value), "disputed": figure.disputed,
        "versions": [{"value": _value(value), "csv_lines": [r.line for r in reports]}
                     for value, reports in figure.versions()],
        "period": {"start": figure.date_start, "end": figure.date_end or figure.date_start,
                   "label": period_label(*figure.period)},
        "area": figure.area.text if figure.area is not None else None,
        "town": figure.town or None, "nationality": figure.nationality_code or None, "sex": figure.sex or None,
        "status": figure.status or None, "part_of": list(figure.within), "claimants": list(figure.claimants),
        "sources": [{"publisher": r.source.publisher, "title": r.source.title, "date": r.source.date or None,
                     "url": r.source.url if is_web_url(r.source.url) else None, "claimant": r.claimant,
                     "value": _value(r.value), "csv_line": r.line} for r in figure.reports],
    }

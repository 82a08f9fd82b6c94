"""The Altair charts: what their specs say, independent of the page."""

from events import figures
from tests.conftest import parse, row
from views import charts, tables


def test_the_timeline_axis_shows_days_never_hours():
    figs = figures.collect(parse([row(id="a", date_start="2025-07-14", date_end="2025-07-16"),
                                  row(id="b", date_start="2025-07")]).events)
    spec = charts.timeline_chart(charts.timeline_table(tables.on_timeline(list(figs.values())))).to_dict()
    axis = spec["layer"][0]["encoding"]["x"]["axis"]["format"]
    assert "%b" in axis and "%Y" in axis and not {"%H", "%I", "%M"} & {axis[i:i + 2] for i in range(len(axis) - 1)}

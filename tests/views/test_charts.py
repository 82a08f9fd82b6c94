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


def record_timeline():
    from events.loading import load_events
    from tests.conftest import RECORD_CSV

    figs = figures.collect(load_events(RECORD_CSV).events)
    return charts.timeline_table(tables.on_timeline(tables.newest_first(figs.values())))


def test_a_week_shows_only_what_overlaps_it_on_a_weeks_axis():
    import pandas as pd

    table = record_timeline()
    window = (pd.Timestamp("2025-07-14"), pd.Timestamp("2025-07-21"))
    spec = charts.timeline_chart(table, window).to_dict()
    assert [pd.Timestamp(d) for d in spec["layer"][0]["encoding"]["x"]["scale"]["domain"]] == list(window)
    shown = pd.DataFrame(spec["datasets"][spec["data"]["name"]])
    assert 0 < len(shown) < len(table)
    assert (pd.to_datetime(shown["end"]) >= window[0]).all() and (pd.to_datetime(shown["start"]) < window[1]).all()
    largest = shown.loc[shown["size"].idxmax()]
    assert largest["label"] == largest["number"] != ""  # the week's largest arrest is labelled


def test_only_arrests_over_a_few_days_are_sized_and_labels_never_pile_up():
    import pandas as pd

    table = record_timeline()
    spec = charts.timeline_chart(table).to_dict()
    shown = pd.DataFrame(spec["datasets"][spec["data"]["name"]])
    assert set(shown.loc[shown["size"] > 0, "lane"]) == {charts.SHORT}
    tallies = shown[shown["lane"] == charts.TALLY]
    assert len(tallies) and (tallies["size"] == 0).all()  # a ten-week total is not a bigger circle than a raid
    labelled = shown[shown["label"] != ""].assign(at=lambda t: pd.to_datetime(t["at"]))
    assert 0 < len(labelled) <= charts.TIMELINE_LABELS
    assert (labelled["label"] == labelled["number"]).all()  # with the qualifier, as everywhere
    first, after = (pd.Timestamp(d) for d in spec["layer"][0]["encoding"]["x"]["scale"]["domain"])
    assert first < pd.to_datetime(shown["start"]).min() and after > pd.to_datetime(shown["end"]).max()
    for _, lane in labelled.groupby("lane"):
        times = lane["at"].sort_values()
        assert (times.diff().dropna() >= (after - first) / 9).all()
    raids = labelled[labelled["lane"] == charts.SHORT]
    assert raids["size"].max() == shown["size"].max()  # the largest arrest is labelled

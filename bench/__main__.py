"""Benchmark: ``python -m bench [SIZES...]`` (default 1000 10000 100000 rows).

For synthetic files in the real format, and for the shipped record, it prints: plain pandas.read_csv
of the same file (the anchor for loading), check+load, aggregation, a warm
full-script rerun of the app (AppTest) beside that of a bare three-line Streamlit
page (the anchor for reruns), the map payload sent to the browser, and a data review (``python -m events
diff``: both files loaded and compared). Timings
are the best of a few runs; machines here are noisy, so read the ratios.
Nothing here is a pass/fail test.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from bench import synthetic
from events import figures
from events.diff import diff
from events.loading import parse_events
from views.map import build_map

ROOT = Path(__file__).resolve().parent.parent


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def map_payload(areas) -> int:
    from streamlit_folium import _get_html, _get_map_string  # the steps st_folium 0.27 takes

    fmap = build_map(areas)
    fmap.get_root().render()
    fmap.render()
    _get_html(fmap)
    return len(_get_map_string(fmap).encode())


BARE_APP = 'import streamlit as st\nst.title("Bare page")\nst.write("The anchor for reruns.")\n'


def warm_rerun(script: Path, events: Path | None = None) -> float:
    from streamlit.testing.v1 import AppTest

    if events is not None:
        os.environ["EVENTS_CSV"] = str(events)
    app = AppTest.from_file(str(script), default_timeout=600)
    app.run()  # cold: loads and caches
    return best(lambda: app.run(), repeat=3)


def measure(rows: int, folder: Path) -> dict:
    path = folder / f"events-{rows}.csv"
    path.write_text(synthetic.csv_text(rows))
    return measure_file(path, folder, str(rows))


def measure_file(path: Path, folder: Path, name: str) -> dict:
    raw = path.read_bytes()
    reference = best(lambda: pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False))
    load = best(lambda: parse_events(raw))
    result = parse_events(raw)
    aggregate = best(lambda: figures.areas(figures.collect(result.events)))
    areas = figures.areas(figures.collect(result.events))
    review = best(lambda: diff(parse_events(raw), parse_events(raw)), repeat=2)
    bare = folder / "bare_app.py"
    bare.write_text(BARE_APP)
    rerun, bare_rerun = warm_rerun(ROOT / "app.py", path), warm_rerun(bare)
    return {
        "rows": name, "valid": len(result.events), "read_csv s": reference, "check+load s": load,
        "load / read_csv": load / reference, "aggregate s": aggregate,
        "warm rerun s": rerun, "bare rerun s": bare_rerun, "rerun / bare": rerun / bare_rerun,
        "map payload KB": map_payload(areas) / 1000, "review s": review,
    }


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1_000, 10_000, 100_000]
    with tempfile.TemporaryDirectory() as folder:
        rows = [measure(n, Path(folder)) for n in sizes]
        rows.append(measure_file(ROOT / "data" / "events.csv", Path(folder), "record"))  # the shipped data
        table = pd.DataFrame(rows)
    print(table.to_string(index=False, float_format=lambda v: f"{v:,.3f}"))
    print("\nTargets: load within 3x of read_csv at 100k rows; warm rerun under 0.3 s (here: see rerun / bare), and"
          " under 60 ms on the record; payload under 150 KB; a review under 2 s on the record.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

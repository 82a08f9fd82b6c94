"""Synthetic events files in the real format, shaped like the seed data.

Each "wave" is a few days of raids: a national container, province totals inside
it, nationality parts inside those, a sub-count of women, repeats by a second
source, and sometimes a pair of provinces reported jointly, dates a source is unsure
of (EDTF ``?``) or nationalities left unnamed. All rows are valid,
so a file of N rows loads N valid rows. Deterministic for a given seed.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

from events import schema
from geo import gazetteer

NATIONALITIES = ["Vietnam", "China", "Taiwan", "Indonesia", "Thailand", "Myanmar", "Bangladesh", "Cambodia"]
START = date(1995, 1, 2)


def rows(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    codes = list(gazetteer.provinces())
    out: list[dict] = []
    wave = 0
    while len(out) < count:
        out.extend(_wave(rng, wave, codes))
        wave += 1
    return out[:count] if _complete(out[:count]) else _trim(out, count)


def csv_text(count: int, seed: int = 7) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=schema.column_names(), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(count, seed))
    return buffer.getvalue()


def _wave(rng: random.Random, wave: int, codes: list[str]) -> list[dict]:
    first = START + timedelta(days=3 * wave)
    uncertain = "?" if wave % 7 == 3 else ""  # some sources are unsure of the days
    period = {"date_start": first.isoformat() + uncertain, "date_end": (first + timedelta(days=2)).isoformat()}
    source = _source(rng)
    national_id = f"w{wave}-national"
    out = [_row(national_id, "Cambodia", rng.randint(500, 5000), "more_than", period, source)]
    provinces = rng.sample(codes, rng.randint(3, 12))
    if rng.random() < 0.3:
        pair, provinces = provinces[:2], provinces[2:]
        for nationality in rng.sample(NATIONALITIES, 3):
            out.append(_row(f"w{wave}-joint-{nationality.lower()}", ";".join(pair), rng.randint(5, 300), "exact",
                            period, source, part_of=national_id, nationality=nationality))
    for code in provinces:
        pid = f"w{wave}-{code.lower()}"
        total = rng.randint(50, 600)
        unnamed = str(rng.randint(1, 4)) if rng.random() < 0.2 else ""  # "and people of 3 other nationalities"
        out.append(_row(pid, code, total, "exact", period, source, part_of=national_id,
                        nationalities_unnamed=unnamed))
        out.append(_row(f"{pid}-b", code, total, rng.choice(["exact", "at_least"]), period, _source(rng, source),
                        same_figure_as=pid))
        for nationality in rng.sample(NATIONALITIES, 3):
            part = f"{pid}-{nationality.lower()}"
            out.append(_row(part, code, total // 5, "at_least", period, source, part_of=pid, nationality=nationality))
            if nationality == "Indonesia":
                out.append(_row(f"{part}-women", code, total // 20, "exact", period, source, part_of=part,
                                nationality=nationality, sex="female"))
    return out


def _row(id_, area, count, qualifier, period, source, **extra) -> dict:
    return {"id": id_, "event_type": "raid", "title": f"Synthetic raid {id_}", "area": area, "count": str(count),
            "qualifier": qualifier, "status": "unspecified", "measure": "people_detained", **period, **source,
            **extra}


def _source(rng: random.Random, other_than: dict | None = None) -> dict:
    """A page; for another source's report of a figure, never the page of its first report."""
    while True:
        n = rng.randint(1, 500)
        source = {"source_publisher": f"Publisher {n % 40}", "source_title": f"Report {n}",
                  "source_url": f"https://news.example/{n}", "claimant": "police"}
        if other_than is None or source["source_url"] != other_than["source_url"]:
            return source


def _linked_within(rows_: list[dict]) -> list[dict]:
    """The rows whose links (part_of, same_figure_as) point at rows of the same list."""
    ids = {r["id"] for r in rows_} | {""}
    return [r for r in rows_ if r.get("part_of", "") in ids and r.get("same_figure_as", "") in ids]


def _complete(rows_: list[dict]) -> bool:
    return len(_linked_within(rows_)) == len(rows_)


def _trim(rows_: list[dict], count: int) -> list[dict]:
    """Cut to ``count`` rows without leaving a link to a row that was cut."""
    kept = rows_[:count]
    while not _complete(kept):
        kept = _linked_within(kept)
    return kept

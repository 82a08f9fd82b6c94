"""The province card: one 16:9 image an advocate can share, carrying its own context.

Name in English and Khmer, period, total with its qualifier, nationality bars, a
locator map, the sources as footnotes, the data date and the link back. The PNG
is rendered on the server with vl-convert from the same spec the page shows.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

import altair as alt
import pandas as pd
import vl_convert
from PIL import Image

from events.dates import date_label, period_label
from events.figures import Area
from events.vocabulary import STATUSES
from views import charts
from views.downloads import csv_text

WIDTH, HEIGHT = 960, 540  # 16:9 on screen
PNG_SIZE = (2 * WIDTH, 2 * HEIGHT)
MAX_FOOTNOTES = 4


@dataclass(frozen=True)
class CardText:
    title: str
    subtitle: list[str]
    footnotes: list[str]


def card_text(area: Area, as_of: str, link: str) -> CardText:
    total = area.total
    how = "" if area.total_is_reported else " (sum of the figures reported; no overall total was given)"
    joint = " reported together, not split between them" if area.key.scope == "joint" else ""
    claimants = sorted({c for f in area.tops for c in f.claimants})
    statuses = sorted({STATUSES[f.status] for f in area.tops if f.status})
    subtitle = [
        f"{total.words().capitalize()} people detained{how}{joint}, {period_label(*area.period)}.",
        f"Claimed by {'; '.join(claimants) or 'the sources below'}; {', '.join(statuses) or 'status not reported'}. "
        "Not independently verified.",
    ]
    sources = _sources(area)
    footnotes = [f"[{i}] {s}" for i, s in enumerate(sources[:MAX_FOOTNOTES], start=1)]
    if len(sources) > MAX_FOOTNOTES:
        footnotes.append(f"… and {len(sources) - MAX_FOOTNOTES} more sources listed at the link below.")
    footnotes.append(f"Data as of {date_label(as_of)} · Crackdown Map · {link}")
    title = f"{area.key.name} · {area.key.name_km}"
    return CardText(title, subtitle, footnotes)


def _sources(area: Area) -> list[str]:
    cited = [r.source for r in area.sources]
    return [f"{s.publisher}: {f'“{s.title}”, ' if s.title else ''}{f'{s.date}, ' if s.date else ''}{s.url}".rstrip(", ")
            for s in cited]


def card_chart(area: Area, text: CardText) -> alt.VConcatChart:
    table = charts.breakdown_table(area)
    bars = charts.breakdown_chart(table, width=480).properties(title="By nationality, as reported", height=250)
    locator = charts.locator_map(set(area.key.codes), width=300, height=260)
    notes = _text_block(text.footnotes, size=11, width=WIDTH - 40)
    chart = alt.vconcat(alt.hconcat(bars, locator, spacing=30), notes, spacing=16).properties(
        title=alt.TitleParams(text.title, subtitle=text.subtitle, fontSize=30, subtitleFontSize=15,
                              anchor="start", font=charts.FONT, subtitleFont=charts.FONT),
        background="white", padding={"left": 20, "right": 20, "top": 20, "bottom": 20},
    )
    return chart.configure(font=charts.FONT).configure_view(stroke=None)


def _text_block(lines: list[str], size: int, width: int) -> alt.Chart:
    data = pd.DataFrame({"line": lines, "order": range(len(lines))})
    return alt.Chart(data).mark_text(align="left", baseline="top", fontSize=size, font=charts.FONT,
                                     limit=width).encode(
        y=alt.Y("order:O", axis=None), x=alt.value(0), text="line:N",
    ).properties(width=width, height=len(lines) * (size + 7))


@cache
def _register_font() -> None:
    vl_convert.register_font_directory(str(charts.font_directory()))


def card_png(chart: alt.TopLevelMixin) -> bytes:
    """The card as a PNG of exactly PNG_SIZE, drawn on the server (no browser needed)."""
    _register_font()
    drawn = Image.open(io.BytesIO(vl_convert.vegalite_to_png(chart.to_dict(), scale=2))).convert("RGB")
    drawn.thumbnail(PNG_SIZE)  # only ever shrinks, keeping proportions
    canvas = Image.new("RGB", PNG_SIZE, "white")
    canvas.paste(drawn, ((PNG_SIZE[0] - drawn.width) // 2, (PNG_SIZE[1] - drawn.height) // 2))
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()


def card_csv(area: Area) -> str:
    """The figures behind the card, one row per source report, qualifiers kept."""
    rows = []
    for figure in area.figures:
        for report in figure.reports:
            source = report.source
            rows.append({
                "figure_id": figure.id, "area": area.key.name,
                "nationality": figure.nationality_code, "sex": figure.sex, "status": figure.status,
                "period": period_label(*figure.period),
                "count": report.value.count if report.value.known else "", "qualifier": report.value.qualifier,
                "as_shown": report.value.label(), "part_of": ";".join(figure.within), "claimant": report.claimant,
                "source_publisher": source.publisher, "source_title": source.title,
                "source_date": source.date, "source_url": source.url, "csv_line": report.line,
            })
    return csv_text(pd.DataFrame(rows))

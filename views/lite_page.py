"""The light page (``/lite``): a view rendered on the server as one small HTML document with no script, for a
slow phone, a search engine or a printer. It says what the dashboard's first screen says: the headline with who
claims it, the map (views/svg_map.py), the chosen province's breakdown, the sources as links, the period, and
the filters as plain links. Every data text is escaped where it lands; only http(s) addresses become links."""

from __future__ import annotations

from dataclasses import dataclass, replace

from events.dates import period_label
from events.figures import Area
from events.vocabulary import EVENT_TYPES, event_type_label, nationality_display_name
from i18n import KHMER_FONT, KHMER_RANGE, LANGUAGES, _, current, number
from views import charts
from views.address import View, link
from views.escape import link as safe_link
from views.escape import text as e
from views.map import legend_html
from views.selection import Filtered, Snapshot
from views.summary import Summary, showing_sentence, shown_area, version_words
from views.svg_map import svg_map

CHOSEN = ' aria-current="true"'  # a filter link that is on
MAX_SOURCES = 40  # listed on the page; the full dashboard and the data list them all
# The app's own Khmer face, fetched only where Khmer is drawn
FONT_FACE = (f'@font-face{{font-family:"Noto Sans Khmer";src:url({KHMER_FONT}) format("woff2");font-weight:400 700;'
             f"font-display:swap;unicode-range:{KHMER_RANGE}}}")
STYLE = FONT_FACE + """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans Khmer",sans-serif;color:#0e1117;
margin:0 auto;max-width:46rem;padding:0 1rem;overflow-wrap:break-word}td{overflow-wrap:anywhere}
a{color:#8a2c02}h1{font-size:1.5rem;line-height:1.3;margin:.6rem 0}h2{font-size:1.15rem;margin:1.4rem 0 .4rem}
.small,figcaption,footer{font-size:.875rem;color:#3d3d3d}nav ul{padding:0;list-style:none;display:flex;flex-wrap:wrap;
gap:.25rem .9rem}nav li a{display:inline-block;padding:.35rem 0}.notice{background:#fff4e5;padding:.4rem .6rem}
.map{width:100%;height:auto;display:block}.map text{paint-order:stroke;stroke:#fff;stroke-width:3px;
font-family:inherit}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .4rem;
border-bottom:1px solid #d9d9d9;vertical-align:top}.map-key summary{font-weight:600}.map-key .scale{display:flex;
flex-wrap:wrap;gap:.3rem}.map-key .scale span{display:flex;flex-direction:column;align-items:center;font-size:.8rem}
.map-key ul{list-style:none;padding:0;margin:.3rem 0}.map-key li{display:flex;gap:.4rem;align-items:center}
@media print{nav,.screen-only{display:none}a{color:inherit}body{max-width:none}}
"""


@dataclass(frozen=True)
class LitePage:
    """What the page is made from."""

    snapshot: Snapshot
    filtered: Filtered
    view: View
    summary: Summary
    notices: list[str]
    head: str  # the link preview's tags for the same view (title, description, image)


def lite_html(page: LitePage) -> str:
    view, filtered = page.view, page.filtered
    key = shown_area(filtered, view)
    area = filtered.areas.get(key) if key is not None else None
    shown = showing_sentence(len(filtered.figures), page.snapshot.figure_count)
    choose = _("Choose a province on the map to see its breakdown.")
    body = [
        _top(view),
        f"<main><h1>{e(page.summary.title)}</h1><p>{e(page.summary.description)}</p>",
        *(f'<p class="notice" role="status">{e(notice)}</p>' for notice in page.notices),
        f'<p class="small">{e(_period(page.snapshot, view))} · {e(shown)}</p>',
        _map(view, filtered, key),
        _breakdown(area) if area is not None else f"<p>{e(choose)}</p>",
        _sources(area, filtered),
        _filters(view, filtered, page.snapshot),
        _links(view),
        "</main>",
        _footer(page.snapshot),
    ]
    language = view.language
    return (f'<!doctype html><html lang="{language}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"{page.head}<style>{STYLE}</style></head><body>{''.join(body)}</body></html>")


def _map(view: View, filtered: Filtered, key) -> str:
    here = _with(view, mode="map")
    drawn = svg_map(filtered.areas, lambda area: link("/lite", _with(here, area=area)), key)
    caption = _("Provinces are shaded by the people detained in the selection, as reported. National figures are "
                "not drawn on any province.")
    return f'<figure>{drawn}<figcaption><div class="map-key">{legend_html()}</div>{e(caption)}</figcaption></figure>'


def _with(view: View, **changes) -> View:
    return replace(view, **changes)


def _top(view: View) -> str:
    languages = " · ".join(
        f'<a href="{e(link("/lite", _with(view, language=code)))}" hreflang="{code}" lang="{code}">{e(name)}</a>'
        for code, name in LANGUAGES.items() if code != view.language)
    # TRANSLATORS: the name screen readers give the light page's top links
    site, home, full = _("Site"), _("Crackdown Map"), _("Open the full dashboard")
    return (f'<nav aria-label="{e(site)}"><ul><li><a href="{e(link("/lite", View(language=view.language)))}">'
            f'{e(home)}</a></li><li>{languages}</li><li><a href="{e(link("/", view))}">{e(full)}</a></li></ul></nav>')


def _period(snapshot: Snapshot, view: View) -> str:
    start, end = snapshot.period
    first, last = view.filters.start or start, view.filters.end or end
    return _("Period: {period}").format(period=period_label(first.isoformat(), last.isoformat()))


def _breakdown(area: Area) -> str:
    table = charts.breakdown_table(area)
    columns = ("nationality", "detained", "of whom", "named without counts")
    head = "".join(f'<th scope="col">{e(_(charts.HEADERS[c]))}</th>' for c in columns)
    rows = "".join("<tr>" + "".join(f"<td>{e(row[c])}</td>" for c in columns) + "</tr>"
                   for row in table.to_dict("records"))
    total = area.total.label()
    said = (_("{total} people detained, {period}") if area.total_is_reported else
            _("{total} people detained (sum of the figures reported; no overall total given), {period}")).format(
        total=total, period=period_label(*area.period))
    joint = _("These figures were reported for these provinces together; they are not split between them.")
    joint = f"<p>{e(joint)}</p>" if area.key.scope == "joint" else ""
    beside = ""
    if area.beside:
        listed = "; ".join(f"{f.label()} {f.title} ({period_label(*f.period)})" for f in area.beside)
        said_beside = _("Also reported here, overlapping the figures above and so not added: {listed}.")
        beside = f'<p class="small">{e(said_beside.format(listed=listed))}</p>'
    caption = _("By nationality, as reported")
    return (f'<section><h2>{e(area.key.display_name)} · <span lang="{_other_language()}">{e(area.key.other_name)}'
            f'</span></h2><p>{e(said)}</p>{joint}{beside}<table><caption class="small">{e(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>")


def _other_language() -> str:
    return "en" if current() == "km" else "km"


def _sources(area: Area | None, filtered: Filtered) -> str:
    reports = list(area.sources) if area is not None else [
        r for h in filtered.headlines[:1] for r in h.figure.reports]
    if not reports:
        return ""
    items = "".join(
        f"<li>{safe_link(r.source.url, r.source.publisher)}"
        f"{' — ' + e(r.source.title) if r.source.title else ''}"
        f"{', ' + e(r.source.date) if r.source.date else ''}</li>" for r in reports[:MAX_SOURCES])
    more, heading = len(reports) - MAX_SOURCES, _("Sources")
    rest = _("{n} more in the full dashboard").format(n=number(more))
    rest = f'<p class="small">{e(rest)}</p>' if more > 0 else ""
    return f"<section><h2>{e(heading)}</h2><ol>{items}</ol>{rest}</section>"


def _filters(view: View, filtered: Filtered, snapshot: Snapshot) -> str:
    """The filters as plain links: each adds or removes one choice, keeping the rest of the view."""
    f = view.filters
    provinces = sorted((a.key for a in filtered.areas.values() if a.key.scope == "province"),
                       key=lambda k: k.display_name)

    def toggle(name: str, values: frozenset, value: str) -> str:
        chosen = values ^ {value}
        return link("/lite", _with(view, filters=replace(f, **{name: frozenset(chosen)}), area=None))

    groups = [
        (_("Provinces"), [(k.display_name, toggle("provinces", f.provinces, k.codes[0]), k.codes[0] in f.provinces)
                          for k in provinces]),
        (_("Nationalities counted"), [(nationality_display_name(c), toggle("nationalities", f.nationalities, c),
                                       c in f.nationalities) for c in snapshot.nationalities]),
        (_("Event types"), [(event_type_label(t), toggle("event_types", f.event_types, t), t in f.event_types)
                            for t in EVENT_TYPES]),
    ]
    heading, reset = _("Filters"), _("Reset filters")
    parts = [f"<h2>{e(heading)}</h2>"]
    for label, choices in groups:
        items = "".join(f'<li><a href="{e(href)}"{CHOSEN if on else ""}>{"✓ " if on else ""}{e(name)}</a></li>'
                        for name, href, on in choices)
        parts.append(f"<h3 class=\"small\">{e(label)}</h3><ul>{items}</ul>")
    parts.append(f'<p><a href="{e(link("/lite", View(language=view.language)))}">{e(reset)}</a></p>')
    return f'<nav aria-label="{e(heading)}">{"".join(parts)}</nav>'


def _links(view: View) -> str:
    full, figures, everything = (_("Open the full dashboard"), _("These figures as data (JSON)"),
                                 _("All the data (CSV)"))
    return (f'<p class="screen-only"><a href="{e(link("/", view))}">{e(full)}</a> · '
            f'<a href="{e(link("/data/figures.json", view))}">{e(figures)}</a> · '
            f'<a href="/data/events.csv">{e(everything)}</a></p>')


def _footer(snapshot: Snapshot) -> str:
    said = [version_words(snapshot.version) + ".",
            _("Most figures are government claims that have not been independently verified."),
            _("Licence: data CC BY 4.0. Boundaries: Natural Earth (public domain).")]
    return f"<footer><p>{e(' '.join(said))}</p></footer>"


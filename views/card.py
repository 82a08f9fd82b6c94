"""The shareable card: one image an advocate can post, carrying its own context.

It states the place (in the card's language, and in the other script), the period, the figure with its qualifier and
who claims it, the breakdown by nationality (counted ones as bars, those named without a
count, the unspecified remainder, women among them), the towns named, where sources
disagree, the sources, the data date and a link back to the same view. Every text is at
least 14 px high when the card is shown 600 px wide; when everything cannot fit at that
size, the card keeps place, period, figure, claimant, the sources named and the link, and
says the rest is at the link. Every word is in the interface's language; its file name stays ASCII.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

import i18n
from events.dates import date_label, period_label
from events.figures import Area, unify_claimants
from events.loading import DataVersion
from events.vocabulary import nationality_display_name, status_label
from i18n import _, ngettext, number
from views import card_image
from views.card_image import ACCENT, BAR, FORMATS, INK, MUTED, REMAINDER, RULE, Box, Text, line_height, wrap
from views.downloads import csv_text

MAX_CLAIMANTS = 2  # named on the card; the page behind its link names them all
# Sizes of place, Khmer name, figure and period, in multiples of the smallest text: the largest that fit.
HEADER_SCALES = ((2.0, 1.45, 1.5, 1.15), (1.6, 1.3, 1.3, 1.05), (1.25, 1.1, 1.1, 1.0), (1.0, 1.0, 1.0, 1.0))


def _left_out_how() -> str:
    # TRANSLATORS: what a card may leave to the page behind its link, in a list after "At the link:"
    return _("how the figure was obtained")


def _left_out_rows(missing: int, rows: int) -> str:
    # TRANSLATORS: what a card may leave to the page behind its link: "3 of 9 rows of the breakdown"
    return ngettext("{missing} of {n} row of the breakdown", "{missing} of {n} rows of the breakdown",
                    rows).format(missing=number(missing), n=number(rows))


def _left_out_named() -> str:
    # TRANSLATORS: what a card may leave to the page behind its link, in a list after "At the link:"
    return _("the nationalities named without a count")


def _left_out_towns() -> str:
    # TRANSLATORS: what a card may leave to the page behind its link, in a list after "At the link:"
    return _("the towns named")


def _left_out_disagreements() -> str:
    # TRANSLATORS: what a card may leave to the page behind its link, in a list after "At the link:"
    return _("where sources disagree")


def _left_out_citations() -> str:
    # TRANSLATORS: what a card may leave to the page behind its link, in a list after "At the link:"
    return _("the sources' titles and addresses")


def every_source() -> str:
    # TRANSLATORS: what a card may leave to the page behind its link, in a list after "At the link:"
    return _("every source")


def _at_the_link(left_out: list[str]) -> str:
    # TRANSLATORS: the card's note on what it leaves to the page its link opens: "At the link: the towns named."
    return _("At the link: {items}.").format(items=", ".join(left_out))


def _longest_note() -> str:
    """The note as long as it can be: the room a card keeps for it at first."""
    return _at_the_link([_left_out_how(), _left_out_rows(9, 99), _left_out_named(), _left_out_towns(),
                         _left_out_disagreements(), _left_out_citations()])


def _brief_note() -> str:
    # TRANSLATORS: the card's note when the list of what it leaves to its link does not fit
    return _("At the link: the rest, in full.")


def sentence_case(text: str) -> str:
    """The first letter in capitals, the rest as it is ("More than 1,000 people detained")."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Bar:
    label: str  # "Indonesia (of whom 45 women)"
    value: str  # "312", "at least 270": in words, the version sums use (other versions are under disagreements)
    count: int  # the bar's length; 0 when the number is not given
    remainder: bool = False  # the people whose nationality the sources do not give


@dataclass(frozen=True)
class CardSource:
    publisher: str
    title: str  # "" when the card's fonts cannot draw it (the page behind the link has it)
    date: str
    url: str

    def short(self) -> str:
        return f"{self.publisher} ({date_label(self.date)})" if self.date else self.publisher

    def full(self) -> str:
        title = f", “{self.title}”" if self.title else ""
        return ", ".join(p for p in (self.publisher + title, date_label(self.date) if self.date else "", self.url)
                         if p)


@dataclass(frozen=True)
class CardContent:
    place: str  # in the card's language: "Kratie" in English, "ក្រចេះ" in Khmer
    place_other: str  # in the other script, set beside it
    figure: str  # "At least 312 people detained"
    period: str
    how: str  # how the figure was obtained, when it is a sum or a joint figure
    claim: str  # who claims it, their words about status, and that it is not verified
    claim_short: str  # the same naming one claimant only, for a card short of room
    bars: tuple[Bar, ...]
    named: str  # nationalities named without a count
    towns: str
    disagreements: tuple[str, ...]
    sources: tuple[CardSource, ...]
    as_of: str
    version: str  # the data's version (its content hash): a citation of the card can be checked against it
    link: str
    file_stem: str  # the place and the period in ASCII, for file names in every language
    language: str  # the language the card is written in (its words are set when it is made)

    @property
    def alt_text(self) -> str:
        """The card as one paragraph: the page's text alternative for the image."""
        with i18n.use(self.language):
            bars = "; ".join(f"{b.label}: {b.value}" for b in self.bars)
            # TRANSLATORS: the card's text alternative begins: "Kratie (ក្រចេះ): 312 people detained, 14 – 16 Jul 2025."
            parts = [_("{place} ({other}): {figure}, {period}.").format(
                place=self.place, other=self.place_other, figure=self.figure, period=self.period),
                self.how, self.claim,
                _("By nationality: {bars}.").format(bars=bars) if bars else "", self.named, self.towns,
                *self.disagreements, _sources_sentence("; ".join(s.short() for s in self.sources))]
            return " ".join(p for p in parts if p)


def _sources_sentence(listed: str) -> str:
    # TRANSLATORS: the card's list of sources: "Sources: Khmer Times (16 Jul 2025); VOD."
    return _("Sources: {listed}.").format(listed=listed)


def card_content(area: Area, as_of: str, version: DataVersion, link: str, joint_with: str = "") -> CardContent:
    """What the card says about ``area``; ``joint_with``: the province asked for, when its figures are
    reported jointly with others (the card then says so)."""
    total = area.total
    # TRANSLATORS: on the card, when a province's figure is the sum of several
    how = [] if area.total_is_reported else [_("The sum of the figures reported; no overall total was given.")]
    if area.key.scope == "joint" and joint_with:
        # TRANSLATORS: on the card of a joint figure opened for one of its provinces
        how.append(_("{province}'s figures are reported for these provinces together, not split between "
                     "them.").format(province=joint_with))
    elif area.key.scope == "joint":
        how.append(_("These figures are reported for these provinces together, not split between them."))
    claimants = unify_claimants(c for f in area.tops for c in f.claimants)
    statuses = ", ".join(sorted({status_label(f.status) for f in area.tops if f.status})) or status_label(
        "unspecified")
    # TRANSLATORS: on the card: who claims the figure, the sources' words about the people's status
    claim, claim_short = (_("Claimed by {who}; {statuses}. Not independently verified.").format(
        who=_claimed_by(claimants, most), statuses=statuses) for most in (MAX_CLAIMANTS, 1))
    bars, named = [], ""
    for item in area.breakdown:
        label = nationality_display_name(item.nationality_code) if item.nationality_code else _(
            "Nationality not given")
        if item.subcount_words:
            # TRANSLATORS: a row of the card's breakdown: "Indonesia (of whom at least 45 women)"
            label = _("{nationality} (of whom {subcounts})").format(nationality=label, subcounts=item.subcount_words)
        # TRANSLATORS: a row of the card's breakdown when the source gives no number
        value = item.value.words() if item.value.known else _("number not given")
        bars.append(Bar(label, value, item.value.count if item.value.known else 0, not item.nationality_code))
        if item.named_words():
            named = _("Also named without a count: {names}.").format(names=item.named_words())
    disagreements = tuple(
        # TRANSLATORS: on the card: "Sources differ on “Raid in Kratie”: 312 (Khmer Times) · 300 (VOD)"
        _("Sources differ on “{title}”: {versions}").format(title=figure.title, versions=" · ".join(
            f"{value.words()} ({', '.join(dict.fromkeys(drawable_publisher(r.source.publisher) for r in reports))})"
            for value, reports in figure.versions()))
        for figure in area.figures if figure.disputed)
    sources = tuple(CardSource(drawable_publisher(s.publisher), s.title if card_image.drawable(s.title) else "",
                               s.date, s.url)
                    for s in (r.source for r in area.sources))
    if total.known:
        # TRANSLATORS: the card's figure; {value} is a number in words with its qualifier ("at least 312")
        figure = sentence_case(_("{value} people detained").format(value=total.words()))
    else:
        figure = _("People detained; number not given")
    with i18n.use("en"):
        file_stem = f"{_slug(area.key.name)}_{_slug(period_label(*area.period))}"
    return CardContent(
        place=area.key.display_name, place_other=area.key.other_name, figure=figure,
        period=period_label(*area.period), how=" ".join(how), claim=claim, claim_short=claim_short,
        bars=tuple(bars), named=named,
        towns=_("Places named: {towns}.").format(towns=", ".join(area.towns)) if area.towns else "",
        disagreements=disagreements, sources=sources, as_of=as_of, version=version.digest, link=link,
        file_stem=file_stem,
        language=i18n.current(),
    )


def _claimed_by(claimants: list[str], most: int) -> str:
    """Up to ``most`` claimants the card's fonts can draw, and how many more the page behind the link names."""
    named = [c for c in claimants if card_image.drawable(c)][:most]
    others = len(claimants) - len(named)
    # TRANSLATORS: in "Claimed by ...", when no claimant can be named on the card
    who = "; ".join(named) or _("the sources below")
    if not others:
        return who
    # TRANSLATORS: in "Claimed by ...": "Interior Ministry and 2 others named at the link"
    return ngettext("{who} and {n} other named at the link", "{who} and {n} others named at the link",
                    others).format(who=who, n=number(others))


@dataclass
class _Column:
    """Blocks set from the top down inside one column, each only if it fits above ``bottom``."""

    left: float
    width: float
    y: float
    bottom: float

    def block(self, text: str, size: int, bold: bool = False, color: str = INK) -> list[Text]:
        return _lines(self.left, 0, wrap(text, size, self.width, bold), size, bold, color)

    def fits(self, block: list, reserve: float = 0) -> bool:
        return self.y + _height(block) + reserve <= self.bottom

    def put(self, block: list, gap: float, into: list) -> None:
        into += [_moved(op, self.y) for op in block]
        self.y += _height(block) + gap


def _moved(op, dy: float):
    if isinstance(op, Text):
        return Text(op.x, op.y + dy, op.text, op.size, op.bold, op.color)
    return Box(op.x, op.y + dy, op.width, op.height, op.color)


def _lines(x: float, y: float, lines: list[str], size: int, bold: bool = False, color: str = INK) -> list[Text]:
    """Lines set one under the other from ``y``, each taking the room its script needs."""
    ops = []
    for line in lines:
        ops.append(Text(x, y, line, size, bold, color))
        y += line_height(size, line)
    return ops


def _height(block: list) -> float:
    return max((op.y + op.height for op in block), default=0)


def _source_lists(sources: tuple[CardSource, ...]) -> list[str]:
    """The sources, from the fullest citation to the shortest that still names them."""
    publishers = list(dict.fromkeys(s.publisher for s in sources))
    names = list(dict.fromkeys(publisher_name(p) for p in publishers))
    lists = [_sources_sentence("; ".join(f"[{i}] {s.full()}" for i, s in enumerate(sources, 1))),
             _sources_sentence("; ".join(s.short() for s in sources)),
             _sources_sentence("; ".join(publishers)),
             _sources_sentence("; ".join(names))]
    # TRANSLATORS: the card's shortest list of sources: "Sources: Khmer Times; VOD and 12 more."
    lists += [_("Sources: {listed} and {n} more.").format(listed="; ".join(names[:n]), n=number(len(names) - n))
              for n in (6, 3, 1) if len(names) > n]
    return lists


def publisher_name(publisher: str) -> str:
    """The outlet's name without the file's remarks in brackets: "Daily8 (wire report)" is Daily8."""
    return re.sub(r"\s*\([^()]*(\([^()]*\))?[^()]*\)", "", publisher).strip() or publisher


def drawable_publisher(publisher: str) -> str:
    """The publisher as the card's fonts can draw it: whole, or without its bracketed remarks."""
    for name in (publisher, publisher_name(publisher)):
        if card_image.drawable(name):
            return name
    # TRANSLATORS: on the card, in place of a publisher's name its fonts cannot draw (Chinese, Korean...)
    return _("a source named in another script")


def layout(content: CardContent, format_name: str) -> tuple[list, list[str]]:
    """The card's drawing operations in one format, and what it left to the page behind its link.

    Set first with room for the longest note on what is left out, then, while the note it needs is
    shorter, with only that room, which may let more of the card in."""
    with i18n.use(content.language):
        return _settled(content, format_name)


def _settled(content: CardContent, format_name: str) -> tuple[list, list[str]]:
    ops, left_out, room = _layout(content, format_name, None)
    for _attempt in range(3):  # each shorter note may let more in, and need a shorter note still
        if room is None:
            break
        tighter, tighter_left_out, shorter = _layout(content, format_name, room)
        if _overlapping(tighter):
            break
        ops, left_out = tighter, tighter_left_out
        room = shorter if shorter is not None and shorter < room else None
    return ops, left_out


def _overlapping(ops: list) -> bool:
    boxes = [(op.x, op.y, op.x + card_image.width_of(op.text, op.size, op.bold), op.y + op.height)
             for op in ops if isinstance(op, Text)]
    return any(a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1
               for i, a in enumerate(boxes) for b in boxes[i + 1:])


def _layout(content: CardContent, format_name: str, note_room: float | None) -> tuple[list, list[str], float | None]:
    """One setting of the card, with ``note_room`` kept for the note (None: the longest note), and the
    room the note it needed takes (None when it needed the longest).

    What it always keeps: place, figure, period, claimant, the sources named and the link back. Then, as
    room allows: how the figure was obtained, the breakdown, the nationalities named without a count, the
    towns, where sources disagree, and the sources' full citations."""
    width, height = FORMATS[format_name]
    small = math.ceil(card_image.MIN_TEXT * width / card_image.DISPLAY_WIDTH)
    margin, gap = round(width * 0.045), round(small * 0.5)
    ops: list = [Box(0, 0, width, round(small * 0.4), ACCENT)]
    # the link on lines of its own, without its scheme (a reader types or scans it; it opens either way)
    # TRANSLATORS: the card's footer, before its link: "Crackdown Map · data as of 20 Jul 2025 · version 49ffbfdaead1"
    dated = _("Crackdown Map · data as of {date} · version {version}").format(date=date_label(content.as_of),
                                                                             version=content.version)
    address = re.sub(r"^https?://", "", content.link)
    footer = min(wrap(f"{dated} · {address}", small, width - 2 * margin),
                 [dated, *wrap(address, small, width - 2 * margin)], key=len)
    footer_top = height - margin - sum(line_height(small, line) for line in footer)
    top = margin + small * 0.4
    page = _Column(margin, width - 2 * margin, top, footer_top - gap)
    sources = [page.block(text, small) for text in _source_lists(content.sources)]
    longest_note = _height(page.block(_longest_note(), small)) + gap
    note_room = longest_note if note_room is None else note_room  # for "At the link: ..."
    brief_room = min(note_room, _height(page.block(_brief_note(), small)) + gap)
    # Every outlet named if at all possible (the list of names only), else as many as fit. Two columns on a
    # wide card when what it must keep fits beside the breakdown; else one, as on the others. Short of room,
    # the card names one claimant, then says only that the rest is at the link, then sets the Khmer name
    # beside the English one, before it names fewer outlets.
    every_name = min(3, len(sources) - 1)
    shapes = [*((True, s) for s in HEADER_SCALES if format_name == "landscape"), *((False, s) for s in HEADER_SCALES)]
    settings = ((content.claim, note_room, False), (content.claim_short, note_room, False),
                (content.claim_short, brief_room, False), (content.claim_short, brief_room, True))
    for required, (claim_text, room, compact), (wide, scale) in (
            (r, setting, shape) for r in dict.fromkeys((every_name, len(sources) - 1))
            for setting in settings for shape in shapes):
        main = _Column(margin, page.width * (0.58 if wide else 1), top, page.bottom)
        claim = main.block(claim_text, small, color=MUTED)
        header = _header(main, content, [round(small * s) for s in scale], compact)
        essential = sum(_height(b) for b, _ in header) + _height(claim) + _height(sources[required]) \
            + 4 * gap + room
        if top + essential <= page.bottom:  # the largest headline that leaves room for what the card keeps
            break
    note_room = room  # the room the chosen setting keeps for the note
    for block, after in header:
        main.put(block, after * gap, ops)
    left_out: list[str] = []
    how = main.block(content.how, small) if content.how else []
    reserve = _height(sources[required]) + gap + note_room  # under both columns: the sources kept, the note
    if how and main.fits(how, _height(claim) + gap + reserve):
        main.put(how, gap, ops)
    elif how:
        left_out.append(_left_out_how())
    main.put(claim, gap, ops)

    # The breakdown: beside the headline on a wide card, under it otherwise.
    side = _Column(margin + page.width * 0.62, page.width * 0.38, top, page.bottom) if wide else main
    rows = _bar_rows(content.bars, side, small)
    shown = 0
    if rows:
        heading = side.block(_("By nationality, as reported"), small, bold=True)
        if side.fits(heading, rows[0][1] + reserve):
            side.put(heading, round(gap / 2), ops)
            for row in rows:
                if not side.fits(row[0], reserve):
                    break
                side.put(row[0], round(small * 0.3), ops)
                shown += 1
        if shown < len(rows):
            left_out.append(_left_out_rows(len(rows) - shown, len(rows)))
        side.y += gap
    for name, text in ((_left_out_named(), content.named), (_left_out_towns(), content.towns),
                       *((_left_out_disagreements(), d) for d in content.disagreements)):
        block = side.block(text, small) if text else []
        if block and side.fits(block, reserve):
            side.put(block, round(gap / 2), ops)
        elif block and name not in left_out:
            left_out.append(name)

    page.y = max(main.y, side.y)
    for i, block in enumerate(sources):
        if page.fits(block, note_room) or i == len(sources) - 1:
            page.put(block, gap, ops)
            if i:
                left_out.append(_left_out_citations() if i < 4 else every_source())
            break
    needed = 0.0
    if left_out:
        note = page.block(_at_the_link(list(dict.fromkeys(left_out))), small, color=MUTED)
        if not page.fits(note):
            note = page.block(_brief_note(), small, color=MUTED)
        needed = _height(note) + gap
        page.put(note, 0, ops)
    ops.append(Box(margin, footer_top - round(small * 0.4), page.width, 2, RULE))
    ops += _lines(margin, footer_top, footer, small, color=MUTED)
    return ops, left_out, (needed if needed < note_room else None)


def _header(column: _Column, content: CardContent, sizes: list[int], compact: bool) -> list[tuple[list, int]]:
    """Place, Khmer name, figure and period at ``sizes``, each with the gaps after it; ``compact`` sets
    the Khmer name on the place's line when it fits there."""
    place = column.block(content.place, sizes[0], bold=True)
    khmer = column.block(content.place_other, sizes[1])
    figure = column.block(content.figure, sizes[2], bold=True, color=ACCENT)
    period = column.block(content.period, sizes[3], bold=True)
    beside = place[-1].x + card_image.width_of(place[-1].text, sizes[0], True) + sizes[0] * 0.5
    if compact and len(khmer) == 1 and beside + card_image.width_of(content.place_other, sizes[1]) <= \
            column.left + column.width:
        line = place[-1].y + sizes[0] - sizes[1]  # on the place's line, baselines level
        together = [*place, *(Text(beside, line, op.text, op.size, op.bold, op.color) for op in khmer)]
        return [(together, 1), (figure, 0), (period, 1)]
    return [(place, 0), (khmer, 1), (figure, 0), (period, 1)]


def _bar_rows(bars: tuple[Bar, ...], column: _Column, small: int) -> list[tuple[list, float]]:
    """One row per bar: the label, the bar scaled to the largest, its value with qualifier in words."""
    label_width = column.width * 0.4
    value_width = max((card_image.width_of(b.value, small, bold=True) for b in bars), default=0) + small * 0.4
    room = max(column.width - label_width - value_width, small)
    largest = max((b.count for b in bars), default=0) or 1
    rows = []
    for bar in bars:
        ops: list = _lines(column.left, 0, wrap(bar.label, small, label_width - small * 0.5), small)
        length = max(room * bar.count / largest, 3) if bar.count else 0
        ops.append(Box(column.left + label_width, (ops[0].height - small) / 2, length,
                       small, REMAINDER if bar.remainder else BAR))
        ops.append(Text(column.left + label_width + length + small * 0.4, 0, bar.value, small, bold=True))
        rows.append((ops, _height(ops)))
    return rows


def card_png(content: CardContent, format_name: str) -> bytes:
    return card_image.png(layout(content, format_name)[0], FORMATS[format_name])


def card_svg(content: CardContent, format_name: str) -> str:
    return card_image.svg(layout(content, format_name)[0], FORMATS[format_name], content.alt_text)


def _slug(text: str) -> str:
    words = re.sub(r"[\W_]+", "-", text.lower())  # dashes and spaces alike separate words
    return re.sub(r"-+", "-", unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()).strip("-")


def file_name(content: CardContent, format_name: str, extension: str) -> str:
    """``crackdown-map_kratie_14-16-jul-2025_landscape.png``: the place and the period, readable, in English
    whatever the card's language."""
    return f"crackdown-map_{content.file_stem}_{format_name}.{extension}"


def card_csv(area: Area, version: DataVersion) -> str:
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
    return csv_text(pd.DataFrame(rows), version)

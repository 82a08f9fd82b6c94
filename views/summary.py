"""What a view says in a few words: the headline sentence, and the title and description that link previews,
search results and the light page carry, so a shared link says what the view shows before anyone opens it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from events.dates import date_label, period_label
from events.figures import Area, Figure
from events.loading import DataVersion
from events.vocabulary import status_label
from geo.areas import NATIONAL, AreaKey
from i18n import _, ngettext, number
from views.address import View
from views.card import card_content, sentence_case
from views.selection import Filtered, Snapshot


def headline_sentence(figure: Figure) -> str:
    """"More than 1,000 people detained, 14 – 16 Jul 2025": the national figure as the page's headline."""
    return sentence_case(_("{value} people detained, {period}").format(value=figure.value.words(),
                                                                        period=period_label(*figure.period)))


def claim_sentence(figure: Figure) -> str:
    """Its title as sourced, who claims it and what the sources call the people, that it is not verified, and
    when a single outlet carries it."""
    said = _("{title}. Claimed by {who}; {status}. Not independently verified.").format(
        title=figure.title, who="; ".join(figure.claimants) or _("the sources"),
        status=status_label(figure.status) if figure.status else "")
    if len({r.source.publisher for r in figure.reports}) == 1:
        # TRANSLATORS: after a headline figure that a single outlet reports
        said += " " + _("Only one outlet reports this figure.")
    return said


def version_words(version: DataVersion) -> str:
    """"Data version 49ffbfdaead1, changed 2 Dec 2026": which data a view shows, to cite and check it by."""
    if not version.changed:
        return _("Data version {digest}").format(digest=version.digest)
    # TRANSLATORS: which version of the data a view shows: its content hash and the day the file last changed
    return _("Data version {digest}, changed {date}").format(digest=version.digest, date=date_label(version.changed))


def citation(title: str, address: str, version: DataVersion, accessed: date) -> str:
    """A citation of a view: what it shows, its address, the data's version and the day it was read."""
    # TRANSLATORS: how to cite a view of the map; {title} is what the view shows ("Kratie: 312 people detained, ...")
    return _("Crackdown Map, “{title}”, {address} ({version}; accessed {accessed}).").format(
        title=title, address=address, version=version_words(version), accessed=date_label(accessed.isoformat()))


def showing_sentence(shown: int, total: int) -> str:
    """How much of the file the filters show."""
    return ngettext("Showing {shown} of {n} figure under the current filters.",
                    "Showing {shown} of {n} figures under the current filters.", total).format(
        shown=number(shown), n=number(total))


def shown_area(filtered: Filtered, view: View) -> AreaKey | None:
    """The area whose figure a view shows: the one asked for (a province inside a joint figure opens that
    figure), the one province chosen in the filters, else none (the national headline)."""
    asked = view.area
    if asked is None and len(view.filters.provinces) == 1:
        asked = AreaKey(tuple(view.filters.provinces))
    if asked is None:
        return None
    return filtered.area_of(asked.codes[0]) if len(asked.codes) == 1 else asked


@dataclass(frozen=True)
class Summary:
    title: str  # "Kratie: 312 people detained, 14 – 16 Jul 2025"
    description: str  # who claims it, that it is not verified, what else the view shows
    area: Area | None  # the area of the card that goes with it: a province, a joint group, or the country


def summarize(filtered: Filtered, view: View, snapshot: Snapshot, link: str) -> Summary | None:
    """The view in a title and a description; None when it asks for a place with no figure under its filters."""
    key = shown_area(filtered, view)
    if key is not None:
        area = filtered.areas.get(key)
        if area is None:
            return None
        content = card_content(area, snapshot.as_of, snapshot.version, link)
        # TRANSLATORS: a link preview's title: "Kratie: 312 people detained, 14 – 16 Jul 2025"
        title = _("{place}: {figure}, {period}").format(place=content.place, figure=content.figure,
                                                        period=content.period)
        return Summary(title, " ".join(p for p in (content.how, content.claim) if p), area)
    if not filtered.headlines:
        return Summary(_("No national figure in this selection"), _description(), None)
    figure = filtered.headlines[0].figure
    return Summary(headline_sentence(figure), f"{claim_sentence(figure)} {_description()}",
                   filtered.areas.get(NATIONAL))


def _description() -> str:
    return _("Enforcement actions against scam compounds in Cambodia, as reported, with every source.")

"""Sidebar filters, seeded from the URL on a session's first run and written back each run.

The address is the view: when it changes without the page having written it (Back, Forward), the
filters, the open province and the language follow it again."""

from __future__ import annotations

from datetime import date

import streamlit as st

import i18n
from events.dates import date_label
from events.filters import Filters
from events.vocabulary import (
    EVENT_TYPES,
    SCOPES,
    STATUSES,
    event_type_label,
    nationality_display_name,
    scope_label,
    status_label,
)
from geo import gazetteer
from geo.areas import AreaKey
from i18n import _
from views.address import STREAMLIT_OWN, View, language, parse, to_params

_SEEDED = "_url_seeded"
_WRITTEN = "_url_written"  # the address as the page last wrote it


def current_view(data_start: date, data_end: date, nationality_codes: list[str]) -> tuple[View, list[str]]:
    """The view after this run's widget changes, and notices about ignored URL parts.

    Read from the widgets' state, which holds their values before they are drawn, so the page can
    send the map before the filters (`draw`): the map's frame then starts loading first."""
    notices: list[str] = []
    if _SEEDED not in st.session_state:
        params = _address()
        notice = language(st.query_params.get("lang", ""), st.context.locale)[1]
        view, notices = parse(params)
        notices = [notice] * bool(notice) + notices
        absent = view.filters.nationalities - set(nationality_codes)
        notices += [_("No figure counts nationals of {nationality}; that filter was left out.").format(
            nationality=nationality_display_name(c)) for c in absent]
        _seed(view, data_start, data_end, set(nationality_codes))
        st.session_state[_SEEDED] = True
        st.session_state["area"] = view.area
        st.session_state["mode"] = view.mode
    _keep_within(data_start, data_end)
    state = st.session_state
    start, end = state["period"] if data_start < data_end else (data_start, data_end)
    filters = Filters(
        start=start if start > data_start else None, end=end if end < data_end else None,
        provinces=frozenset(state["provinces"]), nationalities=frozenset(state["nationalities"]),
        event_types=frozenset(state["types"]), statuses=frozenset(state["statuses"]),
        scopes=frozenset(state["scopes"]),
    )
    return View(filters, state.get("area"), state.get("mode", "map"), state["lang"]), notices


def activate_language() -> None:
    """The language of this run, as the switch holds it (the URL's or the browser's on a session's first run):
    set before anything is written, since every text is written in it."""
    navigated = _navigated()
    if navigated:
        st.session_state.pop(_SEEDED, None)  # the filters follow the address too (current_view)
    if "lang" not in st.session_state or navigated:
        st.session_state["lang"], _notice = language(st.query_params.get("lang", ""), st.context.locale)
    i18n.activate(st.session_state["lang"])


def _address() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _canonical(params: dict[str, str | list[str]]) -> tuple:
    return tuple(sorted((key, (value,) if isinstance(value, str) else tuple(value)) for key, value in params.items()))


def _navigated() -> bool:
    """Whether the address changed since the page wrote it: the viewer went Back or Forward."""
    written = st.session_state.get(_WRITTEN)
    return written is not None and _canonical(_address()) != written


def language_switch() -> None:
    """The visible switch, named in both languages so a reader of either finds it."""
    st.segmented_control("ភាសា · Language", list(i18n.LANGUAGES), key="lang", format_func=i18n.LANGUAGES.get,
                         required=True, label_visibility="collapsed")


def draw(data_start: date, data_end: date, nationality_codes: list[str]) -> None:
    """The filter widgets, holding the values `current_view` read."""
    provinces = gazetteer.provinces()
    with st.sidebar:
        st.header(_("Filters"))
        if data_start < data_end:
            st.slider(_("Period"), min_value=data_start, max_value=data_end, key="period",
                      # TRANSLATORS: the slider's date format, in the tokens of the Moment.js library Streamlit uses;
                      # its month names are English only, so a language without them writes months as numbers
                      format=_("D MMM YYYY"))
        else:  # a slider needs two different ends
            st.caption(_("Period: every figure is dated {day}.").format(day=date_label(data_start.isoformat())))
        choose = _("Choose one or more")  # in place of Streamlit's own English placeholder
        st.multiselect(_("Provinces"), list(provinces), key="provinces", placeholder=choose,
                       format_func=i18n.bound(lambda c: AreaKey((c,)).display_name))
        st.multiselect(_("Nationalities counted"), nationality_codes, key="nationalities", placeholder=choose,
                       format_func=i18n.bound(nationality_display_name))
        st.multiselect(_("Event types"), list(EVENT_TYPES), key="types", placeholder=choose,
                       format_func=i18n.bound(event_type_label))
        # TRANSLATORS: a filter: what the operations were (scam, gambling, trafficking); none chosen: all
        st.multiselect(_("Operations"), list(SCOPES), key="scopes", placeholder=choose,
                       format_func=i18n.bound(scope_label))
        st.multiselect(_("People counted as"), list(STATUSES), key="statuses", placeholder=choose,
                       format_func=i18n.bound(status_label))
        if st.button(_("Reset filters")):
            for key in ("period", "provinces", "nationalities", "types", "statuses", "scopes"):
                st.session_state.pop(key, None)
            st.session_state["area"] = None
            st.rerun()


def _keep_within(data_start: date, data_end: date) -> None:
    """Widget state that survives a data change: the period stays inside the data's dates."""
    start, end = st.session_state.get("period", (data_start, data_end))
    start = min(max(start, data_start), data_end)
    st.session_state["period"] = (start, min(max(end, start), data_end))
    for key in ("provinces", "nationalities", "types", "statuses", "scopes"):
        st.session_state.setdefault(key, [])


def _seed(view: View, data_start: date, data_end: date, nationality_codes: set[str]) -> None:
    s = view.filters
    start = min(max(s.start or data_start, data_start), data_end)
    end = max(min(s.end or data_end, data_end), start)
    st.session_state["period"] = (start, end)
    st.session_state["provinces"] = gazetteer.in_code_order(s.provinces)
    st.session_state["nationalities"] = sorted(s.nationalities & nationality_codes)
    st.session_state["types"] = sorted(s.event_types)
    st.session_state["statuses"] = sorted(s.statuses)
    st.session_state["scopes"] = sorted(s.scopes)


def write_url(view: View) -> None:
    """Keep the address bar equal to the view, so the page can be shared or cited as it is."""
    kept = {key: st.query_params.get_all(key) for key in STREAMLIT_OWN if key in st.query_params}
    address = {**to_params(view), **kept}
    st.query_params.from_dict(address)
    st.session_state[_WRITTEN] = _canonical(address)

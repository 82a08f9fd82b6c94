"""Crackdown Map: enforcement actions against Cambodia's scam compounds, as reported.

Thin on purpose. Streamlit runs this file as each session's page (``__main__``): the page is
composed in dashboard/page.py, inside a guard, so no error reaches a viewer as a traceback (it is
logged for the operator). ``streamlit run app.py`` also finds ``app`` below and serves it: Streamlit
with the routes beside the dashboard (web/: link previews, the card by URL, the light page, open
data). The Streamlit parts live in dashboard/, what they draw in views/, the event model in events/,
the reference geography in geo/ and the languages in i18n/.
"""

from __future__ import annotations

import logging

import streamlit as st

if __name__ == "__main__":
    from dashboard import page
    from i18n import _

    st.set_page_config(page_title="Crackdown Map", page_icon="🗺️", layout="wide")
    try:
        page.show()
    except Exception:  # Streamlit's own stop and rerun signals are not Exceptions and pass through
        logging.getLogger("crackdown_map").exception("the page could not be drawn")
        st.error(_("This page could not be drawn. The problem has been logged for the site's operator; "
                   "please try again later."))
else:
    from web.routes import MIDDLEWARE, ROUTES

    app = st.App(__file__, routes=ROUTES, middleware=MIDDLEWARE)

"""The Streamlit user interface: URL state, panels, charts and the province card."""

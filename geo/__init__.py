"""Geography of Cambodia for the dashboard: gazetteer, boundaries and the map.

Plain Python (no Streamlit), so it can be tested and reused without the app.
"""

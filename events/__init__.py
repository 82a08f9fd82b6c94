"""Crackdown event data: the model, loading and checking, and aggregation.

Plain Python (no Streamlit) so the check command, the tests and the app share it.
Entry points: ``events.loading.load_events`` and ``python -m events check``.
"""

"""Crackdown event data: the model, loading and checking, and aggregation.

Plain Python (no Streamlit) so the check command, the tests and the app share it.
"""

from events.loading import LoadResult, Problem, load_events

__all__ = ["LoadResult", "Problem", "load_events"]

"""Production serving: Caddy in front of several Streamlit replicas (``python -m serve``, ``make serve``)."""

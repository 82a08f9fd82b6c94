"""The routes beside the dashboard, answered without a Streamlit session (so through any replica): link
previews in the page's HTML, the card by URL, a light page rendered on the server, and the open data."""

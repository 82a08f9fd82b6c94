"""View builders: the folium map, the Altair charts, the card image and the panels' tables.

They turn the event model into things to draw, with every data text escaped for
where it lands; no Streamlit here, so each is tested on its own.
"""

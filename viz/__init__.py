"""What the app shows, as a library: search, profiles, pyvis networks (offline), result tables."""
from viz.network import Neighbourhood, neighbourhood, network_html
from viz.profile import Profile, profile
from viz.search import Hit, load_entries, search
from viz.session import db_location, store_version
from viz.tables import result_frame

__all__ = ["Hit", "Neighbourhood", "Profile", "db_location", "load_entries", "neighbourhood",
           "network_html", "profile", "result_frame", "search", "store_version"]

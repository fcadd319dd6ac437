"""What the app shows, as a library: search, profiles, pyvis networks (offline), timelines, result tables."""
from viz.network import Neighbourhood, expanded_neighbourhood, neighbourhood, network_html
from viz.profile import Profile, profile
from viz.search import Hit, load_entries, search
from viz.ingest import IngestReport, extract_uploads, store_documents
from viz.session import db_location, store_version, writable_store
from viz.tables import result_frame
from viz.timeline import Timeline, timeline, timeline_frame
from viz.timeline_chart import timeline_chart

__all__ = ["Hit", "IngestReport", "Neighbourhood", "Profile", "db_location", "extract_uploads", "load_entries",
           "neighbourhood", "network_html", "profile", "result_frame", "search", "store_documents", "store_version",
           "writable_store", "expanded_neighbourhood", "Timeline", "timeline", "timeline_frame", "timeline_chart"]

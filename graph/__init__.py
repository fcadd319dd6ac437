"""Graph stores: the GraphStore protocol, the embedded LadybugDB store and the Neo4j store."""
from graph.open import open_store
from graph.store import Edge, GraphStore, QueryResult

__all__ = ["Edge", "GraphStore", "QueryResult", "open_store"]

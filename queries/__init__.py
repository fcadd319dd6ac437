"""Named, parameterised Cypher queries (the ``.cypher`` files here), ad-hoc read-only Cypher,
result formatting and honour-lineage exports, shared by the CLI and the app.

>>> sorted(load_queries())[:3]
['entity_profile', 'events_in_range', 'honour_citations']
"""
from queries.adhoc import check_cypher, run_cypher
from queries.output import render
from queries.registry import NamedQuery, get_query, load_queries, run_query

__all__ = ["NamedQuery", "check_cypher", "get_query", "load_queries", "render", "run_cypher", "run_query"]

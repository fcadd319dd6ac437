// name: person_candidates (Neo4j: `IN` instead of list_contains())
MATCH (p:Person)
WHERE p.id = $person OR p.name = $person OR $person IN coalesce(p.aliases, [])
OPTIONAL MATCH (p)<-[:HOLDER]-(x:Position)-[:IN_ORGANISATION]->(o:Organisation)
OPTIONAL MATCH (p)<-[:RECIPIENT]-(:Award)-[:RECIPIENT_ORG]->(ro:Organisation)
OPTIONAL MATCH (p)-[:MENTIONED_IN]->(d:Document)
RETURN p.id AS id, p.name AS name, collect(DISTINCT o.name) + collect(DISTINCT ro.name) AS organisations,
       collect(DISTINCT x.title) AS titles, collect(DISTINCT d.path) AS documents
ORDER BY id

// name: person_candidates
// title_zh: 同名人物候选
// title_en: People of a name, with their organisations
// param: person: str
// returns: every person whose id, name or alias is `person`, to tell namesakes apart: id, name,
// returns: organisations (where they hold a position or were honoured as members), titles, documents.
MATCH (p:Person)
WHERE p.id = $person OR p.name = $person OR list_contains(p.aliases, $person)
OPTIONAL MATCH (p)<-[:HOLDER]-(x:Position)-[:IN_ORGANISATION]->(o:Organisation)
OPTIONAL MATCH (p)<-[:RECIPIENT]-(:Award)-[:RECIPIENT_ORG]->(ro:Organisation)
OPTIONAL MATCH (p)-[:MENTIONED_IN]->(d:Document)
RETURN p.id AS id, p.name AS name, collect(DISTINCT o.name) + collect(DISTINCT ro.name) AS organisations,
       collect(DISTINCT x.title) AS titles, collect(DISTINCT d.path) AS documents
ORDER BY id

// name: studios
// title_zh: 创新工作室及其领衔人、依托单位
// title_en: Studios with their leaders and hosts
// param: studio: str = ""
// returns: studios whose name contains `studio` (all when empty), by name: studio, id, leader,
// returns: leader_id, host, host_level, quotes and documents (the evidence).
MATCH (s:Studio)
WHERE $studio = '' OR s.name CONTAINS $studio
OPTIONAL MATCH (s)-[:LED_BY]->(l:Person)
OPTIONAL MATCH (s)-[:HOSTED_BY]->(h:Organisation)
OPTIONAL MATCH (s)-[e:SUPPORTED_BY]->(d:Document)
RETURN s.name AS studio, s.id AS id, l.name AS leader, l.id AS leader_id, h.name AS host,
       h.level AS host_level, collect(DISTINCT e.quote) AS quotes, collect(DISTINCT d.path) AS documents
ORDER BY studio, leader, host

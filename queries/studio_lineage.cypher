// name: studio_lineage
// title_zh: 创新工作室的领衔人、依托单位及出处
// title_en: A studio's leader and host, with their sources
// param: studio: str
// returns: one row per studio (by id or exact name), leader, host and piece of evidence: id, studio,
// returns: leader, leader_id, host, host_id, host_level, document, article_title, article_date, quote.
MATCH (s:Studio)
WHERE s.id = $studio OR s.name = $studio
OPTIONAL MATCH (s)-[:LED_BY]->(l:Person)
OPTIONAL MATCH (s)-[:HOSTED_BY]->(h:Organisation)
OPTIONAL MATCH (s)-[e:SUPPORTED_BY]->(d:Document)
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article)
WHERE art.`index` = e.article
RETURN s.id AS id, s.name AS studio, l.name AS leader, l.id AS leader_id, h.name AS host, h.id AS host_id,
       h.level AS host_level, d.path AS document, art.title AS article_title, art.date AS article_date,
       e.quote AS quote
ORDER BY id, leader, host, document, e.start

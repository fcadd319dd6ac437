// name: person_honours
// title_zh: 人物荣誉（按时间顺序）
// title_en: A person's honours in time order
// param: person: str
// returns: one row per award of the person (by name or id), earliest first, undated last:
// returns: person_id, person, year, honour, honour_en, level, ladder, rung, conferred_by,
// returns: organisation (the recipient's at the time), quotes and documents (the evidence).
MATCH (p:Person)<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour)
WHERE p.id = $person OR p.name = $person
OPTIONAL MATCH (a)-[:CONFERRED_BY]->(c:Organisation)
OPTIONAL MATCH (a)-[:RECIPIENT_ORG]->(o:Organisation)
OPTIONAL MATCH (a)-[s:SUPPORTED_BY]->(d:Document)
RETURN p.id AS person_id, p.name AS person, a.year AS year, h.name AS honour, h.en AS honour_en,
       h.level AS level, h.ladder AS ladder, h.rung AS rung, c.name AS conferred_by,
       o.name AS organisation, collect(DISTINCT s.quote) AS quotes, collect(DISTINCT d.path) AS documents
ORDER BY person_id, year IS NULL, year, rung, honour

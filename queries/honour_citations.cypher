// name: honour_citations
// title_zh: 人物荣誉及出处
// title_en: A person's honours with their sources
// param: person: str
// returns: one row per award of the person (by id or name) and piece of evidence, earliest first:
// returns: award_id, year, edition, honour, honour_en, level, ladder, conferred_by, organisation,
// returns: document, article_title, article_date, quote.
MATCH (p:Person)<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour)
WHERE p.id = $person OR p.name = $person
OPTIONAL MATCH (a)-[:CONFERRED_BY]->(c:Organisation)
OPTIONAL MATCH (a)-[:RECIPIENT_ORG]->(o:Organisation)
OPTIONAL MATCH (a)-[s:SUPPORTED_BY]->(d:Document)
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article)
WHERE art.`index` = s.article
RETURN a.id AS award_id, a.year AS year, a.edition AS edition, h.name AS honour, h.en AS honour_en,
       h.level AS level, h.ladder AS ladder, c.name AS conferred_by, o.name AS organisation,
       d.path AS document, art.title AS article_title, art.date AS article_date, s.quote AS quote
ORDER BY year IS NULL, year, h.rung, honour, document, s.start

// name: honour_lineage
// title_zh: 荣誉获得者谱系及出处
// title_en: An honour's recipients by year, with their sources
// param: honour: str
// returns: the honour (by id or name) with one row per award and piece of evidence, earliest first
// returns: (a single row with a null award_id when nobody is recorded as holding it): honour_id, honour,
// returns: honour_en, level, award_id, year, edition, recipient, recipient_id, recipient_kind,
// returns: organisation, conferred_by, document, article_title, article_date, quote.
MATCH (h:Honour)
WHERE h.id = $honour OR h.name = $honour
OPTIONAL MATCH (h)<-[:FOR_HONOUR]-(a:Award)-[:RECIPIENT]->(r)
OPTIONAL MATCH (a)-[:RECIPIENT_ORG]->(o:Organisation)
OPTIONAL MATCH (a)-[:CONFERRED_BY]->(c:Organisation)
OPTIONAL MATCH (a)-[s:SUPPORTED_BY]->(d:Document)
OPTIONAL MATCH (d)-[:HAS_ARTICLE]->(art:Article)
WHERE art.`index` = s.article
RETURN h.id AS honour_id, h.name AS honour, h.en AS honour_en, h.level AS level, a.id AS award_id,
       a.year AS year, a.edition AS edition, r.name AS recipient, r.id AS recipient_id,
       a.recipient_kind AS recipient_kind, o.name AS organisation, c.name AS conferred_by,
       d.path AS document, art.title AS article_title, art.date AS article_date, s.quote AS quote
ORDER BY year IS NULL, year, recipient, document, s.start
